# shellcheck shell=bash
# scripts/lab.d/db.sh: The databases: PostgreSQL, MariaDB replication, the mongo stand-in; starting and stopping them.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- PostgreSQL ----------------------------------------------------------------------------

# The newest installed major (Debian installs each under /usr/lib/postgresql/<major>).
pg_bin_newest() {
    local initdb
    initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)
    [[ -x $initdb ]] ||
        die "no PostgreSQL server under /usr/lib/postgresql: install the Debian package \`postgresql\`"
    dirname "$initdb"
}

# The bin dir of the major that made a data dir, for restarts whatever is newest now.
pg_bin_of() { echo "/usr/lib/postgresql/$(cat "$1/PG_VERSION")/bin"; } # data-dir

build_pg_template() { # dir
    # Superuser `postgres` and trust for every local connection, as on a TVox (root runs
    # `pg_dump -U davical_dba` without a password). --no-sync: a lost template is remade.
    as_lab_user "$PG_BIN/initdb" -D "$1/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$1/initdb.log" 2>&1 || {
        cat "$1/initdb.log" >&2
        die "initdb failed (log: $1/initdb.log)"
    }
}

pg_start_node() { # id dir node
    local id=$1 node=$3 pg=$2/$3/pg
    mkdir -p "$pg/run"
    cp -a "$TEMPLATE_ROOT/pg-$PG_MAJOR/data" "$pg/data"
    # Appended, so these win over initdb's. Sockets only in the node's own dir; TCP on the
    # namespace's loopback, as Debian's default. Not durable: a lab lives for seconds.
    cat >>"$pg/data/postgresql.conf" <<EOF

# ---- scripts/lab: lab node $node ----
listen_addresses = '127.0.0.1'
port = 5432
unix_socket_directories = '$pg/run'
# A TVox's zone; dumps must not depend on it (tvdr sets PGTZ).
timezone = 'Europe/Rome'
max_connections = 40
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    chown -R "$LAB_USER:" "$pg"
    pg_launch "$id" "$2" "$node"
    # The same file on every node: the databases are identical at start.
    as_lab_user_in "$id" "$node" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg/run" \
        -U postgres -d postgres -c "CREATE ROLE davical_dba LOGIN" \
        -c "CREATE DATABASE davical_administrators OWNER davical_dba" >/dev/null
    as_lab_user_in "$id" "$node" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg/run" \
        -U davical_dba -d davical_administrators -f - <"$LAB_SQL_DIR/davical.sql" >/dev/null
}

pg_launch() { # id dir node
    local pg=$2/$3/pg bin
    bin=$(pg_bin_of "$pg/data")
    # -w: back once connections are accepted. The postmaster detaches itself (own session).
    as_lab_user_in "$1" "$3" "$bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t 30 \
        start </dev/null >"$pg/pg_ctl.log" 2>&1 || {
        tail -n 20 "$pg/pg_ctl.log" "$pg/postgres.log" >&2 || true
        die "PostgreSQL on \`$3\` did not start (log: $pg/postgres.log)"
    }
}

# Immediate shutdown (what `pg_ctl stop -m immediate` sends): the data is thrown away anyway.
pg_stop() { # dir node
    stop_pid_file "$1/$2/pg/data/postmaster.pid" "$1" QUIT
}

# ---- MariaDB -------------------------------------------------------------------------------

mariadb_version() { mariadbd --version | sed -n 's/.* Ver \([^ ]*\).*/\1/p'; }

build_mysql_template() { # dir
    # Accounts root and the lab user, both by unix socket (the OS user must match): root's
    # scripts here and the lab user's sessions need no password. A small redo log, because
    # every node copies it (the nodes' my.cnf must say the same size).
    mariadb-install-db --no-defaults --datadir="$1/data" --user="$LAB_USER" \
        --auth-root-authentication-method=socket --auth-root-socket-user="$LAB_USER" \
        --skip-test-db --innodb-log-file-size=8M >"$1/install.log" 2>&1 || {
        cat "$1/install.log" >&2
        die "mariadb-install-db failed (log: $1/install.log)"
    }
    chown -R "$LAB_USER:" "$1/data"
}

