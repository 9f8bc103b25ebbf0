# shellcheck shell=bash
# scripts/lab.d/names.sh: Names, addresses and the checks every command makes first.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- names and addresses -----------------------------------------------------------------

node_octet() {
    case $1 in
        tvox1) echo 10 ;;
        tvox2) echo 12 ;;
        dr_client) echo 20 ;;
        *) die "unknown node \`$1\` (nodes: $ALL_NODES)" ;;
    esac
}

# Host side of the node's veth pair: tvl<id>t1, tvl<id>t2, tvl<id>dr (IFNAMSIZ allows 15).
veth_name() {
    case $2 in
        tvox1) echo "tvl$1t1" ;;
        tvox2) echo "tvl$1t2" ;;
        dr_client) echo "tvl$1dr" ;;
    esac
}

ns_name() { echo "tvdrlab$1-$2"; }
bridge_name() { echo "tvdrbr$1"; }
node_addr() { echo "$NET_PREFIX.$1.$(node_octet "$2")"; }
cluster_ip() { echo "$NET_PREFIX.$1.11"; }
env_key() { echo "TVDR_LAB_${1^^}"; } # tvox1 -> TVDR_LAB_TVOX1

# ---- checks --------------------------------------------------------------------------------

require_root() {
    [[ $EUID -eq 0 ]] || die "must run as root (namespaces, veths and sshd need it)"
}

require_programs() {
    local prog
    for prog in "${!REQUIRED_PROGRAMS[@]}"; do
        command -v "$prog" >/dev/null 2>&1 ||
            die "\`$prog\` not found: install the Debian package \`${REQUIRED_PROGRAMS[$prog]}\`" \
                "(the lab needs: $REQUIRED_PACKAGES)"
    done
}

valid_id() { [[ $1 =~ ^[0-9]+$ ]] && ((10#$1 >= 1 && 10#$1 <= MAX_ID)); }

# DIR ends up in sshd_config, lab.env and tvdr.yaml unquoted: keep it to safe characters.
check_dir_name() {
    [[ $1 =~ ^/[A-Za-z0-9._/+-]+$ ]] ||
        die "lab dir \`$1\` must be an absolute path of letters, digits and ._/+- only"
}
