//! `--answers FILE`: what a rehearsal (or a technician who prepared the answers) gives in
//! advance — typed answers, evidence gates, overrides and UAT results.
//!
//! Gates are answered by name, one by one (`gates: { snapshot-tvox1: yes }`): a gate says
//! that something is true on the site (a snapshot taken, a machine off), so neither `--yes`
//! nor a wildcard may say it for every gate at once.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::exit_code::Exit;
use crate::runbook::answers::Answers;
use crate::runbook::model::{Kind, Runbook};
use crate::t;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Answers by question name (wiped from memory when dropped).
    #[serde(default)]
    pub answers: Answers,
    /// Evidence gates by step id: `yes` (it is true, go on) or `no` (stop the run).
    #[serde(default)]
    pub gates: BTreeMap<String, Gate>,
    /// Steps whose failure is accepted, with the written reason.
    #[serde(default)]
    pub overrides: BTreeMap<String, String>,
    /// UAT results: phase → case id → `pass`, `fail` or `skip` (`*` for every case).
    #[serde(default)]
    pub uat: BTreeMap<String, BTreeMap<String, String>>,
}

/// The answer to a gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Gate {
    pub passed: bool,
}

impl TryFrom<String> for Gate {
    type Error = String;

    fn try_from(text: String) -> Result<Gate, String> {
        match text.to_ascii_lowercase().as_str() {
            "yes" | "true" => Ok(Gate { passed: true }),
            "no" | "false" => Ok(Gate { passed: false }),
            _ => Err(t!("answers-gate-yes-no", text = text.as_str())),
        }
    }
}

impl AnswersFile {
    pub fn load(path: &Path) -> Result<AnswersFile> {
        // The file's text holds the answers too: wiped with them.
        let text = zeroize::Zeroizing::new(
            std::fs::read_to_string(path)
                .with_context(|| t!("answers-unreadable", path = path.display().to_string()))?,
        );
        Ok(crate::yaml::parse(path, &text)?)
    }

    /// Every `gates:` entry must name a gate of `runbook` (its forward or rollback steps):
    /// a misspelt id would otherwise leave the real gate unanswered, found only hours
    /// into the run.
    pub fn check_gates(&self, runbook: &Runbook) -> Result<()> {
        let gates: Vec<&str> = runbook
            .stages
            .iter()
            .flat_map(|s| s.steps.iter().chain(&s.rollback))
            .filter(|s| matches!(s.kind, Kind::Gate { .. }))
            .map(|s| s.id.as_str())
            .collect();
        for id in self.gates.keys() {
            if !gates.contains(&id.as_str()) {
                let hint = crate::runbook::load::closest(id, gates.iter().copied())
                    .map(|m| t!("answers-did-you-mean", name = m))
                    .unwrap_or_default();
                return Err(Exit::Usage(t!(
                    "answers-no-such-gate",
                    gate = id.as_str(),
                    runbook = runbook.id.as_str(),
                    hint = hint
                ))
                .into());
            }
        }
        Ok(())
    }
}
