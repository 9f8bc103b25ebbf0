# shellcheck shell=bash
# scripts/lab.d/network.sh: TVox state and the network programs (network_reset, write_config.php).
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- TVox state and the network programs (network_reset, write_config.php) ---------------
#
# Each TVox node keeps what the vendor's programs read in DIR/<node>/tvox/ (the lab user's,
# who stands in for root), one plain file per fact:
#   mode     `standalone` or `ft` (an FT section configured)
#   domain   the TVox domain name (empty: none set)
#   node_ip  the cluster node IP the FT section names
# and two stand-ins on the node's PATH:
#   write_config.php network   rewrites the node's /etc/hosts (DIR/<node>/hosts, in place: it
#                              is bind-mounted) with the line the seed gives for the mode:
#                              stand-alone `<physical address> <domain>`, FT `<node IP>
#                              <domain>`; other lines are kept, lines naming the domain go.
#   network_reset              the menu (interface, new address, netmask, confirm). The lab
#                              user cannot change addresses: it asks the node's network
#                              "init", a root process outside the node (DIR/<node>/net-init.pid)
#                              reading DIR/<node>/net.fifo, which moves eth0 to the new address
#                              (same sshd, same host key: a session at the old address freezes).
#                              Logged to DIR/<node>/tvox/network.log. Every TVox node of
#                              every lab has both.
# `up --standalone`: TVOX 1 has the node IP as its only address (a stand-alone TVox answers
# at what becomes the node IP) and mode `standalone`; DIR/known_hosts has no line for TVOX 1
# (tvdr records its key at the node IP); tvox2 is not installed: its sshd is stopped until
# `scripts/lab install tvox2`. The inventory is the finished cluster's, as the
# standalone-to-ft runbook expects (nodes.tvox1.address = TVOX 1's new address).

tvox_state_init() { # id dir nodes standalone
    local id=$1 dir=$2 nodes=$3 standalone=$4 node nd mode=ft
    [[ $standalone == 1 ]] && mode=standalone
    for node in $nodes; do
        [[ $node == dr_client ]] && continue
        nd=$dir/$node
        install -d -m 0755 -o "$LAB_USER" "$nd/tvox"
        echo "$mode" >"$nd/tvox/mode"
        echo "$DOMAIN" >"$nd/tvox/domain"
        cluster_ip "$id" >"$nd/tvox/node_ip"
        chown "$LAB_USER:" "$nd/tvox/mode" "$nd/tvox/domain" "$nd/tvox/node_ip"
        write_config_stand_in "$nd"
        network_reset_stand_in "$nd"
        start_network_init "$dir" "$node"
    done
}

write_config_stand_in() { # node-dir
    local nd=$1
    cat >"$nd/bin/write_config.php" <<STANDIN
#!/bin/sh
# Lab stand-in for TVox's write_config.php (written by scripts/lab): only \`network\`, and of
# it only the hosts line the procedure talks about.
[ "\$1" = network ] || { echo "usage: write_config.php network" >&2; exit 2; }
mode=\$(cat "$nd/tvox/mode")
domain=\$(cat "$nd/tvox/domain" 2>/dev/null)
case \$mode in
    standalone) addr=\$(ip -o -4 addr show dev eth0 | awk 'NR == 1 { sub(/\/.*/, "", \$4); print \$4 }') ;;
    ft) addr=\$(cat "$nd/tvox/node_ip") ;;
    *) echo "write_config.php: unknown mode \$mode" >&2; exit 1 ;;
esac
[ -n "\$addr" ] || { echo "write_config.php: no address for mode \$mode" >&2; exit 1; }
awk -v d="\$domain" '{ keep = 1; line = \$0; sub(/#.*/, "", line); n = split(line, f)
    for (i = 2; i <= n; i++) if (d != "" && tolower(f[i]) == tolower(d)) keep = 0
    if (keep) print }' /etc/hosts >"$nd/tvox/hosts.new"
[ -z "\$domain" ] || echo "\$addr \$domain" >>"$nd/tvox/hosts.new"
# In place: /etc/hosts is this file bind-mounted, a rename would not be seen.
cat "$nd/tvox/hosts.new" >/etc/hosts && rm -f "$nd/tvox/hosts.new"
echo "network configuration written (\$mode): /etc/hosts maps \${domain:-no domain} to \$addr"
STANDIN
    chmod 0755 "$nd/bin/write_config.php"
}

