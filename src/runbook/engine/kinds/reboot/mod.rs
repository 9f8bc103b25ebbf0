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
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::model::Role;
use crate::runbook::time::Timestamp;
use crate::transport::{Cmd, TransportError};
use back::wait_back;

/// `reboot` itself returns at once (or the link drops first).
const ISSUE_TIMEOUT: Duration = Duration::from_secs(15);

pub fn run(cx: &StepCx, on: Role, timeout: Duration) -> Result<StepResult> {
    let key = memo::key(cx.run_id, &cx.step.id);
    let mut memo = memo::load(cx.state_dir, &key)?;
    let node = match (&memo.node, cx.reentered) {
        (Some(node), true) => node.clone(),
        _ => node_of(cx, on)?,
    };
    let node = cx
        .inventory
        .nodes
        .iter()
        .find(|n| n.name.as_str() == node)
        .map(|n| n.name.as_str())
        .ok_or_else(|| anyhow::anyhow!("no node `{node}` in the inventory"))?;
    // Re-entered after tvdr died: the reboot may be done, under way, or never issued.
    let issue = match (&memo.boot_id, cx.reentered) {
        (Some(before), true) => match host::probe(cx.fleet, node)? {
            Probe::Up(now) if &now != before => {
                eprintln!("  {node} rebooted while tvdr was away (boot id changed)");
                false
            }
            Probe::Up(_) => cx.human.confirm(
                &cx.step.id,
                &format!("`{node}` has not rebooted yet (same boot id). Reboot it now?"),
            )?,
            Probe::Down(_) => false,
        },
        _ => true,
    };
    if issue {
        let before = host::boot_id(cx.fleet, node)?;
        memo = Memo {
            node: Some(node.to_string()),
            boot_id: Some(before),
            issued_at: Some(Timestamp::now()),
            ..Memo::default()
        };
        memo::save(cx.state_dir, &key, &memo)?;
        eprintln!("  rebooting {node}");
        issue_reboot(cx, node)?;
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
            eprintln!(
                "  ✓ {node} is back (new boot id {}) after {}",
                short(after),
                humantime::format_duration(Duration::from_secs(
                    Timestamp::now().since(issued).as_secs()
                ))
            );
            return Ok(StepResult::done(evidence));
        }
        let why = format!(
            "{node} did not come back within {} of the reboot ({})",
            humantime::format_duration(allowed),
            waited.last
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
        [Target::Local] => Err(Exit::Usage(format!(
            "step `{}`: tvdr does not reboot the machine it runs on; reboot it by hand",
            cx.step.id
        ))
        .into()),
        _ => Err(Exit::Usage(format!("step `{}` reboots one node at a time", cx.step.id)).into()),
    }
}

/// `reboot` over the node's session. The session may die before the command answers:
/// that is the reboot working, not a failure. A refusal (not root) is a failure.
fn issue_reboot(cx: &StepCx, node: &str) -> Result<()> {
    let cmd = Cmd::new("reboot");
    let result = cx.fleet.with(node, |t| {
        let mut out = crate::transport::Output::default();
        out.status = t.exec(&cmd, &mut out.stdout, &mut out.stderr, Some(ISSUE_TIMEOUT))?;
        Ok(out)
    });
    cx.fleet.reset(node);
    match result {
        Ok(out) if out.status == 0 => Ok(()),
        // Killed with its session (SIGHUP/SIGTERM): the node is going down.
        Ok(out) if out.status > 128 => Ok(()),
        Ok(out) => anyhow::bail!(
            "`reboot` on {node} failed with exit status {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(TransportError::Lost { .. } | TransportError::Timeout { .. }) => Ok(()),
        Err(err) => Err(err.into()),
    }
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
