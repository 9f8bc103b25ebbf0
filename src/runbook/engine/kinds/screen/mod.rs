//! `screen`: a long command (Telenia's updater) started inside GNU screen on the node, so
//! a dropped SSH link or a dead laptop cannot kill it halfway; tvdr follows its log,
//! re-attaches when re-entered instead of starting it again, and judges it by the step's
//! success regex over the whole log.
//!
//! The procedure's rule: if the updater does not print its success output, stop and
//! contact Telenia support before any other action. So a failure never starts the command
//! again by itself: "retry" looks at the session again, and a new start after a failed
//! one needs a person at the terminal saying support agreed.

mod follow;
mod remote;

use std::time::Duration;

use anyhow::Result;
use regex::Regex;
use serde_json::{json, Map, Value};

use super::memo::{self, Attempt, Ended, Memo};
use super::progress::Progress;
use super::run::{exec, tail};
use crate::exit_code::Exit;
use crate::runbook::engine::human::Decision;
use crate::runbook::engine::step::{StepCx, StepResult, Target};
use crate::runbook::journal::Outcome;
use crate::runbook::model::Role;
use crate::runbook::time::Timestamp;
use crate::transport::Cmd;
use follow::Followed;

/// The success pattern when none is given (`tvdr patch`): the shipped runbooks' generic
/// one, since Telenia's updater output is not public.
pub const DEFAULT_SUCCESS: &str =
    r"(?i)(update|upgrade|aggiornamento)[^\n]*(complet|success|terminat)";

/// What the procedure says to do when the success output is missing.
pub const SUPPORT: &str = "stop and contact Telenia support before any other action";

pub fn run(
    cx: &StepCx,
    on: Role,
    cmd: &Cmd,
    success: &Regex,
    timeout: Duration,
) -> Result<StepResult> {
    let key = key(cx);
    let mut memo = memo::load(cx.state_dir, &key);
    let target = match &memo.node {
        Some(node) => target_named(cx, node)?,
        None => single(cx, on)?,
    };
    memo.node = Some(target.name().to_string());
    let resume = match memo.attempts.last() {
        Some(last) if last.ended.is_none() || cx.reentered => true,
        Some(last) if !again(cx, cmd, last)? => {
            let ended = last.ended.as_ref().expect("ended: checked above");
            return Ok(if ended.success {
                StepResult::skipped(format!("it already ran successfully ({})", ended.at))
            } else {
                StepResult::failed(not_again(last), Map::new())
            });
        }
        _ => false,
    };
    if !resume {
        start(cx, target, cmd, &key, &mut memo)?;
    }
    // Time allowed from the attempt's start; a retry after a timeout allows as much again.
    let mut allowed = timeout;
    let mut reattach = resume;
    loop {
        let attempt = memo.attempts.last().expect("started or resumed").clone();
        let result = watch(cx, target, cmd, success, allowed, &attempt, reattach)?;
        reattach = true;
        if result.ended.is_none() {
            allowed = Timestamp::now().since(attempt.started_at) + timeout;
        }
        if let Some(ended) = &result.ended {
            if let Some(last) = memo.attempts.last_mut() {
                last.ended = Some(ended.clone());
            }
            memo::save(cx.state_dir, &key, &memo)?;
        }
        let Some(why) = result.failure else {
            eprintln!(
                "  ✓ success output found in `{}` on {}",
                attempt.log,
                target.name()
            );
            return Ok(StepResult::done(result.evidence));
        };
        eprintln!("step `{}` failed: {why}", cx.step.id);
        match cx.human.on_failure(&cx.step.id)? {
            // Never a new start: look at the same session again.
            Decision::Retry => continue,
            Decision::Override(reason) => {
                return Ok(StepResult {
                    outcome: Outcome::Overridden,
                    reason: Some(reason),
                    evidence: result.evidence,
                })
            }
            Decision::Abort if cx.human.yes || !cx.human.interactive() => {
                return Ok(StepResult::failed(why, result.evidence))
            }
            Decision::Abort => {
                return Err(Exit::Aborted(format!("at step `{}`: {why}", cx.step.id)).into())
            }
        }
    }
}

/// The notes of this step: per run and step in a runbook; a standalone `tvdr patch` has
/// a synthetic run id and step id naming the node and command.
fn key(cx: &StepCx) -> String {
    memo::key(cx.run_id, &cx.step.id)
}

fn single(cx: &StepCx, on: Role) -> Result<Target> {
    match cx.resolve(on)?.as_slice() {
        [one] => Ok(*one),
        _ => Err(Exit::Usage(format!("step `{}` must run on one host", cx.step.id)).into()),
    }
}

/// The node the notes name (a re-entered step stays on the node it started on, even if
/// the master changed since).
fn target_named(cx: &StepCx, name: &str) -> Result<Target> {
    if name == "local" {
        return Ok(Target::Local);
    }
    cx.inventory
        .nodes
        .iter()
        .find(|n| n.name.as_str() == name)
        .map(|n| Target::Node(n.name.as_str()))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "step `{}` started on `{name}`, which the inventory no longer has",
                cx.step.id
            )
        })
}

