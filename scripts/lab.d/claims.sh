# shellcheck shell=bash
# scripts/lab.d/claims.sh: Claiming lab ids under /run/tvdr-lab, owners, stale labs, and the lab user.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- claims (/run/tvdr-lab) ----------------------------------------------------------------

# Serialises claiming ids, sweeping stale labs and creating the lab user. Held only for that
# short phase, never while a daemon is started (a daemon would inherit the lock's fd).
with_lock() {
    local fd
    mkdir -p "$RUN_DIR"
    exec {fd}>"$RUN_DIR/.lock"
    flock "$fd"
    "$@"
    exec {fd}>&-
}

# "PID STARTTIME": the start time tells a live owner from a reused pid.
process_identity() {
    local stat rest fields
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    rest=${stat##*) }
    read -ra fields <<<"$rest"
    echo "$1 ${fields[19]}" # field 22 of stat; fields here start at field 3
}

# A claim is stale when it names an owner process that is gone (a killed test run, a closed
# terminal). Claims without an owner (made by an older scripts/lab) are never stale.
claim_is_stale() {
    local owner_file=$RUN_DIR/$1/owner owner pid
    [[ -s $owner_file ]] || return 1
    owner=$(cat "$owner_file")
    pid=${owner%% *}
    [[ $(process_identity "$pid" 2>/dev/null || true) != "$owner" ]]
}

claimed_ids() {
    local d
    for d in "$RUN_DIR"/*/; do
        d=${d%/}
        d=${d##*/}
        valid_id "$d" && echo "$d"
    done
    return 0
}

sweep_stale() {
    local id
    for id in $(claimed_ids); do
        if claim_is_stale "$id"; then
            echo "lab: removing stale lab $id (its owner is gone)" >&2
            # Its dir too: the owner would have removed it (a test's temporary dir).
            teardown_lab "$id" "" remove-dir
        fi
    done
}

# Claim WANT (an id or "auto") by mkdir, which is atomic. "auto" takes the first free id after
# the last one claimed, so an id is not reused right away: a test that just dropped lab 5 and
# checks that lab 5's namespaces are gone must not see a new lab 5.
claim_id() {
    local want=$1 dir=$2 nodes=$3 owner=$4 own_dir=$5 last=0 i id
    sweep_stale
    if [[ $want == auto ]]; then
        [[ -s $RUN_DIR/.last ]] && last=$(cat "$RUN_DIR/.last")
        for ((i = 1; i <= MAX_ID; i++)); do
            id=$(((last + i - 1) % MAX_ID + 1))
            mkdir "$RUN_DIR/$id" 2>/dev/null && break
            id=
        done
        [[ -n $id ]] || die "no free lab id in 1..$MAX_ID (stale labs? try: scripts/lab down --all)"
    else
        id=$((10#$want))
        mkdir "$RUN_DIR/$id" 2>/dev/null || die "lab $id is already up (see: scripts/lab status)"
    fi
    echo "$id" >"$RUN_DIR/.last"
    echo "$dir" >"$RUN_DIR/$id/dir"
    echo "$nodes" >"$RUN_DIR/$id/nodes"
    echo "$owner" >"$RUN_DIR/$id/owner"
    echo "$own_dir" >"$RUN_DIR/$id/own_dir"
    # shellcheck disable=SC2034 # read by cmd_up (up.sh)
    CLAIMED_ID=$id
}

# The owner of a lab started without --owner: the caller's session leader (the terminal's
# shell for `eval "$(scripts/lab up)"`, whose command substitution is gone at once).
default_owner() {
    local sid
    sid=$(ps -o sid= -p "$$" 2>/dev/null | tr -dc 0-9)
    [[ -n $sid && $sid != 0 && $sid != 1 ]] && process_identity "$sid"
    return 0
}

# Under the lock: the claim, then the lab user (made after the sweep, which may remove it).
claim_with_user() { # want dir nodes owner own_dir
    claim_id "$@"
    ensure_user
}

# ---- the lab user --------------------------------------------------------------------------

# One account for all labs. With `UsePAM no` sshd refuses accounts whose password field is
# locked ('!' from useradd); chpasswd gives it a real hash, which unlocks key auth (the usual
# `usermod -p '*'`) and also makes the password-auth test possible.
ensure_user() {
    if ! id -u "$LAB_USER" >/dev/null 2>&1; then
        useradd -m -s /bin/bash -c "tvdr lab" "$LAB_USER"
        rm -f "$RUN_DIR/.user-ready"
    fi
    [[ -e $RUN_DIR/.user-ready ]] && return 0
    printf '%s:%s\n' "$LAB_USER" "$LAB_PASSWORD" | chpasswd
    write_dotfiles "$(getent passwd "$LAB_USER" | cut -d: -f6)"
    touch "$RUN_DIR/.user-ready"
}

# Under the lock, once no lab is claimed: the lab user, its home and its password go, so the
# lab leaves no account behind on this machine. A process still running as the user (one a
# test started outside a namespace) keeps it; the next last `down` tries again.
remove_user_if_unused() {
    [[ -z $(claimed_ids) ]] || return 0
    id -u "$LAB_USER" >/dev/null 2>&1 || return 0
    rm -f "$RUN_DIR/.user-ready"
    userdel -r "$LAB_USER" >/dev/null 2>&1 ||
        echo "lab: the lab user \`$LAB_USER\` is still in use: left in place" >&2
}

# Light startup on purpose: Debian's bash sources ~/.bashrc even for `ssh host cmd`, and tests
# time commands. /etc/profile resets PATH for login shells: put the node's bin/ back.
write_dotfiles() { # home
    mkdir -p "$1"
    cat >"$1/.bashrc" <<'EOF'
# tvdr lab user: kept light on purpose (ssh exec sessions source this file).
[ -n "$PS1" ] && PS1='\u@${TVDR_LAB_NODE:-lab}:\w\$ '
EOF
    cat >"$1/.profile" <<'EOF'
# tvdr lab user: only a login shell finds the node's stand-ins (bin/), as vendor tools are
# found on a TVox only through its login scripts; sshd's own PATH lacks them. The sbin dirs
# last, as CentOS 7's /etc/profile adds them for every user (this machine's does not).
[ -n "${TVDR_LAB_BIN:-}" ] && PATH="$TVDR_LAB_BIN:$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export PATH
[ -f ~/.bashrc ] && . ~/.bashrc
EOF
    : >"$1/.bash_logout"
    chown -R "$LAB_USER:" "$1"
}
