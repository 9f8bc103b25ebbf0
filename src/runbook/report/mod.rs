//! `tvdr runbook ID --report`: a run's journal as a Markdown report for the customer's
//! Disaster Recovery plan — header, timeline, overrides, answers, check and UAT results,
//! commands, measured downtime and RTO — or as an HTML page (`html`) with the same
//! sections and the run drawn on a time axis.
//!
//! Pure: journal records, the runbook and a few site facts in, text out. Every piece of
//! user text (answers, reasons, outputs) is escaped, and answers named like a secret are
//! masked wherever they appear.

mod answers;
mod checks;
mod commands;
mod downtime;
mod evidence;
mod header;
pub mod html;
pub mod text;
mod timeline;
mod uat;
mod view;
mod wait;

#[cfg(test)]
mod tests;

use std::time::Duration;

use crate::i18n::Lang;
use crate::inventory::Inventory;
use crate::runbook::journal::{Outcome, Record};
use crate::runbook::model::Runbook;

/// What the report needs from the inventory — and nothing else, so no credential or
/// address can leak into it by accident.
#[derive(Debug, Clone)]
pub struct Site {
    pub name: String,
    pub rpo: Duration,
    pub rto: Duration,
    /// The language the report is written in (the one chosen at start).
    pub lang: Lang,
}

impl Site {
    pub fn of(inventory: &Inventory) -> Site {
        Site {
            name: inventory.site.clone(),
            rpo: inventory.objectives.rpo,
            rto: inventory.objectives.rto,
            lang: crate::i18n::lang(),
        }
    }
}

/// The whole report.
pub fn render(records: &[Record], runbook: &Runbook, site: &Site) -> String {
    let view = view::View::new(records, runbook, site.lang);
    let out = header::section(&view, site) + &body(&view, site);
    format!("{}\n", out.trim_end())
}

/// Every section after the header, in order: the HTML page draws its picture between the
/// header and these.
fn body(view: &view::View, site: &Site) -> String {
    let mut out = timeline::section(view);
    out.push_str(&timeline::overrides(view));
    out.push_str(&downtime::section(view, site));
    out.push_str(&answers::section(view));
    out.push_str(&checks::section(view));
    out.push_str(&uat::section(view));
    out.push_str(&commands::section(view));
    out
}

/// The word for an outcome in the report's language.
pub fn outcome_word(outcome: Outcome, lang: Lang) -> String {
    match outcome {
        Outcome::Done => crate::t!(in lang, "report-outcome-done"),
        Outcome::Skipped => crate::t!(in lang, "report-outcome-skipped"),
        Outcome::Overridden => crate::t!(in lang, "report-outcome-overridden"),
        Outcome::Failed => crate::t!(in lang, "report-outcome-failed"),
        Outcome::Aborted => crate::t!(in lang, "report-outcome-aborted"),
    }
}

/// "3 done": how many steps ended so, in the report's language (Italian words agree in
/// number).
pub fn outcome_count(outcome: Outcome, count: usize, lang: Lang) -> String {
    match outcome {
        Outcome::Done => crate::t!(in lang, "report-count-done", count = count),
        Outcome::Skipped => crate::t!(in lang, "report-count-skipped", count = count),
        Outcome::Overridden => crate::t!(in lang, "report-count-overridden", count = count),
        Outcome::Failed => crate::t!(in lang, "report-count-failed", count = count),
        Outcome::Aborted => crate::t!(in lang, "report-count-aborted", count = count),
    }
}

/// The outcome as a neutral name (the HTML page's CSS classes).
pub fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Done => "done",
        Outcome::Skipped => "skipped",
        Outcome::Overridden => "overridden",
        Outcome::Failed => "failed",
        Outcome::Aborted => "aborted",
    }
}
