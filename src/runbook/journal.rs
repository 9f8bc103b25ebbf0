//! The journal of a run: one JSON Lines file, append-only, each record fsynced before the
//! step's effect is reported, so a crash or a kill at any moment leaves a file that tells
//! exactly where the run stands. A torn last line (power loss mid-write) is ignored.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::decided::Decided;
use crate::time::Timestamp;

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    Skipped,
    /// Failed, and the technician went on anyway with a written reason.
    Overridden,
    Failed,
    Aborted,
}

impl Outcome {
    /// A step that ended this way is not run again on resume.
    pub fn is_complete(self) -> bool {
        matches!(self, Outcome::Done | Outcome::Skipped | Outcome::Overridden)
    }

    pub fn mark(self) -> &'static str {
        match self {
            Outcome::Done => "✓",
            Outcome::Skipped => "-",
            Outcome::Overridden => "!",
            Outcome::Failed => "✗",
            Outcome::Aborted => "✗",
        }
    }
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Record {
    RunStarted {
        run_id: String,
        runbook: String,
        runbook_source: String,
        runbook_hash: String,
        /// Each step's fingerprint, to say which steps changed when a run is resumed.
        steps: BTreeMap<String, String>,
        tvdr_version: String,
        inventory: String,
        inventory_hash: String,
        site: String,
        operator: String,
        host: String,
        rollback: bool,
        at: Timestamp,
    },
    Resumed {
        operator: String,
        host: String,
        runbook_hash: String,
        at: Timestamp,
    },
    StepStarted {
        step: String,
        at: Timestamp,
    },
    StepFinished {
        step: String,
        outcome: Outcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// The reason in Italian, when tvdr wrote it (a person's typed reason and a
        /// journal written before have none): the report and the terminal show it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason_it: Option<String>,
        /// Answers, check reports, exit codes, output tails, durations…
        #[serde(default)]
        evidence: serde_json::Value,
        at: Timestamp,
        seconds: f64,
    },
    Interrupted {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
        /// Why the run stopped there, when tvdr knows (a person was needed, a condition
        /// could not be decided); a Ctrl-C says nothing more.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// The reason in Italian, as for a finished step.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason_it: Option<String>,
        at: Timestamp,
    },
    /// A decision about the whole run rather than one step (resume with a changed
    /// runbook, the steps `--from` skips), with where it came from.
    Decided {
        #[serde(flatten)]
        decided: Decided,
        at: Timestamp,
    },
    /// The run was given up with a reason (`--abandon`): it is closed, never resumed.
    Abandoned {
        reason: String,
        operator: String,
        host: String,
        at: Timestamp,
    },
    LockBroken {
        reason: String,
        holder: String,
        at: Timestamp,
    },
    /// Another technician took the open run over, from the journal mirrored on the
    /// cluster (`node`), from the one who had it.
    TakenOver {
        operator: String,
        host: String,
        from_operator: String,
        from_host: String,
        node: String,
        /// Why nobody was asked: every step was done and only the run's end was missing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        at: Timestamp,
    },
    RunFinished {
        at: Timestamp,
    },
}

/// An open journal, appending.
pub struct Journal {
    path: PathBuf,
    file: File,
}

