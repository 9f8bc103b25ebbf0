//! Reports as one JSON document: the contract that scripts and dashboards read.
//!
//! ```json
//! {"status":"CRIT","site":"acme","generated_at":"2024-05-06T07:08:09Z",
//!  "checks":[{"name":"chat","status":"CRIT","summary":"…","nodes":{…},
//!             "details":[…],"metrics":{…},"hints":[…]}]}
//! ```
//! Every key is always present (`hints: []`, no `generated_at` only when the caller gave no
//! time), so `jq '.checks[].hints[]'` needs no null guards. Non-finite metric values are
//! `null`: JSON has no NaN.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::Serialize;

use crate::i18n::Msg;

use super::rfc3339;
use crate::checks::{overall, Detail, Metric, Report, Status};

#[derive(Serialize)]
struct Document<'a> {
    status: Status,
    site: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated_at: Option<String>,
    checks: Vec<Check<'a>>,
}

/// A report with the field list written out here, so a change to [`Report`] cannot change
/// the contract by accident.
#[derive(Serialize)]
pub(super) struct Check<'a> {
    name: &'a str,
    status: Status,
    summary: &'a str,
    nodes: &'a BTreeMap<String, serde_json::Value>,
    details: &'a [Detail],
    metrics: &'a BTreeMap<String, Metric>,
    hints: &'a [Msg],
}

/// The reports as the contract's `checks` array (also each site's with `--sites`).
pub(super) fn checks(reports: &[Report]) -> Vec<Check<'_>> {
    reports
        .iter()
        .map(|r| Check {
            name: &r.name,
            status: r.status,
            summary: &r.summary,
            nodes: &r.nodes,
            details: &r.details,
            metrics: &r.metrics,
            hints: &r.hints,
        })
        .collect()
}

pub(super) fn render(site: &str, reports: &[Report], generated_at: Option<SystemTime>) -> String {
    let document = Document {
        status: overall(reports),
        site,
        generated_at: generated_at.map(rfc3339),
        checks: checks(reports),
    };
    // Only string keys and serde_json values: serialization cannot fail.
    let mut out = serde_json::to_string_pretty(&document).expect("reports serialize to JSON");
    out.push('\n');
    out
}
