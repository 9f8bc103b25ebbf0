# shellcheck shell=bash
# scripts/lab.d/tvox.sh: The TVox stand-in: FT roles, file sync, DR client.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- the TVox stand-in: FT roles, file sync, DR client ------------------------------------
#
# What the procedures (shared/seeds) show of a TVox cluster, as far as tvdr sees it over ssh.
# State per node in DIR/<node>/tvox/ (root's; the stand-ins on the node only read it):
#   mode          standalone | ft on TVOX nodes (the FT configuration made in OCC);
#                 standby | active on the DR client.
#   mode.pending  a configuration saved in OCC and not yet applied: the next reboot applies it.
#   failover      `off`: this node does not take the node IP when its master goes away (a
#                 broken failover, for the failure rehearsals). Default: on.
# Behaviour:
#   - the node IP lives on the master. When the master reboots, the other node takes it if
#     it is in FT mode, up and its failover is on; otherwise the node IP goes down with the
#     master and comes back with it. A node booting in FT mode while nobody holds the node IP
#     takes it (it is master).
#   - at every switch the data follows the roles: MariaDB replication is turned around by
#     GTID (the new master stops replicating; the old one replicates the new one), the chat
#     stand-in's samples name the new PRIMARY.
#   - files: DIR/<node>/bin/setperms.sh (Telenia's permission fixer, after which the FT file
#     sync runs) copies the master's sync dir to the other node with real rsync over real
#     ssh, and nothing else copies files.
#   - `scripts/lab full-sync`: the OCC's "full synchronisation": calendars (pg_dump | psql),
#     files (setperms.sh on the master) and MariaDB caught up, master → slave.
#   - the DR client: `scripts/lab dr activate` makes it serve (mode active: it takes the node
#     IP's role, reached by clients through the customer's DNS, see `scripts/lab dns`);
#     `scripts/lab dr deactivate` gives the role back (mode standby).
# Commands: scripts/lab master | ft NODE failover on|off | ft NODE mode standalone|ft
#           [--pending] | full-sync | dr activate|deactivate

tvox_nodes_of() { # nodes: the TVOX nodes among them
    local node
    for node in $1; do [[ $node == tvox1 || $node == tvox2 ]] && echo "$node"; done
    return 0
}

peer_of() { [[ $1 == tvox1 ]] && echo tvox2 || echo tvox1; }

tvox_state() { # dir node key [default]
    local v
    v=$(cat "$1/$2/tvox/$3" 2>/dev/null) || v=${4:-}
    echo "$v"
}

set_tvox_state() { # dir node key value
    mkdir -p "$1/$2/tvox"
    chmod 0755 "$1/$2/tvox"
    echo "$4" >"$1/$2/tvox/$3.new" && mv -f "$1/$2/tvox/$3.new" "$1/$2/tvox/$3"
}

# The lab's nodes holding the node IP (none, one or two).
node_ip_holders() { # id nodes
    local node ip
    ip=$(cluster_ip "$1")
    for node in $2; do
        ip -n "$(ns_name "$1" "$node")" -o -4 addr show dev eth0 2>/dev/null |
            grep -qF " $ip/" && echo "$node"
    done
    return 0
}

ft_log() { local d=$1; shift; echo "$(date "+%F %T") $*" >>"$d/ft.log"; } # dir message...

# A node-to-node key for the lab user (setperms.sh's rsync), and the stand-ins on PATH.
tvox_install() { # id dir nodes
    local id=$1 dir=$2 node nd
    for node in $3; do
        nd=$dir/$node
        if [[ $node == dr_client ]]; then
            set_tvox_state "$dir" "$node" mode standby
            tvox_listeners "$id" "$dir" "$node"
            continue
        fi
        [[ $node == tvox1 || $node == tvox2 ]] || continue
        set_tvox_state "$dir" "$node" mode ft
        install -d -m 700 -o "$LAB_USER" "$nd/home/.ssh"
        ssh-keygen -q -t ed25519 -N '' -C "tvdr-lab-$node-sync" -f "$nd/home/.ssh/id_ed25519"
        chown "$LAB_USER:" "$nd/home/.ssh/id_ed25519" "$nd/home/.ssh/id_ed25519.pub"
        cat "$nd/home/.ssh/id_ed25519.pub" >>"$dir/authorized_keys"
        write_setperms "$id" "$dir" "$node"
        tvox_listeners "$id" "$dir" "$node"
    done
}

