//! The runner: walks the stages and steps of a run in order, journals each step before
//! and after it runs, skips what is done, and stops cleanly on failure, abort, a missing
//! human or Ctrl-C — always leaving a journal that resumes.

use crate::output::term;
use crate::{msg, t};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, TryLockError};
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::Value;

use super::human::Human;
use super::journalled::{ask_secrets_again, journalled};
use super::kinds;
use super::opening::{self, open_journal, take_remote_lock};
use super::step::{StepCx, StepResult};
use super::takeover;
use super::{abandon, from, undecided};
use crate::exit_code::{self, Exit};
use crate::i18n::Said;
use crate::inventory::Inventory;
use crate::runbook::answers::Answers;
use crate::runbook::decided::Decided;
use crate::runbook::journal::{Outcome, Record};
use crate::runbook::lock::{self, Holder};
use crate::runbook::mirror::Mirror;
use crate::runbook::model::{Runbook, Step};
use crate::runbook::reason;
use crate::runbook::runs::{self, Run, StepState};
use crate::runbook::secret::Secrets;
use crate::time::Timestamp;
use crate::transport::{Fleet, TtySecrets};

pub use super::options::RunOptions;
use super::shared::{append, Shared};

/// The steps of this run in order, with their stage title.
fn plan<'a>(runbook: &'a Runbook, rollback_of: Option<&Run>) -> Vec<(&'a str, &'a Step)> {
    match rollback_of {
        None => runbook
            .stages
            .iter()
            .flat_map(|stage| stage.steps.iter().map(move |s| (stage.title.local(), s)))
            .collect(),
        // Undo the stages in which a step of the forward run actually ran, newest first
        // (a stage whose steps were all skipped changed nothing to undo).
        Some(forward) => runbook
            .stages
            .iter()
            .rev()
            .filter(|stage| stage.steps.iter().any(|s| forward.ran(&s.id)))
            .flat_map(|stage| stage.rollback.iter().map(move |s| (stage.title.local(), s)))
            .collect(),
    }
}

