# shellcheck shell=bash
# scripts/lab.d/sudo.sh: A non-root login with sudo, and the other commands on a running lab (services, SQL, status).
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- a non-root login with sudo --------------------------------------------------------------
#
# As at a site that forbids root logins: the lab user (the SSH login) may run the MySQL
# client as root, without a password, through the node's own /etc/sudoers.d (bind-mounted
# by `ip netns exec`). The db check's option file is root's (0600), as /root/.my.cnf on a
# TVox, and names a password account reached over the node's loopback: sudo resets
# MYSQL_UNIX_PORT with the rest of the environment.

# `on`: the MySQL client without a password; the node's strict `mysql` wrapper is what the
# login PATH finds, so it is named too. `screen`: the same and GNU screen (the site's
# sudoers of the README: the programs by name, no shell). `password`: anything, sudo asking
# the lab user's password (LAB_PASSWORD), as the usual admin account of a site that forbids
# root logins.
sudo_rule() { # id dir node on|off|screen|password
    local file rule
    file=/etc/netns/$(ns_name "$1" "$3")/sudoers.d/tvdrlab
    rule="ALL=(root) NOPASSWD: /usr/bin/mysql, /usr/bin/mariadb, $2/$3/bin/mysql"
    [[ $4 == screen ]] && rule+=", /usr/bin/screen, $2/$3/bin/screen"
    [[ $4 == password ]] && rule="ALL=(ALL) ALL"
    if [[ $4 != off ]]; then
        printf '# lab node %s: scripts/lab sudo\n%s %s\n' "$3" "$LAB_USER" "$rule" >"$file.tmp"
        chmod 0440 "$file.tmp"
        visudo -cqf "$file.tmp" || die "the lab's sudoers rule does not parse"
        mv "$file.tmp" "$file"
    else
        rm -f "$file"
    fi
}

become_sudo() { # id dir nodes services
    local id=$1 dir=$2 node password
    password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    (umask 077 && printf '[client]\nuser=tvdrmon\npassword=%s\nhost=127.0.0.1\nport=3306\n' \
        "$password" >"$dir/root.my.cnf")
    for node in $(service_nodes "$3"); do
        sudo_rule "$id" "$dir" "$node" on
        has_service "$4" mysql || continue
        # Not replicated: each node gets its own account.
        mysql_root "$dir" "$node" -e "SET sql_log_bin=0;
            CREATE USER 'tvdrmon'@'127.0.0.1' IDENTIFIED BY '$password';
            GRANT ALL ON *.* TO 'tvdrmon'@'127.0.0.1';"
    done
}

cmd_sudo() {
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 2 && ${REST[1]} =~ ^(on|off|screen|password)$ ]] ||
        die "usage: scripts/lab sudo NODE on|off|screen|password"
    lab_node "${REST[0]}"
    sudo_rule "$LAB_ID" "$LAB_DIR" "${REST[0]}" "${REST[1]}"
}

# Stop, or start again on its existing data, one node's server: tests make "no server" and
# "primary down" states with it. A restarted replica reconnects by itself.
cmd_service() {
    local node svc action
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 3 ]] || die "usage: scripts/lab service NODE pg|mysql stop|start"
    node=${REST[0]} svc=${REST[1]} action=${REST[2]}
    lab_node "$node"
    case $svc/$action in
        pg/stop) pg_stop "$LAB_DIR" "$node" ;;
        mysql/stop) mysql_stop "$LAB_DIR" "$node" ;;
        pg/start | mysql/start)
            [[ -d $LAB_DIR/$node/$svc/data ]] || die "$node has no $svc (up --services $svc)"
            if [[ $svc == pg ]]; then
                pg_launch "$LAB_ID" "$LAB_DIR" "$node"
            else
                mysql_launch "$LAB_ID" "$LAB_DIR" "$node"
            fi
            ;;
        *) die "usage: scripts/lab service NODE pg|mysql stop|start" ;;
    esac
}

