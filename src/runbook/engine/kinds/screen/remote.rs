//! What runs on the node for a `screen` step, and reading back what it says: the log
//! directory, one poll (is it running? what did the log gain?), tidying up, and judging
//! the log. Starting the session and handing it its command is [`super::handover`].
//!
//! The log file is named in a generated screenrc (`logfile PATH`, `logfile flush 1`)
//! rather than with `-Logfile`: CentOS 7, where TVox runs, ships screen 4.1, which has
//! `-L` and the `logfile` command but not the `-Logfile` option (4.6+).
//!
//! Logs and screenrcs live in the login user's private directory (`~/.local/state/tvdr/
//! screen`, see `receipt::script`), not in `/var/tmp`, which anyone may write into and
//! `systemd-tmpfiles` sweeps: an updater's log is the evidence support asks for. Runs
//! started before kept them in [`OLD_DIR`]; their notes name the path, which is read as is.

use crate::checks::screen::{self, State};
use crate::runbook::receipt::script::PRIVATE_DIR;
use crate::transport::Cmd;

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
    /// Not found in a listing that could not be read whole (sudo or screen complained, a
    /// session line tvdr cannot read): it may still run.
    Unseen,
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
    // Screen lists in directory order: a dead socket left under the same name must not
    // hide a live session listed after it.
    let states: Vec<&State> = listing
        .sessions
        .iter()
        .filter(|s| s.name == session)
        .map(|s| &s.state)
        .collect();
    let session = if states.iter().any(|s| **s != State::Dead) {
        Session::Running
    } else if !states.is_empty() {
        Session::Dead
    } else if !listing.complete() {
        Session::Unseen
    } else {
        Session::Gone
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
    fn screen_is_polled_as_root_for_a_non_root_login_and_its_log_is_read_as_the_login() {
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

    proptest::proptest! {
        /// Whatever the node prints, a poll is read without panicking, and the log is
        /// exactly what follows the marker.
        #[test]
        fn any_poll_output_reads(
            listing in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            log in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
        ) {
            let _ = parse_poll(&listing, "tvdr-a-r1");
            let mut out = listing.clone();
            if find(&out, FOLLOWS).is_none() {
                out.extend_from_slice(FOLLOWS);
                out.extend_from_slice(&log);
                proptest::prop_assert_eq!(parse_poll(&out, "tvdr-a-r1").log, Some(log));
            }
        }
    }

    #[test]
    fn a_listing_not_read_whole_does_not_say_the_session_ended() {
        let sudo = b"sudo: a password is required\ntvdr-log-follows\nstep 2\n";
        assert_eq!(parse_poll(sudo, "tvdr-a-r1").session, Session::Unseen);
        let odd = b"There is a screen on:\n\t4242.tvdr-a-r1\t(x)\t(Detached)\t(new)\n1 Socket in /run/screen/S-root.\n\ntvdr-no-log\n";
        assert_eq!(parse_poll(odd, "tvdr-a-r1").session, Session::Unseen);
        let both = b"There are screens on:\n\t4242.tvdr-a-r1\t(Dead ???)\n\t4300.tvdr-a-r1\t(Detached)\nRemove dead screens with 'screen -wipe'.\n2 Sockets in /run/screen/S-root.\n\ntvdr-no-log\n";
        assert_eq!(parse_poll(both, "tvdr-a-r1").session, Session::Running);
        let copied = b"There is a screen on:\n        4242.tvdr-a-r1  (Detached)\n1 Socket in /run/screen/S-root.\n\ntvdr-no-log\n";
        assert_eq!(parse_poll(copied, "tvdr-a-r1").session, Session::Running);
    }
}
