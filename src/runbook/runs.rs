//! Runs on disk: where their journals live, which one is open, and what a journal says
//! about each step (folding its records).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::answers::Answers;
use super::journal::{self, Outcome, Record};
use super::secret::MASK;
use crate::i18n::Msg;
use crate::time::Timestamp;

/// `<state>/<site>/<runbook>/`: one journal per run, named by its sortable run id.
pub fn runs_dir(site_state: &Path, runbook: &str) -> PathBuf {
    site_state.join("runs").join(runbook)
}

/// A new run id: UTC start time (sortable) and the process id (unique on this machine).
pub fn new_run_id() -> String {
    let now = crate::time::rfc3339::format_seconds(std::time::SystemTime::now());
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
        /// In English and, where the journal has it, Italian.
        reason: Option<Msg>,
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
    /// Every answer given so far, by name (secret ones are masked in the journal: they
    /// are not here, but in `masked`).
    pub answers: Answers,
    /// Answers given but journalled masked (named like a secret).
    pub masked: BTreeSet<String>,
    pub finished: bool,
    /// Given up with this reason (`--abandon`): closed, never resumed.
    pub abandoned: Option<String>,
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

    /// Did `step` actually run: it started, and did not end skipped (a step skipped by its
    /// condition or by `--from` never started; one the technician chose not to run again
    /// started and ended skipped)? This is what a rollback undoes.
    pub fn ran(&self, step: &str) -> bool {
        let started = self
            .records
            .iter()
            .any(|r| matches!(r, Record::StepStarted { step: s, .. } if s == step));
        let skipped = matches!(
            self.steps.get(step),
            Some(StepState::Finished {
                outcome: Outcome::Skipped,
                ..
            })
        );
        started && !skipped
    }

    /// Closed: finished or abandoned. Only an open run is resumed.
    pub fn closed(&self) -> bool {
        self.finished || self.abandoned.is_some()
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
        answers: Answers::default(),
        masked: BTreeSet::new(),
        finished: false,
        abandoned: None,
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
                reason_it,
                evidence,
                at,
                ..
            } => {
                if let Some(answers) = evidence.get("answers").and_then(|a| a.as_object()) {
                    for (name, value) in answers {
                        match value.as_str() {
                            Some(MASK) => {
                                run.masked.insert(name.clone());
                            }
                            Some(value) => {
                                run.answers.insert(name.clone(), value.to_string());
                            }
                            None => {}
                        }
                    }
                }
                run.steps.insert(
                    step.clone(),
                    StepState::Finished {
                        outcome: *outcome,
                        reason: reason
                            .as_deref()
                            .map(|en| super::reason::read(en, reason_it.as_deref())),
                        at: *at,
                    },
                );
            }
            Record::RunFinished { .. } => run.finished = true,
            Record::Abandoned { reason, .. } => run.abandoned = Some(reason.clone()),
            Record::Resumed { .. }
            | Record::Interrupted { .. }
            | Record::LockBroken { .. }
            | Record::TakenOver { .. }
            | Record::Decided { .. } => {}
        }
    }
    run.records = records;
    run
}

/// The newest run of this runbook that has not finished nor been abandoned, if any.
pub fn open_run(dir: &Path) -> Result<Option<Run>> {
    for path in journals(dir).into_iter().rev() {
        let run = Run::load(&path)?;
        if !run.closed() {
            return Ok(Some(run));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at() -> Timestamp {
        Timestamp(std::time::SystemTime::UNIX_EPOCH)
    }

    fn started(step: &str) -> Record {
        Record::StepStarted {
            step: step.into(),
            at: at(),
        }
    }

    fn finished(step: &str, outcome: Outcome, evidence: serde_json::Value) -> Record {
        Record::StepFinished {
            step: step.into(),
            outcome,
            reason: None,
            reason_it: None,
            evidence,
            at: at(),
            seconds: 0.0,
        }
    }

    #[test]
    fn a_step_ran_only_if_it_started_and_did_not_end_skipped() {
        let run = fold(
            Path::new("r.jsonl"),
            vec![
                started("done"),
                finished("done", Outcome::Done, json!({})),
                finished("by-condition", Outcome::Skipped, json!({})),
                started("declined"),
                finished("declined", Outcome::Skipped, json!({})),
                started("killed"),
                started("failed"),
                finished("failed", Outcome::Failed, json!({})),
            ],
        );
        assert!(run.ran("done") && run.ran("killed") && run.ran("failed"));
        assert!(!run.ran("by-condition") && !run.ran("declined") && !run.ran("never"));
    }

    #[test]
    fn a_masked_answer_is_known_as_masked_not_as_its_mask() {
        let run = fold(
            Path::new("r.jsonl"),
            vec![finished(
                "ask",
                Outcome::Done,
                json!({ "answers": { "db_password": MASK, "release": "22" } }),
            )],
        );
        assert_eq!(run.answers.get("release"), Some("22"));
        assert!(!run.answers.contains_key("db_password"));
        assert!(run.masked.contains("db_password"));
    }

    #[test]
    fn an_abandoned_run_is_closed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("20260101T000000Z-1.jsonl");
        let mut journal = journal::Journal::create(&path).unwrap();
        journal.append(&started("a")).unwrap();
        assert!(open_run(dir.path()).unwrap().is_some());
        journal
            .append(&Record::Abandoned {
                reason: "wrong site".into(),
                operator: "tech-a".into(),
                host: "laptop".into(),
                at: at(),
            })
            .unwrap();
        assert!(open_run(dir.path()).unwrap().is_none());
        assert_eq!(
            Run::load(&path).unwrap().abandoned.as_deref(),
            Some("wrong site")
        );
    }
}
