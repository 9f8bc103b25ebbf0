//! What checking one site of many (`--sites`) came to: its reports, or why it has none.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::checks::{overall, Report, Status};
use crate::i18n::Msg;

/// One site's result among many.
#[derive(Debug, Clone)]
pub struct SiteOutcome {
    /// The inventory's `site`, or the file's name when the inventory could not be read.
    pub site: String,
    pub inventory: PathBuf,
    /// In the registry's order; empty when the site could not be checked.
    pub reports: Vec<Report>,
    /// Checks that do not apply to this site, with why.
    pub skipped: Vec<(String, Msg)>,
    /// Nodes that could not be reached, with why.
    pub unreachable: BTreeMap<String, Msg>,
    /// Why the site has no verdict at all (an unreadable inventory, no answer in time):
    /// shown in the chosen language, English in the machine formats.
    pub error: Option<Msg>,
    /// The checks did not all end within `--site-timeout`.
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl SiteOutcome {
    /// The site's verdict. UNKNOWN when it could not be checked, ran no check, or looks
    /// OK while a node was not reached: OK would claim a node was checked that was not.
    pub fn status(&self) -> Status {
        if self.error.is_some() || self.reports.is_empty() {
            return Status::Unknown;
        }
        match overall(&self.reports) {
            Status::Ok if !self.reached() => Status::Unknown,
            worst => worst,
        }
    }

    /// Every node answered and every check ended in time.
    pub fn reached(&self) -> bool {
        self.unreachable.is_empty() && !self.timed_out
    }

    /// Checked at all, every node reached, every check in time: Prometheus' `tvdr_site_up`.
    pub fn up(&self) -> bool {
        self.error.is_none() && self.reached()
    }

    /// Why the site's verdict is incomplete, one line each (for the machine formats, in
    /// English): its error, then every node not reached.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self.error.iter().map(|e| e.en().to_owned()).collect();
        problems.extend(
            self.unreachable
                .iter()
                .map(|(node, why)| format!("{node} not reached: {}", why.en())),
        );
        problems
    }

    /// The worst check, if any ran: what the one line of the site shows.
    pub fn worst(&self) -> Option<&Report> {
        // The first of the worst, so ties show in the registry's order.
        let worst = overall(&self.reports);
        self.reports.iter().find(|r| r.status == worst)
    }
}