# The DR requirements' ports (22, 873, 3306, 27017) answer on every node, as on a TVox: sshd
# and MariaDB are real, 873 is a real rsync daemon, and what cannot run here (MongoDB; the DR
# client's replica database) is a STAND-IN listener that accepts and closes connections.
tvox_listeners() { # id dir node
    local ns nd=$2/$3 port ports=27017
    ns=$(ns_name "$1" "$3")
    [[ $3 == dr_client ]] && ports="3306 27017"
    cat >"$nd/rsyncd.conf" <<EOF
# rsync daemon of lab node $3 (scripts/lab): the DR replication's port 873.
pid file = $nd/rsyncd.pid
port = 873
uid = $LAB_USER
gid = $LAB_USER
use chroot = no
[sync]
    path = $nd/sync
    read only = yes
EOF
    (cd / && exec ip netns exec "$ns" setsid rsync --daemon --no-detach --config="$nd/rsyncd.conf") \
        </dev/null >>"$nd/rsyncd.log" 2>&1 &
    wait_for_file "$nd/rsyncd.pid" 100 || die "rsync daemon on \`$3\` did not start (log: $nd/rsyncd.log)"
    for port in $ports; do start_listener "$1" "$2" "$3" "$port"; done
}

# A STAND-IN listener on PORT of NODE: accepts connections and closes them.
start_listener() { # id dir node port
    local nd=$2/$3
    # shellcheck disable=SC2016 # python, not shell
    (cd / && exec ip netns exec "$(ns_name "$1" "$3")" setsid python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1])))
s.listen(64)
while True:
    s.accept()[0].close()
' "$4" "$nd") </dev/null >>"$nd/listen-$4.log" 2>&1 &
    echo $! >"$nd/listen-$4.pid"
    local i
    for ((i = 0; i < 100; i++)); do
        ip netns exec "$(ns_name "$1" "$3")" bash -c "exec 3<>/dev/tcp/127.0.0.1/$4" \
            2>/dev/null && return 0
        sleep 0.05
    done
    die "stand-in listener on $3:$4 did not start (log: $nd/listen-$4.log)"
}

# Closes or opens again one of the lab's stand-in ports (a firewall rule, as far as a probe
# can tell): `scripts/lab port NODE PORT close|open`.
cmd_port() {
    local node port nd
    require_root
    resolve_lab "$@" || exit 1
    node=${REST[0]:-} port=${REST[1]:-}
    lab_node "$node"
    nd=$LAB_DIR/$node
    [[ -e $nd/listen-$port.pid ]] || [[ ${REST[2]:-} == open ]] ||
        die "port: $node has no stand-in listener on \`$port\`"
    case ${REST[2]:-} in
        close)
            stop_pid_file "$nd/listen-$port.pid" "$LAB_DIR" TERM
            rm -f "$nd/listen-$port.pid"
            ;;
        open) start_listener "$LAB_ID" "$LAB_DIR" "$node" "$port" ;;
        *) die "usage: scripts/lab port NODE PORT close|open" ;;
    esac
}

