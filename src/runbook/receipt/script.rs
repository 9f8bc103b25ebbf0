//! The shell text that keeps receipts on a node. Constants only: every value reaches it as
//! data, never pasted: the run id, step and attempt as positional arguments, the step's
//! command on standard input (an argument would show it, and any secret answer in it, to
//! every user of the node in `ps` for as long as it runs).
//!
//! Layout, in the login user's private directory (`~/.local/state/tvdr`, 0700, owned by
//! the user, never a symlink — not `/var/tmp`, which is world-writable and swept by
//! `systemd-tmpfiles`):
//!
//! ```text
//! receipts/<run>/<step>/<attempt>/started   pid=, started=, boot=   (written before the command)
//! receipts/<run>/<step>/<attempt>/out, err  the command's output
//! receipts/<run>/<step>/<attempt>/ended     exit=, ended=           (written after it)
//! ```
//!
//! The attempt directory is made with a plain `mkdir` (atomic, fails if it exists), so two
//! launches of the same attempt cannot both run. Files are written to a temporary name
//! and renamed, so a reader sees a whole receipt or none. A receipt that is there but
//! cannot be read (permissions, a record that is not a file, a link to nothing) is said
//! `unreadable=` with why, never "no attempt": the command would run a second time.

/// Prepares the private directory; `$d` names it. Exit 125 with a reason when it, or the
/// directory of receipts, locks or mirrored journals in it, is not private (a symlink,
/// someone else's): nothing tvdr keeps on a node is written through a link.
const PRIVATE: &str = r#"set -u
umask 077
d=${HOME:-/root}/.local/state/tvdr
mkdir -p -- "$d/receipts" 2>/dev/null
if [ ! -d "$d" ] || [ -h "$d" ] || [ ! -O "$d" ]; then
  echo "tvdr: $d is not a private directory of $(id -un 2>/dev/null)" >&2
  exit 125
fi
chmod 700 -- "$d" || exit 125
for sub in receipts locks journals; do
  if [ -h "$d/$sub" ]; then
    echo "tvdr: $d/$sub is a symbolic link, not a private directory" >&2
    exit 125
  fi
done
"#;