# The mysql client as root on the node's socket (unix-socket auth: no password, no option
# file). A socket path works from any namespace.
mysql_root() { # dir node args...
    mysql --no-defaults --socket="$1/$2/mysql/run/mysqld.sock" --user=root "${@:3}"
}

write_mysql_config() { # id dir node role
    local id=$1 node=$3 my=$2/$3/mysql server_id=1
    [[ $node == tvox2 ]] && server_id=2
    {
        cat <<EOF
# MariaDB of lab node $node ($4), started by scripts/lab inside its namespace as the lab user.
[mariadbd]
datadir=$my/data
socket=$my/run/mysqld.sock
pid-file=$my/run/mysqld.pid
log-error=$my/mysqld.log
tmpdir=$my/tmp
port=3306
# Every address of the node: its own (the replica's IO thread), loopback (local tools) and
# the node IP while it holds it (the DR client replicates from the node IP).
bind-address=0.0.0.0
server-id=$server_id
skip-name-resolve
relay-log=relay-bin
# Small and not durable: a lab lives for seconds.
innodb_buffer_pool_size=32M
innodb_log_file_size=8M
innodb_flush_log_at_trx_commit=0
innodb_doublewrite=0
sync_binlog=0
performance_schema=OFF
EOF
        # Both nodes keep a binlog with the events they replicated, as FT nodes do: at a node
        # switch the new master serves its binlog to the old one by GTID (see ft_mysql_roles).
        echo "log-bin=mysql-bin"
        echo "log_slave_updates=ON"
    } >"$my/my.cnf"
}

mysql_launch() { # id dir node
    local my=$2/$3/mysql i
    rm -f "$my/run/mysqld.pid"
    # The redirections cover the whole background subshell, which then becomes mariadbd
    # (exec): nothing is left holding the caller's stdout. setsid: out of the caller's process
    # group, so a ^C on `up` does not reach it.
    (
        cd / || exit 1
        exec ip netns exec "$(ns_name "$1" "$3")" setsid mariadbd --defaults-file="$my/my.cnf" \
            --user="$LAB_USER"
    ) </dev/null >>"$my/mysqld.log" 2>&1 &
    for ((i = 0; i < 600; i++)); do
        [[ -S $my/run/mysqld.sock ]] && mysql_root "$2" "$3" -e 'SELECT 1' >/dev/null 2>&1 &&
            return 0
        sleep 0.05
    done
    tail -n 20 "$my/mysqld.log" >&2 || true
    die "MariaDB on \`$3\` did not start (log: $my/mysqld.log)"
}

mysql_stop() { # dir node
    stop_pid_file "$1/$2/mysql/run/mysqld.pid" "$1" TERM
}

mysql_start_node() { # id dir node role(primary|replica)
    local id=$1 dir=$2 node=$3 my=$2/$3/mysql cnf=$2/$3/home/.my.cnf
    mkdir -p "$my/run" "$my/tmp"
    cp -a "$TEMPLATE_ROOT/mariadb-$MARIADB_VERSION/data" "$my/data"
    write_mysql_config "$id" "$dir" "$node" "$4"
    chown -R "$LAB_USER:" "$my"
    mysql_launch "$id" "$dir" "$node"
    # Accounts stay out of the binlog: each node makes its own, none is replicated over the
    # other's. The replication account is there on both, as for a failover.
    mysql_root "$dir" "$node" <<EOF
SET sql_log_bin = 0;
CREATE USER '$MYSQL_MONITOR_USER'@'localhost' IDENTIFIED BY '$MYSQL_MONITOR_PASSWORD';
GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO '$MYSQL_MONITOR_USER'@'localhost';
CREATE USER '$MYSQL_REPL_USER'@'$NET_PREFIX.$id.%' IDENTIFIED BY '$MYSQL_REPL_PASSWORD';
GRANT REPLICATION SLAVE ON *.* TO '$MYSQL_REPL_USER'@'$NET_PREFIX.$id.%';
EOF
    # The data goes to the primary only, binlogged: the replica gets it by replication.
    if [[ $4 == primary ]]; then mysql_root "$dir" "$node" <"$LAB_SQL_DIR/tvox.sql"; fi
    # The lab user's defaults on this node, as a TVox's /root/.my.cnf: `mysql -e 'SHOW SLAVE
    # STATUS\G'` over ssh needs nothing on its command line.
    cat >"$cnf" <<EOF
# tvdr lab, node $node: the mysql client's defaults for the lab user (written by scripts/lab).
# A monitoring account: enough for SHOW SLAVE STATUS and SHOW MASTER STATUS.
[client]
socket=$my/run/mysqld.sock
user=$MYSQL_MONITOR_USER
password=$MYSQL_MONITOR_PASSWORD
EOF
    chown "$LAB_USER:" "$cnf"
    chmod 0600 "$cnf"
}