# SQL on the node's davical_administrators as the superuser, for tests and people: unaligned
# rows, `|` between columns, no headers; fails on the first error.
cmd_psql() {
    local node pg
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 2 ]] || die "usage: scripts/lab psql NODE SQL"
    node=${REST[0]}
    lab_node "$node"
    pg=$LAB_DIR/$node/pg
    [[ -d $pg/data ]] || die "$node has no PostgreSQL (up --services pg)"
    # exec: psql's own message is the error report.
    cd /
    exec ip netns exec "$(ns_name "$LAB_ID" "$node")" runuser -u "$LAB_USER" -- \
        "$(pg_bin_of "$pg/data")/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$pg/run" \
        -U postgres -d davical_administrators -c "${REST[1]}"
}

# SQL on the node's tvox database as root: tab-separated rows, no headers; with \G the
# client's vertical form (`Field: value`).
cmd_mysql() {
    local node args=(--database=tvox)
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 2 ]] || die "usage: scripts/lab mysql NODE SQL"
    node=${REST[0]}
    lab_node "$node"
    [[ -d $LAB_DIR/$node/mysql/data ]] || die "$node has no MariaDB (up --services mysql)"
    [[ ${REST[1]} == *'\G'* ]] || args+=(--batch --skip-column-names)
    exec mysql --no-defaults --socket="$LAB_DIR/$node/mysql/run/mysqld.sock" --user=root \
        "${args[@]}" -e "${REST[1]}"
}

cmd_mysql_sync() {
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 0 ]] || die "usage: scripts/lab mysql-sync"
    lab_node tvox1
    lab_node tvox2
    mysql_sync "$LAB_DIR"
}

# "pg 1234 mysql 1235" for the servers a node runs.
node_servers() { # dir node
    local svc file pid out=""
    for svc in pg mysql; do
        file=$1/$2/pg/data/postmaster.pid
        [[ $svc == mysql ]] && file=$1/$2/mysql/run/mysqld.pid
        [[ -e $file ]] || continue
        pid=$(head -n1 "$file" 2>/dev/null | tr -dc 0-9)
        [[ -n $pid ]] && is_running "$pid" || pid="-"
        out+=" $svc $pid"
    done
    echo "$out"
}

show_lab() {
    local id=$1 dir nodes owner="" state node ns link holders="" pid ip
    dir=$(cat "$RUN_DIR/$id/dir" 2>/dev/null || echo "?")
    nodes=$(cat "$RUN_DIR/$id/nodes" 2>/dev/null || true)
    [[ -s $RUN_DIR/$id/owner ]] && owner=$(cut -d' ' -f1 "$RUN_DIR/$id/owner")
    if [[ -z $owner ]]; then
        state="no owner"
    elif claim_is_stale "$id"; then
        state="owner $owner gone: stale"
    else
        state="owner $owner"
    fi
    ip=$(cluster_ip "$id")
    for node in $nodes; do
        ip -n "$(ns_name "$id" "$node")" -o -4 addr show dev eth0 2>/dev/null |
            grep -qF " $ip/" && holders+=" $node"
    done
    echo "lab $id  dir $dir  ($state)"
    echo "  node ip $ip held by:${holders:- nobody}"
    for node in $nodes; do
        ns=$(ns_name "$id" "$node")
        link=$(ip -br link show dev "$(veth_name "$id" "$node")" 2>/dev/null | awk '{print $2}')
        pid=$(cat "$dir/$node/sshd.pid" 2>/dev/null || true)
        [[ -n $pid ]] && is_running "$pid" || pid="-"
        printf '  %-10s %-14s %-22s link %-6s sshd %s%s\n' "$node" "$(node_addr "$id" "$node")" \
            "$ns" "${link:-gone}" "$pid" "$(node_servers "$dir" "$node")"
    done
}

cmd_status() {
    local id ids ns
    if [[ $# -gt 0 ]]; then
        resolve_lab "$@" || exit 1
        show_lab "$LAB_ID"
        return 0
    fi
    ids=$(claimed_ids)
    [[ -n $ids ]] || echo "no labs"
    for id in $ids; do show_lab "$id"; done
    for ns in $(lab_namespaces ""); do
        id=$(sed -E 's/^tvdrlab([0-9]+)-.*/\1/' <<<"$ns")
        [[ -d $RUN_DIR/$id ]] || echo "unclaimed namespace $ns (scripts/lab down --all removes it)"
    done
}
