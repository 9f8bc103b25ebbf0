//! `reboot`: reboots a node and waits until it has really been down and is back — it
//! answers over SSH with a *different* boot id (`/proc/sys/kernel/random/boot_id`), so a
//! node that ignored the reboot is never taken for one that came back fast.
//!
//! The SSH session dies with the node, as expected: the fleet forgets it, and the next
//! step on the node connects afresh.

mod back;

use std::time::Duration;

use anyhow::Result;
use serde_json::{json, Map};

use super::host::{self, Probe};
use super::memo::{self, Memo};
use crate::exit_code::Exit;
use crate::msg;
use crate::output::term;
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::model::Role;
use crate::runbook::receipt::{self, Key, Receipt, ReceiptError, State};
use crate::time::Timestamp;
use crate::transport::{Cmd, TransportError};
use back::wait_back;

/// `reboot` itself returns at once (or the link drops first).
const ISSUE_TIMEOUT: Duration = Duration::from_secs(15);

pub fn run(cx: &StepCx, on: Role, timeout: Duration) -> Result<StepResult> {
    let key = memo::key(cx.run_id, &cx.step.id);
    let mut memo = memo::load(cx.state_dir, &key)?;
    let receipt_key = Key::new(cx.run_id, &cx.step.id);
    let node = match &memo.node {
        Some(node) => node.clone(),
        None => issued_on(cx, on, &receipt_key)?,
    };
    let node = cx
        .inventory
        .nodes
        .iter()
        .find(|n| n.name.as_str() == node)
        .map(|n| n.name.as_str())
        .ok_or_else(|| TransportError::UnknownNode {
            node: node.to_string(),
        })?;
    // The node's receipt says whether `reboot` was issued there — by this laptop or
    // another, before tvdr died or not. A node that does not answer is rebooting (the
    // memo, or the receipt read once it is back, says since when).
    let seen = match host::probe(cx.fleet, node)? {
        Probe::Up(_) => match cx
            .fleet
            .with(node, |t| Ok(receipt::look(t, &receipt_key)))?
        {
            // Gone between the two looks: going down, as a node rebooting does.
            Err(ReceiptError::Transport(TransportError::Lost { .. })) => None,
            seen => Some(seen?),
        },
        Probe::Down(_) => None,
    };
    match &seen {
        Some(r) if r.state == State::None => {
            let before = host::boot_id(cx.fleet, node)?;
            memo = Memo {
                node: Some(node.to_string()),
                boot_id: Some(before),
                issued_at: Some(Timestamp::now()),
                ..Memo::default()
            };
            memo::save(cx.state_dir, &key, &memo)?;
            eprintln!("  {}", crate::t!("reboot-rebooting", node = node));
            issue_reboot(cx, node, &receipt_key)?;
        }
        Some(r) => {
            refused(node, r)?;
            eprintln!(
                "  {}",
                crate::t!(
                    "reboot-issued-already",
                    node = node,
                    at = r
                        .started
                        .map(|s| Timestamp::from_epoch(s).to_string())
                        .unwrap_or_else(|| crate::t!("reboot-time-unknown"))
                )
            );
            if memo.boot_id.is_none() {
                memo.node = Some(node.to_string());
                memo.boot_id = r.boot.clone();
                memo.issued_at = r.started.map(Timestamp::from_epoch);
            }
        }
        None if memo.boot_id.is_some() => {
            eprintln!("  {}", crate::t!("reboot-not-answering", node = node));
        }
        None => {
            return Err(anyhow::Error::from(TransportError::Unreachable {
                node: node.to_string(),
                address: cx
                    .fleet
                    .target(node)
                    .map(|t| t.address.clone())
                    .unwrap_or_default(),
                port: cx.fleet.target(node).map_or(22, |t| t.port),
                reason: msg!("reboot-unknown-if-issued"),
            }))
        }
    }
    let before = memo.boot_id.clone().unwrap_or_default();
    let issued = memo.issued_at.unwrap_or_else(Timestamp::now);
    let mut allowed = timeout;
    loop {
        let waited = wait_back(cx, node, &before, issued, allowed)?;
        let mut evidence = Map::new();
        evidence.insert("node".into(), json!(node));
        evidence.insert("boot_id_before".into(), json!(before));
        evidence.insert("boot_id_after".into(), json!(waited.after));
        evidence.insert(
            "down_after_seconds".into(),
            json!(waited.down_after.map(|d| d.as_secs_f64())),
        );
        evidence.insert(
            "down_seconds".into(),
            json!(waited.down_for.map(|d| d.as_secs_f64())),
        );
        evidence.insert(
            "seconds".into(),
            json!(Timestamp::now().since(issued).as_secs_f64()),
        );
        if let Some(after) = &waited.after {
            memo::forget(cx.state_dir, &key);
            let took = Duration::from_secs(Timestamp::now().since(issued).as_secs());
            eprintln!(
                "  {} {}",
                term::plain("✓"),
                crate::t!(
                    "reboot-back-after",
                    node = node,
                    boot = short(after),
                    took = crate::time::duration::format(took).to_string()
                )
            );
            return Ok(StepResult::done(evidence));
        }
        let why = msg!(
            "reason-reboot-not-back",
            node = node,
            within = crate::time::duration::format(allowed).to_string(),
            last = waited.last
        );
        match cx.after_failure(why, evidence)? {
            Next::Retry => allowed = Timestamp::now().since(issued) + timeout,
            Next::Finish(result) => return Ok(result),
        }
    }
}

