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
        let text = zeroize::Zeroizing::new(
            std::fs::read_to_string(path)
                .with_context(|| t!("answers-unreadable", path = path.display().to_string()))?,
        );
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
