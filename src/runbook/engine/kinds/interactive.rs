//! `interactive`: hands the technician's terminal to a program on a node (`network_reset`'s
//! menu) until it exits, then runs the step's checks. Without a terminal nobody can
//! drive the program: the step needs a human (exit 5), unless the answers file says it
//! was done by hand (`overrides:`).

use std::time::Instant;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::check;
use super::run::local_target;
use crate::exit_code::Exit;
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::journal::Outcome;
use crate::runbook::model::{CheckOptions, Role};
use crate::transport::{Cmd, LocalTransport, Transport, TransportError, Tty};

pub fn run(
    cx: &StepCx,
    on: Role,
    cmd: &Cmd,
    checks: &[String],
    options: CheckOptions,
) -> Result<StepResult> {
    let target = match cx.resolve(on)?.as_slice() {
        [one] => *one,
        _ => {
            return Err(Exit::Usage(format!(
                "step `{}` opens one terminal on one host",
                cx.step.id
            ))
            .into())
        }
    };
    if !has_terminal() {
        if let Some(reason) = cx.human.file.overrides.get(&cx.step.id) {
            return Ok(StepResult {
                outcome: Outcome::Overridden,
                reason: Some(reason.clone()),
                evidence: Map::new(),
            });
        }
        return Err(Exit::NeedsHuman(format!(
            "step `{}` opens `{}` on {} for you to drive, but there is no terminal: run tvdr at \
             a terminal (or, if it was done by hand, say so under `overrides:` in the answers file)",
            cx.step.id,
            cmd.render(),
            target.name()
        ))
        .into());
    }
    loop {
        eprintln!(
            "  opening `{}` on {} — the terminal is the program's until it exits",
            cmd.render(),
            target.name()
        );
        let began = Instant::now();
        let status = open(cx, target, cmd);
        let seconds = began.elapsed().as_secs_f64();
        let mut evidence = Map::new();
        evidence.insert("node".into(), json!(target.name()));
        evidence.insert("command".into(), json!(cmd.render()));
        evidence.insert("seconds".into(), json!(seconds));
        let why = match &status {
            Ok(0) => None,
            Ok(code) => Some(format!("`{}` ended with exit status {code}", cmd.render())),
            Err(err) => Some(err.to_string()),
        };
        evidence.insert(
            "exit".into(),
            status.as_ref().map_or(Value::Null, |c| json!(c)),
        );
        eprintln!();
        let Some(why) = why else {
            return after(cx, checks, options, evidence);
        };
        if !checks.is_empty() {
            // An override goes on without the step's checks: say so in the evidence.
            evidence.insert("checks_skipped".into(), json!(true));
        }
        match cx.after_failure(why, evidence.clone())? {
            Next::Retry => {
                evidence.remove("checks_skipped");
            }
            Next::Finish(result) => return Ok(result),
        }
    }
}

/// Standard input and output both a terminal: keys in, screen out.
fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

fn open(cx: &StepCx, target: Target, cmd: &Cmd) -> Result<i32, TransportError> {
    // Raw mode lasts as long as `tty`: restored when it drops, whatever happened.
    let mut tty = Tty::new();
    match target {
        Target::Node(node) => cx.fleet.with(node, |t| t.interactive(cmd, &mut tty)),
        Target::Local => LocalTransport::new(local_target(cx)).interactive(cmd, &mut tty),
    }
}

/// The program ended well: the step's checks (as a `check` step) say whether it worked.
fn after(
    cx: &StepCx,
    checks: &[String],
    options: CheckOptions,
    evidence: Map<String, Value>,
) -> Result<StepResult> {
    if checks.is_empty() {
        return Ok(StepResult::done(evidence));
    }
    let mut result = check::run(cx, checks, options)?;
    let mut merged = evidence;
    merged.append(&mut result.evidence);
    result.evidence = merged;
    Ok(result)
}
