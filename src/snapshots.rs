//! VM snapshot records: which snapshot of which node was taken when, by whom — so that
//! `tvdr check snapshot` and `tvdr status` can remind the technician to delete it (the
//! procedures say a snapshot is kept for a week at most).
//!
//! One append-only JSON-lines file per site, `<state>/<site>/snapshots.jsonl`, written by
//! `tvdr snapshot record`/`forget` and by runbook steps with `evidence: snapshot`, through
//! [`record`], [`forget`] and [`list`]. A deletion is a `forgotten` line, not a rewrite,
//! so writers never lose each other's lines. A line cut short by a crash is skipped when
//! reading and never glued to the next record.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// The file name under the site's state directory.
pub const FILE: &str = "snapshots.jsonl";

/// How long a snapshot may be kept: "delete it after a week".
pub const MAX_AGE: Duration = Duration::from_secs(7 * 24 * 3600);

/// One snapshot taken of one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Inventory name of the node (`tvox1`, `tvox2`, `dr_client`).
    pub node: String,
    /// The name given to the snapshot in the hypervisor.
    pub name: String,
    #[serde(with = "crate::time::rfc3339::serde")]
    pub taken_at: SystemTime,
    pub recorded_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Snapshot {
    /// How old the snapshot is at `now` (zero for one "taken" in the future).
    pub fn age(&self, now: SystemTime) -> Duration {
        now.duration_since(self.taken_at).unwrap_or(Duration::ZERO)
    }

    /// Kept longer than [`MAX_AGE`]: it should have been deleted.
    pub fn overdue(&self, now: SystemTime) -> bool {
        self.age(now) > MAX_AGE
    }
}

/// An age for a person: `8 days`, `1 day`, `5 hours`, `12 minutes`, `less than a minute`.
pub fn age_words(age: Duration) -> String {
    age_msg(age).en().to_string()
}

/// [`age_words`] in every language.
pub fn age_msg(age: Duration) -> crate::i18n::Msg {
    match age.as_secs() {
        s if s < 60 => crate::msg!("age-under-a-minute"),
        s if s >= 86_400 => crate::msg!("age-days", count = s / 86_400),
        s if s >= 3600 => crate::msg!("age-hours", count = s / 3600),
        s => crate::msg!("age-minutes", count = s / 60),
    }
}

/// A snapshot deleted in the hypervisor: every record of `name` (on `node`, or on any
/// node) written before this line no longer counts.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Forgotten {
    forgotten: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    node: Option<String>,
    #[serde(with = "crate::time::rfc3339::serde")]
    forgotten_at: SystemTime,
    forgotten_by: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Line {
    Taken(Snapshot),
    Forgotten(Forgotten),
}

fn file(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Appends `snapshot` to the records of the site whose state directory is `dir`. A new
/// record of the same node and name replaces the older one.
pub fn record(dir: &Path, snapshot: &Snapshot) -> Result<()> {
    append(dir, snapshot)
}

/// Marks the snapshots called `name` (on `node` only, if given) as deleted; returns how
/// many there were (nothing is written when none).
pub fn forget(dir: &Path, name: &str, node: Option<&str>, by: &str) -> Result<usize> {
    let matching = list(dir)?
        .iter()
        .filter(|s| s.name == name && node.is_none_or(|n| s.node == n))
        .count();
    if matching > 0 {
        let line = Forgotten {
            forgotten: name.to_string(),
            node: node.map(str::to_string),
            forgotten_at: SystemTime::now(),
            forgotten_by: by.to_string(),
        };
        append(dir, &line)?;
    }
    Ok(matching)
}

/// The snapshots still kept, in the order they were recorded. No file: none. Lines that
/// cannot be read (a torn last line, a hand edit) are skipped.
pub fn list(dir: &Path) -> Result<Vec<Snapshot>> {
    let path = file(dir);
    let text = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(e).with_context(|| {
                crate::i18n::raise(crate::said!(
                    "file-cannot-read",
                    file = path.display().to_string()
                ))
            })
        }
    };
    let mut kept: Vec<Snapshot> = Vec::new();
    for line in text.split(|b| *b == b'\n') {
        match serde_json::from_slice::<Line>(line) {
            Ok(Line::Taken(s)) => {
                kept.retain(|k| !(k.node == s.node && k.name == s.name));
                kept.push(s);
            }
            Ok(Line::Forgotten(f)) => kept.retain(|k| {
                !(k.name == f.forgotten && f.node.as_ref().is_none_or(|n| &k.node == n))
            }),
            Err(_) => {}
        }
    }
    Ok(kept)
}

/// Appends one JSON line under an exclusive lock, on a fresh line even when the file ends
/// in a torn one, and syncs it to disk.
fn append(dir: &Path, value: &impl Serialize) -> Result<()> {
    let path = file(dir);
    let mut file = crate::state::private::open_log(&path)?;
    lock(&file).with_context(|| {
        crate::i18n::raise(crate::said!(
            "file-cannot-lock",
            file = path.display().to_string()
        ))
    })?;
    let mut line = Vec::new();
    let len = file.metadata()?.len();
    if len > 0 {
        let mut last = [0u8];
        file.read_exact_at(&mut last, len - 1)?;
        if last[0] != b'\n' {
            line.push(b'\n');
        }
    }
    serde_json::to_writer(&mut line, value)?;
    line.push(b'\n');
    file.write_all(&line)
        .and_then(|()| file.sync_all())
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-write",
                file = path.display().to_string()
            ))
        })
}

/// `flock(LOCK_EX)`: two tvdr processes appending at once (a runbook and a technician) take
/// turns; the lock goes with the file descriptor.
fn lock(file: &File) -> std::io::Result<()> {
    file.lock()
}

#[cfg(test)]
mod tests;