/// The command ran before and ended: may it start again?
fn again(cx: &StepCx, cmd: &Cmd, last: &Attempt) -> Result<bool> {
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

fn not_again(last: &Attempt) -> String {
    format!(
        "the updater ran before ({}, log `{}`) without printing its success output: {SUPPORT}. \
         It starts again only when a person at the terminal confirms that support said so",
        last.started_at, last.log
    )
}

/// A new attempt: noted before it is started, so a tvdr killed in between finds it.
fn start(cx: &StepCx, target: Target, cmd: &Cmd, key: &str, memo: &mut Memo) -> Result<()> {
    // Site, step and run: unique on a node that several sites' technicians (or tests)
    // share, and stable in the notes for a resume.
    let base = format!(
        "tvdr-{}-{}-{}",
        short(&cx.inventory.site, 24),
        short(&cx.step.id, 32),
        memo::safe(cx.run_id)
    );
    let mut n = memo.attempts.len() + 1;
    let (session, log) = loop {
        let session = if n > 1 {
            format!("{base}-{n}")
        } else {
            base.clone()
        };
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
        "  starting `{}` in screen `{session}` on {} (log {log}; to look at it there: screen -r {session})",
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

struct Watched {
    evidence: Map<String, Value>,
    failure: Option<String>,
    ended: Option<Ended>,
}

fn watch(
    cx: &StepCx,
    target: Target,
    cmd: &Cmd,
    success: &Regex,
    timeout: Duration,
    attempt: &Attempt,
    reattached: bool,
) -> Result<Watched> {
    if reattached {
        eprintln!(
            "  re-attaching to screen `{}` on {} (started {})",
            attempt.session,
            target.name(),
            attempt.started_at
        );
    }
    let already = Timestamp::now().since(attempt.started_at);
    let mut progress = Progress::new(Some(timeout), already);
    let followed = follow::follow(
        cx,
        target,
        &attempt.session,
        &attempt.log,
        timeout,
        &mut progress,
        reattached,
    );
    progress.finish();
    let seconds = Timestamp::now().since(attempt.started_at).as_secs_f64();
    let (log, ended) = match followed? {
        Followed::Ended { log, dead } => (log, Some(dead)),
        Followed::TimedOut { log } => (log, None),
    };
    let text = remote::clean(&log);
    let exit = remote::exit_status(&log);
    let mut evidence = Map::new();
    evidence.insert("node".into(), json!(target.name()));
    evidence.insert("command".into(), json!(cmd.render()));
    evidence.insert("screen".into(), json!(attempt.session));
    evidence.insert("log".into(), json!(attempt.log));
    evidence.insert("log_tail".into(), json!(tail(text.as_bytes())));
    evidence.insert("exit".into(), json!(exit));
    evidence.insert("success_regex".into(), json!(success.as_str()));
    evidence.insert("seconds".into(), json!(seconds));
    evidence.insert("started_at".into(), json!(attempt.started_at));
    let Some(dead) = ended else {
        evidence.insert("result".into(), json!("timeout"));
        let why = format!(
            "`{}` is still running on {} after {}: it was left running (an updater is never cut \
             halfway); look at it with `screen -r {}` there. Retry follows it again; if it does \
             not end with its success output, {SUPPORT}",
            cmd.render(),
            target.name(),
            humantime::format_duration(Duration::from_secs(seconds as u64)),
            attempt.session
        );
        return Ok(Watched {
            evidence,
            failure: Some(why),
            ended: None,
        });
    };
    let _ = exec(
        cx,
        target,
        &remote::tidy(&attempt.session, &rc_of(&attempt.log)),
        Some(Duration::from_secs(10)),
    );
    let matched = success.is_match(&text);
    evidence.insert(
        "result".into(),
        json!(if matched {
            "success"
        } else {
            "no success output"
        }),
    );
    if matched && exit.is_some_and(|e| e != 0) {
        eprintln!(
            "  warning: the success output is there, but the command exited with {}",
            exit.unwrap_or_default()
        );
    }
    let failure = (!matched).then(|| {
        let how = match (dead, exit) {
            (true, _) => {
                " (its screen session died without finishing: was the node rebooted?)".to_string()
            }
            (false, Some(code)) => format!(" (exit status {code})"),
            (false, None) => String::new(),
        };
        format!(
            "the updater did not print its success output{how}: {SUPPORT}. \
             `{}` not found in `{}` on {}",
            success.as_str(),
            attempt.log,
            target.name()
        )
    });
    let ended = Ended {
        success: matched,
        exit,
        at: Timestamp::now(),
    };
    Ok(Watched {
        evidence,
        failure,
        ended: Some(ended),
    })
}

fn rc_of(log: &str) -> String {
    format!("{}.screenrc", log.trim_end_matches(".log"))
}
