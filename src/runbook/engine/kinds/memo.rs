//! A step's own notes in the state directory, written *before* it acts on a node: which
//! node it chose, what it started there and when. A step re-entered after tvdr died (or a
//! standalone subcommand run again) reads them to pick up its work instead of repeating
//! it — the journal only says the step started, not what it had done.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// One start of a long command in GNU screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub session: String,
    pub log: String,
    pub started_at: Timestamp,
    /// Set once the session ended and its log was judged.
    #[serde(default)]
    pub ended: Option<Ended>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ended {
    pub success: bool,
    pub exit: Option<i32>,
    pub at: Timestamp,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Memo {
    /// The node the step acts on (`master`/`slave` resolved once, when it first ran).
    pub node: Option<String>,
    /// `screen`: every start, the last one current.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<Attempt>,
    /// `reboot`: the boot id before the reboot was issued, and when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<Timestamp>,
}

/// The notes of step `step` of run `run` (a standalone subcommand names a synthetic run).
pub fn key(run: &str, step: &str) -> String {
    safe(&format!("{run}.{step}"))
}

/// Where the notes of step `key` live.
pub fn path(state_dir: &Path, key: &str) -> PathBuf {
    state_dir.join("steps").join(format!("{key}.json"))
}

/// The notes of `key`; empty ones when there is no file (nothing was started). Notes that
/// cannot be read are an error that stops the step: taking them for "nothing started"
/// could start a patch or a reboot a second time.
pub fn load(state_dir: &Path, key: &str) -> Result<Memo> {
    let path = path(state_dir, key);
    crate::state::read(&path)
        .map(Option::unwrap_or_default)
        .with_context(|| {
            format!(
                "the notes of step `{key}` cannot be read, so tvdr cannot tell what the step \
                 already did on its node; look at `{}` and remove it only if the step never \
                 started its command",
                path.display()
            )
        })
}

/// Written atomically and synced before the step acts, like a journal record.
pub fn save(state_dir: &Path, key: &str, memo: &Memo) -> Result<()> {
    crate::state::save(&path(state_dir, key), memo)
}

pub fn forget(state_dir: &Path, key: &str) {
    let _ = std::fs::remove_file(path(state_dir, key));
}

/// A name safe in screen session names, file names and shell words: letters, digits,
/// `-` and `_`; anything else becomes `_`.
pub fn safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_round_trip_and_a_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path(), "run-step").unwrap(), Memo::default());
        let memo = Memo {
            node: Some("tvox2".into()),
            boot_id: Some("b".into()),
            ..Memo::default()
        };
        save(dir.path(), "run-step", &memo).unwrap();
        assert_eq!(load(dir.path(), "run-step").unwrap(), memo);
        forget(dir.path(), "run-step");
        assert_eq!(load(dir.path(), "run-step").unwrap(), Memo::default());
        assert_eq!(safe("lab 1/x.y"), "lab_1_x_y");
    }

    #[test]
    fn unreadable_notes_stop_the_step_instead_of_meaning_not_started() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path(), "run-step");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, b"{\"node\": \"tvo").unwrap();
        let err = format!("{:#}", load(dir.path(), "run-step").unwrap_err());
        assert!(
            err.contains("cannot tell what the step already did"),
            "{err}"
        );
        assert!(err.contains(&file.display().to_string()), "{err}");
    }
}