# tvox2 replicates tvox1 over the lab network, from tvox1's first binlog: the replica (a copy
# of the same empty template) replays everything tvox.sql did. Retry every second: tests cut
# links and stop the primary.
mysql_start_replication() { # id dir
    mysql_root "$2" tvox2 <<EOF
CHANGE MASTER TO MASTER_HOST='$(node_addr "$1" tvox1)', MASTER_PORT=3306,
  MASTER_USER='$MYSQL_REPL_USER', MASTER_PASSWORD='$MYSQL_REPL_PASSWORD',
  MASTER_LOG_FILE='mysql-bin.000001', MASTER_LOG_POS=4, MASTER_CONNECT_RETRY=1;
START SLAVE;
EOF
    # A stand-alone TVOX 1 is not at its physical address yet: the replica connects once
    # network_reset moved it there (it retries every second).
    [[ $(cat "$2/tvox1/tvox/mode" 2>/dev/null) == standalone ]] || mysql_sync "$2"
}

# Waits until tvox2 applied everything in tvox1's binlog, with both replica threads running.
mysql_sync() { # dir
    local gtid waited status
    gtid=$(mysql_root "$1" tvox1 -N -B -e 'SELECT @@gtid_binlog_pos')
    waited=$(mysql_root "$1" tvox2 -N -B -e "SELECT MASTER_GTID_WAIT('$gtid', 30)")
    status=$(mysql_root "$1" tvox2 -e 'SHOW SLAVE STATUS\G')
    if [[ $waited != 0 ]] || ! grep -q 'Slave_IO_Running: Yes' <<<"$status" ||
        ! grep -q 'Slave_SQL_Running: Yes' <<<"$status"; then
        echo "$status" >&2
        die "replication tvox1 -> tvox2 is not running or not caught up (waited for $gtid)"
    fi
}

# ---- the mongo stand-in --------------------------------------------------------------------

# rs.status() of a healthy two-member set as NODE sees it, in the form tvdr asks for
# (`legacy`: the legacy shell's JSON.stringify(rs.status()); `ejson`: mongosh's relaxed
# EJSON.stringify): PRIMARY (default tvox1) first, the other SECONDARY, both at the last write
# 2 s ago (lag 0), members named by the lab's node addresses. The samples are fixtures
# (tests/fixtures/lab/mongo-<form>-<primary|secondary>.json, as that member reports it); the
# lab fills in the addresses and the times.
mongo_sample() { # id node legacy|ejson [primary]
    local primary=${4:-tvox1} secondary=tvox2 view=primary now
    [[ $primary == tvox2 ]] && secondary=tvox1
    [[ $2 == "$secondary" ]] && view=secondary
    now=$(date -u +%s)
    sed -e "s/@PRIMARY@/$(node_addr "$1" "$primary"):27017/g" \
        -e "s/@SECONDARY@/$(node_addr "$1" "$secondary"):27017/g" \
        -e "s/@NOW_ISO@/$(date -u -d "@$now" +%FT%T)/g" \
        -e "s/@HEARTBEAT_ISO@/$(date -u -d "@$((now - 1))" +%FT%T)/g" \
        -e "s/@OP_ISO@/$(date -u -d "@$((now - 2))" +%FT%T)/g" \
        -e "s/@OP@/$((now - 2))/g" \
        -e "s/@ELECTED_ISO@/$(date -u -d "@$((now - 86400))" +%FT%T)/g" \
        -e "s/@ELECTED@/$((now - 86400))/g" \
        "$LAB_FIXTURE_DIR/mongo-$3-$view.json"
}

