//! The files a technician brings to a run: the answers file (`--answers`) and a UAT
//! checklist (`runbooks/uat-standard.yaml` and site copies), mutated.

use std::path::Path;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::runbook::engine::human::AnswersFile;
use crate::runbook::engine::kinds::uat::Checklist;

corpus!(
    seeds,
    "src/fuzz/fixtures/answers",
    "runbooks/uat-standard.yaml",
    "tests/fixtures/uat"
);

/// Both schemas on every input: a spliced answers file is as likely to be read as
/// either.
fn exercise(input: &[u8]) {
    let text = text(input);
    let path = Path::new("fuzz.yaml");
    if let Err(e) = crate::yaml::parse::<AnswersFile>(path, &text) {
        e.to_string();
    }
    if let Err(e) = crate::yaml::parse::<Checklist>(path, &text) {
        e.to_string();
    }
}

properties!(128, seeds, exercise);