pub fn run(
    inventory: &Inventory,
    runbook: &Runbook,
    site_state: &Path,
    human: &Human,
    options: &RunOptions,
) -> Result<i32> {
    let name = if options.rollback {
        format!("{}.rollback", runbook.id)
    } else {
        runbook.id.clone()
    };
    let dir = runs::runs_dir(site_state, &name);
    let fleet = Fleet::new(
        inventory.nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(TtySecrets),
    );
    let mirror_nodes: Vec<String> = inventory
        .nodes
        .iter()
        .map(|n| n.name.as_str().to_string())
        .collect();
    let mirror_name = lock::remote_name(&inventory.site, &name);
    let open = runs::open_run(&dir)?;
    let mut open = match abandon::before_run(inventory, &runbook.id, &name, open, human, options)? {
        abandon::Next::Run(open) => open.map(|run| *run),
        abandon::Next::Done => return Ok(exit_code::OK),
    };
    let forward = if options.rollback {
        let dir = runs::runs_dir(site_state, &runbook.id);
        match runs::journals(&dir).last() {
            Some(path) => Some(Run::load(path)?),
            None => {
                return Err(Exit::Usage(t!(
                    "run-nothing-to-roll-back",
                    runbook = runbook.id.as_str()
                ))
                .into())
            }
        }
    } else {
        None
    };
    let steps = plan(runbook, forward.as_ref());
    // The steps this run walks, to tell a run that lacks only its end (`--only` walks one
    // step and never ends a run).
    let planned: Vec<&str> = match options.only {
        Some(_) => Vec::new(),
        None => steps.iter().map(|(_, s)| s.id.as_str()).collect(),
    };
    let mut taken_over = false;
    if open.is_none() && !options.new {
        // Not open here: perhaps on another laptop, whose journal the cluster mirrors.
        if let Some(path) = takeover::offer(
            &fleet,
            &mirror_nodes,
            &mirror_name,
            &dir,
            human,
            options.take_over,
            &planned,
        )? {
            open = Some(Run::load(&path)?);
            taken_over = true;
        }
    }
    let run_id = open
        .as_ref()
        .map(|r| r.run_id.clone())
        .unwrap_or_else(runs::new_run_id);
    let holder = Holder::new(&run_id, &human.operator);
    crate::state::private::create_dir(&dir)?;
    let _local = lock::lock_local(&dir, &holder)?;
    if steps.is_empty() {
        eprintln!("{}", t!("run-nothing-to-do", name = &name));
        return Ok(exit_code::OK);
    }
    for wanted in [&options.from, &options.only].into_iter().flatten() {
        if !steps.iter().any(|(_, s)| &s.id == wanted) {
            return Err(Exit::Usage(t!(
                "run-no-such-step",
                name = name.as_str(),
                step = wanted.as_str()
            ))
            .into());
        }
    }
    human.file.check_gates(runbook)?;
    for warning in human.file.unused(runbook) {
        eprintln!("{warning}");
    }
    if let Some(from_step) = &options.from {
        from::confirm(&steps, from_step, open.as_ref(), human)?;
    }

    if let Some(run) = &open {
        if !planned.is_empty() && planned.iter().all(|s| run.is_complete(s)) {
            // Only its end is missing: nothing of the runbook will run, changed or not.
            // (A run just taken over from the cluster was said so already.)
            if !taken_over {
                eprintln!("{}", t!("open-closing", run = run.run_id.as_str()));
            }
        } else {
            opening::consent_to_changes(runbook, run, human)?;
        }
    }
    let (mut journal, mut state) =
        open_journal(inventory, runbook, &dir, &run_id, open, human, options)?;
    ask_secrets_again(runbook, &mut state, human)?;
    // Decisions about the whole run (resume a changed runbook, `--from`, secrets asked
    // again), now that there is a journal to keep them.
    for decided in human.take_decided() {
        journal.append(&Record::Decided {
            decided,
            at: Timestamp::now(),
        })?;
    }
    // A rollback's texts and conditions may name what the forward run was told (the
    // snapshot to restore): its answers are known here, this run's own come on top.
    if let Some(forward) = &forward {
        for (name, value) in forward.answers.iter() {
            if !state.answers.contains_key(name) {
                state.answers.insert(name.to_string(), value.to_string());
            }
        }
    }
    let journal_path = journal.path().to_path_buf();
    let shared: Shared = Arc::new(Mutex::new((journal, None)));
    install_interrupt(&shared);
    // The mirror first: a run that went on elsewhere (taken over) stops before it touches
    // the lock its new holder has.
    let mut mirror = Mirror::new(&fleet, mirror_nodes, &mirror_name, &run_id);
    mirrored(&mut mirror, &journal_path)?;
    let lock_nodes = take_remote_lock(inventory, &fleet, &runbook.id, &holder, &shared, options)?;
    crate::runbook::preflight::tell(runbook, inventory, &fleet);

    let total = steps.len();
    let started_all = Instant::now();
    let mut reached_from = options.from.is_none();
    for (n, (stage, step)) in steps.iter().enumerate() {
        if options.from.as_ref() == Some(&step.id) {
            reached_from = true;
        }
        if let Some(only) = &options.only {
            if only != &step.id {
                continue;
            }
        } else if state.is_complete(&step.id) {
            eprintln!(
                "[{}/{total}] {} {} ({})",
                n + 1,
                mark(&state, &step.id),
                step.title,
                t!("run-done-earlier")
            );
            continue;
        }
        if !reached_from {
            finish(
                &shared,
                step,
                StepResult::skipped(msg!(
                    "reason-before-from",
                    step = options.from.as_deref().unwrap_or_default()
                )),
                0.0,
            )?;
            mirrored(&mut mirror, &journal_path)?;
            continue;
        }
        eprintln!(
            "\n[{}/{total}] {stage} › {} ({})",
            n + 1,
            step.title,
            step.kind.name()
        );
        if let Some(text) = &step.instructions {
            let facts = crate::runbook::facts::Facts {
                inventory,
                answers: &state.answers,
            };
            for line in crate::runbook::template::show(text.local(), &facts)
                .trim_end()
                .lines()
            {
                eprintln!("  {line}");
            }
        }
        let decided = {
            let facts = crate::runbook::facts::Facts {
                inventory,
                answers: &state.answers,
            };
            step.when.as_ref().map(|c| c.eval(&facts))
        };
        match decided {
            Some(Some(false)) => {
                let why = msg!("reason-condition-false");
                eprintln!("  - {}", t!("run-skipped", why = why.shown()));
                finish(&shared, step, StepResult::skipped(why), 0.0)?;
                mirrored(&mut mirror, &journal_path)?;
                continue;
            }
            Some(None) => {
                let facts = crate::runbook::facts::Facts {
                    inventory,
                    answers: &state.answers,
                };
                let why = undecided::why(runbook, step, &facts, &resume_command(runbook, options));
                let (reason, reason_it) = reason::recorded(Some(&why.msg()));
                append(
                    &shared,
                    &Record::Interrupted {
                        step: Some(step.id.clone()),
                        reason,
                        reason_it,
                        at: Timestamp::now(),
                    },
                )?;
                return Err(Exit::NeedsHuman(why.shown).into());
            }
            Some(Some(true)) | None => {}
        }
        let reentered = matches!(
            state.steps.get(&step.id),
            Some(StepState::Interrupted { .. })
        );
        super::room::ensure(&dir, &step.id)?;
        {
            // Journalled and noted as current under one lock: a Ctrl-C between the two would
            // record an interruption that names no step.
            let mut guard = shared.lock().unwrap_or_else(|e| e.into_inner());
            guard.0.append(&Record::StepStarted {
                step: step.id.clone(),
                at: Timestamp::now(),
            })?;
            guard.1 = Some(step.id.clone());
        }
        mirrored(&mut mirror, &journal_path)?;
        // Every step tries the nodes that failed earlier again (they may be back).
        fleet.forget_failures();
        let cx = StepCx {
            inventory,
            fleet: &fleet,
            step,
            answers: &state.answers,
            human,
            state_dir: site_state,
            run_id: &run_id,
            reentered,
            failed_before: matches!(
                state.steps.get(&step.id),
                Some(StepState::Finished {
                    outcome: Outcome::Failed | Outcome::Aborted,
                    ..
                })
            ),
            uat: runbook.uat.as_deref(),
            journal: Some(&journal_path),
            forward_journal: forward.as_ref().map(|run| run.path.as_path()),
        };
        let began = Instant::now();
        let result = kinds::execute(&cx);
        let seconds = began.elapsed().as_secs_f64();
        let decided = human.take_decided();
        let result = match result {
            Ok(result) => result,
            Err(err) => {
                let code = stop(&shared, step, err, seconds, decided, &state.answers);
                // Best effort: the node may be what failed.
                let _ = mirror.sync(&journal_path);
                return code;
            }
        };
        if let Some(answers) = result.evidence.get("answers").and_then(Value::as_object) {
            for (k, v) in answers {
                if let Some(v) = v.as_str() {
                    state.answers.insert(k.clone(), v.to_string());
                }
            }
        }
        let result = journalled(result, decided, &state.answers);
        let outcome = result.outcome;
        let reason = result.reason.clone();
        finish(&shared, step, result, seconds)?;
        mirrored(&mut mirror, &journal_path)?;
        shared.lock().unwrap_or_else(|e| e.into_inner()).1 = None;
        state.steps.insert(
            step.id.clone(),
            StepState::Finished {
                outcome,
                reason: reason.clone(),
                at: Timestamp::now(),
            },
        );
        match outcome {
            Outcome::Failed => {
                eprintln!(
                    "\n{}",
                    t!(
                        "run-stopped",
                        step = &step.id,
                        reason = reason.as_ref().map_or("", |r| r.shown()),
                        command = resume_command(runbook, options)
                    )
                );
                return Ok(exit_code::FAILED);
            }
            Outcome::Overridden => eprintln!(
                "  ! {}",
                t!(
                    "run-overridden",
                    reason = reason.as_ref().map_or("", |r| r.shown())
                )
            ),
            _ => eprintln!("  {} {}", term::plain(outcome.mark()), step.title),
        }
    }
    if options.only.is_some() {
        return Ok(exit_code::OK);
    }
    // The lock goes first: killed in between, the run is still open and its resume
    // finishes it; the other way round, a finished run would hold the cluster's lock.
    opening::release(
        &fleet,
        &lock_nodes,
        &lock::remote_name(&inventory.site, &runbook.id),
    );
    append(
        &shared,
        &Record::RunFinished {
            at: Timestamp::now(),
        },
    )?;
    let _ = mirror.sync(&journal_path);
    prune_receipts(&fleet, inventory);
    let took = crate::time::duration::format(std::time::Duration::from_secs(
        started_all.elapsed().as_secs(),
    ));
    eprintln!(
        "\n{}",
        t!(
            "run-finished",
            name = &name,
            steps = total,
            took = took.to_string()
        )
    );
    Ok(exit_code::OK)
}

