//! `run`: a command on one or more hosts, judged by its exit status and output.
//!
//! Exactly once: the command runs detached on the node with a receipt there
//! ([`receipt`](crate::runbook::receipt)). Before anything else the step reads the node's
//! receipt: a finished command is judged as it ended and never run again, a running one is
//! followed, one that started and vanished (the node rebooted under it) is put to the
//! technician, and only a command that never started is started. A retry runs again only
//! on the nodes where the command really failed.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::{json, Map, Value};

use crate::i18n::Msg;
use crate::msg;
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::model::{Command, Expect, Role};
use crate::runbook::receipt::{self, Key, Receipt, ReceiptError, State};
use crate::transport::{Cmd, LocalTransport, Output, Transport, TransportError};

/// Lines of output kept as evidence.
const TAIL_LINES: usize = 20;

/// What one host's attempt came to.
enum Seen {
    /// Finished: judged, with the problem if any.
    Ended(Receipt, Option<Msg>),
    /// Started and vanished: nobody knows whether it did its work.
    Gone(Receipt),
    /// The receipt could not be read or kept (unreachable, timeout, refused).
    Unknown(ReceiptError),
}

pub fn run(
    cx: &StepCx,
    on: Role,
    command: &Command,
    expect: &Expect,
    timeout: Option<Duration>,
    _idempotent: bool,
) -> Result<StepResult> {
    let cmd = cx.command(command)?;
    let key = Key::new(cx.run_id, &cx.step.id);
    // Hosts where the technician asked for the command to run again (after a real
    // failure, or after it vanished): only those start a new attempt.
    // Resuming a step the journal says failed is a retry — but only of what the
    // technician was shown failing: the attempt each host's recorded evidence names.
    let mut again: BTreeMap<&'static str, bool> = BTreeMap::new();
    let shown = if cx.failed_before {
        shown_failing(cx)
    } else {
        BTreeMap::new()
    };
    loop {
        let targets = cx.resolve(on)?;
        let mut evidence = Map::new();
        let mut problems = Vec::new();
        let mut retry_here = Vec::new();
        for target in &targets {
            let began = Instant::now();
            let rerun = match again.get(target.name()) {
                Some(&this_time) => Rerun::If(this_time),
                None => Rerun::Attempt(shown.get(target.name()).copied()),
            };
            let seen = attempt(cx, *target, &key, &cmd, expect, timeout, rerun);
            let seconds = began.elapsed().as_secs_f64();
            let mut entry = Map::new();
            entry.insert("seconds".into(), json!(seconds));
            match &seen {
                Seen::Ended(r, problem) => {
                    entry.insert("exit".into(), json!(r.exit));
                    entry.insert("stdout_tail".into(), json!(tail(&r.stdout)));
                    entry.insert("stderr_tail".into(), json!(tail(&r.stderr)));
                    entry.insert("receipt".into(), r.evidence());
                    entry.insert("problem".into(), json!(problem.is_some()));
                    if let Some(problem) = problem {
                        problems.push(problem.map(|p| format!("{}: {p}", target.name())));
                        retry_here.push(target.name());
                    }
                }
                Seen::Gone(r) => {
                    entry.insert("receipt".into(), r.evidence());
                    problems.push(msg!(
                        "reason-run-gone",
                        node = target.name(),
                        why = r.gone_why()
                    ));
                    retry_here.push(target.name());
                }
                Seen::Unknown(err) => {
                    entry.insert("error".into(), json!(err.to_string()));
                    let name = target.name();
                    problems.push(explain(err).map(|e| format!("{name}: {e}")));
                }
            }
            print_seen(cx, target.name(), &seen);
            evidence.insert(target.name().to_string(), Value::Object(entry));
            if let Seen::Unknown(ReceiptError::Transport(err)) = &seen {
                // Nobody here can bring the node back or give sudo a password: exit 3 or 5.
                let needs_root = matches!(err, TransportError::NeedsRoot { .. });
                if (err.is_unreachable() || needs_root) && !cx.human.interactive() {
                    return Err(err.clone().into());
                }
            }
        }
        let mut evidence_all = Map::new();
        evidence_all.insert("command".into(), json!(cmd.render()));
        evidence_all.insert("hosts".into(), Value::Object(evidence));
        if problems.is_empty() {
            return Ok(StepResult::done(evidence_all));
        }
        let why = Msg::join(&problems, "; ");
        match cx.after_failure(why, evidence_all)? {
            Next::Retry => {
                // A host that failed for real runs again; one that could not be read is
                // read again (its command may well have finished meanwhile).
                again = targets.iter().map(|t| (t.name(), false)).collect();
                for name in retry_here {
                    again.insert(name, true);
                }
            }
            Next::Finish(result) => return Ok(result),
        }
    }
}

