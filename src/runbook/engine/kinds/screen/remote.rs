//! What runs on the node for a `screen` step, and reading back what it says: starting the
//! session, one poll (is it running? what did the log gain?), and judging the log.
//!
//! The log file is named in a generated screenrc (`logfile PATH`, `logfile flush 1`)
//! rather than with `-Logfile`: CentOS 7, where TVox runs, ships screen 4.1, which has
//! `-L` and the `logfile` command but not the `-Logfile` option (4.6+).
//!
//! Logs and screenrcs live in the login user's private directory (`~/.local/state/tvdr/
//! screen`, see `receipt::script`), not in `/var/tmp`, which anyone may write into and
//! `systemd-tmpfiles` sweeps: an updater's log is the evidence support asks for. Runs
//! started before kept them in [`OLD_DIR`]; their notes name the path, which is read as is.
//!
//! The step's command is in no process's arguments and in no file: it reaches the node on
//! the receipt tool's standard input (`receipt::script`), and the login shell hands it to
//! the session through a FIFO in the private directory (a FIFO's bytes are never on
//! disk). An argument would show it, and any secret answer in it, in `ps` to every user of
//! the node for the whole update, in screen's arguments and in the window's `sh`; the
//! environment does not cross `sudo -n` (env_reset) without sudoers allowing it; screen's
//! own ways in (`-X readbuf`/`paste`) read a file, and `-X stuff` takes the text as an
//! argument again. The hand-over happens on the node, inside the receipt's detached
//! wrapper: tvdr or the link dying cannot cut it. If it is cut anyway (the wrapper killed),
//! the session waits [`HANDOFF_WAIT`] at most, then ends with
//! [`NO_COMMAND_MARKER`](crate::runbook::verdict::log::NO_COMMAND_MARKER) as its whole log
//! instead of an exit status: never started, so safe to start again.

use crate::checks::screen::{self, State};
use crate::runbook::receipt::script::PRIVATE_DIR;
use crate::transport::Cmd;

/// The command inside screen (`$1` the FIFO, `$2` the seconds to wait for it): the step's
/// command read from the FIFO (its length in bytes on a line, then its bytes), checked
/// whole, the FIFO removed; then the command in a subshell (so its `exit` cannot skip the
/// marker), and its exit status on a line of its own at the end of the log (read by
/// `verdict::log::exit_status`: the `tvdr-exit:` marker). A command that did not arrive
/// whole in time is never run: `tvdr-no-command` instead (`verdict::log::NO_COMMAND_MARKER`). `printf` is a shell builtin,
/// so the command is in no process's arguments here either; `eval` takes it out of the
/// variables its programs would see.
const INNER: &str = r#"tvdr_nl='
'
tvdr_c=$(timeout "$2" cat -- "$1"; echo .)
rm -f -- "$1"
tvdr_c=${tvdr_c%.}
tvdr_n=-1
case $tvdr_c in
*"$tvdr_nl"*)
  tvdr_n=${tvdr_c%%"$tvdr_nl"*}
  tvdr_c=${tvdr_c#*"$tvdr_nl"}
  case $tvdr_n in '' | *[!0-9]*) tvdr_n=-1 ;; esac
  ;;
esac
if [ "$(($(printf %s "$tvdr_c" | wc -c)))" -ne "$tvdr_n" ]; then
  printf '\ntvdr-no-command\n'
  exit 125
fi
unset tvdr_nl tvdr_n
(eval "unset tvdr_c; $tvdr_c"); s=$?; printf '\ntvdr-exit:%s\n' "$s""#;

/// The login shell's side of the hand-over (`$1` the FIFO): what it is given, into the
/// FIFO, once the session opens it.
const HAND_OVER: &str = r#"cat >"$1""#;

/// How long a session waits for its command, and the login shell for the session to take
/// it: bounded, so a session whose hand-over was cut ends by itself.
pub const HANDOFF_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// `$1` log, `$2` first byte wanted (1-based): after the session list, a marker line, then
/// the log from there. The list comes first, so a session seen ended has a complete log.
const LOG_FROM: &str = r#"if [ -f "$1" ]; then printf '\ntvdr-log-follows\n'; tail -c +"$2" "$1"; else printf '\ntvdr-no-log\n'; fi"#;

const FOLLOWS: &[u8] = b"\ntvdr-log-follows\n";
const NO_LOG: &[u8] = b"\ntvdr-no-log\n";

/// Where screen logs were kept before the private directory.
pub const OLD_DIR: &str = "/var/tmp";

/// After the private directory's checks (`$d`): its `screen/` subdirectory, printed.
const LOG_DIR: &str = r#"mkdir -p -- "$d/screen" || exit 125
printf '%s\n' "$d/screen"
"#;

