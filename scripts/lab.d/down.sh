# shellcheck shell=bash
# scripts/lab.d/down.sh: Tearing labs down: `scripts/lab down`, and what a killed run left.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- tearing down --------------------------------------------------------------------------

# A zombie counts as gone: its parent may be an init that reaps late (seen here: ~2 s).
is_running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

kill_and_wait() { # pid...
    local pid i alive=("$@")
    kill -TERM "${alive[@]}" 2>/dev/null || true
    for ((i = 0; i < 60 && ${#alive[@]} > 0; i++)); do
        for pid in "${!alive[@]}"; do
            is_running "${alive[$pid]}" || unset "alive[$pid]"
        done
        [[ ${#alive[@]} -gt 0 ]] && sleep 0.05
    done
    [[ ${#alive[@]} -eq 0 ]] || kill -KILL "${alive[@]}" 2>/dev/null || true
}

lab_namespaces() { # id, or "" for every lab's
    local pat="tvdrlab${1:-[0-9]+}-"
    ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^$pat" || true
}

lab_links() { # id, or "" for every lab's (bridges and host-side veths)
    local n=${1:-[0-9]+}
    ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | sed 's/@.*//' |
        grep -E "^(tvdrbr$n|tvl$n(t1|t2|dr|dn))$" || true
}

# Processes to stop: everything living in the lab's namespaces (sshd, its sessions, whatever a
# test started there), every process named by a pid file under DIR whose command line
# mentions DIR (a stale pid file must not kill a stranger that got the same pid), and
# tvdr keepers serving a socket under DIR.
lab_pids() { # id dir
    local ns f pid
    for ns in $(lab_namespaces "$1"); do ip netns pids "$ns" 2>/dev/null || true; done
    [[ -n $2 && -d $2 ]] || return 0
    while IFS= read -r -d '' f; do
        pid=$(head -n1 "$f" 2>/dev/null | tr -dc 0-9)
        [[ -n $pid ]] || continue
        tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2" && echo "$pid"
    done < <(find "$2" -name '*.pid' -type f -print0 2>/dev/null)
    # tvdr's keepers of kept sessions (`ssh.persist`) whose socket is under DIR: their
    # nodes are going away.
    pgrep -f -- "__keep $2/" || true
    return 0
}

# Stops the lab's processes and removes its veths, bridge and namespaces.
clear_network() { # id [dir]
    local pids link ns
    mapfile -t pids < <(lab_pids "$1" "${2:-}" | sort -u)
    [[ ${#pids[@]} -eq 0 ]] || kill_and_wait "${pids[@]}"
    # Deleting the host side of a veth deletes its peer too.
    for link in $(lab_links "$1"); do ip link del "$link" 2>/dev/null || true; done
    for ns in $(lab_namespaces "$1"); do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf /etc/netns/tvdrlab"$1"-*
}

# Removes everything lab ID made. Idempotent, and safe on a half-built or half-removed lab.
teardown_lab() { # id [dir, when the claim is gone] [remove-dir]
    local id=$1 claim=$RUN_DIR/$1 dir=${2:-} nodes="$ALL_NODES" own_dir=0 node
    [[ ${3:-} == remove-dir ]] && own_dir=1
    [[ -s $claim/dir ]] && dir=$(cat "$claim/dir")
    [[ $dir == pending || ! -d $dir ]] && dir=""
    [[ -s $claim/nodes ]] && nodes=$(cat "$claim/nodes")
    [[ $own_dir == 0 && -s $claim/own_dir ]] && own_dir=$(cat "$claim/own_dir")
    if [[ -n $dir ]]; then
        for node in $nodes; do node_services_stop "$id" "$dir" "$node" || true; done
    fi
    clear_network "$id" "$dir"
    # /var/tmp is shared by every node (only /etc is per namespace): the run locks tvdr left
    # there for this lab's site must not greet the next lab that gets the same id.
    rm -rf /var/tmp/tvdr-lock."lab-$((10#$id))".*
    [[ $own_dir == 1 && -n $dir && -e $dir/lab.env ]] && rm -rf "$dir"
    # The claim goes last: the id is not reused until everything above is gone.
    rm -rf "$claim"
}

cmd_down() {
    local id="" dir=""
    require_root
    case ${1:-} in
        --all)
            # Only labs whose owner is gone: a live one belongs to a test run going on.
            with_lock sweep_stale
            # Leftovers whose claim is gone (a run killed half-way through a teardown).
            for id in $({
                lab_namespaces "" | sed -E 's/^tvdrlab([0-9]+)-.*/\1/'
                lab_links "" | sed -E 's/^(tvdrbr|tvl)([0-9]+).*/\2/'
                find /etc/netns -maxdepth 1 -name 'tvdrlab*-*' -printf '%f\n' 2>/dev/null |
                    sed -E 's/^tvdrlab([0-9]+)-.*/\1/'
            } | sort -u); do
                [[ -e $RUN_DIR/$id ]] || teardown_lab "$id"
            done
            with_lock remove_user_if_unused
            return 0
            ;;
        --id)
            valid_id "${2:-}" || die "down: --id must be 1..$MAX_ID"
            id=$((10#$2))
            ;;
        --dir) dir=${2:?--dir needs a value} ;;
        "")
            dir=${TVDR_LAB_DIR:-}
            [[ -n $dir ]] || die "down: give --id N, --dir DIR or --all (or set TVDR_LAB_DIR)"
            ;;
        *) die "down: unexpected argument \`$1\`" ;;
    esac
    if [[ -n $dir ]]; then
        dir=$(realpath -m "$dir")
        id=$(sed -n 's/^TVDR_LAB_ID=//p' "$dir/lab.env" 2>/dev/null || true)
        valid_id "$id" || return 0 # no lab there (any more): nothing to do
        id=$((10#$id))
        # The id may have been reused by another lab since: leave that one alone.
        if [[ -s $RUN_DIR/$id/dir && $(cat "$RUN_DIR/$id/dir") != "$dir" ]]; then
            return 0
        fi
    fi
    teardown_lab "$id" "$dir"
    with_lock remove_user_if_unused
}