/// Whether a finished-and-failed or vanished attempt may start again.
#[derive(Clone, Copy)]
enum Rerun {
    /// The technician chose retry in this invocation, after seeing this host fail (or not).
    If(bool),
    /// Resumed after the step was recorded failed: yes if the latest attempt is the one
    /// the recorded failure showed (a host whose link was lost was shown nothing).
    Attempt(Option<u32>),
}

/// The attempt each host's last recorded failure of this step showed, by host: only
/// hosts whose receipt was read (a judged failure or a vanished command).
fn shown_failing(cx: &StepCx) -> BTreeMap<String, u32> {
    let mut shown = BTreeMap::new();
    let Some(path) = cx.journal else {
        return shown;
    };
    let records = crate::runbook::journal::read(path).unwrap_or_default();
    let last = records.iter().rev().find_map(|r| match r {
        crate::runbook::journal::Record::StepFinished { step, evidence, .. }
            if step == &cx.step.id =>
        {
            Some(evidence)
        }
        _ => None,
    });
    let hosts = last.and_then(|e| e.get("hosts")).and_then(Value::as_object);
    for (host, entry) in hosts.into_iter().flatten() {
        let receipt = &entry["receipt"];
        let failed = match receipt["state"].as_str() {
            Some("gone") => true,
            Some("finished") => entry["problem"].as_bool().unwrap_or(false),
            _ => false,
        };
        if let (true, Some(n)) = (failed, receipt["attempt"].as_u64()) {
            shown.insert(host.clone(), n as u32);
        }
    }
    shown
}

/// Reads the host's receipt, then starts, follows or takes what it says.
fn attempt(
    cx: &StepCx,
    target: Target,
    key: &Key,
    cmd: &Cmd,
    expect: &Expect,
    timeout: Option<Duration>,
    rerun: Rerun,
) -> Seen {
    let result = on_host(cx, target, |t| {
        let seen = receipt::look(t, key)?;
        let node = t.target().name.clone();
        let rerun = match rerun {
            Rerun::If(yes) => yes,
            Rerun::Attempt(shown) => shown == Some(seen.attempt),
        };
        match seen.state {
            State::None => receipt::start(t, key, 1, cmd, timeout),
            State::Running => {
                eprintln!(
                    "  {}",
                    crate::t!(
                        "run-attempt-still-running",
                        node = node.as_str(),
                        attempt = seen.attempt,
                        pid = seen.pid.map_or("?".into(), |p| p.to_string())
                    )
                );
                receipt::follow(t, key, seen.attempt, timeout)
            }
            // A finished attempt that passes is kept even on a retry: only a failure or a
            // vanished attempt runs again.
            State::Finished if rerun && judge(&output_of(&seen), expect).is_some() => {
                receipt::start(t, key, seen.attempt + 1, cmd, timeout)
            }
            State::Gone if rerun => receipt::start(t, key, seen.attempt + 1, cmd, timeout),
            State::Finished => {
                eprintln!(
                    "  {}",
                    crate::t!(
                        "run-attempt-already-ran",
                        node = node.as_str(),
                        attempt = seen.attempt,
                        exit = seen.exit.unwrap_or(-1)
                    )
                );
                Ok(seen)
            }
            State::Gone => Ok(seen),
        }
    });
    match result {
        Ok(r) if r.state == State::Finished => {
            let problem = judge(&output_of(&r), expect);
            Seen::Ended(r, problem)
        }
        Ok(r) => Seen::Gone(r),
        Err(err) => Seen::Unknown(err),
    }
}

fn output_of(r: &Receipt) -> Output {
    Output {
        status: r.exit.unwrap_or(-1),
        stdout: r.stdout.clone(),
        stderr: r.stderr.clone(),
    }
}

