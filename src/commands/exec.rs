//! `tvdr exec NODE -- CMD…`: run one command on one or more nodes, in parallel.
//!
//! One node: its output passes through untouched (pipe it like `ssh`'s). Several: every
//! line is prefixed by its node, and a summary says how each ended.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::json;

use crate::cli::{ExecArgs, Format};
use crate::exit_code::{self, Exit};
use crate::inventory::{self, Inventory, Selection};
use crate::output::prefix::PrefixWriter;
use crate::transport::{Cmd, Fleet, TransportError, TtySecrets};

/// How one node's command ended.
struct Ended {
    node: String,
    address: String,
    elapsed: Duration,
    result: Result<i32, TransportError>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

pub fn execute(inventory: Option<&Path>, state_dir: Option<&Path>, args: &ExecArgs) -> Result<i32> {
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let selection: Selection = args.node.parse().map_err(Exit::Usage)?;
    let nodes = inv.select(selection)?;
    let timeout = match &args.timeout {
        Some(t) => Some(
            crate::time::duration::parse(t)
                .map_err(|e| Exit::Usage(format!("`--timeout {t}`: {e}")))?,
        ),
        None => None,
    };
    let command = build(&args.command);
    let fleet = Fleet::new(
        nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(TtySecrets),
    )
    .keeping(crate::commands::keep::keep_for(&inv, state_dir));
    let names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
    let collect = args.format == Format::Json;
    let single = names.len() == 1;
    let stdout = Mutex::new(std::io::stdout());
    let stderr = Mutex::new(std::io::stderr());

    let results = fleet.run_each(&names, |transport| {
        let node = transport.target().name.clone();
        let started = Instant::now();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = if collect {
            transport.exec(&command, &mut out, &mut err, timeout)
        } else if single {
            let mut o = std::io::stdout();
            let mut e = std::io::stderr();
            transport.exec(&command, &mut o, &mut e, timeout)
        } else {
            let mut o = PrefixWriter::new(&node, width, &stdout);
            let mut e = PrefixWriter::new(&node, width, &stderr);
            transport.exec(&command, &mut o, &mut e, timeout)
        };
        Ok((status?, out, err, started.elapsed()))
    });

    let ended: Vec<Ended> = results
        .into_iter()
        .zip(&nodes)
        .map(|((node, result), n)| {
            let address = n.address.to_string();
            match result {
                Ok((status, stdout, stderr, elapsed)) => Ended {
                    node,
                    address,
                    elapsed,
                    result: Ok(status),
                    stdout,
                    stderr,
                },
                Err(err) => Ended {
                    node,
                    address,
                    elapsed: Duration::ZERO,
                    result: Err(err),
                    stdout: Vec::new(),
                    stderr: Vec::new(),
                },
            }
        })
        .collect();

    // `tvdr exec … | head`: nobody reads what is left, nor why it stopped.
    if ended
        .iter()
        .any(|e| matches!(&e.result, Err(err) if crate::output::closed::is_output_closed(err)))
    {
        return Ok(exit_code::STDOUT_CLOSED);
    }
    if collect {
        print_json(&ended)?;
    } else {
        report_human(&ended, single)?;
    }
    Ok(exit_for(&ended))
}

/// Each word becomes one quoted argument: what the technician typed is what runs.
fn build(words: &[OsString]) -> Cmd {
    let mut cmd = Cmd::new(words[0].as_os_str());
    for word in &words[1..] {
        cmd = cmd.arg(word.as_os_str());
    }
    cmd
}

/// Unreachable anywhere → 3; a command failed anywhere → 1; else 0.
fn exit_for(ended: &[Ended]) -> i32 {
    if ended
        .iter()
        .any(|e| matches!(&e.result, Err(err) if err.is_unreachable()))
    {
        exit_code::UNREACHABLE
    } else if ended.iter().all(|e| matches!(e.result, Ok(0))) {
        exit_code::OK
    } else {
        exit_code::FAILED
    }
}

fn report_human(ended: &[Ended], single: bool) -> Result<()> {
    let mut err = std::io::stderr().lock();
    for e in ended {
        match &e.result {
            Ok(0) if single => {}
            Ok(status) if single => writeln!(err, "{}: exit status {status}", e.node)?,
            Ok(status) => writeln!(
                err,
                "{} ({}): exit status {status} in {:.1}s",
                e.node,
                e.address,
                e.elapsed.as_secs_f64()
            )?,
            Err(error) => writeln!(
                err,
                "{}",
                crate::t!(
                    "error-line",
                    message = with_cause(error.msg().shown(), error)
                )
            )?,
        }
    }
    Ok(())
}

/// A node's error and what the system said under it (`No space left on device`).
fn with_cause(said: impl std::fmt::Display, error: &TransportError) -> String {
    match std::error::Error::source(error) {
        Some(cause) => format!("{said}: {cause}"),
        None => said.to_string(),
    }
}

fn print_json(ended: &[Ended]) -> Result<()> {
    let nodes: Vec<_> = ended
        .iter()
        .map(|e| {
            let (status, error) = match &e.result {
                Ok(status) => (Some(*status), None),
                Err(err) => (None, Some(with_cause(err.to_string(), err))),
            };
            json!({
                "node": e.node,
                "address": e.address,
                "exit_status": status,
                "error": error,
                "unreachable": matches!(&e.result, Err(err) if err.is_unreachable()),
                "stdout": String::from_utf8_lossy(&e.stdout),
                "stderr": String::from_utf8_lossy(&e.stderr),
                "seconds": e.elapsed.as_secs_f64(),
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&json!({ "nodes": nodes }))?
    );
    Ok(())
}
