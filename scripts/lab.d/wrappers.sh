# shellcheck shell=bash
# scripts/lab.d/wrappers.sh: The strict wrappers: what a stock CentOS 7 lacks fails loudly on the nodes.
# Sourced by scripts/lab (its constants and helpers are in scope); defines functions only.

# ---- what a stock CentOS 7 lacks -----------------------------------------------------------
#
# The field's nodes run stock CentOS 7: screen 4.1 (no -Logfile), iproute 3.10 (no -j),
# coreutils 8.22 (no `timeout -v`), no jq (EPEL's) and no python3 (python 2.7 as `python`).
# The node's bin/, first on its login PATH, holds wrappers that fail loudly on those, so a
# command tvdr sends that would break on a real node breaks in the lab too. Each refusal is
# also written to DIR/<node>/strict.log.

strict_refusal() { # nd what why: the lines a wrapper runs to refuse
    printf 'echo %q >&2\n' "lab: $2 fails on a stock CentOS 7 node ($3)"
    printf 'echo %q >>%q\n' "$2" "$1/strict.log"
}

# shellcheck disable=SC2016 # the wrappers' code, written as it will run there
write_strict_wrappers() { # nd
    local nd=$1 real prog
    install -m 0644 -o "$LAB_USER" /dev/null "$nd/strict.log"
    real=$(command -v ip)
    {
        echo '#!/bin/bash'
        echo '# lab: `ip` as iproute 3.10 on CentOS 7: no JSON output (-j, added in 4.13).'
        echo 'for a in "$@"; do case $a in -j | -j[a-z]* | --json)'
        strict_refusal "$nd" '`ip -j`' 'iproute 3.10 has no JSON output'
        echo 'exit 255 ;; esac; done'
        printf 'exec %q "$@"\n' "$real"
    } >"$nd/bin/ip"
    real=$(command -v screen)
    {
        echo '#!/bin/bash'
        echo '# lab: `screen` as 4.1 on CentOS 7: no -Logfile (added in 4.06).'
        echo 'for a in "$@"; do case $a in -Logfile)'
        strict_refusal "$nd" '`screen -Logfile`' 'screen 4.1 has no -Logfile'
        echo 'exit 1 ;; esac; done'
        printf 'exec %q "$@"\n' "$real"
    } >"$nd/bin/screen"
    real=$(command -v timeout)
    {
        echo '#!/bin/bash'
        echo '# lab: `timeout` of coreutils 8.22 on CentOS 7: no -v (added in 8.29). Options'
        echo '# end at the duration: what follows is the command, its -v its own.'
        echo 'for a in "$@"; do case $a in -v | --verbose)'
        strict_refusal "$nd" '`timeout -v`' 'coreutils 8.22 has no --verbose'
        echo 'exit 125 ;; -*) ;; *) break ;; esac; done'
        printf 'exec %q "$@"\n' "$real"
    } >"$nd/bin/timeout"
    real=$(command -v mysql)
    {
        echo '#!/bin/bash'
        echo '# lab: the MySQL client against MariaDB 5.5 on CentOS 7, which knows `SHOW SLAVE'
        echo '# STATUS` only (REPLICA came with MariaDB 10.5 and MySQL 8.0.22).'
        echo 'for a in "$@"; do case ${a^^} in *REPLICA*)'
        strict_refusal "$nd" '`SHOW REPLICA STATUS`' 'MariaDB 5.5 knows SHOW SLAVE STATUS only'
        echo 'exit 1 ;; esac; done'
        printf 'exec %q "$@"\n' "$real"
    } >"$nd/bin/mysql"
    for prog in jq python3; do
        {
            echo '#!/bin/bash'
            echo "# lab: stock CentOS 7 has no \`$prog\`."
            strict_refusal "$nd" "\`$prog\`" "not installed there"
            echo 'exit 127'
        } >"$nd/bin/$prog"
    done
    real=/usr/bin/python3 # not root's own (a pyenv shim the lab user cannot run)
    {
        echo '#!/bin/bash'
        echo '# lab: `python` stands for CentOS 7 python 2.7 (what tvdr runs on it works on both).'
        printf 'exec %q "$@"\n' "$real"
    } >"$nd/bin/python"
    chmod 0755 "$nd/bin/ip" "$nd/bin/screen" "$nd/bin/timeout" "$nd/bin/jq" \
        "$nd/bin/python3" "$nd/bin/python" "$nd/bin/mysql"
}