/// Prints the node's directory for screen logs (made private if it is not yet).
pub fn log_dir() -> Cmd {
    Cmd::new("sh")
        .arg("-c")
        .arg(format!("{PRIVATE_DIR}{LOG_DIR}").as_str())
        .arg("tvdr-screen")
}

/// Starts `line` (an already quoted command line) detached in screen session `session`,
/// logging to `log` with a one-second flush, handing `line` over through the FIFO `fifo`
/// (made here, 0600, in the login user's private directory). Meant to run inside a
/// receipt's wrapper, which gets this text on standard input: `line` is then in no
/// process's arguments (`printf` is a shell builtin) and in no file.
///
/// `screen` runs as root (the updater patches the system): through sudo for a
/// `become: sudo` login, whose session then lives in root's socket directory — polled and
/// wiped as root too. Only `screen` needs root, never `sh`: a site's sudoers may name
/// `screen` alone. Root reads the login user's FIFO (root passes its 0700 directory).
/// `umask 022`: the log root's screen creates stays readable by the login user, who
/// follows it (the private directory around it is 0700).
pub fn start(session: &str, log: &str, rc: &str, fifo: &str, line: &str) -> Cmd {
    launch(session, log, rc, fifo, Some(line), HANDOFF_WAIT.as_secs())
}

/// [`start`] waiting `wait` seconds for the hand-over; without `line`, the hand-over left
/// out (as if it were cut).
pub(super) fn launch(
    session: &str,
    log: &str,
    rc: &str,
    fifo: &str,
    line: Option<&str>,
    wait: u64,
) -> Cmd {
    let wait = wait.to_string();
    let started = Cmd::shell("umask 022")
        .and(
            Cmd::new("printf")
                .arg("logfile %s\\nlogfile flush 1\\n")
                .arg(log)
                .write_to(rc),
        )
        .and(Cmd::new("mkfifo").args(["-m", "600", "--", fifo]))
        .and(
            Cmd::new("screen")
                .args(["-dmS", session, "-L", "-c", rc, "sh", "-c", INNER, "tvdr"])
                .args([fifo, wait.as_str()])
                .as_root(),
        );
    let Some(line) = line else {
        return started;
    };
    started.and(
        Cmd::new("printf")
            .arg("%s\\n%s")
            .arg(line.len().to_string())
            .arg(line)
            .pipe(Cmd::new("timeout").arg(wait.as_str()).args([
                "sh",
                "-c",
                HAND_OVER,
                "tvdr-hand-over",
                fifo,
            ])),
    )
}

/// The FIFO that hands `log`'s session its command (beside its log and screenrc).
pub fn fifo_of(log: &str) -> String {
    format!("{}.fifo", log.trim_end_matches(".log"))
}

/// The session list (as root, whose sessions the steps start), then the log from byte
/// `from` on (read as the login user, whose directory holds it).
pub fn poll(log: &str, from: u64) -> Cmd {
    // `cat`: the list's exit status (non-zero with no session) must not stop the log.
    Cmd::new("screen")
        .arg("-ls")
        .as_root()
        .merge_stderr()
        .pipe(Cmd::new("cat"))
        .and(
            Cmd::new("sh")
                .args(["-c", LOG_FROM, "tvdr", log])
                .arg((from + 1).to_string()),
        )
}

