//! Run journals (`<run-id>.jsonl`): what `runbook --status`, resuming and reports read
//! back. A journal is never edited by hand, but a torn write, a full disk or a copy from
//! another laptop (`--take-over`) can leave anything in it: read, folded into a run, or
//! refused with an error, never a panic.

use super::corpus::corpus;
use super::props::properties;
use crate::runbook::journal;
use crate::runbook::runs::fold;

corpus!(seeds, "src/fuzz/fixtures/journal");

fn exercise(input: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("run.jsonl");
    std::fs::write(&path, input).expect("the journal written");
    if let Ok(records) = journal::read(&path) {
        let run = fold(&path, records);
        for step in run.steps.keys() {
            run.is_complete(step);
        }
    }
}

properties!(128, seeds, exercise);
