//! `tvdr runbook ID`: start or resume a run, or show its plan (`--dry-run`), where it
//! stands (`--status`), its report (`--report`), or the list of runbooks (`--list`).

use crate::t;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::json;

use crate::cli::{Format, RunbookArgs, RunbookFormat};
use crate::exit_code::Exit;
use crate::inventory::{self, Inventory};
use crate::output::table;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::runner::{self, RunOptions};
use crate::runbook::runs::{self, Run, StepState};
use crate::runbook::{journal, library, plan, report, Runbook};

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
        .ok_or_else(|| Exit::Usage(t!("runbook-which")))?;
    let runbook = library::find(id, runbooks)?;
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    if args.dry_run {
        // A rehearsal in CI with the run's answers file finds what the run would refuse
        // (a file that does not parse, a gate the runbook lacks) or not use.
        if let Some(path) = &args.answers {
            let file = AnswersFile::load(path)?;
            file.check_gates(&runbook)?;
            for warning in file.unused(&runbook) {
                eprintln!("{warning}");
            }
        }
        let plan = plan::plan(&runbook, &inv, args.rollback);
        match text_format(args.format, "--dry-run")? {
            Format::Json => println!("{}", serde_json::to_string_pretty(&plan)?),
            Format::Human => print!("{}", crate::output::term::plain(&plan::render_human(&plan))),
        }
        return Ok(0);
    }
    let site_state = crate::state::site_dir(state_dir, &inv.site);
    if args.status {
        return status(&runbook, &site_state, args);
    }
    if let Some(run) = &args.report {
        return write_report(&runbook, &inv, &site_state, run.as_deref(), args);
    }
    // 0700 before anything is written there: journals name addresses and answers.
    crate::state::private::create_dir(&site_state)?;
    let file = match &args.answers {
        Some(path) => AnswersFile::load(path)?,
        None => AnswersFile::default(),
    };
    let operator = super::operator::operator(args.operator.as_deref());
    let human = Human::new(operator, args.yes, file);
    let options = RunOptions {
        from: args.from.clone(),
        only: args.only.clone(),
        rollback: args.rollback,
        break_lock: args.break_lock.clone(),
        take_over: args.take_over,
        abandon: args.abandon.clone(),
        new: args.new,
    };
    runner::run(&inv, &runbook, &site_state, &human, &options)
}