/// A run's end prunes the receipts of runs older than the inventory's
/// `retention.receipts` on every node that answers (best effort: the next run does it);
/// its own stay that long, for the report and whoever looks.
fn prune_receipts(fleet: &Fleet, inventory: &Inventory) {
    let minutes = u32::try_from(inventory.receipts_kept.as_secs() / 60).unwrap_or(u32::MAX);
    for node in &inventory.nodes {
        let node = node.name.as_str();
        if fleet.known_down(node) {
            continue;
        }
        let _ = fleet.with(node, |t| Ok(crate::runbook::receipt::prune(t, minutes)));
    }
}

/// Mirrors the journal on the cluster; a run taken over elsewhere stops here.
fn mirrored(mirror: &mut Mirror, journal: &Path) -> Result<()> {
    mirror
        .sync(journal)
        .map_err(|taken| Exit::Aborted(taken.to_string()).into())
}

fn mark(run: &Run, step: &str) -> &'static str {
    match run.steps.get(step) {
        Some(StepState::Finished { outcome, .. }) => outcome.mark(),
        _ => " ",
    }
}

fn finish(shared: &Shared, step: &Step, result: StepResult, seconds: f64) -> Result<()> {
    let (reason, reason_it) = reason::recorded(result.reason.as_ref());
    append(
        shared,
        &Record::StepFinished {
            step: step.id.clone(),
            outcome: result.outcome,
            reason,
            reason_it,
            evidence: Value::Object(result.evidence),
            at: Timestamp::now(),
            seconds,
        },
    )
}