write_setperms() { # id dir node
    local id=$1 dir=$2 node=$3 peer
    peer=$(peer_of "$node")
    cat >"$dir/$node/bin/setperms.sh" <<EOF
#!/bin/sh
# STAND-IN for Telenia's setperms.sh, written by scripts/lab. On a TVox it fixes the sync
# dir's permissions, after which the FT file synchronisation runs again. Here, on the master
# (the node holding $(cluster_ip "$id")), it copies the sync dir to the other node with rsync
# over ssh, as that synchronisation would; on the slave it has nothing to push.
set -e
sync=$dir/$node/sync
if ! ip -o -4 addr show dev eth0 | grep -qF " $(cluster_ip "$id")/"; then
    echo "setperms.sh: permissions set on \$sync; this node is not master: the master sends the files"
    exit 0
fi
chmod -R u+rwX,go+rX "\$sync"
echo "setperms.sh: permissions set on \$sync; synchronising with $peer"
exec rsync -a --delete -e "ssh -i $dir/$node/home/.ssh/id_ed25519 -o UserKnownHostsFile=$dir/known_hosts -o BatchMode=yes -o ConnectTimeout=3" \\
    "\$sync/" "$LAB_USER@$(node_addr "$id" "$peer"):$dir/$peer/sync/"
EOF
    chmod 0755 "$dir/$node/bin/setperms.sh"
}

# MariaDB follows the roles: NEW stops replicating, OLD replicates NEW from where it is
# (GTID current_pos: both keep a binlog of what they applied).
ft_mysql_roles() { # id dir new old
    local id=$1 dir=$2
    [[ -S $dir/$3/mysql/run/mysqld.sock && -S $dir/$4/mysql/run/mysqld.sock ]] || return 0
    mysql_root "$dir" "$3" -e 'STOP SLAVE; RESET SLAVE ALL' || true
    mysql_root "$dir" "$4" <<SQL || true
STOP SLAVE;
CHANGE MASTER TO MASTER_HOST='$(node_addr "$id" "$3")', MASTER_PORT=3306,
  MASTER_USER='$MYSQL_REPL_USER', MASTER_PASSWORD='$MYSQL_REPL_PASSWORD',
  MASTER_USE_GTID=current_pos, MASTER_CONNECT_RETRY=1;
START SLAVE;
SQL
}

# The chat stand-in's samples name PRIMARY as primary, on every TVOX node that has them.
ft_mongo_roles() { # id dir primary
    local node m form
    for node in tvox1 tvox2; do
        m=$2/$node/mongo
        [[ -f $m/stdout ]] || continue
        form=legacy
        [[ -x $2/$node/bin/mongosh ]] && form=ejson
        mongo_sample "$1" "$node" "$form" "$3" >"$m/stdout.new"
        chown "$LAB_USER:" "$m/stdout.new"
        mv -f "$m/stdout.new" "$m/stdout"
    done
}

# NEW becomes master: it alone holds the node IP, and the data follows.
ft_switch() { # id dir nodes new
    local old
    old=$(peer_of "$4")
    # shellcheck disable=SC2046 # one word per node
    set_node_ip "$1" "$3" "$4" $(node_ip_holders "$1" "$3" | grep -x dr_client)
    ft_mysql_roles "$1" "$2" "$4" "$old"
    ft_mongo_roles "$1" "$2" "$4"
    ft_log "$2" "$4 is master"
}

# Can NODE take over from its master now? FT mode, failover on, its sshd up, its link up.
ft_can_take_over() { # id dir nodes node
    local pid link
    [[ " $3 " == *" $4 "* ]] || return 1
    [[ $(tvox_state "$2" "$4" mode) == ft && $(tvox_state "$2" "$4" failover on) != off ]] ||
        return 1
    pid=$(cat "$2/$4/sshd.pid" 2>/dev/null || true)
    [[ -n $pid ]] && is_running "$pid" || return 1
    link=$(ip -br link show dev "$(veth_name "$1" "$4")" 2>/dev/null | awk '{print $2}')
    [[ $link == UP ]]
}

# Before NODE goes down for a reboot: its peer takes over, or the node IP goes down with it.
ft_before_reboot() { # id dir nodes node
    local peer
    [[ $(tvox_state "$2" "$4" mode) == ft ]] || return 0
    node_ip_holders "$1" "$3" | grep -qx "$4" || return 0
    peer=$(peer_of "$4")
    if ft_can_take_over "$1" "$2" "$3" "$peer"; then
        ft_switch "$1" "$2" "$3" "$peer"
    else
        # shellcheck disable=SC2046 # one word per node
        set_node_ip "$1" "$3" $(node_ip_holders "$1" "$3" | grep -vx "$4")
        ft_log "$2" "$4 went down with the node IP: $peer did not take over"
    fi
}

