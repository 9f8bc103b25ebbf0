//! Check reports rendered for people and for machines: one entry point per concern.
//!
//! Every format is a pure function of the site name, the reports and (when wanted) the time
//! of the run, so snapshot tests are stable and the caller decides what "now" is.
//!
//! Order: the human table and the Nagios status line put the worst check first, because a
//! technician or an on-call reads the top; JSON, JUnit and Prometheus keep the caller's order
//! (the order the checks were asked for), which machines and diffs prefer.
//!
//! Metrics about one node: a [`Metric`](crate::checks::Metric) has no node field, so a check
//! names it `metric@node` (e.g. `lag_seconds@tvox2`). Prometheus turns the part after `@` into
//! a `node` label; JSON and Nagios show the key as is. See [`metric_key`].

mod human;
mod json;
mod junit;
mod nagios;
mod outcome;
mod prometheus;
pub mod sites;
mod xml;

#[cfg(test)]
mod tests;

use std::time::SystemTime;

use crate::checks::{overall, Detail, Report, Status};
use crate::exit_code;

pub use nagios::nagios_exit;
pub use outcome::SiteOutcome;

/// How `tvdr check` prints its reports (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for a person, worst check first
    Human,
    /// One JSON document: overall status, then every check with details and metrics
    Json,
    /// A JUnit XML test suite, one test case per check (CI)
    Junit,
    /// A Nagios/Icinga plugin status line with perfdata; exit 0–3
    Nagios,
    /// Prometheus text exposition, for node_exporter's textfile collector
    Prometheus,
}

/// Renders `reports` in `format`. `generated_at` is the time of the run, shown by the
/// formats that have a place for it (JSON, JUnit, Prometheus); `color` only matters for
/// [`Format::Human`] (pass [`term::color_stdout`](crate::output::term::color_stdout)).
pub fn render(
    format: Format,
    site: &str,
    reports: &[Report],
    generated_at: Option<SystemTime>,
    color: bool,
) -> String {
    match format {
        Format::Human => human::render(reports, color, crate::i18n::lang()),
        Format::Json => json::render(site, reports, generated_at),
        Format::Junit => junit::render(site, reports, generated_at),
        Format::Nagios => nagios::render(reports),
        Format::Prometheus => prometheus::render(site, reports, generated_at),
    }
}

/// The process exit code after `tvdr check`.
///
/// With [`Format::Nagios`] the plugin convention ([`nagios_exit`] of the worst status),
/// except that an all-OK run with an unreachable node exits UNKNOWN: OK would claim a node
/// was checked that was not.
///
/// Otherwise DESIGN §5: 3 when a node could not be reached at all (it wins over 1: the other
/// verdicts are incomplete and often caused by the missing node, so connectivity comes
/// first); 1 when any check is WARN or CRIT; 1 too when a check is only UNKNOWN, because 0
/// promises "verified OK" and a check that could not tell must not pass a CI gate silently;
/// 0 otherwise.
pub fn exit_code(format: Format, reports: &[Report], any_unreachable: bool) -> i32 {
    let worst = overall(reports);
    if format == Format::Nagios {
        return if any_unreachable && worst == Status::Ok {
            nagios_exit(Status::Unknown)
        } else {
            nagios_exit(nagios::worst(reports))
        };
    }
    if any_unreachable {
        exit_code::UNREACHABLE
    } else if worst == Status::Ok {
        exit_code::OK
    } else {
        exit_code::FAILED
    }
}

/// Splits a metric key into its name and the node it is about (`lag_seconds@tvox2`).
pub fn metric_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once('@') {
        Some((name, node)) if !node.is_empty() => (name, Some(node)),
        _ => (key, None),
    }
}

/// The reports worst first; equal statuses keep the caller's order (the sort is stable).
fn by_severity(reports: &[Report]) -> Vec<&Report> {
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.status));
    sorted
}

/// One finding on one line of text, for the formats without columns (JUnit, Nagios), in
/// English as every machine format:
/// `CRIT [tvox2] member tvox2:27017: not reachable/healthy`.
fn detail_line(detail: &Detail) -> String {
    match &detail.node {
        Some(node) => format!(
            "{} [{node}] {}: {}",
            detail.status,
            detail.item.en(),
            detail.message.en()
        ),
        None => format!(
            "{} {}: {}",
            detail.status,
            detail.item.en(),
            detail.message.en()
        ),
    }
}

/// RFC 3339 in UTC with whole seconds (`2024-05-06T07:08:09Z`): what JSON consumers expect,
/// without sub-second noise.
fn rfc3339(time: SystemTime) -> String {
    crate::time::rfc3339::format_seconds(time)
}
