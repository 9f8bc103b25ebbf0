//! `tvdr runbook ID --report --format html`: the report as one self-contained HTML page —
//! the Markdown report's sections, with the run drawn as an inline SVG on a time axis
//! between the header and the tables, and the key figures (downtime, RTO) beside it.
//!
//! Pure like the Markdown report, from the same `View`: every text is masked by the same
//! redactor and HTML-escaped; nothing is fetched and no script runs.

mod axis;
mod escape;
mod figures;
mod markdown;
mod page;
mod rows;
mod svg;

#[cfg(test)]
mod tests;

use super::view::View;
use super::Site;
use crate::runbook::journal::Record;
use crate::runbook::model::Runbook;

/// The whole page.
pub fn render(records: &[Record], runbook: &Runbook, site: &Site) -> String {
    page::page(&View::new(records, runbook, site.lang), site)
}
