//! The VM snapshot reminders (`snapshots.jsonl` in the site's state directory): read back
//! from whatever the file holds, with its hand-typed RFC 3339 times, then judged by
//! `check snapshot` and shown by `snapshot list`.

use std::time::{Duration, UNIX_EPOCH};

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::snapshot::evaluate;
use crate::snapshots::{age_words, list};
use crate::time::rfc3339;

corpus!(
    seeds,
    "src/fuzz/fixtures/snapshots",
    "src/snapshots/fixtures"
);

fn exercise(input: &[u8]) {
    for line in text(input).lines() {
        if let Ok(t) = rfc3339::parse(line) {
            rfc3339::format_seconds(t);
        }
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join(crate::snapshots::FILE), input).expect("written");
    let kept = list(dir.path()).expect("a readable file lists");
    let now = UNIX_EPOCH + Duration::from_secs(1_715_000_000);
    for s in &kept {
        rfc3339::format_seconds(s.taken_at);
        age_words(s.age(now));
        s.overdue(now);
    }
    super::render::every_format(&evaluate(&kept, now));
}

properties!(128, seeds, exercise);
