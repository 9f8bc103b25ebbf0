//! Many sites as one JSON document: the overall status, then each site with the same
//! `checks` array as a one-site document.
//!
//! ```json
//! {"status":"CRIT","generated_at":"…","sites":[{"site":"acme","inventory":"sites/acme.yaml",
//!  "status":"CRIT","seconds":0.41,"reached":true,"unreachable":{},"error":null,
//!  "skipped":[{"check":"dr-sync","why":"…"}],"checks":[…]}]}
//! ```
//! Every key is always present (`error: null`, `unreachable: {}`), as in the one-site
//! document, so consumers need no guards.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::Serialize;

use super::super::json::{checks, Check};
use super::super::outcome::SiteOutcome;
use super::super::rfc3339;
use crate::checks::Status;
use crate::i18n::Msg;

#[derive(Serialize)]
struct Document<'a> {
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated_at: Option<String>,
    sites: Vec<Site<'a>>,
}

#[derive(Serialize)]
struct Site<'a> {
    site: &'a str,
    inventory: String,
    status: Status,
    seconds: f64,
    reached: bool,
    timed_out: bool,
    unreachable: &'a BTreeMap<String, Msg>,
    error: Option<&'a str>,
    skipped: Vec<Skipped<'a>>,
    checks: Vec<Check<'a>>,
}

#[derive(Serialize)]
struct Skipped<'a> {
    check: &'a str,
    why: &'a str,
}

pub(super) fn render(sites: &[SiteOutcome], generated_at: Option<SystemTime>) -> String {
    let document = Document {
        status: super::worst(sites),
        generated_at: generated_at.map(rfc3339),
        sites: sites
            .iter()
            .map(|s| Site {
                site: &s.site,
                inventory: s.inventory.display().to_string(),
                status: s.status(),
                // Milliseconds are enough, and keep diffs of two runs readable.
                seconds: (s.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
                reached: s.reached(),
                timed_out: s.timed_out,
                unreachable: &s.unreachable,
                error: s.error.as_ref().map(|e| e.en()),
                skipped: s
                    .skipped
                    .iter()
                    .map(|(check, why)| Skipped { check, why })
                    .collect(),
                checks: checks(&s.reports),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&document).expect("reports serialize to JSON");
    out.push('\n');
    out
}
