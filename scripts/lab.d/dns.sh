# shellcheck shell=bash
# scripts/lab.d/dns.sh: The customer's DNS server (dnsmasq in a namespace of its own).
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- DNS: the customer's DNS server (dnsmasq) ----------------------------------------------
#
# A real DNS server stands in for the customer's: dnsmasq in a namespace of its own
# (tvdrlab<id>-dns, veth tvl<id>dn on the lab bridge) at NET_PREFIX.<id>.53, so cutting a
# node leaves it serving, as a site's DNS outlives its PBX. It answers only what the lab
# defines (no-resolv, no-hosts: it never forwards and never reads this machine's
# /etc/hosts): the records of DOMAIN in DIR/dns/records (hosts(5) form), NXDOMAIN for any
# other name under lab.test, REFUSED for the rest. Every node's /etc/resolv.conf names it
# (DIR/<node>/resolv.conf, bind-mounted by `ip netns exec` like hosts), so tvdr finds it
# there when the inventory has no `dns.servers`. At start DOMAIN is the cluster node IP.
#   scripts/lab dns a ADDRESS...     DOMAIN has these A records (flipped: the DR client)
#   scripts/lab dns cname ADDRESS... DOMAIN is a CNAME to alias.lab.test, which has them
#   scripts/lab dns none             no record: NXDOMAIN
#   scripts/lab dns stop | start     the server down (nothing answers) or up again
#   scripts/lab dns show             the records served now
# DIR/dns/dnsmasq.log logs every query.

readonly DNS_ALIAS=alias.lab.test
readonly DNS_TTL=60

dns_addr() { echo "$NET_PREFIX.$1.53"; } # id
dns_veth() { echo "tvl$1dn"; }            # id

# The DNS server's own little machine: a namespace on the lab bridge.
dns_network() { # id
    local ns veth
    ns=$(ns_name "$1" dns)
    veth=$(dns_veth "$1")
    ip netns add "$ns"
    ip link add "$veth" type veth peer name eth0 netns "$ns"
    no_ipv6 "$veth"
    ip link set "$veth" master "$(bridge_name "$1")" up
    no_ipv6 "$ns" eth0
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add "$(dns_addr "$1")/24" dev eth0
    ip -n "$ns" link set eth0 up
}

# Each node's /etc/resolv.conf, before its sshd starts: `ip netns exec` bind-mounts the
# files of /etc/netns/<ns>/ when it starts a process, and sessions inherit sshd's mounts.
dns_resolv_conf() { # id dir node
    local nd=$2/$3 ns
    ns=$(ns_name "$1" "$3")
    mkdir -p "$nd" "/etc/netns/$ns"
    printf '# lab node %s: the customer DNS server (scripts/lab dns)\nnameserver %s\n' \
        "$3" "$(dns_addr "$1")" >"$nd/resolv.conf"
    chmod 0644 "$nd/resolv.conf"
    ln -sfn "$nd/resolv.conf" "/etc/netns/$ns/resolv.conf"
}

# The records DOMAIN has: KIND (a|cname|none) and addresses. A CNAME is a line of dnsmasq's
# config, and its target must be a name dnsmasq knows: alias.lab.test in the records.
dns_write_records() { # dir kind address...
    local d=$1/dns kind=$2 a
    shift 2
    {
        echo "# $DOMAIN as the customer's DNS serves it (scripts/lab dns): $kind $*"
        for a in "$@"; do
            if [[ $kind == cname ]]; then echo "$a $DNS_ALIAS"; else echo "$a $DOMAIN"; fi
        done
    } >"$d/records"
    if [[ $kind == cname ]]; then echo "cname=$DOMAIN,$DNS_ALIAS"; else echo "# no cname"; fi \
        >"$d/cname.conf"
    chmod 0644 "$d/records" "$d/cname.conf"
}

dns_write_config() { # id dir
    cat >"$2/dns/dnsmasq.conf" <<EOF
# The customer's DNS server of lab $1 (scripts/lab). Only what the lab defines, never
# forwarded: no upstream servers, not this machine's hosts file nor its resolv.conf.
no-resolv
no-hosts
no-poll
bind-interfaces
listen-address=$(dns_addr "$1")
port=53
local=/lab.test/
addn-hosts=$2/dns/records
conf-file=$2/dns/cname.conf
local-ttl=$DNS_TTL
pid-file=$2/dns/dnsmasq.pid
log-facility=$2/dns/dnsmasq.log
log-queries
user=root
EOF
}

# dnsmasq's exit status says whether it started: its parent waits until the daemon has
# bound its socket (or failed to).
dns_launch() { # id dir
    if ! (
        cd / || exit 1
        exec ip netns exec "$(ns_name "$1" dns)" dnsmasq --conf-file="$2/dns/dnsmasq.conf"
    ) </dev/null >>"$2/dns/start.log" 2>&1; then
        tail -n 20 "$2/dns/start.log" >&2 || true
        die "dnsmasq did not start (log: $2/dns/start.log)"
    fi
    wait_for_file "$2/dns/dnsmasq.pid" 100 || die "dnsmasq wrote no pid file"
}

dns_stop() { # dir
    stop_pid_file "$1/dns/dnsmasq.pid" "$1" TERM
    rm -f "$1/dns/dnsmasq.pid"
}

# Called by `up` before any node starts: the server, and every node's resolv.conf.
dns_up() { # id dir nodes
    local node
    mkdir -p "$2/dns"
    dns_network "$1"
    for node in $3; do dns_resolv_conf "$1" "$2" "$node"; done
    dns_write_config "$1" "$2"
    dns_write_records "$2" a "$(cluster_ip "$1")"
    dns_launch "$1" "$2"
}

cmd_dns() {
    local kind a
    require_root
    resolve_lab "$@" || exit 1
    kind=${REST[0]:-}
    case $kind in
        a | cname)
            [[ ${#REST[@]} -ge 2 ]] || die "usage: scripts/lab dns $kind ADDRESS..."
            for a in "${REST[@]:1}"; do
                [[ $a =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
                    die "dns: \`$a\` is not an IPv4 address"
            done
            ;;
        none) [[ ${#REST[@]} -eq 1 ]] || die "usage: scripts/lab dns none" ;;
        stop)
            dns_stop "$LAB_DIR"
            return 0
            ;;
        start)
            [[ -s $LAB_DIR/dns/dnsmasq.pid ]] || dns_launch "$LAB_ID" "$LAB_DIR"
            return 0
            ;;
        show)
            cat "$LAB_DIR/dns/records" "$LAB_DIR/dns/cname.conf"
            return 0
            ;;
        *) die "usage: scripts/lab dns a|cname ADDRESS... | none | stop | start | show" ;;
    esac
    dns_write_records "$LAB_DIR" "$kind" "${REST[@]:1}"
    # A restart rather than SIGHUP: once it is back every answer is the new one (a reload
    # is asynchronous), and dnsmasq reads CNAMEs only at start.
    dns_stop "$LAB_DIR"
    dns_launch "$LAB_ID" "$LAB_DIR"
}
