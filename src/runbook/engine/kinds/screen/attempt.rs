//! Starting the command: a new attempt is noted before it starts (so a tvdr killed in
//! between finds it), under a session name no one else uses; and whether it may start
//! again after it ran once.

use anyhow::Result;

use super::remote;
use super::SUPPORT;
use crate::runbook::engine::kinds::memo::{self, Attempt, Memo};
use crate::runbook::engine::kinds::run::exec;
use crate::runbook::engine::step::{StepCx, Target};
use crate::runbook::time::Timestamp;
use crate::transport::Cmd;

/// The command ran before and ended: may it start again?
pub(super) fn again(cx: &StepCx, cmd: &Cmd, last: &Attempt) -> Result<bool> {
    let ended = last.ended.as_ref().expect("asked for ended attempts only");
    if ended.success {
        return cx.human.confirm(
            &cx.step.id,
            &format!(
                "`{}` already ran successfully ({}). Run it again?",
                cmd.render(),
                ended.at
            ),
        );
    }
    // After a failure, only a person at the terminal may start it again: not `--yes`.
    if cx.human.yes || !cx.human.interactive() {
        return Ok(false);
    }
    cx.human.confirm(
        &cx.step.id,
        &format!(
            "`{}` ran before ({}) without its success output. Did Telenia support tell you to run it again?",
            cmd.render(),
            last.started_at
        ),
    )
}

pub(super) fn not_again(last: &Attempt) -> String {
    format!(
        "the updater ran before ({}, log `{}`) without printing its success output: {SUPPORT}. \
         It starts again only when a person at the terminal confirms that support said so",
        last.started_at, last.log
    )
}

/// Site, step and run: unique on a node that several sites' technicians (or tests)
/// share, and the same for whoever goes on with the run (a resume, another laptop).
fn base(cx: &StepCx) -> String {
    format!(
        "tvdr-{}-{}-{}",
        short(&cx.inventory.site, 24),
        short(&cx.step.id, 32),
        memo::safe(cx.run_id)
    )
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
    for n in 1.. {
        let log = format!("/var/tmp/{}.log", name(&base, n));
        let there = exec(cx, target, &Cmd::new("test").args(["-e", &log]), None)?;
        if there.status != 0 {
            break;
        }
        found = Some((name(&base, n), log));
    }
    let Some((session, log)) = found else {
        return Ok(false);
    };
    eprintln!(
        "  {}: this run already started `{session}` there (log {log}): following it, not \
         starting the command again",
        target.name()
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
    let mut n = memo.attempts.len() + 1;
    let (session, log) = loop {
        let session = name(&base, n);
        let log = format!("/var/tmp/{session}.log");
        // A log already there is someone else's start (another laptop, lost notes):
        // never log into it.
        let taken = exec(cx, target, &Cmd::new("test").args(["-e", &log]), None)?;
        if taken.status != 0 {
            break (session, log);
        }
        n += 1;
    };
    let rc = format!("/var/tmp/{session}.screenrc");
    memo.attempts.push(Attempt {
        session: session.clone(),
        log: log.clone(),
        started_at: Timestamp::now(),
        ended: None,
    });
    memo::save(cx.state_dir, key, memo)?;
    eprintln!(
        "  starting `{}` in screen `{session}` on {} (log {log}; to look at it there: \
         screen -r {session})\n  if tvdr stops (Ctrl-C, lost link), the command goes on: run \
         tvdr again to follow it",
        cmd.render(),
        target.name()
    );
    let out = exec(
        cx,
        target,
        &remote::start(&session, &log, &rc, &cmd.render()),
        None,
    )?;
    if out.status != 0 {
        memo.attempts.pop();
        memo::save(cx.state_dir, key, memo)?;
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let hint = if out.status == 127 {
            " (is GNU screen installed? `tvdr check screen`)"
        } else {
            ""
        };
        anyhow::bail!(
            "cannot start screen on {}: exit status {}{hint}: {why}",
            target.name(),
            out.status
        );
    }
    Ok(())
}

/// Session names stay short (screen limits them): long names are cut.
fn short(name: &str, max: usize) -> String {
    memo::safe(&name.chars().take(max).collect::<String>())
}