/// The receipt tool. `$1` = look|start|follow|prune, `$2` = run, `$3` = step,
/// `$4` = attempt, `$5` = the wrapper ([`WRAPPER`]), `$6` = output cap, `$7` = `input` when
/// the command reads the sudo password from its standard input.
///
/// `start` reads the command from its standard input: its length in bytes on a line, then
/// the bytes. Read one byte at a time (`dd bs=1`: `head -c` may read ahead on a pipe), as
/// the sudo password line follows when `$7` = `input`: the rest of the tool's input is
/// then handed on to the command (through fd 3: an asynchronous command's input is
/// otherwise /dev/null), else the command gets /dev/null. A command that arrives short (the
/// link dropped) is refused before any attempt is made: never run cut. It reaches the
/// wrapper in its environment (`TVDR_CMD`), which only the same user and root can read.
const TOOL: &str = r#"
s=$d/receipts/$2/$3
cap=${6:-4194304}
# A receipt that is there but cannot be read stops the tool with why: taken for "no
# attempt", it would start the command a second time.
unreadable() {
  printf 'unreadable=`%s` %s' "$1" "$2" | tr '\n' ' '
  echo
  exit 0
}
exists() { [ -e "$1" ] || [ -h "$1" ]; }
who() { ls -ld -- "$1" 2>/dev/null | awk '{print $1, "owned by", $3}'; }
# A directory of receipts that is there: one this user can list and enter.
listable() {
  if [ -h "$1" ] && [ ! -e "$1" ]; then unreadable "$1" "is a symbolic link to nothing"
  elif [ ! -d "$1" ]; then unreadable "$1" "is not a directory"
  elif [ ! -r "$1" ] || [ ! -x "$1" ]; then
    unreadable "$1" "cannot be read by $(id -un 2>/dev/null) ($(who "$1"))"
  fi
}
# A record that is there: a regular file this user can read.
readable() {
  if [ -h "$1" ] && [ ! -e "$1" ]; then unreadable "$1" "is a symbolic link to nothing"
  elif [ ! -f "$1" ]; then unreadable "$1" "is not a regular file"
  elif [ ! -r "$1" ]; then
    unreadable "$1" "cannot be read by $(id -un 2>/dev/null) ($(who "$1"))"
  fi
}
latest() {
  n=
  for a in "$s"/*; do
    k=${a##*/}
    case $k in ''|*[!0-9]*) continue ;; esac
    if [ -z "$n" ] || [ "$k" -gt "$n" ]; then n=$k; fi
  done
  echo "$n"
}
alive() {
  p=$(sed -n 's/^pid=//p' "$1/started" 2>/dev/null)
  [ -n "$p" ] || return 1
  kill -0 "$p" 2>/dev/null || return 1
  [ -r "/proc/$p/cmdline" ] || return 0
  tr '\0' '\n' <"/proc/$p/cmdline" | grep -qxF -- "$1"
}
size() {
  if [ -f "$1" ]; then z=$(($(wc -c <"$1"))); else z=0; fi
  if [ "$z" -gt "$cap" ]; then z=$cap; fi
  echo "$z"
}
report() {
  r=$1
  exists "$r" || unreadable "$r" "is missing"
  listable "$r"
  echo "attempt=${r##*/}"
  if exists "$r/started"; then
    readable "$r/started"
    cat -- "$r/started" || unreadable "$r/started" "could not be read"
  fi
  echo "boot_now=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)"
  # Alive is asked only while there is no end record, and the end record is read again
  # once the process is not alive: the wrapper writes it before it exits, so a command
  # that ends between the two looks is finished, never gone.
  if ! exists "$r/ended" && alive "$r"; then state=running
  elif exists "$r/ended"; then
    readable "$r/ended"
    cat -- "$r/ended" || unreadable "$r/ended" "could not be read"
    state=finished
  else state=gone
  fi
  echo "state=$state"
  if [ "$state" = finished ]; then
    # Outputs judge the step (`expect.output`): one that cannot be read is no empty one.
    for f in out err; do
      if exists "$r/$f"; then readable "$r/$f"; fi
    done
    o=$(size "$r/out"); e=$(size "$r/err")
    echo "out_bytes=$o"
    echo "err_bytes=$e"
    echo "--"
    if [ "$o" -gt 0 ]; then tail -c "$o" -- "$r/out"; fi
    if [ "$e" -gt 0 ]; then tail -c "$e" -- "$r/err"; fi
  fi
}
follow() {
  i=0
  while ! exists "$1/ended"; do
    alive "$1" || break
    if [ "$i" -lt 40 ]; then sleep 0.05; else sleep 0.5; fi
    i=$((i + 1))
  done
  report "$1"
}
case $1 in
look)
  # Each level that is there must be readable: a step directory that cannot be listed
  # holds attempts nobody can see.
  for p in "$d/receipts" "$d/receipts/$2" "$s"; do
    if ! exists "$p"; then echo "state=none"; exit 0; fi
    listable "$p"
  done
  n=$(latest)
  if [ -z "$n" ]; then echo "state=none"; exit 0; fi
  report "$s/$n"
  ;;