# NODE boots: a saved configuration applies; in FT mode it is master if nobody else is.
ft_at_boot() { # id dir nodes node
    local pending
    pending=$(tvox_state "$2" "$4" mode.pending)
    if [[ -n $pending ]]; then
        set_tvox_state "$2" "$4" mode "$pending"
        rm -f "$2/$4/tvox/mode.pending"
        ft_log "$2" "$4 booted with its saved configuration: $pending"
    fi
    [[ $(tvox_state "$2" "$4" mode) == ft ]] || return 0
    [[ -z $(node_ip_holders "$1" "$(tvox_nodes_of "$3")") ]] || return 0
    ft_switch "$1" "$2" "$3" "$4"
}

cmd_master() {
    require_root
    resolve_lab "$@" || exit 1
    node_ip_holders "$LAB_ID" "$LAB_NODES"
}

cmd_ft() {
    local node key value
    require_root
    resolve_lab "$@" || exit 1
    node=${REST[0]:-} key=${REST[1]:-} value=${REST[2]:-}
    lab_node "$node"
    case $key/$value in
        failover/on | failover/off) set_tvox_state "$LAB_DIR" "$node" failover "$value" ;;
        mode/standalone | mode/ft)
            if [[ ${REST[3]:-} == --pending ]]; then
                set_tvox_state "$LAB_DIR" "$node" mode.pending "$value"
            else
                set_tvox_state "$LAB_DIR" "$node" mode "$value"
            fi
            ;;
        *) die "usage: scripts/lab ft NODE failover on|off | ft NODE mode standalone|ft [--pending]" ;;
    esac
}

# The OCC's "full synchronisation", master → slave: calendars, files, database.
cmd_full_sync() {
    local master slave pg_m pg_s
    require_root
    resolve_lab "$@" || exit 1
    master=$(node_ip_holders "$LAB_ID" "$(tvox_nodes_of "$LAB_NODES")")
    [[ $master == tvox1 || $master == tvox2 ]] ||
        die "full-sync: no single master (node IP on: ${master:-nobody})"
    slave=$(peer_of "$master")
    pg_m=$LAB_DIR/$master/pg pg_s=$LAB_DIR/$slave/pg
    if [[ -d $pg_m/data && -d $pg_s/data ]]; then
        (cd / && runuser -u "$LAB_USER" -- "$(pg_bin_of "$pg_m/data")/pg_dump" -h "$pg_m/run" \
            -U postgres --clean --if-exists davical_administrators) |
            (cd / && runuser -u "$LAB_USER" -- "$(pg_bin_of "$pg_s/data")/psql" -X -q \
                -v ON_ERROR_STOP=1 -h "$pg_s/run" -U postgres -d davical_administrators) \
                >/dev/null
    fi
    (cd / && ip netns exec "$(ns_name "$LAB_ID" "$master")" runuser -u "$LAB_USER" -- \
        "$LAB_DIR/$master/bin/setperms.sh") >/dev/null
    ft_log "$LAB_DIR" "full synchronisation $master -> $slave"
}

cmd_dr() {
    require_root
    resolve_lab "$@" || exit 1
    lab_node dr_client
    case ${REST[0]:-} in
        activate | deactivate)
            # The DR client sits at another site: clients reach it through the customer's
            # DNS and carrier routing (`scripts/lab dns`), never through the node IP, which
            # the DR client must not answer on (dr-isolated probes it from there).
            set_tvox_state "$LAB_DIR" dr_client mode "$([[ ${REST[0]} == activate ]] && echo active || echo standby)"
            ft_log "$LAB_DIR" "DR client ${REST[0]}d"
            ;;
        *) die "usage: scripts/lab dr activate|deactivate" ;;
    esac
}