network_reset_stand_in() { # node-dir
    local nd=$1
    cat >"$nd/bin/network_reset" <<STANDIN
#!/bin/bash
# Lab stand-in for TVox's network_reset menu (written by scripts/lab). Asks the node's
# network init (root, outside the node) to move the address.
current=\$(ip -o -4 addr show dev eth0 | awk 'NR == 1 { print \$4 }')
echo "TVOX network configuration"
echo "  1) eth0   \$current"
read -r -p "Interface to configure [1]: " choice
[ "\${choice:-1}" = 1 ] || { echo "no interface \$choice"; exit 1; }
read -r -p "New IP address: " address
read -r -p "Netmask [255.255.255.0]: " netmask
[ "\${netmask:-255.255.255.0}" = 255.255.255.0 ] || { echo "the lab knows only /24"; exit 1; }
read -r -p "Apply eth0 \$address/24 (was \$current)? [y/N] " sure
case \$sure in y|Y|yes) ;; *) echo "nothing changed"; exit 1 ;; esac
echo "applying the network configuration..."
rm -f "$nd/tvox/net.done"
timeout 10 sh -c 'echo "eth0 \$1 24" >"\$2"' sh "\$address" "$nd/net.fifo" || { echo "network init not answering"; exit 1; }
for i in \$(seq 100); do [ -e "$nd/tvox/net.done" ] && break; sleep 0.1; done
result=\$(cat "$nd/tvox/net.done" 2>/dev/null) || { echo "the network did not restart"; exit 1; }
echo "\$result"
case \$result in refused*) exit 1 ;; esac
STANDIN
    chmod 0755 "$nd/bin/network_reset"
}

# One request per line from the node's network_reset: "eth0 ADDRESS 24". Checked here, as
# root: only an unused address of the lab's /24 on eth0.
node_set_address() { # id dir node request
    local id=$1 nd=$2/$3 ns iface addr len old
    ns=$(ns_name "$id" "$3")
    read -r iface addr len <<<"$4"
    if [[ $iface != eth0 || $len != 24 || ! $addr =~ ^$NET_PREFIX\.$id\.([0-9]{1,3})$ ]] ||
        ((BASH_REMATCH[1] < 2 || BASH_REMATCH[1] > 254)); then
        echo "refused: \`$4\` (eth0, an address of $NET_PREFIX.$id.0/24)" | tee "$nd/tvox/net.done"
        return 0
    fi
    old=$(ip -n "$ns" -o -4 addr show dev eth0 | awk 'NR == 1 { sub(/\/.*/, "", $4); print $4 }')
    # The new address becomes primary when the old one goes, instead of going with it.
    ip netns exec "$ns" sh -c 'echo 1 >/proc/sys/net/ipv4/conf/eth0/promote_secondaries'
    ip -n "$ns" addr add "$addr/24" dev eth0 2>/dev/null || true
    [[ -z $old || $old == "$addr" ]] || ip -n "$ns" addr del "$old/24" dev eth0
    # Peers forget where the old address was, as after a real network restart.
    [[ -z $old ]] || ip neigh flush to "$old" dev "$(bridge_name "$id")" 2>/dev/null || true
    echo "$(date '+%F %T') eth0 $old -> $addr/24" >>"$nd/tvox/network.log"
    echo "network restarted: eth0 $addr/24" >"$nd/tvox/net.done"
    chown "$LAB_USER:" "$nd/tvox/net.done"
}

cmd_network_init() {
    resolve_lab "$@" || exit 1
    local node=${REST[0]:?usage: scripts/lab network-init NODE} nd line
    nd=$LAB_DIR/$node
    set +e
    trap - ERR
    while :; do
        if read -r line <"$nd/net.fifo"; then
            node_set_address "$LAB_ID" "$LAB_DIR" "$node" "$line"
        fi
    done
}

start_network_init() { # dir node
    local nd=$1/$2 pid
    if [[ ! -p $nd/net.fifo ]]; then
        mkfifo -m 0600 "$nd/net.fifo"
        chown "$LAB_USER:" "$nd/net.fifo"
    fi
    pid=$(cat "$nd/net-init.pid" 2>/dev/null || true)
    if [[ -z $pid ]] || ! is_running "$pid"; then
        "$0" network-init --dir "$1" "$2" </dev/null >>"$nd/tvox/network.log" 2>&1 &
        echo $! >"$nd/net-init.pid"
    fi
}

make_standalone() { # id dir nodes
    local id=$1 dir=$2 nodes=$3 ns
    [[ " $nodes " == *" tvox1 "* ]] || die "--standalone needs tvox1"
    ns=$(ns_name "$id" tvox1)
    # The node IP alone: drop it and the physical address, then give the node IP back.
    ip -n "$ns" addr flush dev eth0
    ip -n "$ns" addr add "$(cluster_ip "$id")/24" dev eth0
    ip neigh flush to "$(cluster_ip "$id")" dev "$(bridge_name "$id")" 2>/dev/null || true
    grep -v "^$(node_addr "$id" tvox1) " "$dir/known_hosts" >"$dir/known_hosts.new" || true
    mv "$dir/known_hosts.new" "$dir/known_hosts"
    if [[ " $nodes " == *" tvox2 "* ]]; then
        stop_sshd "$id" "$dir" tvox2
    fi
}

# A node "installed" later (tvox2 of a stand-alone lab): its sshd starts, same host key.
cmd_install() {
    local node
    require_root
    resolve_lab "$@" || exit 1
    [[ ${#REST[@]} -eq 1 ]] || die "usage: scripts/lab install NODE"
    node=${REST[0]}
    lab_node "$node"
    [[ -s $LAB_DIR/$node/sshd.pid ]] && is_running "$(cat "$LAB_DIR/$node/sshd.pid")" &&
        die "$node is already up"
    start_sshd "$LAB_ID" "$LAB_DIR" "$node"
}
