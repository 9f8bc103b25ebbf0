//! `--answers FILE`: what a rehearsal (or a technician who prepared the answers) gives in
//! advance — typed answers, evidence gates, overrides and UAT results.
//!
//! Gates are answered by name, one by one (`gates: { snapshot-tvox1: yes }`): a gate says
//! that something is true on the site (a snapshot taken, a machine off), so neither `--yes`
//! nor a wildcard may say it for every gate at once.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use serde::Deserialize;

use crate::exit_code::Exit;
use crate::runbook::answers::Answers;
use crate::runbook::model::{Kind, Runbook};
use crate::runbook::secret::is_secret_name;
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
        // A file that is not there is a usage error (exit 2), as a bad inventory is.
        let text = zeroize::Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            Exit::Usage(format!(
                "{}: {e}",
                t!("answers-unreadable", path = path.display().to_string())
            ))
        })?);
        let file: AnswersFile = crate::yaml::parse(path, &text)?;
        if let Some(warning) = file.exposed(path) {
            eprintln!("{warning}");
        }
        Ok(file)
    }

    /// A warning when the file holds secret answers and other users may read it: tvdr
    /// hides, masks and wipes them, and the file beside it should not give them away.
    fn exposed(&self, path: &Path) -> Option<String> {
        use std::os::unix::fs::PermissionsExt;
        let names: Vec<&str> = self
            .answers
            .iter()
            .map(|(name, _)| name)
            .filter(|name| is_secret_name(name))
            .collect();
        let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
        (!names.is_empty() && mode & 0o077 != 0).then(|| {
            t!(
                "answers-readable-by-others",
                path = path.display().to_string(),
                names = names.join(", "),
                mode = format!("{mode:04o}")
            )
        })
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

    /// Warnings for `answers:`, `overrides:` and `uat:` entries that name nothing in
    /// `runbook` (no question, step or UAT phase of that name, forward or rollback): a
    /// misspelt name leaves its question to be asked — or, without a terminal, the run to
    /// stop — hours in. Warnings, not errors: one answers file may serve several runbooks.
    pub fn unused(&self, runbook: &Runbook) -> Vec<String> {
        let steps: Vec<&crate::runbook::Step> = runbook
            .stages
            .iter()
            .flat_map(|s| s.steps.iter().chain(&s.rollback))
            .collect();
        let asked: Vec<&str> = steps
            .iter()
            .flat_map(|s| s.kind_asks())
            .map(|a| a.name.as_str())
            .collect();
        let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        let phases: Vec<&str> = steps
            .iter()
            .filter_map(|s| match &s.kind {
                Kind::Uat { phase } => Some(phase.as_str()),
                _ => None,
            })
            .collect();
        let mut said = Vec::new();
        let mut look = |section: &str, name: &str, known: &[&str]| {
            if !known.contains(&name) {
                let hint = crate::runbook::load::closest(name, known.iter().copied())
                    .map(|m| t!("answers-did-you-mean", name = m))
                    .unwrap_or_default();
                said.push(t!(
                    "answers-unused",
                    section = section,
                    name = name,
                    runbook = runbook.id.as_str(),
                    hint = hint
                ));
            }
        };
        for (name, _) in self.answers.iter() {
            look("answers", name, &asked);
        }
        for name in self.overrides.keys() {
            look("overrides", name, &ids);
        }
        for name in self.uat.keys() {
            look("uat", name, &phases);
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn secret_answers_in_a_file_others_can_read_are_warned_about() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.yaml");
        let with_mode = |text: &str, mode: u32| {
            std::fs::write(&path, text).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            AnswersFile::load(&path).unwrap().exposed(&path)
        };
        let secret = "answers: { db_password: Hunter2-s3cret, release: '22' }\n";
        let warning = with_mode(secret, 0o644).expect("a warning");
        assert!(
            warning.contains("db_password") && warning.contains("0644"),
            "{warning}"
        );
        assert!(
            !warning.contains("Hunter2") && !warning.contains("release"),
            "{warning}"
        );
        assert!(warning.contains("chmod 600"), "{warning}");
        assert_eq!(with_mode(secret, 0o600), None);
        assert_eq!(with_mode("answers: { release: '22' }\n", 0o644), None);
    }
}