start)
  IFS= read -r n || n=
  case $n in
  '' | *[!0-9]*)
    echo "tvdr: the command to start did not arrive" >&2
    exit 125
    ;;
  esac
  # The command's own trailing newlines are kept: `$(…)` would drop them, not the dot.
  unset tvdr_cmd
  tvdr_cmd=$(dd bs=1 count="$n" 2>/dev/null; echo .)
  tvdr_cmd=${tvdr_cmd%.}
  got=$(($(printf %s "$tvdr_cmd" | wc -c)))
  if [ "$got" -ne "$n" ]; then
    echo "tvdr: the command to start arrived cut ($got of $n bytes); nothing was started" >&2
    exit 125
  fi
  # One environment string holds at most 128 KiB (Linux's MAX_ARG_STRLEN): a longer
  # command would fail to reach the wrapper, after its attempt is made.
  if [ "$n" -gt 131000 ]; then
    echo "tvdr: the command is $n bytes, more than the 131000 a node passes to a program; \
put it in a file on the node and run that" >&2
    exit 125
  fi
  mkdir -p -- "$s" || exit 125
  r=$s/$4
  if ! why=$(mkdir -- "$r" 2>&1); then
    if exists "$r"; then
      echo "raced=1"
      follow "$r"
      exit 0
    fi
    # Not made and not there (no room, no permission): nothing was started.
    echo "tvdr: $why" >&2
    exit 125
  fi
  if [ "${7:-}" = input ]; then exec 3<&0; else exec 3</dev/null; fi
  if command -v setsid >/dev/null 2>&1; then
    TVDR_CMD=$tvdr_cmd setsid sh -c "$5" tvdr-receipt "$r" <&3 3<&- >/dev/null 2>&1 &
  else
    TVDR_CMD=$tvdr_cmd nohup sh -c "$5" tvdr-receipt "$r" <&3 3<&- >/dev/null 2>&1 &
  fi
  unset tvdr_cmd
  exec 3<&-
  wait "$!" 2>/dev/null
  echo "fresh=1"
  follow "$r"
  ;;
follow)
  follow "$s/$4"
  ;;
prune)
  # Runs untouched for more than $4 minutes, unless their journal mirrored here is still
  # open: a run left open for weeks must still find what its commands did.
  find "$d/receipts" -mindepth 1 -maxdepth 1 -type d -mmin "+$4" 2>/dev/null |
    while IFS= read -r r; do
      open=
      for j in "$d"/journals/*/"${r##*/}.jsonl"; do
        [ -f "$j" ] || continue
        grep -qE '"event":"(run_finished|abandoned)"' "$j" || open=1
      done
      [ -n "$open" ] || rm -rf -- "$r"
    done
  echo "state=none"
  ;;
*)
  echo "tvdr: unknown receipt operation" >&2
  exit 125
  ;;
esac
"#;

/// Runs one command detached from the SSH session (its own session, no terminal, SIGHUP
/// ignored), between a start record and an end record. `$1` = attempt directory (what
/// `alive` looks for in its arguments), the command in `TVDR_CMD`. It runs in the login
/// shell, as a command over SSH would, on the standard input the tool gave (/dev/null, or
/// the sudo password). The command is in no process's arguments: the login shell gets it
/// in its environment and `eval`s it once it has taken it out, so that the command's own
/// programs do not inherit it; the wrapper's small helpers (`date`, `mv`) do not either.
pub const WRAPPER: &str = r#"r=$1
unset tvdr_cmd
tvdr_cmd=$TVDR_CMD
unset TVDR_CMD
umask 077
trap '' HUP
b=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)
printf 'pid=%s\nstarted=%s\nboot=%s\n' "$$" "$(date +%s.%N)" "$b" >"$r/started.tmp" &&
  mv -f -- "$r/started.tmp" "$r/started" || exit 125
TVDR_CMD=$tvdr_cmd "${SHELL:-/bin/sh}" -c 'eval "unset TVDR_CMD; $TVDR_CMD"' >"$r/out" 2>"$r/err"
rc=$?
printf 'exit=%s\nended=%s\n' "$rc" "$(date +%s.%N)" >"$r/ended.tmp" &&
  mv -f -- "$r/ended.tmp" "$r/ended"
"#;

/// The whole tool: the private directory, then the operation.
pub fn tool() -> String {
    format!("{PRIVATE}{TOOL}")
}

/// The private directory alone, for other records kept beside the receipts (the lock,
/// the journal mirror): `$d` names it afterwards.
pub const PRIVATE_DIR: &str = PRIVATE;
