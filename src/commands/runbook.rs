//! `tvdr runbook ID`: start or resume a run, or show its plan (`--dry-run`), where it
//! stands (`--status`), or the list of runbooks (`--list`).

use std::path::Path;

use anyhow::Result;
use serde_json::json;

use crate::cli::{Format, RunbookArgs};
use crate::exit_code::Exit;
use crate::inventory::{self, Inventory};
use crate::output::table;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::runner::{self, RunOptions};
use crate::runbook::runs::{self, Run, StepState};
use crate::runbook::{library, plan, Runbook};

pub fn execute(
    inventory: Option<&Path>,
    runbooks: Option<&Path>,
    state_dir: Option<&Path>,
    args: &RunbookArgs,
) -> Result<i32> {
    if args.list {
        return list(runbooks);
    }
    let id = args
        .id
        .as_deref()
        .ok_or_else(|| Exit::Usage("which runbook?".into()))?;
    let runbook = library::find(id, runbooks)?;
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    if args.dry_run {
        let plan = plan::plan(&runbook, &inv, args.rollback);
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&plan)?),
            Format::Human => print!("{}", plan::render_human(&plan)),
        }
        return Ok(0);
    }
    let site_state = crate::state::site_dir(state_dir, &inv.site);
    if args.status {
        return status(&runbook, &site_state, args);
    }
    let file = match &args.answers {
        Some(path) => AnswersFile::load(path)?,
        None => AnswersFile::default(),
    };
    let operator = args
        .operator
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .unwrap_or_else(|| format!("uid {}", unsafe_free_uid()));
    let human = Human::new(operator, args.yes, file);
    let options = RunOptions {
        from: args.from.clone(),
        only: args.only.clone(),
        rollback: args.rollback,
        break_lock: args.break_lock.clone(),
    };
    runner::run(&inv, &runbook, &site_state, &human, &options)
}

fn list(runbooks: Option<&Path>) -> Result<i32> {
    let mut t = table::new(&["runbook", "title", "stages", "steps"]);
    for id in library::ids(runbooks) {
        match library::find(&id, runbooks) {
            Ok(rb) => {
                let steps: usize = rb.stages.iter().map(|s| s.steps.len()).sum();
                t.add_row(vec![
                    rb.id.clone(),
                    rb.title.clone(),
                    rb.stages.len().to_string(),
                    steps.to_string(),
                ]);
            }
            Err(err) => {
                t.add_row(vec![
                    id,
                    format!("invalid: {err:#}"),
                    "-".into(),
                    "-".into(),
                ]);
            }
        }
    }
    println!("{t}");
    Ok(0)
}

/// Where the open run (or else the last one) stands, step by step.
fn status(runbook: &Runbook, site_state: &Path, args: &RunbookArgs) -> Result<i32> {
    let name = if args.rollback {
        format!("{}.rollback", runbook.id)
    } else {
        runbook.id.clone()
    };
    let dir = runs::runs_dir(site_state, &name);
    let run = match runs::open_run(&dir)? {
        Some(run) => Some(run),
        None => runs::journals(&dir)
            .last()
            .map(|p| Run::load(p))
            .transpose()?,
    };
    let Some(run) = run else {
        match args.format {
            Format::Json => println!("{}", json!({ "runbook": name, "run": null })),
            Format::Human => println!("`{name}` has never run on this site"),
        }
        return Ok(0);
    };
    let steps: Vec<_> = runbook
        .stages
        .iter()
        .flat_map(|s| {
            let steps = if args.rollback { &s.rollback } else { &s.steps };
            steps.iter().map(move |step| (s, step))
        })
        .map(|(stage, step)| {
            let (state, reason) = match run.steps.get(&step.id) {
                None => ("pending".to_string(), None),
                Some(StepState::Interrupted { .. }) => ("interrupted".to_string(), None),
                Some(StepState::Finished {
                    outcome, reason, ..
                }) => (format!("{outcome:?}").to_lowercase(), reason.clone()),
            };
            (
                stage.id.clone(),
                step.id.clone(),
                step.title.clone(),
                state,
                reason,
            )
        })
        .collect();
    let next = steps
        .iter()
        .find(|(_, id, ..)| !run.is_complete(id))
        .map(|(_, id, ..)| id.clone());
    match args.format {
        Format::Json => {
            let rows: Vec<_> = steps
                .iter()
                .map(|(stage, id, title, state, reason)| {
                    json!({ "stage": stage, "step": id, "title": title, "state": state, "reason": reason })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({
                    "runbook": name,
                    "run": run.run_id,
                    "operator": run.operator,
                    "started_at": run.started_at,
                    "finished": run.finished,
                    "next_step": next,
                    "steps": rows,
                    "journal": run.path,
                }))?
            );
        }
        Format::Human => {
            println!(
                "run {} of `{name}` started {} by {} — {}",
                run.run_id,
                run.started_at,
                run.operator,
                match (&next, run.finished) {
                    (_, true) => "finished".to_string(),
                    (Some(step), false) => format!("next: `{step}`"),
                    (None, false) => "all steps done".to_string(),
                }
            );
            let mut t = table::new(&["stage", "step", "state", "title"]);
            for (stage, id, title, state, reason) in &steps {
                let state = match reason {
                    Some(reason) => format!("{state}: {reason}"),
                    None => state.clone(),
                };
                t.add_row(vec![stage.clone(), id.clone(), state, title.clone()]);
            }
            println!("{t}");
        }
    }
    Ok(0)
}

/// The user id, for an operator name when the environment names nobody.
fn unsafe_free_uid() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|l| l.split_whitespace().next().map(str::to_string))
        })
        .and_then(|uid| uid.parse().ok())
        .unwrap_or(0)
}
