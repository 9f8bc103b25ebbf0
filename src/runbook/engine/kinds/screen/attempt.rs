//! Starting the command: a new attempt is noted before it starts (so a tvdr killed in
//! between finds it), under a session name no one else uses; and whether it may start
//! again after it ran once.

use anyhow::Result;

use super::{handover, remote};
use crate::i18n::Msg;
use crate::runbook::engine::kinds::memo::{self, Attempt, Memo};
use crate::runbook::engine::kinds::run::{exec, on_host};
use crate::runbook::engine::step::{StepCx, Target};
use crate::runbook::receipt::{self, Key, State};
use crate::time::Timestamp;
use crate::transport::Cmd;
use crate::{msg, said};

/// The command ran before and ended: may it start again?
pub(super) fn again(cx: &StepCx, cmd: &Cmd, last: &Attempt) -> Result<bool> {
    let ended = last.ended.as_ref().expect("asked for ended attempts only");
    if ended.success {
        return cx.human.confirm(
            &cx.step.id,
            &said!(
                "screen-again-after-success",
                command = cx.shown(&cmd.render()),
                at = ended.at.to_string()
            ),
        );
    }
    // After a failure, only a person at the terminal may start it again: not `--yes`.
    if cx.human.yes || !cx.human.interactive() {
        return Ok(false);
    }
    cx.human.confirm(
        &cx.step.id,
        &said!(
            "screen-again-after-failure",
            command = cx.shown(&cmd.render()),
            at = last.started_at.to_string()
        ),
    )
}

pub(super) fn not_again(last: &Attempt) -> Msg {
    msg!(
        "reason-screen-not-again",
        at = last.started_at.to_string(),
        log = last.log.as_str()
    )
}

/// Site, step and run: unique on a node that several sites' technicians (or tests)
/// share, and the same for whoever goes on with the run (a resume, another laptop).
///
/// Short, because GNU screen puts the name in its socket path
/// (`/var/run/screen/S-<user>/<pid>.<name>`, at most 107 bytes): with a longer name
/// screen 4.1 (CentOS 7) says nothing and `screen -dm` succeeds while nothing runs. The
/// site and step are cut for people to read; the digest keeps the name unique.
fn base_name(site: &str, step: &str, run_id: &str) -> String {
    let digest = crate::runbook::load::sha256_hex(format!("{site}\n{step}\n{run_id}").as_bytes());
    format!(
        "tvdr-{}-{}-{}",
        short(site, 12),
        short(step, 16),
        &digest[..8]
    )
}

fn base(cx: &StepCx) -> String {
    base_name(&cx.inventory.site, &cx.step.id, cx.run_id)
}

fn name(base: &str, n: usize) -> String {
    if n > 1 {
        format!("{base}-{n}")
    } else {
        base.to_string()
    }
}

/// Looks on every node for this run's sessions (see [`adopt`]); a node that cannot be
/// asked stops the step (it may be the one running the command).
pub(super) fn adopt_anywhere(cx: &StepCx, memo: &mut Memo) -> Result<()> {
    for node in &cx.inventory.nodes {
        if adopt(cx, Target::Node(node.name.as_str()), memo)? {
            break;
        }
    }
    Ok(())
}

/// This laptop has no notes of the step, but the node has this run's logs: the run was
/// started elsewhere (a colleague's laptop, before a take-over) or the notes were lost.
/// Its latest attempt is adopted — followed, never started again. `false`: none there.
fn adopt(cx: &StepCx, target: Target, memo: &mut Memo) -> Result<bool> {
    let base = base(cx);
    let mut found = None;
    // The node's receipt names the latest attempt started there.
    let rkey = Key::new(cx.run_id, &cx.step.id);
    let seen = on_host(cx, target, |t| receipt::look(t, &rkey)).map_err(anyhow::Error::from)?;
    let dir = log_dir(cx, target)?;
    if seen.state != State::None {
        let session = name(&base, seen.attempt as usize);
        // Its log where this tvdr keeps them, or where tvdr kept them before.
        let log = log_of(cx, target, &[&dir, remote::OLD_DIR], &session)?
            .unwrap_or_else(|| format!("{dir}/{session}.log"));
        found = Some((session, log));
    }
    // Before receipts, the logs were the only trace: the last one there.
    if found.is_none() {
        for n in 1.. {
            let session = name(&base, n);
            let Some(log) = log_of(cx, target, &[&dir, remote::OLD_DIR], &session)? else {
                break;
            };
            found = Some((session, log));
        }
    }
    let Some((session, log)) = found else {
        return Ok(false);
    };
    eprintln!(
        "  {}",
        crate::t!(
            "screen-already-started",
            node = target.name(),
            session = session.as_str(),
            log = log.as_str()
        )
    );
    memo.node = Some(target.name().to_string());
    memo.attempts.push(Attempt {
        session,
        log,
        started_at: Timestamp::now(),
        ended: None,
    });
    memo::save(cx.state_dir, &memo::key(cx.run_id, &cx.step.id), memo)?;
    Ok(true)
}

