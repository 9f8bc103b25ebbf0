# shellcheck shell=bash
# scripts/lab.d/up.sh: Making a node, the client keys, the inventory, and `scripts/lab up`.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

make_node() {
    local id=$1 dir=$2 node=$3 nd=$2/$3 ns
    ns=$(ns_name "$id" "$node")
    mkdir -p "$nd/bin" "$nd/sync"
    chmod 0755 "$nd" "$nd/bin"
    chown "$LAB_USER:" "$nd/sync"
    write_strict_wrappers "$nd"
    # The node's /etc/hosts: `ip netns exec` bind-mounts /etc/netns/<ns>/hosts over
    # /etc/hosts (following the symlink), so sshd and every session started from it see
    # DIR/<node>/hosts. It belongs to the lab user, who stands in for root on the node.
    write_hosts "$id" "$nd/hosts"
    chown "$LAB_USER:" "$nd/hosts"
    mkdir -p "/etc/netns/$ns"
    ln -sfn "$nd/hosts" "/etc/netns/$ns/hosts"
    # Its own /etc/sudoers.d, empty: the lab user has no sudo rights unless a lab gives them
    # (`up --become sudo`, `scripts/lab sudo NODE on`), as a site's admin login.
    install -d -m 0750 -o root -g root "/etc/netns/$ns/sudoers.d"
    # Its own home for the lab user (one account serves every node and lab), by the same
    # mechanism: a copy of /etc/passwd where only that home differs.
    write_dotfiles "$nd/home"
    # screen refuses a socket directory others can enter.
    install -d -m 700 -o "$LAB_USER" "$nd/home/.screen"
    awk -F: -v OFS=: -v user="$LAB_USER" -v home="$nd/home" '$1 == user { $6 = home } 1' \
        /etc/passwd >"/etc/netns/$ns/passwd"
    new_host_key "$dir" "$node"
    write_sshd_config "$dir" "$node"
    start_sshd "$id" "$dir" "$node"
}

write_client_keys() {
    local dir=$1
    rm -f "$dir"/id_ed25519 "$dir"/id_ed25519.pub "$dir"/id_ed25519_enc "$dir"/id_ed25519_enc.pub
    ssh-keygen -q -t ed25519 -N '' -C "tvdr-lab" -f "$dir/id_ed25519"
    # Few KDF rounds: the default 16 cost 0.2 s per lab and per decryption, for nothing here.
    ssh-keygen -q -t ed25519 -a 4 -N "$KEY_PASSPHRASE" -C "tvdr-lab-enc" -f "$dir/id_ed25519_enc"
    cat "$dir/id_ed25519.pub" "$dir/id_ed25519_enc.pub" >"$dir/authorized_keys"
    chmod 0644 "$dir/authorized_keys"
}

write_known_hosts() {
    local id=$1 dir=$2 nodes=$3 node
    for node in $nodes; do
        echo "$(node_addr "$id" "$node") $(cut -d' ' -f1,2 "$dir/$node/ssh_host_ed25519_key.pub")"
    done >"$dir/known_hosts"
}

write_inventory() {
    local id=$1 dir=$2 nodes=$3 services=$4 become=${5:-} node env
    {
        cat <<EOF
# tvdr inventory for lab $id, written by scripts/lab (addresses live only on this machine).
site: lab-$id
tvox: { version: 21, domain: $DOMAIN }
cluster: { node_ip: $(cluster_ip "$id") }
nodes:
EOF
        for node in $nodes; do
            cat <<EOF
  $node:
    address: $(node_addr "$id" "$node")
    paths: { sync_dir: $dir/$node/sync, hosts_file: /etc/hosts }
EOF
            # The node's database clients find its servers' sockets, as the default ones on
            # a TVox (here /run is shared by all nodes).
            env=""
            if [[ $node != dr_client ]] && has_service "$services" pg; then
                env+=", PGHOST: $dir/$node/pg/run"
            fi
            if [[ $node != dr_client ]] && has_service "$services" mysql; then
                env+=", MYSQL_UNIX_PORT: $dir/$node/mysql/run/mysqld.sock"
            fi
            [[ -z $env ]] || echo "    env: { ${env#, } }"
        done
        cat <<EOF
ssh:
  user: $LAB_USER
  port: 22
  identity: id_ed25519
  known_hosts: known_hosts
  connect_timeout: 3s
  command_timeout: 60s
EOF
        if [[ $become == sudo ]]; then
            echo "  become: sudo"
            echo "db: { defaults_file: $dir/root.my.cnf }"
        fi
        cat <<EOF
paths: { sync_dir: /opt/telenia_data/sync, hosts_file: /etc/hosts }
calendars: { database: davical_administrators, user: davical_dba }
thresholds: { chat_lag: 60s, db_lag: 60s, fs_tolerance: 1% }
objectives: { rpo: 1h, rto: 4h }
EOF
    } >"$dir/tvdr.yaml"
}