/// Runs `f` with the host's transport: a node through the fleet, or this machine.
pub(crate) fn on_host<R>(
    cx: &StepCx,
    target: Target,
    f: impl FnOnce(&mut dyn Transport) -> Result<R, ReceiptError>,
) -> Result<R, ReceiptError> {
    match target {
        Target::Node(node) => {
            let mut inner = None;
            let outer = cx.fleet.with(node, |t| {
                inner = Some(f(t));
                Ok(())
            });
            match (outer, inner) {
                (_, Some(Err(ReceiptError::Transport(err)))) | (Err(err), _) => {
                    if matches!(err, TransportError::Lost { .. }) {
                        cx.fleet.reset(node);
                    }
                    Err(err.into())
                }
                (Ok(()), Some(result)) => result,
                (Ok(()), None) => unreachable!("the closure ran"),
            }
        }
        Target::Local => {
            let mut local = LocalTransport::new(local_target(cx));
            f(&mut local)
        }
    }
}

/// A receipt problem in the words a technician needs.
fn explain(err: &ReceiptError) -> Msg {
    match err {
        ReceiptError::Transport(TransportError::Timeout { timeout, .. }) => msg!(
            "reason-run-still-running",
            after = crate::time::duration::format(*timeout).to_string()
        ),
        ReceiptError::Transport(err) => msg!("reason-run-unknown", error = err.msg()),
        other => other.msg(),
    }
}

/// Runs `cmd` on a node through the fleet, or on this machine (no receipt: for commands
/// that only look, like a wait's probes).
pub fn exec(
    cx: &StepCx,
    target: Target,
    cmd: &Cmd,
    timeout: Option<Duration>,
) -> Result<Output, TransportError> {
    let run = |t: &mut dyn Transport| {
        let mut out = Output::default();
        out.status = t.exec(cmd, &mut out.stdout, &mut out.stderr, timeout)?;
        Ok(out)
    };
    match target {
        Target::Node(node) => cx.fleet.with(node, run),
        Target::Local => {
            let mut local = LocalTransport::new(local_target(cx));
            run(&mut local)
        }
    }
}

/// The machine tvdr runs on, as a transport target.
pub fn local_target(cx: &StepCx) -> crate::transport::Target {
    crate::transport::Target {
        name: "local".into(),
        address: "localhost".into(),
        port: 0,
        user: std::env::var("USER").unwrap_or_default(),
        identity: None,
        known_hosts: Vec::new(),
        connect_timeout: Duration::from_secs(1),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: cx
            .inventory
            .nodes
            .first()
            .map_or(Duration::from_secs(300), |n| n.target.command_timeout),
        env: Default::default(),
        kind: crate::transport::TransportKind::Local,
    }
}

fn judge(out: &Output, expect: &Expect) -> Option<Msg> {
    if out.status != expect.exit {
        return Some(msg!(
            "reason-run-exit",
            code = out.status,
            expected = expect.exit
        ));
    }
    if let Some(re) = &expect.output {
        let text = format!(
            "{}{}",
            out.stdout_lossy(),
            String::from_utf8_lossy(&out.stderr)
        );
        if !re.is_match(&text) {
            return Some(msg!("reason-run-no-match", regex = re.to_string()));
        }
    }
    None
}

/// The last lines of an output, for the journal (long outputs are never kept whole).
pub fn tail(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n")
}

fn print_seen(cx: &StepCx, node: &str, seen: &Seen) {
    // Masked: a command may repeat a secret answer the technician typed unseen.
    let secrets = cx.secrets();
    match seen {
        Seen::Ended(r, _) => {
            for line in tail(&r.stdout).lines().chain(tail(&r.stderr).lines()) {
                eprintln!("  {node} | {}", secrets.mask(line));
            }
            eprintln!(
                "  {}",
                crate::t!("run-exit-status", node = node, exit = r.exit.unwrap_or(-1))
            );
        }
        Seen::Gone(r) => eprintln!("  {node}: {}", secrets.mask(r.gone_why().shown())),
        Seen::Unknown(err) => eprintln!("  {node}: {}", secrets.mask(err.msg().shown())),
    }
}
