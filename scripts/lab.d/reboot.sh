# shellcheck shell=bash
# scripts/lab.d/reboot.sh: Nodes that reboot (the `reboot` stand-in).
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- reboot: nodes that can be rebooted (tvdr's `reboot` steps) ----------------------------
#
# Lab nodes share this machine's kernel, so nothing really reboots. `rebootable NODE` gives a
# node what a reboot changes, as seen over ssh:
#   - a boot id of its own: DIR/<node>/boot_id is bind-mounted over
#     /proc/sys/kernel/random/boot_id in sshd's mount namespace (`ip netns exec` gives every
#     process it starts a mount namespace of its own), so that node's sessions, and only
#     they, read it (`scripts/lab exec` does not: read the file);
#   - DIR/<node>/bin/reboot, the lab user's `reboot`: it asks the node's "init", a root
#     process outside the node (DIR/<node>/reboot-init.pid) reading DIR/<node>/reboot.fifo,
#     which stops sshd and every session it started, waits SECS seconds (--down, default
#     2), writes a new boot id and starts sshd again (same host key). Logged to
#     DIR/<node>/reboot.log.
# Database servers and processes detached from their session (screen) survive it. A TVox
# node's roles change as a real cluster's would (see "the TVox stand-in" above).

readonly REBOOT_DOWN_DEFAULT=2

# The pid and every descendant of it.
pid_tree() { # pid
    local child
    echo "$1"
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do pid_tree "$child"; done
}

# start_sshd, with the node's boot id mounted in sshd's mount namespace first.
start_sshd_booted() { # id dir node
    local id=$1 node=$3 nd=$2/$3 ns
    ns=$(ns_name "$id" "$node")
    mkdir -p /run/sshd
    rm -f "$nd/sshd.pid"
    # shellcheck disable=SC2016 # expanded by the inner sh
    ip netns exec "$ns" sh -c \
        'mount --bind "$1" /proc/sys/kernel/random/boot_id && exec /usr/sbin/sshd -f "$2" -E "$3"' \
        sh "$nd/boot_id" "$nd/sshd_config" "$nd/sshd.log" </dev/null >/dev/null 2>&1 || true
    if ! wait_for_file "$nd/sshd.pid" 100 ||
        ! ip netns exec "$ns" timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/22" 2>/dev/null; then
        tail -n 20 "$nd/sshd.log" >&2 || true
        die "sshd for \`$node\` did not start (log: $nd/sshd.log)"
    fi
}

reboot_node() { # id dir node
    local nd=$2/$3 pid pids down
    down=$(cat "$nd/reboot.down" 2>/dev/null || echo "$REBOOT_DOWN_DEFAULT")
    # A TVox master going down: the other node takes over, or the node IP goes with it.
    ft_before_reboot "$1" "$2" "$LAB_NODES" "$3"
    pid=$(cat "$nd/sshd.pid" 2>/dev/null || true)
    if [[ -n $pid ]] && is_running "$pid"; then
        mapfile -t pids < <(pid_tree "$pid")
        kill_and_wait "${pids[@]}"
    fi
    rm -f "$nd/sshd.pid"
    sleep "$down"
    cat /proc/sys/kernel/random/uuid >"$nd/boot_id"
    ft_at_boot "$1" "$2" "$LAB_NODES" "$3"
    start_sshd_booted "$1" "$2" "$3"
}

# The node's init, as far as reboots go: one reboot per line written to the fifo.
cmd_reboot_init() {
    resolve_lab "$@" || exit 1
    local node=${REST[0]:?usage: scripts/lab reboot-init NODE} nd
    nd=$LAB_DIR/$node
    set +e
    trap - ERR
    while :; do
        if read -r _ <"$nd/reboot.fifo"; then
            echo "$(date '+%F %T') reboot of $node requested"
            # A real `reboot` returns before the system goes down.
            sleep 0.3
            (reboot_node "$LAB_ID" "$LAB_DIR" "$node")
            echo "$(date '+%F %T') $node is up again, boot id $(cat "$nd/boot_id")"
        fi
    done
}

cmd_rebootable() {
    local node nd down=$REBOOT_DOWN_DEFAULT pid
    require_root
    resolve_lab "$@" || exit 1
    node=${REST[0]:-}
    [[ -n $node ]] || die "usage: scripts/lab rebootable NODE [--down SECS]"
    [[ ${REST[1]:-} != --down ]] || down=${REST[2]:?--down needs seconds}
    [[ $down =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--down: seconds, not \`$down\`"
    lab_node "$node"
    nd=$LAB_DIR/$node
    echo "$down" >"$nd/reboot.down"
    if [[ ! -p $nd/reboot.fifo ]]; then
        mkfifo -m 0600 "$nd/reboot.fifo"
        chown "$LAB_USER:" "$nd/reboot.fifo"
    fi
    cat >"$nd/bin/reboot" <<STANDIN
#!/bin/sh
# Lab stand-in for reboot(8), written by scripts/lab rebootable: asks the node's init.
timeout 10 sh -c 'echo reboot >"\$1"' sh "$nd/reboot.fifo"
STANDIN
    chmod 0755 "$nd/bin/reboot"
    pid=$(cat "$nd/reboot-init.pid" 2>/dev/null || true)
    if [[ -z $pid ]] || ! is_running "$pid"; then
        "$0" reboot-init --dir "$LAB_DIR" "$node" </dev/null >>"$nd/reboot.log" 2>&1 &
        echo $! >"$nd/reboot-init.pid"
    fi
    # sshd again, now with the node's own boot id (a first "boot").
    if [[ ! -s $nd/boot_id ]]; then
        cat /proc/sys/kernel/random/uuid >"$nd/boot_id"
        chmod 0644 "$nd/boot_id"
        stop_sshd "$LAB_ID" "$LAB_DIR" "$node"
        start_sshd_booted "$LAB_ID" "$LAB_DIR" "$node"
    fi
}