write_lab_env() {
    local id=$1 dir=$2 nodes=$3 services=$4 node
    {
        echo "TVDR_LAB_ID=$id"
        echo "TVDR_LAB_DIR=$dir"
        echo "TVDR_LAB_NODES=${nodes// /,}"
        echo "TVDR_LAB_SERVICES=$services"
        echo "TVDR_LAB_NODE_IP=$(cluster_ip "$id")"
        for node in $nodes; do
            echo "$(env_key "$node")=$(node_addr "$id" "$node")"
        done
        echo "TVDR_INVENTORY=$dir/tvdr.yaml"
    } >"$dir/lab.env"
}

cmd_up() {
    local want=auto dir="" nodes="tvox1 tvox2" owner="" own_dir=0 services="" node id svc
    local standalone=0 become=""
    while [[ $# -gt 0 ]]; do
        case $1 in
            --id) want=${2:?--id needs a value} && shift ;;
            --dir) dir=${2:?--dir needs a value} && shift ;;
            --nodes) nodes=${2:?--nodes needs a value} && nodes=${nodes//,/ } && shift ;;
            --owner) owner=${2:?--owner needs a pid} && shift ;;
            --services) services=${2?--services needs a value} && shift ;;
            --standalone) standalone=1 ;;
            --become) become=${2:?--become needs a value} && shift
                [[ $become == sudo ]] || die "--become: only sudo" ;;
            *) die "up: unexpected argument \`$1\`" ;;
        esac
        shift
    done
    [[ $want == auto ]] || valid_id "$want" || die "--id must be auto or 1..$MAX_ID"
    for node in $nodes; do node_octet "$node" >/dev/null; done
    [[ $services == none ]] && services=""
    for svc in ${services//,/ }; do
        [[ " $ALL_SERVICES " == *" $svc "* ]] ||
            die "unknown service \`$svc\` (services: ${ALL_SERVICES// /,})"
    done
    [[ " $nodes " == *" tvox1 "* || " $nodes " == *" tvox2 "* ]] ||
        die "a lab needs tvox1 or tvox2"
    if [[ -n $owner ]]; then
        owner=$(process_identity "$owner") || die "--owner $owner: no such process"
    else
        owner=$(default_owner)
    fi
    if [[ -n $dir ]]; then
        dir=$(realpath -m "$dir")
        check_dir_name "$dir"
        id=$(sed -n 's/^TVDR_LAB_ID=//p' "$dir/lab.env" 2>/dev/null || true)
        if valid_id "$id" && [[ $(cat "$RUN_DIR/$((10#$id))/dir" 2>/dev/null) == "$dir" ]]; then
            die "$dir already holds lab $id (scripts/lab down --dir $dir)"
        fi
    fi
    require_root
    require_programs

    # Without --dir the lab gets DIR=/tmp/tvdr-lab-<id>, known only once the id is claimed.
    [[ -n $dir ]] || own_dir=1
    with_lock claim_with_user "$want" "${dir:-pending}" "$nodes" "$owner" "$own_dir"
    id=$CLAIMED_ID
    # From here on a failure (or ^C) takes down whatever was made.
    trap 'exit 130' INT TERM
    # shellcheck disable=SC2064 # expand now: $id is a local of this function
    trap "teardown_lab $id >/dev/null 2>&1 || true" EXIT
    if [[ $own_dir == 1 ]]; then
        dir=${TMPDIR:-/tmp}/tvdr-lab-$id
        dir=$(realpath -m "$dir")
        check_dir_name "$dir"
        if [[ -e $dir ]]; then
            [[ -e $dir/lab.env ]] || die "$dir exists and is not a lab dir"
            rm -rf "$dir"
        fi
        echo "$dir" >"$RUN_DIR/$id/dir"
    fi
    mkdir -p "$dir"
    # The lab user reads authorized_keys, runs bin/ and writes sync/ under DIR.
    chmod 0755 "$dir"
    runuser -u "$LAB_USER" -- test -x "$dir" ||
        die "the lab user cannot reach $dir (a parent directory is closed): use --dir or TMPDIR"

    # We hold the claim, so anything still named for this id is a leftover of a killed run.
    clear_network "$id"
    make_network "$id" "$nodes"
    dns_up "$id" "$dir" "$nodes"
    write_client_keys "$dir"
    for node in $nodes; do make_node "$id" "$dir" "$node"; done
    write_known_hosts "$id" "$dir" "$nodes"
    tvox_install "$id" "$dir" "$nodes"
    write_inventory "$id" "$dir" "$nodes" "$services" "$become"
    write_lab_env "$id" "$dir" "$nodes" "$services"
    echo "TVDR_LAB_DNS=$(dns_addr "$id")" >>"$dir/lab.env"
    # After lab.env: the network init finds its lab by it.
    tvox_state_init "$id" "$dir" "$nodes" "$standalone"
    [[ $standalone == 0 ]] || make_standalone "$id" "$dir" "$nodes"
    services_start "$id" "$dir" "$nodes" "$services"
    [[ -z $become ]] || become_sudo "$id" "$dir" "$nodes" "$services"
    trap - EXIT INT TERM
    echo "TVDR_LAB_ID=$id"
    echo "TVDR_LAB_DIR=$dir"
}