# bin/mongo (and bin/mongosh when asked): stand-ins printing samples, not MongoDB.
mongo_install() { # id dir node services
    local node=$3 m=$2/$3/mongo form=legacy prog
    mkdir -p "$m"
    # With both, tvdr runs mongosh: its form is the default sample then.
    has_service "$4" mongosh && form=ejson
    mongo_sample "$1" "$node" "$form" >"$m/stdout"
    echo 0 >"$m/status"
    : >"$m/calls"
    chown -R "$LAB_USER:" "$m"
    for prog in mongo mongosh; do
        has_service "$4" "$prog" || continue
        {
            cat <<EOF
#!/bin/sh
# STAND-IN for the MongoDB shell \`$prog\`, written by scripts/lab: MongoDB cannot be installed
# on the build machine, so this asks no server and prints a sample instead. Whatever its
# arguments, it prints $m/stdout (a healthy replica set as $node would
# report it, until a test writes another sample there) and exits with the code in
# $m/status (default 0). Each call appends "<program> <arguments>" to
# $m/calls, so a test can check which command tvdr ran.
m=$m
printf '%s\n' "\${0##*/} \$*" >>"\$m/calls"
EOF
            # CentOS 7's legacy shell (MongoDB <= 4) has no EJSON: that is mongosh's.
            # shellcheck disable=SC2016 # the stand-in's code and names, written as they are
            if [[ $prog == mongo ]]; then
                echo 'case "$*" in *EJSON*)'
                strict_refusal "$2/$node" '`EJSON` in the legacy `mongo` shell' \
                    'its MongoDB shell has no EJSON, and there is no mongosh'
                echo 'exit 252 ;; esac'
            fi
            cat <<EOF
cat "\$m/stdout"
status=\$(cat "\$m/status" 2>/dev/null)
exit "\${status:-0}"
EOF
        } >"$2/$node/bin/$prog"
        chmod 0755 "$2/$node/bin/$prog"
    done
}

# ---- starting and stopping services --------------------------------------------------------

# The node's servers start side by side: copying a data directory is mostly waiting for the
# filesystem.
node_services_start() { # id dir node services nodes
    local id=$1 dir=$2 node=$3 services=$4 role=primary pids=()
    if has_service "$services" mongo || has_service "$services" mongosh; then
        mongo_install "$id" "$dir" "$node" "$services"
    fi
    if has_service "$services" mysql; then
        [[ $node == tvox2 && " $5 " == *" tvox1 "* ]] && role=replica
        mysql_start_node "$id" "$dir" "$node" "$role" &
        pids+=($!)
    fi
    if has_service "$services" pg; then
        pg_start_node "$id" "$dir" "$node" &
        pids+=($!)
    fi
    wait_all "${pids[@]}"
}

# Templates first (each made once per machine), then every node at once, then replication.
services_start() { # id dir nodes services
    local id=$1 dir=$2 nodes=$3 services=$4 node pids=()
    [[ -n $services ]] || return 0
    if has_service "$services" pg; then
        PG_BIN=$(pg_bin_newest)
        PG_MAJOR=$(basename "$(dirname "$PG_BIN")")
        ensure_template "pg-$PG_MAJOR" build_pg_template &
        pids+=($!)
    fi
    if has_service "$services" mysql; then
        if ! command -v mariadbd >/dev/null || ! command -v mariadb-install-db >/dev/null; then
            die "MariaDB not found: install the Debian package \`mariadb-server\`"
        fi
        MARIADB_VERSION=$(mariadb_version)
        ensure_template "mariadb-$MARIADB_VERSION" build_mysql_template &
        pids+=($!)
    fi
    wait_all "${pids[@]}" || die "could not make the database templates (see above)"
    pids=()
    for node in $(service_nodes "$nodes"); do
        node_services_start "$id" "$dir" "$node" "$services" "$nodes" &
        pids+=($!)
    done
    wait_all "${pids[@]}" || die "services did not start (see above)"
    if has_service "$services" mysql &&
        [[ " $nodes " == *" tvox1 "* && " $nodes " == *" tvox2 "* ]]; then
        mysql_start_replication "$id" "$dir"
    fi
}

# Whatever runs, whatever was asked: this also serves labs whose `up` died half-way.
node_services_stop() { # id dir node
    pg_stop "$2" "$3"
    mysql_stop "$2" "$3"
}
