//! Following a screen session's log until the session ends: one small command per second
//! over the node's one SSH session, which may die (VPN drop, laptop asleep): then tvdr
//! reconnects and goes on reading where it was. The command on the node never notices.
//! Without a person at the terminal, a node that stays away for [`LOST_LIMIT`] polls in a
//! row stops the run with exit code 3 (the command goes on in screen; the resumed run
//! re-attaches): a rehearsal or an unattended run must not sit for hours on a dead link.

use std::time::Duration;

use anyhow::Result;

use super::remote::{self, Session};
use crate::exit_code::Exit;
use crate::runbook::engine::kinds::progress::Progress;
use crate::runbook::engine::kinds::run::exec;
use crate::runbook::engine::step::{StepCx, Target};
use crate::transport::TransportError;

const POLL_EVERY: Duration = Duration::from_secs(1);
const POLL_TIMEOUT: Duration = Duration::from_secs(30);
/// `screen -dm` may return before its session is listed and its log exists: a session
/// neither listed nor logging this soon after its start is not judged ended yet.
const START_GRACE: Duration = Duration::from_secs(10);
/// Lines shown again when tvdr re-attaches to a log it had followed before.
const REPLAY: usize = 5;
/// Failed polls in a row (each a connection attempt of up to the inventory's connect
/// timeout, then a second's pause) after which an unattended run gives up on the node.
const LOST_LIMIT: u32 = 10;

pub enum Followed {
    /// The session ended (`dead`: without closing, e.g. killed by a reboot; `logged`:
    /// its log file was there).
    Ended {
        log: Vec<u8>,
        dead: bool,
        logged: bool,
    },
    /// Still running when the step's time was up.
    TimedOut { log: Vec<u8> },
}

/// Follows `session` from the start of its `log`, `progress` counting from the session's
/// start, until it ends or `timeout` (also from its start) passes.
pub fn follow(
    cx: &StepCx,
    target: Target,
    session: &str,
    log_path: &str,
    timeout: Duration,
    progress: &mut Progress,
    reattached: bool,
) -> Result<Followed> {
    let node = target.name();
    let mut log = Vec::new();
    let mut shown = 0usize;
    let mut first = true;
    let mut last_look = false;
    let mut logged = false;
    let mut lost = 0u32;
    progress.status(&crate::t!("screen-running", session = session, node = node));
    loop {
        match exec(
            cx,
            target,
            &remote::poll(log_path, log.len() as u64),
            Some(POLL_TIMEOUT),
        ) {
            Ok(out) => {
                lost = 0;
                let poll = remote::parse_poll(&out.stdout, session);
                logged |= poll.log.is_some();
                if let Some(bytes) = poll.log {
                    log.extend_from_slice(&bytes);
                }
                let replay = first && reattached;
                shown = show(progress, node, &log, shown, replay);
                first = false;
                progress.status(&crate::t!("screen-running", session = session, node = node));
                let ended = match poll.session {
                    Session::Running => None,
                    Session::Dead => Some(true),
                    Session::Gone
                        if remote::exit_status(&log).is_some()
                            || remote::never_started(&log)
                            || progress.elapsed() > START_GRACE =>
                    {
                        Some(false)
                    }
                    Session::Gone => None,
                    // Its end is read in the log; without it, look again until the
                    // listing reads or the step's timeout passes.
                    Session::Unseen if remote::exit_status(&log).is_some() => Some(false),
                    Session::Unseen => None,
                };
                // Seen ended: one more read for whatever the last flush added.
                match (ended, last_look) {
                    (Some(dead), true) => return Ok(Followed::Ended { log, dead, logged }),
                    (Some(_), false) => last_look = true,
                    (None, _) => last_look = false,
                }
            }
            Err(err) if transient(&err) => {
                if let Target::Node(node) = target {
                    cx.fleet.reset(node);
                }
                lost += 1;
                // The first line says what happened; the rest (hints) is for `tvdr check`.
                let error = err
                    .to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                if lost >= LOST_LIMIT && !cx.human.interactive() {
                    let said = crate::said!(
                        "screen-lost",
                        node = node,
                        session = session,
                        error = error.as_str()
                    );
                    return Err(Exit::Unreachable(crate::i18n::raise(said)).into());
                }
                progress.status(&crate::t!(
                    "screen-reconnecting",
                    node = node,
                    session = session,
                    error = error.as_str()
                ));
            }
            Err(err) => return Err(err.into()),
        }
        if progress.elapsed() >= timeout {
            return Ok(Followed::TimedOut { log });
        }
        let pause = if last_look {
            Duration::from_millis(300)
        } else {
            POLL_EVERY
        };
        std::thread::sleep(pause);
        progress.tick();
    }
}

/// Errors that pass: the node or the link is away for a while.
fn transient(err: &TransportError) -> bool {
    matches!(
        err,
        TransportError::Unreachable { .. }
            | TransportError::Lost { .. }
            | TransportError::Timeout { .. }
            | TransportError::Io { .. }
    )
}

/// Shows the complete lines of `log` past byte `shown`; returns the new mark. On a
/// re-attach only the last few lines are shown again.
fn show(progress: &mut Progress, node: &str, log: &[u8], shown: usize, replay: bool) -> usize {
    let end = log.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if end <= shown {
        return shown;
    }
    let text = remote::clean(&log[shown..end]);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let skip = if replay {
        lines.len().saturating_sub(REPLAY)
    } else {
        0
    };
    if skip > 0 {
        progress.line(node, &crate::t!("screen-earlier-lines", count = skip));
    }
    for line in &lines[skip..] {
        progress.line(node, line);
    }
    end
}
