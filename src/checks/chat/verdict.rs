//! Findings collected while evaluating, turned into one [`Report`] at the end.
//!
//! Each finding carries a headline for the one-line summary. The summary is the headline of
//! the first finding among the worst ones, preferring findings about the whole (added with
//! [`Verdict::add_main`]: "no PRIMARY" says more than "member X unreachable").

use std::collections::BTreeMap;

use crate::checks::{Detail, Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

#[derive(Default)]
pub struct Verdict {
    details: Vec<Detail>,
    /// Per detail: its headline, and whether it is about the whole.
    headlines: Vec<(Msg, bool)>,
    hints: Vec<Msg>,
    /// Why an UNKNOWN finding will not change by waiting (see [`Report::lasting`]).
    lasting: Vec<Msg>,
}

impl Verdict {
    /// Adds a finding; `headline` is what the summary says if this finding is the worst.
    pub fn add(
        &mut self,
        status: Status,
        node: Option<&str>,
        item: impl Into<Msg>,
        message: impl Into<Msg>,
        headline: impl Into<Msg>,
    ) {
        self.details.push(Detail {
            status,
            node: node.map(str::to_string),
            item: item.into(),
            message: message.into(),
        });
        self.headlines.push((headline.into(), false));
    }

    /// Adds a finding about the whole (the set, the replication): its headline wins the
    /// summary over other findings of the same status.
    pub fn add_main(
        &mut self,
        status: Status,
        item: impl Into<Msg>,
        message: impl Into<Msg>,
        headline: impl Into<Msg>,
    ) {
        self.add(status, None, item, message, headline);
        if let Some(last) = self.headlines.last_mut() {
            last.1 = true;
        }
    }

    /// Adds a hint once, however many findings suggest it.
    pub fn hint(&mut self, hint: impl Into<Msg>) {
        let hint = hint.into();
        if !self.hints.contains(&hint) {
            self.hints.push(hint);
        }
    }

    /// Marks the finding just added as one waiting will not change: a credential, a
    /// privilege or a program is missing.
    pub fn lasting(&mut self, why: impl Into<Msg>) {
        let why = why.into();
        if !self.lasting.contains(&why) {
            self.lasting.push(why);
        }
    }

    /// The report named `name`: the worst status, and as summary either the worst finding's
    /// headline (with how many other problems there are) or `ok_summary`.
    pub fn finish(
        self,
        name: &str,
        ok_summary: impl Into<Msg>,
        nodes: BTreeMap<String, serde_json::Value>,
        metrics: BTreeMap<String, Metric>,
    ) -> Report {
        let worst = self
            .details
            .iter()
            .map(|d| d.status)
            .max()
            .unwrap_or(Status::Ok);
        let summary = if worst == Status::Ok {
            ok_summary.into()
        } else {
            let worst_ones =
                || (0..self.details.len()).filter(|&i| self.details[i].status == worst);
            let first = worst_ones()
                .find(|&i| self.headlines[i].1)
                .or_else(|| worst_ones().next());
            let headline = &self.headlines[first.unwrap_or(0)].0;
            match self
                .details
                .iter()
                .filter(|d| d.status != Status::Ok)
                .count()
                - 1
            {
                0 => headline.clone(),
                more => msg!("verdict-more-problems", headline = headline, count = more),
            }
        };
        let mut report = Report::new(name, worst, summary);
        report.nodes = nodes;
        report.details = self.details;
        report.metrics = metrics;
        report.hints = self.hints;
        report.lasting = (!self.lasting.is_empty()).then(|| Msg::join(&self.lasting, "; "));
        report
    }
}

/// `45s`, `3m 20s`, `2h 5m 1s`: a lag for a person.
pub fn seconds(secs: u64) -> String {
    crate::time::duration::format(std::time::Duration::from_secs(secs)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_is_the_first_worst_headline() {
        let mut v = Verdict::default();
        v.add(Status::Ok, None, "a", "fine", "a fine");
        v.add(Status::Warn, None, "b", "lagging", "b lags");
        v.add(Status::Crit, None, "c", "down", "c is down");
        v.add(Status::Crit, None, "d", "down", "d is down");
        let report = v.finish(
            "chat",
            Msg::text("all good"),
            BTreeMap::new(),
            BTreeMap::new(),
        );
        assert_eq!(report.status, Status::Crit);
        assert_eq!(report.summary, "c is down (and 2 more problems)");
        assert_eq!(report.details.len(), 4);
    }

    #[test]
    fn a_main_finding_wins_the_summary() {
        let mut v = Verdict::default();
        v.add(Status::Crit, Some("tvox2"), "a", "down", "tvox2 is down");
        v.add_main(Status::Warn, "set", "odd", "the set is odd");
        v.add_main(Status::Crit, "set", "no primary", "no PRIMARY");
        let report = v.finish(
            "chat",
            Msg::text("all good"),
            BTreeMap::new(),
            BTreeMap::new(),
        );
        assert_eq!(report.summary, "no PRIMARY (and 2 more problems)");
    }

    #[test]
    fn all_ok_uses_the_ok_summary() {
        let mut v = Verdict::default();
        v.add(Status::Ok, None, "a", "fine", "a fine");
        v.hint("x");
        v.hint("x");
        let report = v.finish(
            "chat",
            Msg::text("all good"),
            BTreeMap::new(),
            BTreeMap::new(),
        );
        assert_eq!(
            (report.status, report.summary.en()),
            (Status::Ok, "all good")
        );
        assert_eq!(report.hints, ["x"]);
    }

    #[test]
    fn lags_read_as_durations() {
        assert_eq!(seconds(45), "45s");
        assert_eq!(seconds(200), "3m 20s");
    }
}
