# shellcheck shell=bash
# scripts/lab.d/commands.sh: Finding a running lab, and the commands on it (cut, restore, exec, rekey, slow-login).
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- finding a lab (for every command but up) ---------------------------------------------

# Sets LAB_ID, LAB_DIR, LAB_NODES from --id N, --dir DIR or $TVDR_LAB_DIR; returns 1 with a
# message when the lab is not up. Leaves the remaining arguments in REST.
resolve_lab() {
    local id="" dir="" claim
    LAB_ID="" LAB_DIR="" LAB_NODES="" REST=()
    while [[ $# -gt 0 ]]; do
        case $1 in
            --id) id=${2:?--id needs a value} && shift ;;
            --dir) dir=${2:?--dir needs a value} && shift ;;
            --) REST+=("$@") && break ;;
            *) REST+=("$1") ;;
        esac
        shift
    done
    if [[ -z $id ]]; then
        dir=${dir:-${TVDR_LAB_DIR:-}}
        [[ -n $dir ]] || {
            echo "lab: which lab? give --id N or --dir DIR (or set TVDR_LAB_DIR)" >&2
            return 1
        }
        dir=$(realpath -m "$dir")
        id=$(sed -n 's/^TVDR_LAB_ID=//p' "$dir/lab.env" 2>/dev/null || true)
        [[ -n $id ]] || {
            echo "lab: no lab in $dir (no lab.env)" >&2
            return 1
        }
    fi
    valid_id "$id" || {
        echo "lab: bad lab id \`$id\`" >&2
        return 1
    }
    id=$((10#$id))
    claim=$RUN_DIR/$id
    [[ -s $claim/dir ]] || {
        echo "lab: lab $id is not up" >&2
        return 1
    }
    if [[ -n $dir && $(cat "$claim/dir") != "$dir" ]]; then
        echo "lab: lab $id now belongs to $(cat "$claim/dir"), not $dir" >&2
        return 1
    fi
    LAB_ID=$id
    LAB_DIR=$(cat "$claim/dir")
    LAB_NODES=$(cat "$claim/nodes")
}

lab_node() { # NODE: must be one of the lab's
    [[ " $LAB_NODES " == *" $1 "* ]] || die "lab $LAB_ID has no node \`$1\` (it has: $LAB_NODES)"
}

# ---- commands on a running lab -------------------------------------------------------------

cmd_cut() {
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 1 ]] || die "usage: scripts/lab cut NODE"
    lab_node "${REST[0]}"
    ip link set "$(veth_name "$LAB_ID" "${REST[0]}")" down
}

cmd_restore() {
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 1 ]] || die "usage: scripts/lab restore NODE"
    lab_node "${REST[0]}"
    ip link set "$(veth_name "$LAB_ID" "${REST[0]}")" up
    # Carrier loss may have flushed the static entries; put them back.
    set_neighbours "$LAB_ID" "$LAB_NODES"
}

# Puts the cluster node IP on exactly HOLDERS (none, one or two) among the lab's nodes.
set_node_ip() { # id nodes holders...
    local id=$1 nodes=$2 ip node
    ip=$(cluster_ip "$id")
    for node in $nodes; do
        ip -n "$(ns_name "$id" "$node")" addr del "$ip/24" dev eth0 2>/dev/null || true
    done
    for node in "${@:3}"; do
        ip -n "$(ns_name "$id" "$node")" addr add "$ip/24" dev eth0
    done
    # Forget where the address was, as a gratuitous ARP from keepalived would make peers do.
    ip neigh flush to "$ip" dev "$(bridge_name "$id")" 2>/dev/null || true
    for node in $nodes; do
        ip -n "$(ns_name "$id" "$node")" neigh flush to "$ip" dev eth0 2>/dev/null || true
    done
}

cmd_node_ip() {
    local node
    require_root
    resolve_lab "$@" || exit 1
    for node in "${REST[@]}"; do lab_node "$node"; done
    set_node_ip "$LAB_ID" "$LAB_NODES" "${REST[@]}"
}

cmd_exec() {
    local node
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -ge 1 ]] || die "usage: scripts/lab exec NODE -- CMD..."
    node=${REST[0]}
    lab_node "$node"
    REST=("${REST[@]:1}")
    [[ ${REST[0]:-} == -- ]] && REST=("${REST[@]:1}")
    [[ ${#REST[@]} -ge 1 ]] || die "usage: scripts/lab exec NODE -- CMD..."
    # Same PATH as an ssh session on the node, so stand-ins in bin/ are found here too.
    exec ip netns exec "$(ns_name "$LAB_ID" "$node")" env \
        PATH="$LAB_DIR/$node/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        TVDR_LAB_NODE="$node" TVDR_LAB_BIN="$LAB_DIR/$node/bin" "${REST[@]}"
}

# The node gets a new host key; DIR/known_hosts keeps the old one on purpose, so the next
# connection meets a changed host key.
cmd_rekey() {
    local node
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 1 ]] || die "usage: scripts/lab rekey NODE"
    node=${REST[0]}
    lab_node "$node"
    stop_sshd "$LAB_ID" "$LAB_DIR" "$node"
    new_host_key "$LAB_DIR" "$node"
    start_sshd "$LAB_ID" "$LAB_DIR" "$node"
    ssh-keygen -l -f "$LAB_DIR/$node/ssh_host_ed25519_key.pub"
}

# A stock CentOS 7 sshd on a LAN whose DNS does not answer: `UseDNS yes` makes sshd look up
# the client's address before it logs anyone in, and the node's resolver asks a server that
# never answers (an address on the lab bridge whose neighbour entry points at a MAC nobody
# has: no reply, no ICMP, only the resolver's timeout of SECS). The banner and the key
# exchange stay fast; the login takes SECS more. `off` gives the node its usual sshd and DNS.
# Opt-in, not the default: every login to the node would cost SECS.
cmd_slow_login() {
    local node secs nd ns hole
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 2 ]] || die "usage: scripts/lab slow-login NODE SECS|off"
    node=${REST[0]} secs=${REST[1]}
    lab_node "$node"
    [[ $secs == off || $secs =~ ^[1-9][0-9]?$ ]] || die "slow-login: SECS is 1-99 or off"
    nd=$LAB_DIR/$node ns=$(ns_name "$LAB_ID" "$node") hole="$NET_PREFIX.$LAB_ID.250"
    if [[ $secs == off ]]; then
        sed -i 's/^UseDNS yes$/UseDNS no/' "$nd/sshd_config"
        dns_resolv_conf "$LAB_ID" "$LAB_DIR" "$node"
        ip -n "$ns" neigh del "$hole" dev eth0 2>/dev/null || true
    else
        sed -i 's/^UseDNS no$/UseDNS yes/' "$nd/sshd_config"
        printf '# lab node %s: a nameserver that never answers (scripts/lab slow-login)\nnameserver %s\noptions timeout:%s attempts:1\n' \
            "$node" "$hole" "$secs" >"$nd/resolv.conf"
        ip -n "$ns" neigh replace "$hole" lladdr 02:00:00:00:02:50 nud permanent dev eth0
    fi
    stop_sshd "$LAB_ID" "$LAB_DIR" "$node"
    start_sshd "$LAB_ID" "$LAB_DIR" "$node"
}
