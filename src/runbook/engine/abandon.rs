//! `--abandon REASON` and `--new`: an open run is given up with a reason — journalled,
//! closed, its locks released — instead of being resumed; `--new` starts another run,
//! which it refuses while one is open so that no run is left behind silently.
//!
//! `--abandon REASON` alone only abandons; `--abandon REASON --new` abandons, then starts
//! a new run at once; `--new` alone starts one when no run is open (and says how to
//! abandon the open one otherwise).

use anyhow::Result;

use super::human::Human;
use super::options::RunOptions;
use crate::exit_code::Exit;
use crate::inventory::Inventory;
use crate::runbook::journal::{Journal, Record};
use crate::runbook::lock::{self, Holder};
use crate::runbook::mirror::Mirror;
use crate::runbook::runs::Run;
use crate::t;
use crate::time::Timestamp;
use crate::transport::{Fleet, TtySecrets};

/// What the runner does after [`before_run`].
pub enum Next {
    /// Go on: resume this run, or start a new one.
    Run(Option<Box<Run>>),
    /// Nothing more: the open run was abandoned and no new run was asked for.
    Done,
}

/// Abandons the open run if asked; refuses `--new` while a run is open.
pub fn before_run(
    inventory: &Inventory,
    runbook: &str,
    name: &str,
    open: Option<Run>,
    human: &Human,
    options: &RunOptions,
) -> Result<Next> {
    let Some(reason) = &options.abandon else {
        if let (true, Some(run)) = (options.new, &open) {
            return Err(Exit::Usage(t!(
                "abandon-new-while-open",
                run = run.run_id.as_str(),
                runbook = name,
                started = run.started_at.to_string(),
                operator = run.operator.as_str()
            ))
            .into());
        }
        return Ok(Next::Run(open.map(Box::new)));
    };
    if reason.trim().chars().count() < 5 {
        return Err(Exit::Usage(t!("abandon-reason-short")).into());
    }
    let Some(run) = open else {
        return Err(Exit::Usage(t!("abandon-no-open-run", runbook = name)).into());
    };
    abandon(inventory, runbook, name, &run, reason.trim(), human)?;
    Ok(if options.new {
        Next::Run(None)
    } else {
        Next::Done
    })
}

fn abandon(
    inventory: &Inventory,
    runbook: &str,
    name: &str,
    run: &Run,
    reason: &str,
    human: &Human,
) -> Result<()> {
    let dir = run.path.parent().unwrap_or(std::path::Path::new("."));
    // Refused while a tvdr process is running this runbook here: it would go on writing
    // a journal that says it is closed.
    let _local = lock::lock_local(dir, &Holder::new(&run.run_id, &human.operator))?;
    let mut journal = Journal::reopen(&run.path)?;
    journal.append(&Record::Abandoned {
        reason: reason.to_string(),
        operator: human.operator.clone(),
        host: lock::this_host(),
        at: Timestamp::now(),
    })?;
    release_remote(inventory, runbook, name, run);
    eprintln!(
        "{}",
        t!(
            "abandon-done",
            run = run.run_id.as_str(),
            name = name,
            reason = reason,
            runbook = runbook
        )
    );
    Ok(())
}

/// Removes the cluster lock the abandoned run holds, on every node that answers — never
/// a lock another run holds. A node that does not answer is named: a lock left there
/// names a closed run, and `--break-lock REASON` removes it. The journal's mirror on the
/// cluster learns that the run is closed, so no colleague is offered to take it over.
fn release_remote(inventory: &Inventory, runbook: &str, name: &str, run: &Run) {
    let fleet = Fleet::new(
        inventory.nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(TtySecrets),
    );
    let nodes: Vec<String> = inventory
        .nodes
        .iter()
        .map(|n| n.name.as_str().to_string())
        .collect();
    let mut mirror = Mirror::new(
        &fleet,
        nodes.clone(),
        &lock::remote_name(&inventory.site, name),
        &run.run_id,
    );
    let _ = mirror.sync(&run.path);
    let lock_name = lock::remote_name(&inventory.site, runbook);
    for node in &nodes {
        match lock::holder_remote(&fleet, node, &lock_name) {
            Ok(Some(holder)) if holder.run_id == run.run_id => {
                if let Err(err) = lock::unlock_remote(&fleet, node, &lock_name) {
                    eprintln!(
                        "{}",
                        t!(
                            "abandon-lock-not-released",
                            node = node.as_str(),
                            error = format!("{err:#}")
                        )
                    );
                }
            }
            Ok(_) => {}
            Err(err) => eprintln!(
                "{}",
                t!(
                    "abandon-lock-unknown",
                    node = node.as_str(),
                    error = format!("{err:#}")
                )
            ),
        }
    }
}