impl Journal {
    /// Creates the journal of a new run (its directory too, 0700), 0600, and syncs the
    /// directory so the new journal survives a crash along with its first record.
    pub fn create(path: &Path) -> Result<Journal> {
        let file = crate::state::private::create_new(path).with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-create-journal",
                file = path.display().to_string()
            ))
        })?;
        Ok(Journal {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Opens an existing journal to continue it. A torn last line is cut off first, so
    /// the next record starts on a line of its own.
    pub fn reopen(path: &Path) -> Result<Journal> {
        let bytes = std::fs::read(path).with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-read",
                file = path.display().to_string()
            ))
        })?;
        if !bytes.is_empty() && !bytes.ends_with(b"\n") {
            let keep = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let file = OpenOptions::new().write(true).open(path)?;
            file.set_len(keep as u64)?;
            file.sync_all()?;
        }
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .with_context(|| {
                crate::i18n::raise(crate::said!(
                    "file-cannot-open-journal",
                    file = path.display().to_string()
                ))
            })?;
        Ok(Journal {
            path: path.to_path_buf(),
            file,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `record` as one line and waits until it is on disk.
    pub fn append(&mut self, record: &Record) -> Result<()> {
        let mut line = serde_json::to_vec(record)?;
        line.push(b'\n');
        self.file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
            .with_context(|| {
                crate::i18n::raise(crate::said!(
                    "file-cannot-write-journal",
                    file = self.path.display().to_string()
                ))
            })
    }
}

/// Reads every whole record of a journal. A last line without its newline, or one that
/// does not parse (a torn write), is dropped; a bad line elsewhere is an error, since it
/// means the file was edited.
pub fn read(path: &Path) -> Result<Vec<Record>> {
    let bytes = std::fs::read(path).with_context(|| {
        crate::i18n::raise(crate::said!(
            "file-cannot-read",
            file = path.display().to_string()
        ))
    })?;
    parse(&bytes).map_err(|err| {
        anyhow::anyhow!(crate::t!(
            "journal-in-file",
            path = path.display().to_string(),
            error = err.to_string()
        ))
    })
}

/// The records of a journal's bytes (a file here, or its mirror on a node), by the same
/// rules as [`read`].
pub fn parse(bytes: &[u8]) -> Result<Vec<Record>> {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let count = lines.len();
    let mut records = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let whole = line.ends_with(b"\n");
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str(text) {
            Ok(record) if whole || i + 1 < count => records.push(record),
            _ if i + 1 == count => break,
            Err(err) => anyhow::bail!(crate::t!(
                "journal-damaged-line",
                line = i + 1,
                error = err.to_string()
            )),
            Ok(_) => unreachable!("a whole line or not the last"),
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started(step: &str) -> Record {
        Record::StepStarted {
            step: step.into(),
            at: Timestamp(std::time::SystemTime::UNIX_EPOCH),
        }
    }

    #[test]
    fn records_round_trip_and_a_torn_last_line_is_ignored_then_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.jsonl");
        let mut j = Journal::create(&path).unwrap();
        j.append(&started("a")).unwrap();
        j.append(&started("b")).unwrap();
        drop(j);
        // A power cut in the middle of the third record.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"event":"step_started","st"#).unwrap();
        drop(f);
        assert_eq!(read(&path).unwrap(), vec![started("a"), started("b")]);
        let mut j = Journal::reopen(&path).unwrap();
        j.append(&started("c")).unwrap();
        assert_eq!(
            read(&path).unwrap(),
            vec![started("a"), started("b"), started("c")]
        );
    }

    #[test]
    fn new_records_round_trip_and_an_old_interruption_still_reads() {
        use crate::runbook::decided::{Source, What};
        let at = Timestamp(std::time::SystemTime::UNIX_EPOCH);
        let records = vec![
            Record::Decided {
                decided: Decided {
                    what: What::Confirmation {
                        prompt: "skip a, b?".into(),
                        yes: true,
                    },
                    by: Source::Yes,
                },
                at,
            },
            Record::Interrupted {
                step: Some("x".into()),
                reason: Some("its condition cannot be decided".into()),
                reason_it: Some("la sua condizione non si può decidere".into()),
                at,
            },
            Record::Abandoned {
                reason: "restarted from scratch".into(),
                operator: "tech-a".into(),
                host: "laptop".into(),
                at,
            },
        ];
        for record in &records {
            let line = serde_json::to_string(record).unwrap();
            assert_eq!(
                &serde_json::from_str::<Record>(&line).unwrap(),
                record,
                "{line}"
            );
        }
        let old = r#"{"event":"interrupted","step":"x","at":"1970-01-01T00:00:00Z"}"#;
        assert!(matches!(
            serde_json::from_str::<Record>(old).unwrap(),
            Record::Interrupted { reason: None, .. }
        ));
    }

    #[test]
    fn a_damaged_line_in_the_middle_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.jsonl");
        std::fs::write(
            &path,
            "{\"event\":\"run_finished\",\"at\":\"2026-01-01T00:00:00Z\"}\nnot json\n{}\n",
        )
        .unwrap();
        assert!(read(&path).unwrap_err().to_string().contains("line 2"));
    }

    #[test]
    fn a_new_journal_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.jsonl");
        Journal::create(&path).unwrap();
        assert!(Journal::create(&path).is_err());
    }

    #[test]
    fn a_new_journal_and_its_directory_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("site/runs/demo/run.jsonl");
        Journal::create(&path).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("site")), 0o700);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
}