fn list(runbooks: Option<&Path>) -> Result<i32> {
    let headings = [
        t!("list-col-runbook"),
        t!("list-col-title"),
        t!("list-col-stages"),
        t!("list-col-steps"),
    ];
    let mut t = table::new(&[&headings[0], &headings[1], &headings[2], &headings[3]]);
    for id in library::ids(runbooks)? {
        match library::find(&id, runbooks) {
            Ok(rb) => {
                let steps: usize = rb.stages.iter().map(|s| s.steps.len()).sum();
                t.add_row(vec![
                    rb.id.clone(),
                    rb.title.to_string(),
                    rb.stages.len().to_string(),
                    steps.to_string(),
                ]);
            }
            Err(err) => {
                t.add_row(vec![
                    id,
                    t!("runbook-invalid", error = format!("{err:#}")),
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
    let format = text_format(args.format, "--status")?;
    let Some(run) = run else {
        match format {
            Format::Json => println!("{}", json!({ "runbook": name, "run": null })),
            Format::Human => println!("{}", t!("runbook-never-ran", runbook = name.as_str())),
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
    match format {
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
                    "abandoned": run.abandoned,
                    "next_step": next,
                    "steps": rows,
                    "journal": run.path,
                }))?
            );
        }
        Format::Human => {
            println!(
                "{}",
                t!(
                    "runbook-status-line",
                    run = run.run_id.as_str(),
                    runbook = name.as_str(),
                    started = run.started_at.to_string(),
                    operator = run.operator.as_str(),
                    standing = match (&next, run.finished) {
                        (_, true) => t!("runbook-status-finished"),
                        _ if run.abandoned.is_some() => t!(
                            "runbook-status-abandoned",
                            reason = run.abandoned.as_deref().unwrap_or_default()
                        ),
                        (Some(step), false) => t!("runbook-status-next", step = step.as_str()),
                        (None, false) => t!("runbook-status-all-done"),
                    }
                )
            );
            let headings = [
                t!("status-col-stage"),
                t!("status-col-step"),
                t!("status-col-state"),
                t!("list-col-title"),
            ];
            let mut t = table::new(&[&headings[0], &headings[1], &headings[2], &headings[3]]);
            for (stage, id, title, state, reason) in &steps {
                // The journal's neutral word, in the reader's language.
                let state = match state.as_str() {
                    "pending" => t!("runbook-state-pending"),
                    "interrupted" => t!("report-step-interrupted"),
                    "done" => t!("report-outcome-done"),
                    "skipped" => t!("report-outcome-skipped"),
                    "overridden" => t!("report-outcome-overridden"),
                    "failed" => t!("report-outcome-failed"),
                    "aborted" => t!("report-outcome-aborted"),
                    other => other.to_string(),
                };
                let state = match reason {
                    Some(reason) => format!("{state}: {}", reason.shown()),
                    None => state.clone(),
                };
                t.add_row(vec![stage.clone(), id.clone(), state, title.to_string()]);
            }
            println!("{t}");
        }
    }
    Ok(0)
}

/// The plan's and the status's format: the report's formats mean nothing there.
fn text_format(format: RunbookFormat, what: &str) -> Result<Format> {
    match format {
        RunbookFormat::Human => Ok(Format::Human),
        RunbookFormat::Json => Ok(Format::Json),
        RunbookFormat::Markdown | RunbookFormat::Html => {
            Err(Exit::Usage(t!("runbook-text-format", what = what)).into())
        }
    }
}

/// `--report [RUN]`: the report of a run (the open one, else the last) as Markdown or a
/// self-contained HTML page, to standard output or `--output FILE`. Reading the journal is
/// all it does: no node is asked.
fn write_report(
    runbook: &Runbook,
    inv: &Inventory,
    site_state: &Path,
    wanted: Option<&str>,
    args: &RunbookArgs,
) -> Result<i32> {
    // Left unsaid, the format follows the file's name: a page asked for by its name.
    let html_file = args
        .output
        .as_deref()
        .and_then(Path::extension)
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let render = match args.format {
        RunbookFormat::Human if html_file => report::html::render,
        RunbookFormat::Human | RunbookFormat::Markdown => report::render,
        RunbookFormat::Html => report::html::render,
        RunbookFormat::Json => return Err(Exit::Usage(t!("runbook-report-format")).into()),
    };
    let name = if args.rollback {
        format!("{}.rollback", runbook.id)
    } else {
        runbook.id.clone()
    };
    let dir = runs::runs_dir(site_state, &name);
    let journals = runs::journals(&dir);
    let path = match wanted {
        Some(id) => pick_run(&journals, id, &name)?,
        None => match runs::open_run(&dir)? {
            Some(run) => run.path,
            None => journals.last().cloned().ok_or_else(|| {
                Exit::Usage(t!("runbook-nothing-to-report", runbook = name.as_str()))
            })?,
        },
    };
    let records = journal::read(&path)?;
    let text = render(&records, runbook, &report::Site::of(inv));
    match &args.output {
        Some(file) => {
            // 0600: a report names the site's addresses and every answer given.
            crate::state::private::write(file, text.as_bytes()).with_context(|| {
                t!(
                    "runbook-report-unwritable",
                    file = file.display().to_string()
                )
            })?;
            eprintln!(
                "{}",
                t!(
                    "runbook-report-written",
                    journal = path.display().to_string(),
                    file = file.display().to_string()
                )
            );
        }
        None => print!("{text}"),
    }
    Ok(0)
}

/// The journal of run `id`, or of the one run whose id starts with it.
fn pick_run(journals: &[std::path::PathBuf], id: &str, name: &str) -> Result<std::path::PathBuf> {
    let stem = |p: &std::path::PathBuf| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let matching: Vec<_> = journals
        .iter()
        .filter(|p| stem(p).is_some_and(|s| s.starts_with(id)))
        .collect();
    if let Some(exact) = matching.iter().find(|p| stem(p).as_deref() == Some(id)) {
        return Ok((*exact).clone());
    }
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        _ => {
            let ids: Vec<String> = journals.iter().filter_map(stem).collect();
            let runs = if ids.is_empty() {
                t!("runbook-runs-none")
            } else {
                ids.join(", ")
            };
            let message = if matching.is_empty() {
                t!("runbook-no-such-run", runbook = name, run = id, runs = runs)
            } else {
                t!(
                    "runbook-ambiguous-run",
                    runbook = name,
                    run = id,
                    runs = runs
                )
            };
            Err(Exit::Usage(message).into())
        }
    }
}