/// A new attempt: noted before it is started, so a tvdr killed in between finds it.
pub(super) fn start(
    cx: &StepCx,
    target: Target,
    cmd: &Cmd,
    key: &str,
    memo: &mut Memo,
) -> Result<()> {
    let base = base(cx);
    let rkey = Key::new(cx.run_id, &cx.step.id);
    // After every attempt this laptop knows of, and every one the node's receipts know.
    let latest = on_host(cx, target, |t| receipt::look(t, &rkey))
        .map_err(anyhow::Error::from)?
        .attempt as usize;
    let mut n = (memo.attempts.len() + 1).max(latest + 1);
    let dir = log_dir(cx, target)?;
    let (session, log) = loop {
        let session = name(&base, n);
        // A log already there is someone else's start (another laptop, lost notes):
        // never log into it.
        if log_of(cx, target, &[&dir, remote::OLD_DIR], &session)?.is_none() {
            break (session.clone(), format!("{dir}/{session}.log"));
        }
        n += 1;
    };
    let rc = format!("{dir}/{session}.screenrc");
    memo.attempts.push(Attempt {
        session: session.clone(),
        log: log.clone(),
        started_at: Timestamp::now(),
        ended: None,
    });
    memo::save(cx.state_dir, key, memo)?;
    eprintln!(
        "  {}",
        crate::t!(
            "screen-starting",
            command = cx.shown(&cmd.render()),
            session = session.as_str(),
            node = target.name(),
            log = log.as_str()
        )
    );
    // Started with a receipt on the node: whoever goes on with the run (another laptop,
    // notes lost) finds which attempt started there.
    // The command goes in the launch's text, which reaches the node on the receipt
    // tool's standard input: in no process's arguments (see `handover::start`).
    let launch = handover::start(&session, &log, &rc, &handover::fifo_of(&log), &cmd.render());
    let started = on_host(cx, target, |t| {
        receipt::start(t, &rkey, n as u32, &launch, None)
    })
    .map_err(anyhow::Error::from)?;
    if started.state == State::Gone {
        // The launch vanished on the node without an end (killed): whether its session
        // got the command is unknown, so it is followed, never started again blindly. A
        // session that never got it ends by itself, saying so (`handover::HANDOFF_WAIT`).
        return Ok(());
    }
    let status = started.exit.unwrap_or(-1);
    if started.raced && status == 0 {
        eprintln!("  {}", crate::t!("screen-raced", attempt = n));
        return Ok(());
    }
    if status != 0 {
        memo.attempts.pop();
        memo::save(cx.state_dir, key, memo)?;
        let why = String::from_utf8_lossy(&started.stderr).trim().to_string();
        let said = if status == 127 {
            said!(
                "screen-cannot-start-installed",
                node = target.name(),
                status = status,
                why = why
            )
        } else {
            said!(
                "screen-cannot-start",
                node = target.name(),
                status = status,
                why = why
            )
        };
        anyhow::bail!(crate::i18n::raise(said));
    }
    Ok(())
}

/// The node's directory for screen logs (see `remote::log_dir`).
fn log_dir(cx: &StepCx, target: Target) -> Result<String> {
    let out = exec(cx, target, &remote::log_dir(), None)?;
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if out.status != 0 || !dir.starts_with('/') {
        let said = said!(
            "screen-cannot-prepare-logs",
            node = target.name(),
            why = String::from_utf8_lossy(&out.stderr).trim().to_string()
        );
        anyhow::bail!(crate::i18n::raise(said));
    }
    Ok(dir)
}

/// The log of `session` in the first of `dirs` that has it.
fn log_of(cx: &StepCx, target: Target, dirs: &[&str], session: &str) -> Result<Option<String>> {
    for dir in dirs {
        let log = format!("{dir}/{session}.log");
        let there = exec(cx, target, &Cmd::new("test").args(["-e", &log]), None)?;
        if there.status == 0 {
            return Ok(Some(log));
        }
    }
    Ok(None)
}

/// Session names stay short (screen limits them): long names are cut.
fn short(name: &str, max: usize) -> String {
    memo::safe(&name.chars().take(max).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The longest session name [`base_name`] and an attempt number up to 999 make.
    const MAX_SESSION_NAME: usize = 5 + 12 + 1 + 16 + 1 + 8 + 4;

    #[test]
    fn session_names_fit_screen_socket_paths_whatever_the_site_and_step() {
        let long = "a-very-long-site-name-of-a-customer-with-many-words";
        let name = base_name(
            long,
            "switch-the-first-patched-node-to-master",
            "20261206T152431Z-16713",
        );
        assert!(name.len() + 4 <= MAX_SESSION_NAME, "{name}");
        // `/var/run/screen/S-<32-char user>/<7-digit pid>.<name>` stays under 108 bytes.
        let socket = format!("/var/run/screen/S-{}/1234567.{name}-999", "u".repeat(32));
        assert!(socket.len() < 108, "{socket}");
        assert!(
            name.starts_with("tvdr-a-very-long--switch-the-first-"),
            "{name}"
        );
        // Unique per run, stable for the same run.
        assert_ne!(
            name,
            base_name(long, "switch-the-first-patched-node-to-master", "other")
        );
        assert_eq!(
            name,
            base_name(
                long,
                "switch-the-first-patched-node-to-master",
                "20261206T152431Z-16713"
            )
        );
    }
}
