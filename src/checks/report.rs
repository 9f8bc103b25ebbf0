//! What a check says: a status, a one-line summary, detail rows and metrics.
//!
//! Every check's evaluate function returns a [`Report`]; every output format (human table,
//! JSON, JUnit, Nagios, Prometheus) renders reports and nothing else.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::i18n::Msg;

/// Severity, ordered so that `max` gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Ok,
    /// Could not tell (no data, unparseable output, not configured). Worse than OK,
    /// better than a known problem; Nagios ranks it separately (exit 3).
    Unknown,
    Warn,
    Crit,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Unknown => "UNKNOWN",
            Status::Warn => "WARN",
            Status::Crit => "CRIT",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: what was looked at, on which node, and what was seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detail {
    pub status: Status,
    /// The node the finding is about, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// What was looked at (a table, a directory, a replica member, a port…): tvdr's own
    /// words in every language, a name or a path as it is.
    pub item: Msg,
    /// What was found, for a person (JSON and the journal carry its English words).
    pub message: Msg,
}

/// A measured number, for monitoring (perfdata, Prometheus) and for JSON consumers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    pub value: f64,
    /// `s`, `B`, `%`, or empty for a count.
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warn: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crit: Option<f64>,
}

/// The verdict of one check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The check's name as typed on the command line (`calendars`, `fs-sync`…).
    pub name: String,
    pub status: Status,
    pub summary: Msg,
    /// Per-node facts gathered (role, address, sizes…), keyed by node name.
    pub nodes: BTreeMap<String, serde_json::Value>,
    pub details: Vec<Detail>,
    pub metrics: BTreeMap<String, Metric>,
    /// What to do about it, when tvdr knows (e.g. "run setperms.sh on the master").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<Msg>,
    /// Why a finding that could not tell will not tell however long one waits: the check
    /// is not configured, or a credential, a privilege or a program is missing on a node.
    /// `None`: looking again may tell (a node not reachable yet, a service still starting).
    /// A runbook `wait` stops at once on it instead of looking until its timeout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lasting: Option<Msg>,
}

impl Report {
    pub fn new(name: &str, status: Status, summary: impl Into<Msg>) -> Report {
        Report {
            name: name.to_string(),
            status,
            summary: summary.into(),
            nodes: BTreeMap::new(),
            details: Vec::new(),
            metrics: BTreeMap::new(),
            hints: Vec::new(),
            lasting: None,
        }
    }

    pub fn detail(
        mut self,
        status: Status,
        node: Option<&str>,
        item: impl Into<Msg>,
        message: impl Into<Msg>,
    ) -> Report {
        self.details.push(Detail {
            status,
            node: node.map(str::to_string),
            item: item.into(),
            message: message.into(),
        });
        self
    }

    pub fn metric(mut self, name: &str, metric: Metric) -> Report {
        self.metrics.insert(name.to_string(), metric);
        self
    }

    pub fn hint(mut self, hint: impl Into<Msg>) -> Report {
        self.hints.push(hint.into());
        self
    }

    /// Marks this report's verdict (UNKNOWN, or a CRIT that is final) as one waiting will
    /// not change, with why (several reasons are joined).
    pub fn lasting(mut self, why: impl Into<Msg>) -> Report {
        let why = why.into();
        self.lasting = Some(match self.lasting.take() {
            Some(before) if before != why && !before.contains(why.en()) => {
                Msg::join([&before, &why], "; ")
            }
            Some(before) => before,
            None => why,
        });
        self
    }

    /// The largest value of the metrics named `prefix…@node` (one per node or connection),
    /// e.g. the worst replication lag.
    pub fn largest_metric(&self, prefix: &str) -> Option<f64> {
        self.metrics
            .iter()
            .filter(|(key, _)| key.split('@').next().is_some_and(|k| k.starts_with(prefix)))
            .map(|(_, m)| m.value)
            .reduce(f64::max)
    }

    /// The worst status among the detail rows, or `empty` when there are none.
    pub fn worst_detail(&self, empty: Status) -> Status {
        self.details.iter().map(|d| d.status).max().unwrap_or(empty)
    }

    /// `node: message; …` for the rows at the report's own status: the summary of a report
    /// that is not OK, saying exactly what is wrong where.
    pub fn worst_messages(&self) -> Msg {
        let rows: Vec<Msg> = self
            .details
            .iter()
            .filter(|d| d.status == self.status)
            .map(|d| {
                let node = d.node.as_deref().unwrap_or("?");
                d.message.map(|m| format!("{node}: {m}"))
            })
            .collect();
        Msg::join(&rows, "; ")
    }
}

/// The overall status of several reports: the worst one.
pub fn overall(reports: &[Report]) -> Status {
    reports.iter().map(|r| r.status).max().unwrap_or(Status::Ok)
}
