//! `screen`: a long command (Telenia's updater) started inside GNU screen on the node, so
//! a dropped SSH link or a dead laptop cannot kill it halfway; tvdr follows its log,
//! re-attaches when re-entered instead of starting it again, and judges it by its exit
//! status and the step's success and failure rules over the final output
//! ([`verdict`](crate::runbook::verdict)).
//!
//! The procedure's rule: if the updater does not end with its success output, stop and
//! contact Telenia support before any other action. So a failure never starts the command
//! again by itself: "retry" looks at the session again, and a new start after a failed
//! one needs a person at the terminal saying support agreed.

mod already;
mod attempt;
mod follow;
mod handover;
#[cfg(test)]
mod handover_tests;
mod judge;
mod remote;

use std::time::Duration;

use anyhow::Result;
use serde_json::Map;

use super::memo;
use crate::exit_code::Exit;
use crate::msg;
use crate::output::term;
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::model::Role;
use crate::runbook::verdict::Rules;
use crate::time::Timestamp;
use crate::transport::Cmd;
use attempt::{again, not_again, start};

use judge::watch;

pub fn run(
    cx: &StepCx,
    on: Role,
    cmd: &Cmd,
    rules: &Rules,
    timeout: Duration,
) -> Result<StepResult> {
    let key = key(cx);
    let mut memo = memo::load(cx.state_dir, &key)?;
    // Started in this run, and no notes here: the node that has this run's session (a
    // colleague's laptop started it before a take-over, or the notes were lost).
    if memo.attempts.is_empty() && (cx.reentered || cx.failed_before) {
        attempt::adopt_anywhere(cx, &mut memo)?;
    }
    // Picking up an attempt: on the node it started on, even if the master changed since.
    let picking_up = memo
        .attempts
        .last()
        .is_some_and(|a| a.ended.is_none() || cx.reentered);
    let target = match (&memo.node, picking_up) {
        (Some(node), true) => target_named(cx, node)?,
        _ => loop {
            // Retry resolves the role again: the technician may have fixed the switch.
            let target = single(cx, on)?;
            let Some(earlier) = already::patched(cx, target)? else {
                break target;
            };
            let (why, evidence) = already::refusal(target, &earlier);
            match cx.after_failure(why, evidence)? {
                Next::Retry => continue,
                Next::Finish(result) => return Ok(result),
            }
        },
    };
    memo.node = Some(target.name().to_string());
    let resume = match memo.attempts.last() {
        Some(_) if picking_up => true,
        Some(last) if !again(cx, cmd, last)? => {
            let ended = last.ended.as_ref().expect("ended: checked above");
            return Ok(if ended.success {
                StepResult::skipped(msg!("reason-screen-ran-before", at = ended.at.to_string()))
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
        let result = watch(cx, target, cmd, rules, allowed, &attempt, reattach)?;
        reattach = true;
        if result.never_started {
            // Nothing ran (the node cut the hand-over, see `handover::start`): a new
            // attempt starts without asking anyone. It does not come back: a start
            // returns only once the session took its command whole, or when the node
            // cut the hand-over once more.
            eprintln!(
                "  {}",
                crate::t!(
                    "screen-never-started",
                    session = attempt.session.as_str(),
                    node = target.name()
                )
            );
            memo.attempts.pop();
            memo::save(cx.state_dir, &key, &memo)?;
            start(cx, target, cmd, &key, &mut memo)?;
            allowed = timeout;
            reattach = false;
            continue;
        }
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
                "  {} {}",
                term::plain("✓"),
                crate::t!(
                    "screen-success",
                    log = attempt.log.as_str(),
                    node = target.name()
                )
            );
            return Ok(StepResult::done(result.evidence));
        };
        match cx.after_failure(why, result.evidence)? {
            Next::Retry => continue,
            Next::Finish(result) => return Ok(result),
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
        _ => {
            let said = crate::said!("step-one-host", step = cx.step.id.as_str());
            Err(Exit::Usage(crate::i18n::raise(said)).into())
        }
    }
}

/// The node the notes name.
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
            let said = crate::said!("step-node-gone", step = cx.step.id.as_str(), node = name);
            anyhow::anyhow!(crate::i18n::raise(said))
        })
}