fn node_of(cx: &StepCx, on: Role) -> Result<String> {
    match cx.resolve(on)?.as_slice() {
        [Target::Node(node)] => Ok(node.to_string()),
        [Target::Local] => Err(Exit::Usage(crate::raised!(
            "reboot-not-local",
            step = cx.step.id.as_str()
        ))
        .into()),
        _ => Err(Exit::Usage(crate::raised!(
            "reboot-one-node",
            step = cx.step.id.as_str()
        ))
        .into()),
    }
}

/// `reboot` on the node, with a receipt (so it is never issued twice). The session may
/// die before the command answers: that is the reboot working, not a failure. A refusal
/// (not root) is a failure.
fn issue_reboot(cx: &StepCx, node: &str, key: &Key) -> Result<()> {
    let cmd = Cmd::new("reboot").as_root();
    let mut inner = None;
    let outer = cx.fleet.with(node, |t| {
        inner = Some(receipt::start(t, key, 1, &cmd, Some(ISSUE_TIMEOUT)));
        Ok(())
    });
    cx.fleet.reset(node);
    match (outer, inner) {
        (Ok(()), Some(Ok(r))) => refused(node, &r),
        (
            _,
            Some(Err(ReceiptError::Transport(
                TransportError::Lost { .. } | TransportError::Timeout { .. },
            ))),
        ) => Ok(()),
        // No sudo without a password: the site must change, exit 5.
        (_, Some(Err(ReceiptError::Transport(err @ TransportError::NeedsRoot { .. })))) => {
            Err(err.into())
        }
        (_, Some(Err(err))) => Err(err.into()),
        (Err(err), _) => Err(err.into()),
        (Ok(()), None) => unreachable!("the closure ran"),
    }
}

/// A `reboot` that ended with an error and the node still in the same boot: refused.
/// Killed with its session (exit > 128), it is the node going down.
fn refused(node: &str, r: &Receipt) -> Result<()> {
    match r.exit {
        Some(code) if r.state == State::Finished && code != 0 && code <= 128 && !r.rebooted() => {
            let said = crate::said!(
                "reboot-refused",
                node = node,
                code = code,
                stderr = String::from_utf8_lossy(&r.stderr).trim().to_string()
            );
            anyhow::bail!(crate::i18n::raise(said))
        }
        _ => Ok(()),
    }
}

/// The node a reboot step acts on, when this machine has no notes of it (a first run, or
/// a run taken over from another laptop): the node whose receipt says the reboot was
/// issued there, else the node the role names now. A candidate that does not answer
/// may be the one rebooting: then nobody can tell, and the step stops (exit 3).
fn issued_on(cx: &StepCx, on: Role, key: &Key) -> Result<String> {
    let candidates: Vec<&str> = match on {
        Role::Master | Role::Slave => cx
            .inventory
            .nodes
            .iter()
            .filter(|n| n.name != crate::inventory::NodeName::DrClient)
            .map(|n| n.name.as_str())
            .collect(),
        _ => return node_of(cx, on),
    };
    let mut silent = None;
    for node in &candidates {
        let found = cx.fleet.with(node, |t| Ok(receipt::look(t, key)));
        match found {
            Ok(Ok(r)) if r.state != State::None => return Ok(node.to_string()),
            Ok(Ok(_)) => {}
            Ok(Err(err)) => return Err(err.into()),
            Err(err) if err.is_unreachable() => silent = Some(err),
            Err(err) => return Err(err.into()),
        }
    }
    match silent {
        Some(err) => Err(err.into()),
        None => node_of(cx, on),
    }
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
