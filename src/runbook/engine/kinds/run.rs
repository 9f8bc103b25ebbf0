//! `run`: a command on one or more hosts, judged by its exit status and output.

use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::{json, Map, Value};

use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::model::{Command, Expect, Role};
use crate::transport::{Cmd, LocalTransport, Output, Transport, TransportError};

/// Lines of output kept as evidence.
const TAIL_LINES: usize = 20;

pub fn run(
    cx: &StepCx,
    on: Role,
    command: &Command,
    expect: &Expect,
    timeout: Option<Duration>,
    idempotent: bool,
) -> Result<StepResult> {
    let cmd = cx.command(command)?;
    if cx.reentered && !idempotent {
        let again = cx.human.confirm(
            &cx.step.id,
            &format!(
                "`{}` was interrupted last time: it may have run already. Run it again?",
                cx.step.id
            ),
        )?;
        if !again {
            return Ok(StepResult::skipped(
                "interrupted earlier; the technician chose not to run it again",
            ));
        }
    }
    loop {
        let targets = cx.resolve(on)?;
        let mut evidence = Map::new();
        let mut problems = Vec::new();
        for target in &targets {
            let started = Instant::now();
            let result = exec(cx, *target, &cmd, timeout);
            let seconds = started.elapsed().as_secs_f64();
            let entry = match &result {
                Ok(out) => {
                    if let Some(problem) = judge(out, expect) {
                        problems.push(format!("{}: {problem}", target.name()));
                    }
                    json!({
                        "exit": out.status,
                        "stdout_tail": tail(&out.stdout),
                        "stderr_tail": tail(&out.stderr),
                        "seconds": seconds,
                    })
                }
                Err(err) => {
                    problems.push(format!("{}: {err}", target.name()));
                    json!({ "error": err.to_string(), "seconds": seconds })
                }
            };
            print_tail(target.name(), &result);
            evidence.insert(target.name().to_string(), entry);
            if let Err(err) = result {
                if err.is_unreachable() && !cx.human.interactive() {
                    return Err(err.into());
                }
            }
        }
        let mut evidence_all = Map::new();
        evidence_all.insert("command".into(), json!(cmd.render()));
        evidence_all.insert("hosts".into(), Value::Object(evidence));
        if problems.is_empty() {
            return Ok(StepResult::done(evidence_all));
        }
        let why = problems.join("; ");
        match cx.after_failure(why, evidence_all)? {
            Next::Retry => continue,
            Next::Finish(result) => return Ok(result),
        }
    }
}

/// Runs `cmd` on a node through the fleet, or on this machine.
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
        command_timeout: cx
            .inventory
            .nodes
            .first()
            .map_or(Duration::from_secs(300), |n| n.target.command_timeout),
        env: Default::default(),
        kind: crate::transport::TransportKind::Local,
    }
}

fn judge(out: &Output, expect: &Expect) -> Option<String> {
    if out.status != expect.exit {
        return Some(format!(
            "exit status {} (expected {})",
            out.status, expect.exit
        ));
    }
    if let Some(re) = &expect.output {
        let text = format!(
            "{}{}",
            out.stdout_lossy(),
            String::from_utf8_lossy(&out.stderr)
        );
        if !re.is_match(&text) {
            return Some(format!("output does not match `{re}`"));
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

fn print_tail(node: &str, result: &Result<Output, TransportError>) {
    match result {
        Ok(out) => {
            for line in tail(&out.stdout).lines().chain(tail(&out.stderr).lines()) {
                eprintln!("  {node} | {line}");
            }
            eprintln!("  {node}: exit status {}", out.status);
        }
        Err(err) => eprintln!("  {node}: {err}"),
    }
}