/// After the end: forget a dead session's socket (root's), the generated screenrc and a
/// FIFO no session took (the log stays, as evidence on the node). `screen -wipe` fails
/// when there was nothing to wipe.
pub fn tidy(session: &str, rc: &str, fifo: &str) -> Cmd {
    Cmd::new("screen")
        .args(["-wipe", session])
        .as_root()
        .write_to("/dev/null")
        .merge_stderr()
        .pipe(Cmd::new("cat"))
        .and(Cmd::new("rm").args(["-f", rc, fifo]))
}

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Session {
    Running,
    /// Its process is gone without closing (the node rebooted, it was killed).
    Dead,
    /// Not listed: it ended.
    Gone,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poll {
    pub session: Session,
    /// The new bytes of the log, or `None` when there is no log file (yet).
    pub log: Option<Vec<u8>>,
}

pub fn parse_poll(out: &[u8], session: &str) -> Poll {
    let (listing, log) = match find(out, FOLLOWS) {
        Some(at) => (&out[..at], Some(out[at + FOLLOWS.len()..].to_vec())),
        None => (&out[..find(out, NO_LOG).unwrap_or(out.len())], None),
    };
    let listing = screen::parse(&String::from_utf8_lossy(listing));
    let state = listing
        .sessions
        .iter()
        .find(|s| s.name == session)
        .map(|s| &s.state);
    let session = match state {
        None => Session::Gone,
        Some(State::Dead) => Session::Dead,
        Some(_) => Session::Running,
    };
    Poll { session, log }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub use crate::runbook::verdict::log::{clean, exit_status, never_started};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_command_quotes_every_value_and_names_the_command_once_to_a_builtin() {
        let line = "updater --x 'y'";
        let cmd = start(
            "tvdr-patch-r1",
            "/home/a b/s.log",
            "/home/r.rc",
            "/home/a b/s.fifo",
            line,
        );
        let quoted = crate::transport::quote(line);
        assert_eq!(
            cmd.render(),
            format!(
                "umask 022 && printf 'logfile %s\\nlogfile flush 1\\n' '/home/a b/s.log' > /home/r.rc && \
                 mkfifo -m 600 -- '/home/a b/s.fifo' && \
                 screen -dmS tvdr-patch-r1 -L -c /home/r.rc sh -c {} tvdr '/home/a b/s.fifo' 60 && \
                 printf '%s\\n%s' 15 {quoted} | timeout 60 sh -c 'cat >\"$1\"' tvdr-hand-over '/home/a b/s.fifo'",
                crate::transport::quote(INNER),
            )
        );
        // The line is given to `printf` alone (a builtin of the login shell), after screen.
        assert_eq!(cmd.render().matches(&quoted).count(), 1);
        assert!(INNER.contains(&format!("printf '\\n{NO_COMMAND}\\n'")));
    }

    const NO_COMMAND: &str = crate::runbook::verdict::log::NO_COMMAND_MARKER;

    #[test]
    fn screen_runs_as_root_for_a_non_root_login_and_its_log_is_read_as_the_login() {
        let start = start("s", "/h/s.log", "/h/s.rc", "/h/s.fifo", "u")
            .through_sudo()
            .render();
        // screen alone through sudo: the hand-over is the login user's, no `sudo sh`.
        assert!(
            start.contains(
                r#"> /h/s.rc && mkfifo -m 600 -- /h/s.fifo && { sudo -n -- "$(command -v screen || echo screen)" -dmS s"#
            ),
            "{start}"
        );
        assert!(
            start.ends_with(
                r#"/h/s.fifo 60; } && printf '%s\n%s' 1 u | timeout 60 sh -c 'cat >"$1"' tvdr-hand-over /h/s.fifo"#
            ),
            "{start}"
        );
        assert_eq!(start.matches("sudo").count(), 1, "{start}");
        assert_eq!(
            poll("/h/s.log", 9).through_sudo().render(),
            format!(
                "{{ sudo -n -- \"$(command -v screen || echo screen)\" -ls; }} 2>&1 | cat && \
                 sh -c {} tvdr /h/s.log 10",
                crate::transport::quote(LOG_FROM)
            )
        );
        let tidy = tidy("s", "/h/s.rc", "/h/s.fifo").through_sudo().render();
        assert!(
            tidy.starts_with(r#"{ sudo -n -- "$(command -v screen || echo screen)" -wipe s; }"#)
                && tidy.ends_with("&& rm -f /h/s.rc /h/s.fifo"),
            "{tidy}"
        );
        assert_eq!(fifo_of("/h/tvdr-a-r1.log"), "/h/tvdr-a-r1.fifo");
    }

    #[test]
    fn a_poll_says_running_dead_or_gone_and_carries_the_new_log() {
        let running = b"There is a screen on:\n\t4242.tvdr-a-r1\t(11/22/26 01:12:05)\t(Detached)\n1 Socket in /run/screen/S-root.\n\ntvdr-log-follows\nstep 2\r\n";
        let poll = parse_poll(running, "tvdr-a-r1");
        assert_eq!(poll.session, Session::Running);
        assert_eq!(poll.log.as_deref(), Some(&b"step 2\r\n"[..]));
        let dead = b"There is a screen on:\n\t4242.tvdr-a-r1\t(Dead ???)\nRemove dead screens with 'screen -wipe'.\n1 Socket in /run/screen/S-root.\n\ntvdr-no-log\n";
        let poll = parse_poll(dead, "tvdr-a-r1");
        assert_eq!(
            poll,
            Poll {
                session: Session::Dead,
                log: None
            }
        );
        // Another session whose name starts the same is not ours.
        let other = b"There is a screen on:\n\t77.tvdr-a-r1-2\t(Detached)\n1 Socket in /run/screen/S-root.\n\ntvdr-log-follows\n";
        assert_eq!(parse_poll(other, "tvdr-a-r1").session, Session::Gone);
        let none = b"No Sockets found in /run/screen/S-root.\n\n\ntvdr-log-follows\nall\n";
        assert_eq!(parse_poll(none, "tvdr-a-r1").session, Session::Gone);
    }
}