/// The command that resumes this run.
fn resume_command(runbook: &Runbook, options: &RunOptions) -> String {
    format!(
        "tvdr runbook {}{}",
        runbook.id,
        if options.rollback { " --rollback" } else { "" }
    )
}

/// A step ended in an error: record what it means (and who decided, when someone did)
/// and turn it into the exit code.
fn stop(
    shared: &Shared,
    step: &Step,
    err: anyhow::Error,
    seconds: f64,
    decided: Vec<Decided>,
    answers: &Answers,
) -> Result<i32> {
    let code = exit_code::for_error(&err);
    // An error raised in the chosen language is journalled in English, its words as the
    // terminal showed them beside (the report in that language shows them).
    let secrets = Secrets::of(answers.iter());
    let said = Said {
        shown: secrets.mask(&crate::error_text::shown(&err)),
        recorded: secrets.mask(&crate::i18n::for_journal(&format!("{err:#}"))),
    };
    let message = said.msg();
    match code {
        exit_code::ABORTED => finish(
            shared,
            step,
            journalled(
                StepResult {
                    outcome: Outcome::Aborted,
                    reason: Some(message),
                    evidence: Default::default(),
                },
                decided,
                answers,
            ),
            seconds,
        )?,
        exit_code::NEEDS_HUMAN | exit_code::INTERRUPTED => append(
            shared,
            &Record::Interrupted {
                step: Some(step.id.clone()),
                reason: (code == exit_code::NEEDS_HUMAN).then(|| message.en().to_string()),
                reason_it: (code == exit_code::NEEDS_HUMAN)
                    .then(|| reason::recorded(Some(&message)).1)
                    .flatten(),
                at: Timestamp::now(),
            },
        )?,
        _ => finish(
            shared,
            step,
            journalled(
                StepResult::failed(message, Default::default()),
                decided,
                answers,
            ),
            seconds,
        )?,
    }
    Err(err)
}

/// Ctrl-C (or a standard output closed under the run): record which step was interrupted
/// and say so; [`interrupt`](crate::interrupt) then restores the terminal and exits. The
/// Ctrl-C handler runs on its own thread (ctrlc); a closed output is found on the thread
/// that printed, which never prints while holding the journal: the wait for the lock is
/// still bounded, so that no path can hang tvdr on its way out (the journal then reads as
/// after a kill, which resumes as well).
fn install_interrupt(shared: &Shared) {
    let shared = Arc::clone(shared);
    crate::interrupt::first(move || {
        let deadline = Instant::now() + Duration::from_secs(5);
        let guard = loop {
            match shared.try_lock() {
                Ok(guard) => break Some(guard),
                Err(TryLockError::Poisoned(poisoned)) => break Some(poisoned.into_inner()),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => break None,
            }
        };
        if let Some(mut guard) = guard {
            let step = guard.1.clone();
            let _ = guard.0.append(&Record::Interrupted {
                step,
                reason: None,
                reason_it: None,
                at: Timestamp::now(),
            });
        }
        // Not `eprintln!`: standard error may be the output that closed.
        let _ = writeln!(std::io::stderr(), "\n{}", t!("run-interrupted"));
    });
}
