# shellcheck shell=bash
# scripts/lab.d/services.sh: Helpers of the per-node servers and the data directory templates.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- per-node services ---------------------------------------------------------------------
#
# node_services_start runs for every TVox node at once (the DR client gets none), after every
# sshd is up; node_services_stop runs in `down` before the lab's processes are killed. Rules
# for a server started here:
#   - start inside the node's namespace: ip netns exec "$(ns_name "$id" "$node")" ...;
#   - keep data, logs and sockets under "$dir/$node/": /tmp and /run are shared by every node
#     and lab (only /etc is per namespace);
#   - write a pid file named *.pid under "$dir" (down kills every process named by one, if
#     its command line mentions DIR or it lives in one of the lab's namespaces);
#   - redirect stdin/stdout/stderr (</dev/null >log 2>&1): a daemon holding the caller's
#     stdout open makes a test's Command::output() wait for it forever;
#   - PostgreSQL and MariaDB refuse to run as root: they run as the lab user.

has_service() { [[ ",$1," == *",$2,"* ]]; } # services-csv service

# The nodes that run services: the TVox nodes (the DR client has no databases).
service_nodes() { # nodes
    local node
    for node in $1; do
        [[ $node == tvox1 || $node == tvox2 ]] && echo "$node"
    done
    return 0
}

# From / because PostgreSQL's tools complain when they cannot read the current directory
# (/root, a test's cwd).
as_lab_user() { # cmd...
    (cd / && runuser -u "$LAB_USER" -- "$@")
}

as_lab_user_in() { # id node cmd...
    (cd / && ip netns exec "$(ns_name "$1" "$2")" runuser -u "$LAB_USER" -- "${@:3}")
}

wait_all() { # pid...: fails if any of these background jobs failed
    local pid rc=0
    for pid in "$@"; do wait "$pid" || rc=1; done
    return "$rc"
}

# Sends SIGNAL to the daemon a pid file names and waits for it to exit; SIGKILL after 5 s.
# Only if its command line mentions DIR: a stale file must not hit a stranger with that pid.
stop_pid_file() { # pid-file dir signal
    local pid i
    [[ -s $1 ]] || return 0
    pid=$(head -n1 "$1" | tr -dc 0-9)
    [[ -n $pid ]] && is_running "$pid" || return 0
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2" || return 0
    kill "-$3" "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        is_running "$pid" || return 0
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
}

# ---- templates: data directories made once per machine -------------------------------------

# /var/tmp is world-writable: use the template root only if root owns it and it is no symlink.
template_root() {
    mkdir -p "$TEMPLATE_ROOT"
    [[ ! -L $TEMPLATE_ROOT && $(stat -c %u "$TEMPLATE_ROOT") == 0 ]] ||
        die "$TEMPLATE_ROOT must be a directory owned by root: remove it"
    chmod 0755 "$TEMPLATE_ROOT"
}

# TEMPLATE_ROOT/NAME/data, made by BUILD once per machine. Labs starting together wait on one
# flock instead of each running initdb; NAME appears (by rename) only when complete, so a
# build killed half-way is simply redone. No daemon is started under the lock.
ensure_template() { # name build-function
    local tpl=$TEMPLATE_ROOT/$1 fd
    [[ -d $tpl/data ]] && return 0
    template_root
    exec {fd}>"$TEMPLATE_ROOT/.$1.lock"
    flock "$fd"
    if [[ ! -d $tpl/data ]]; then
        rm -rf "$tpl" "$tpl.new"
        mkdir -m 0755 "$tpl.new"
        chown "$LAB_USER:" "$tpl.new"
        "$2" "$tpl.new"
        mv -T "$tpl.new" "$tpl"
    fi
    exec {fd}>&-
}
