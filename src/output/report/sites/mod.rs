//! Many sites' results (`tvdr check --sites`) in one output: one line per site for people,
//! one document for machines, one passive result per site for Nagios/Icinga, one
//! exposition with a `site` label for Prometheus.

mod human;
mod json;
mod nagios;

use std::time::SystemTime;

use super::outcome::SiteOutcome;
use super::{nagios_exit, prometheus, Format};
use crate::checks::Status;
use crate::exit_code;

/// Renders every site's outcome in `format`; sites keep the caller's order except in the
/// human table, which puts the worst first.
pub fn render(
    format: Format,
    sites: &[SiteOutcome],
    generated_at: Option<SystemTime>,
    color: bool,
) -> String {
    match format {
        Format::Human => human::render(sites, color),
        Format::Json => json::render(sites, generated_at),
        Format::Nagios => nagios::render(sites, generated_at),
        Format::Prometheus => prometheus::render_sites(sites, generated_at),
        // One test suite per site: JUnit's own shape for many.
        Format::Junit => super::junit::render_sites(sites, generated_at),
    }
}

/// The worst of the sites (UNKNOWN when there are none: checking nothing is not healthy).
pub fn worst(sites: &[SiteOutcome]) -> Status {
    sites
        .iter()
        .map(SiteOutcome::status)
        .max()
        .unwrap_or(Status::Unknown)
}

/// The exit code of a run over many sites: as one site's (DESIGN §5), over all of them.
/// 3 when a node of any site could not be reached or a site gave no verdict in time, 1 when
/// any site is not OK, else 0; with Nagios, the plugin code of the worst site.
pub fn exit_code(format: Format, sites: &[SiteOutcome]) -> i32 {
    let worst = worst(sites);
    if format == Format::Nagios {
        return nagios_exit(worst);
    }
    if sites.iter().any(|s| !s.reached()) {
        exit_code::UNREACHABLE
    } else if worst == Status::Ok {
        exit_code::OK
    } else {
        exit_code::FAILED
    }
}

#[cfg(test)]
mod tests;
