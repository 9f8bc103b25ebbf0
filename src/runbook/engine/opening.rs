//! Opening a run: a new journal or the open one resumed (naming the steps that changed
//! since it began), and the lock on the cluster.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::human::Human;
use super::options::RunOptions;
use super::shared::{append, Shared};
use crate::exit_code::Exit;
use crate::inventory::Inventory;
use crate::runbook::journal::{Journal, Record};
use crate::runbook::load::{fingerprint, sha256_hex};
use crate::runbook::lock::{self, Holder};
use crate::runbook::model::Runbook;
use crate::runbook::runs::{self, Run};
use crate::time::Timestamp;
use crate::transport::Fleet;
use crate::{said, t};

pub(super) fn open_journal(
    inventory: &Inventory,
    runbook: &Runbook,
    dir: &Path,
    run_id: &str,
    open: Option<Run>,
    human: &Human,
    options: &RunOptions,
) -> Result<(Journal, Run)> {
    match open {
        Some(run) => {
            eprintln!(
                "{}",
                t!(
                    "open-resuming",
                    run = run.run_id.as_str(),
                    runbook = runbook.id.as_str(),
                    started = run.started_at.to_string(),
                    operator = run.operator.as_str()
                )
            );
            let mut journal = Journal::reopen(&run.path)?;
            journal.append(&Record::Resumed {
                operator: human.operator.clone(),
                host: lock::this_host(),
                runbook_hash: runbook.source.hash.clone(),
                at: Timestamp::now(),
            })?;
            Ok((journal, run))
        }
        None => {
            let path: PathBuf = dir.join(format!("{run_id}.jsonl"));
            let mut journal = Journal::create(&path)?;
            let inventory_text = std::fs::read(&inventory.path).unwrap_or_default();
            let steps: BTreeMap<String, String> = runbook
                .stages
                .iter()
                .flat_map(|s| s.steps.iter().chain(&s.rollback))
                .map(|s| (s.id.clone(), s.fingerprint.clone()))
                .collect();
            let record = Record::RunStarted {
                run_id: run_id.to_string(),
                runbook: runbook.id.clone(),
                runbook_source: runbook.source.name.clone(),
                runbook_hash: runbook.source.hash.clone(),
                steps,
                tvdr_version: env!("CARGO_PKG_VERSION").to_string(),
                inventory: inventory.path.display().to_string(),
                inventory_hash: sha256_hex(&inventory_text),
                site: inventory.site.clone(),
                operator: human.operator.clone(),
                host: lock::this_host(),
                rollback: options.rollback,
                at: Timestamp::now(),
            };
            journal.append(&record)?;
            eprintln!(
                "{}",
                t!(
                    "open-started",
                    run = run_id,
                    runbook = runbook.id.as_str(),
                    title = runbook.title.local()
                )
            );
            let run = runs::fold(&path, vec![record]);
            Ok((journal, run))
        }
    }
}

/// An open run whose runbook changed since it began goes on only with the technician's
/// consent, having named the steps that changed.
pub(super) fn consent_to_changes(runbook: &Runbook, run: &Run, human: &Human) -> Result<()> {
    if run.runbook_hash == runbook.source.hash {
        return Ok(());
    }
    let what = match changed_steps(runbook, &run.step_fingerprints) {
        None => t!("open-steps-unknown"),
        Some(changed) if changed.is_empty() => t!("open-layout-only"),
        Some(changed) => t!("open-steps-changed", steps = changed.join(", ")),
    };
    eprintln!(
        "{}",
        t!(
            "open-runbook-changed",
            started = run.started_at.to_string(),
            what = what
        )
    );
    if !human.confirm_about(
        &said!("open-resuming-changed"),
        &said!("open-resume-changed-prompt"),
    )? {
        return Err(Exit::Aborted(t!("open-not-resumed")).into());
    }
    Ok(())
}

/// The steps whose effect changed since the run began (`None`: its fingerprints were taken
/// by an earlier tvdr and cannot tell).
fn changed_steps(runbook: &Runbook, before: &BTreeMap<String, String>) -> Option<Vec<String>> {
    if !before.values().all(|f| fingerprint::comparable(f)) {
        return None;
    }
    Some(
        runbook
            .stages
            .iter()
            .flat_map(|s| s.steps.iter().chain(&s.rollback))
            .filter(|s| before.get(&s.id) != Some(&s.fingerprint))
            .map(|s| s.id.clone())
            .collect(),
    )
}

/// The cluster lock is taken on every main node that answers (tvox1, tvox2): whichever
/// of them a colleague's tvdr reaches, it finds the lock — whereas "the master" moves
/// during an upgrade or a node switch. A conflict on any node refuses the run (the locks
/// this run took are given back) and names the holder. With no main node answering — a DR
/// activation with the main site down — the DR client holds it; with none at all, only
/// the local lock protects the run, and tvdr says so.
pub(super) fn take_remote_lock(
    inventory: &Inventory,
    fleet: &Fleet,
    runbook: &str,
    holder: &Holder,
    shared: &Shared,
    options: &RunOptions,
) -> Result<Vec<String>> {
    let name = lock::remote_name(&inventory.site, runbook);
    let (main, dr): (Vec<&str>, Vec<&str>) = inventory
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .partition(|n| *n != crate::inventory::NodeName::DrClient.as_str());
    for group in [main, dr] {
        let mut taken = Vec::new();
        for node in group {
            if let Some(reason) = &options.break_lock {
                match lock::unlock_remote(fleet, node, &name) {
                    Ok(previous) if !previous.trim().is_empty() => append(
                        shared,
                        &Record::LockBroken {
                            reason: reason.clone(),
                            holder: format!("{node}: {}", previous.trim()),
                            at: Timestamp::now(),
                        },
                    )?,
                    Ok(_) => {}
                    Err(err) if unreachable(&err) => {}
                    Err(err) => return Err(err),
                }
            }
            match lock::lock_remote(fleet, node, &name, holder) {
                Ok(()) => taken.push(node.to_string()),
                Err(err) if unreachable(&err) => {
                    eprintln!("{}", t!("open-lock-unreachable", node = node));
                }
                Err(err) => {
                    release(fleet, &taken, &name);
                    return Err(err);
                }
            }
        }
        if !taken.is_empty() {
            return Ok(taken);
        }
    }
    eprintln!("{}", t!("open-lock-local-only"));
    Ok(Vec::new())
}

/// Gives back the run lock on `nodes`. A lock that cannot be removed is said, with the
/// node and why (a colleague would otherwise find it and need `--break-lock`).
pub(super) fn release(fleet: &Fleet, nodes: &[String], name: &str) -> bool {
    let mut all = true;
    for node in nodes {
        if let Err(err) = lock::unlock_remote(fleet, node, name) {
            all = false;
            eprintln!(
                "{}",
                t!(
                    "open-lock-not-released",
                    node = node.as_str(),
                    error = format!("{err:#}")
                )
            );
        }
    }
    all
}

fn unreachable(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<crate::transport::TransportError>()
            .is_some_and(|t| t.is_unreachable())
    })
}
