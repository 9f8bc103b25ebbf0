//! The log of a `screen` step (`tvdr patch` and runbook `screen` steps): what the
//! vendor's updater wrote, escapes and progress bars included, cleaned, its exit marker
//! read and the whole judged by the shipped success and failure rules.

use super::corpus::corpus;
use super::props::properties;
use crate::runbook::verdict::log::{clean, exit_status};
use crate::runbook::verdict::{judge, Rules};

corpus!(seeds, "src/runbook/verdict/fixtures");

fn exercise(input: &[u8]) {
    let text = clean(input);
    let verdict = judge(&text, exit_status(input), &Rules::default());
    verdict.why();
    verdict.evidence();
}

properties!(256, seeds, exercise);
