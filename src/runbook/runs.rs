//! Runs on disk: where their journals live, which one is open, and what a journal says
//! about each step (folding its records).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::journal::{self, Outcome, Record};
use super::time::Timestamp;

/// `<state>/<site>/<runbook>/`: one journal per run, named by its sortable run id.
pub fn runs_dir(site_state: &Path, runbook: &str) -> PathBuf {
    site_state.join("runs").join(runbook)
}

/// A new run id: UTC start time (sortable) and the process id (unique on this machine).
pub fn new_run_id() -> String {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let compact: String = now.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("{compact}-{}", std::process::id())
}

/// Every run journal of a runbook, oldest first.
pub fn journals(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    paths
}

/// Where one step stands.
#[derive(Debug, Clone, PartialEq)]
pub enum StepState {
    /// Started and never finished: tvdr died or was stopped inside it.
    Interrupted { at: Timestamp },
    Finished {
        outcome: Outcome,
        reason: Option<String>,
        at: Timestamp,
    },
}

/// What a journal says.
#[derive(Debug, Clone)]
pub struct Run {
    pub path: PathBuf,
    pub run_id: String,
    pub operator: String,
    pub started_at: Timestamp,
    pub runbook_hash: String,
    pub step_fingerprints: BTreeMap<String, String>,
    pub rollback: bool,
    pub steps: BTreeMap<String, StepState>,
    /// Every answer given so far, by name.
    pub answers: BTreeMap<String, String>,
    pub finished: bool,
    pub records: Vec<Record>,
}

impl Run {
    pub fn load(path: &Path) -> Result<Run> {
        let records = journal::read(path)?;
        Ok(fold(path, records))
    }

    /// Is `step` done (or skipped, or overridden): not to be run again?
    pub fn is_complete(&self, step: &str) -> bool {
        matches!(self.steps.get(step), Some(StepState::Finished { outcome, .. }) if outcome.is_complete())
    }
}

pub fn fold(path: &Path, records: Vec<Record>) -> Run {
    let mut run = Run {
        path: path.to_path_buf(),
        run_id: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        operator: String::new(),
        started_at: Timestamp(std::time::SystemTime::UNIX_EPOCH),
        runbook_hash: String::new(),
        step_fingerprints: BTreeMap::new(),
        rollback: false,
        steps: BTreeMap::new(),
        answers: BTreeMap::new(),
        finished: false,
        records: Vec::new(),
    };
    for record in &records {
        match record {
            Record::RunStarted {
                run_id,
                operator,
                at,
                runbook_hash,
                steps,
                rollback,
                ..
            } => {
                run.run_id = run_id.clone();
                run.operator = operator.clone();
                run.started_at = *at;
                run.runbook_hash = runbook_hash.clone();
                run.step_fingerprints = steps.clone();
                run.rollback = *rollback;
            }
            Record::StepStarted { step, at } => {
                run.steps
                    .insert(step.clone(), StepState::Interrupted { at: *at });
            }
            Record::StepFinished {
                step,
                outcome,
                reason,
                evidence,
                at,
                ..
            } => {
                if let Some(answers) = evidence.get("answers").and_then(|a| a.as_object()) {
                    for (name, value) in answers {
                        if let Some(value) = value.as_str() {
                            run.answers.insert(name.clone(), value.to_string());
                        }
                    }
                }
                run.steps.insert(
                    step.clone(),
                    StepState::Finished {
                        outcome: *outcome,
                        reason: reason.clone(),
                        at: *at,
                    },
                );
            }
            Record::RunFinished { .. } => run.finished = true,
            Record::Resumed { .. }
            | Record::Interrupted { .. }
            | Record::LockBroken { .. }
            | Record::TakenOver { .. } => {}
        }
    }
    run.records = records;
    run
}

/// The newest run of this runbook that has not finished, if any.
pub fn open_run(dir: &Path) -> Result<Option<Run>> {
    for path in journals(dir).into_iter().rev() {
        let run = Run::load(&path)?;
        if !run.finished {
            return Ok(Some(run));
        }
    }
    Ok(None)
}
