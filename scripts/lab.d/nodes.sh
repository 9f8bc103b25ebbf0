# shellcheck shell=bash
# scripts/lab.d/nodes.sh: Building a lab: the network, sshd, host keys and /etc/hosts of each node.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- building a lab ------------------------------------------------------------------------

# Keep IPv6 off the lab's links: no link-local chatter, no DAD delay; the lab is IPv4 only.
no_ipv6() { # [netns] ifname
    local ns_exec=()
    [[ $# -eq 2 ]] && ns_exec=(ip netns exec "$1") && shift
    "${ns_exec[@]}" sh -c "f=/proc/sys/net/ipv6/conf/$1/disable_ipv6; [ ! -e \$f ] || echo 1 >\$f"
}

mac_of() { # netns ifname
    ip -n "$1" -o link show dev "$2" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'
}

# Static neighbour entries for the nodes' own addresses, in the root namespace and in every
# node. A cut node then drops packets silently (connect times out, as behind a real broken
# link) instead of failing fast on ARP ("no route to host"). The cluster node IP keeps using
# ARP, because it moves.
set_neighbours() {
    local id=$1 nodes=$2 node other mac
    for node in $nodes; do
        mac=$(mac_of "$(ns_name "$id" "$node")" eth0)
        ip neigh replace "$(node_addr "$id" "$node")" lladdr "$mac" nud permanent \
            dev "$(bridge_name "$id")"
        for other in $nodes; do
            [[ $other == "$node" ]] && continue
            ip -n "$(ns_name "$id" "$other")" neigh replace "$(node_addr "$id" "$node")" \
                lladdr "$mac" nud permanent dev eth0
        done
    done
}

make_network() {
    local id=$1 nodes=$2 bridge node ns veth
    bridge=$(bridge_name "$id")
    ip link add "$bridge" type bridge
    no_ipv6 "$bridge"
    ip addr add "$NET_PREFIX.$id.1/24" dev "$bridge"
    ip link set "$bridge" up
    for node in $nodes; do
        ns=$(ns_name "$id" "$node")
        veth=$(veth_name "$id" "$node")
        ip netns add "$ns"
        # The peer is created directly inside the namespace under its final name.
        ip link add "$veth" type veth peer name eth0 netns "$ns"
        no_ipv6 "$veth"
        ip link set "$veth" master "$bridge" up
        no_ipv6 "$ns" eth0
        ip -n "$ns" link set lo up
        ip -n "$ns" addr add "$(node_addr "$id" "$node")/24" dev eth0
        ip -n "$ns" link set eth0 up
    done
    set_neighbours "$id" "$nodes"
    # The master (tvox1 when there is one) holds the cluster node IP as a secondary address,
    # as keepalived would.
    node=${nodes%% *}
    [[ " $nodes " == *" tvox1 "* ]] && node=tvox1
    ip -n "$(ns_name "$id" "$node")" addr add "$(cluster_ip "$id")/24" dev eth0
}

write_sshd_config() {
    local dir=$1 node=$2 nd=$1/$2
    cat >"$nd/sshd_config" <<EOF
# sshd for lab node $node (started by scripts/lab inside its network namespace)
Port 22
ListenAddress 0.0.0.0
HostKey $nd/ssh_host_ed25519_key
PidFile $nd/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
# DIR lives in /tmp; sshd would refuse its modes.
StrictModes no
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
AllowUsers $LAB_USER
# No PATH here: sessions get sshd's bare default, as on a stock node, and the stand-ins in
# bin/ are found only by a login shell (the lab user's ~/.profile), like the vendor's tools.
# SCREENDIR: /run is shared by every namespace, so each node keeps its own screen sockets,
# as a real machine does.
SetEnv TVDR_LAB_NODE=$node TVDR_LAB_BIN=$nd/bin SCREENDIR=$nd/home/.screen
Subsystem sftp /usr/lib/openssh/sftp-server
UseDNS no
PrintMotd no
PrintLastLog no
MaxSessions 64
MaxStartups 64:30:128
LogLevel VERBOSE
EOF
}

write_hosts() {
    local id=$1 file=$2
    # What a CentOS 7 node ships, plus the name clients use pointing at the cluster node IP.
    cat >"$file" <<EOF
127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4
::1         localhost localhost.localdomain localhost6 localhost6.localdomain6
$(cluster_ip "$id") $DOMAIN
EOF
}

wait_for_file() { # file tries(0.05 s each)
    local i
    for ((i = 0; i < $2; i++)); do
        [[ -s $1 ]] && return 0
        sleep 0.05
    done
    return 1
}

start_sshd() {
    local id=$1 dir=$2 node=$3 nd=$2/$3 ns
    ns=$(ns_name "$id" "$node")
    mkdir -p /run/sshd # privilege separation directory
    rm -f "$nd/sshd.pid"
    # sshd daemonises and points its stdio at /dev/null; redirect anyway, see the hook notes.
    ip netns exec "$ns" /usr/sbin/sshd -f "$nd/sshd_config" -E "$nd/sshd.log" \
        </dev/null >/dev/null 2>&1 || true
    # The pid file is written after the listening socket is bound. Asked inside the node: a
    # stand-alone TVOX 1 answers only at the node IP, not at its (future) address.
    if ! wait_for_file "$nd/sshd.pid" 100 ||
        ! ip netns exec "$ns" timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/22" 2>/dev/null; then
        tail -n 20 "$nd/sshd.log" >&2 || true
        die "sshd for \`$node\` did not start (log: $nd/sshd.log)"
    fi
}

stop_sshd() {
    local pid_file=$2/$3/sshd.pid pid
    [[ -s $pid_file ]] || return 0
    pid=$(cat "$pid_file")
    kill_and_wait "$pid"
    rm -f "$pid_file"
}

new_host_key() {
    local nd=$1/$2
    rm -f "$nd/ssh_host_ed25519_key" "$nd/ssh_host_ed25519_key.pub"
    ssh-keygen -q -t ed25519 -N '' -C "tvdr-lab-$2" -f "$nd/ssh_host_ed25519_key"
}
