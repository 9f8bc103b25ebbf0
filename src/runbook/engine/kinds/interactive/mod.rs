//! `interactive`: hands the technician's terminal to a program on a node (`network_reset`'s
//! menu) until it exits, then runs the step's checks. Without a terminal nobody can
//! drive the program: the step needs a human (exit 5), unless the answers file says it
//! was done by hand (`overrides:`).
//!
//! With `from_address:` the program moves the node to its inventory address: the step
//! connects at the old address (the inventory's port, login and known_hosts), and success
//! is the node answering at its new address with the same host key ([`moved`]).

mod moved;

use std::time::Instant;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::check;
use super::run::local_target;
use crate::exit_code::Exit;
use crate::i18n::Msg;
use crate::output::term;
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::journal::Outcome;
use crate::runbook::model::{CheckOptions, Role};
use crate::transport::{Cmd, LocalTransport, Transport, TransportError, Tty};
use crate::{msg, t};
pub use moved::Moving;

pub fn run(
    cx: &StepCx,
    on: Role,
    cmd: &Cmd,
    checks: &[String],
    options: CheckOptions,
    moving: Option<&Moving>,
) -> Result<StepResult> {
    let target = match cx.resolve(on)?.as_slice() {
        [one] => *one,
        _ => {
            return Err(Exit::Usage(crate::raised!(
                "interactive-one-host",
                step = cx.step.id.as_str()
            ))
            .into())
        }
    };
    if moving.is_some() && target == Target::Local {
        return Err(Exit::Usage(crate::raised!(
            "interactive-from-address-local",
            step = cx.step.id.as_str()
        ))
        .into());
    }
    if !has_terminal() {
        if let Some(reason) = cx.human.file_override(&cx.step.id) {
            return Ok(StepResult {
                outcome: Outcome::Overridden,
                reason: Some(Msg::text(reason)),
                evidence: Map::new(),
            });
        }
        let said = crate::said!(
            "interactive-needs-terminal",
            step = cx.step.id.as_str(),
            command = cmd.render(),
            node = target.name()
        );
        return Err(Exit::NeedsHuman(crate::i18n::raise(said)).into());
    }
    loop {
        let mut evidence = Map::new();
        evidence.insert("node".into(), json!(target.name()));
        evidence.insert("command".into(), json!(cmd.render()));
        let attempt = attempt(cx, target, cmd, moving, &mut evidence);
        eprintln!();
        let err = match attempt {
            Ok(()) => return after(cx, checks, options, evidence),
            Err(err) => err,
        };
        if !checks.is_empty() {
            // An override goes on without the step's checks: say so in the evidence.
            evidence.insert("checks_skipped".into(), json!(true));
        }
        let why = err.msg();
        match cx.after_failure(why.clone(), evidence)? {
            Next::Retry => {}
            // Nobody decided and the node could not be reached or trusted: exit code 3.
            Next::Finish(result)
                if result.outcome == Outcome::Failed
                    && matches!(&err, Failure::Node(e) if e.is_unreachable()) =>
            {
                let said = msg!("step-unreachable", step = cx.step.id.as_str(), why = why).said();
                return Err(Exit::Unreachable(crate::i18n::raise(said)).into());
            }
            Next::Finish(result) => return Ok(result),
        }
    }
}

/// Why one attempt failed.
#[derive(Debug)]
enum Failure {
    /// The program ended with this exit status.
    Status(i32, String),
    Node(Box<TransportError>),
}

impl From<TransportError> for Failure {
    fn from(e: TransportError) -> Failure {
        Failure::Node(Box::new(e))
    }
}

impl Failure {
    fn msg(&self) -> Msg {
        match self {
            Failure::Status(code, cmd) => {
                msg!("reason-interactive-status", command = cmd, code = *code)
            }
            Failure::Node(e) => e.msg(),
        }
    }
}

/// Opens the program once (for a move: checks the key at the old address first, and waits
/// for it at the new one after), filling `evidence`.
fn attempt(
    cx: &StepCx,
    target: Target,
    cmd: &Cmd,
    moving: Option<&Moving>,
    evidence: &mut Map<String, Value>,
) -> Result<(), Failure> {
    let key = match (moving, target) {
        (Some(moving), Target::Node(node)) => {
            evidence.insert("from_address".into(), json!(moving.from));
            let key = moved::key_before(cx.fleet, node, &moving.from).map_err(|e| {
                eprintln!(
                    "{}",
                    t!(
                        "interactive-trust-first",
                        node = node,
                        address = moving.from.as_str()
                    )
                );
                Failure::from(e)
            })?;
            Some((moving, node, key))
        }
        _ => None,
    };
    let at = key.as_ref().map_or_else(String::new, |(m, _, _)| {
        t!("interactive-at-address", address = m.from.as_str())
    });
    eprintln!(
        "  {}",
        t!(
            "interactive-opening",
            command = cx.shown(&cmd.render()),
            node = target.name(),
            at = at
        )
    );
    let began = Instant::now();
    let status = open(cx, target, cmd, moving.map(|m| m.from.as_str()));
    evidence.insert("seconds".into(), json!(began.elapsed().as_secs_f64()));
    evidence.insert(
        "exit".into(),
        status.as_ref().map_or(Value::Null, |c| json!(c)),
    );
    match (status, key) {
        (Ok(0), None) => Ok(()),
        (Ok(code), _) if code != 0 => Err(Failure::Status(code, cmd.render())),
        (Err(e), None) => Err(e.into()),
        // Moving: the session ends or freezes and drops when the address changes; only
        // the node at its new address with its key says whether it worked.
        (Err(e), Some(_)) if !matches!(e, TransportError::Lost { .. }) => Err(e.into()),
        (status, Some((moving, node, key))) => {
            if let Err(TransportError::Lost { reason, .. }) = &status {
                eprintln!(
                    "  {}",
                    t!("interactive-session-dropped", reason = reason.shown())
                );
                evidence.insert("session".into(), json!(format!("dropped: {}", reason.en())));
            }
            let moved = moved::wait(cx.fleet, node, moving, &key).map_err(Failure::from)?;
            eprintln!(
                "  {} {}",
                term::plain("✓"),
                t!(
                    "interactive-moved",
                    node = node,
                    to = moved.to.as_str(),
                    from = moved.from.as_str(),
                    key = format!("{} {}", moved.key.key_type, moved.key.fingerprint),
                    recorded = moved.recorded_in.as_ref().map_or(String::new(), |f| t!(
                        "interactive-recorded-in",
                        file = f.display().to_string()
                    ))
                )
            );
            evidence.insert("host_key".into(), moved::evidence(&moved));
            Ok(())
        }
        (Ok(_), None) => unreachable!("exit 0 handled above"),
    }
}

/// Standard input and output both a terminal: keys in, screen out.
fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

fn open(cx: &StepCx, target: Target, cmd: &Cmd, at: Option<&str>) -> Result<i32, TransportError> {
    // Raw mode lasts as long as `tty`: restored when it drops, whatever happened.
    let mut tty = Tty::new();
    match (target, at) {
        (Target::Node(node), Some(address)) => cx
            .fleet
            .connect_at(node, address)?
            .interactive(cmd, &mut tty),
        (Target::Node(node), None) => cx.fleet.with(node, |t| t.interactive(cmd, &mut tty)),
        (Target::Local, _) => LocalTransport::new(local_target(cx)).interactive(cmd, &mut tty),
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
