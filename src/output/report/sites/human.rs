//! One line per site, worst first, then a count of sites by status.

use std::fmt::Write;

use comfy_table::Cell;

use super::super::human::{clean, new_table, status_cell};
use super::super::outcome::SiteOutcome;
use crate::checks::Status;
use crate::t;

const ORDER: [Status; 4] = [Status::Crit, Status::Unknown, Status::Warn, Status::Ok];

pub(super) fn render(sites: &[SiteOutcome], color: bool) -> String {
    if sites.is_empty() {
        return format!("{}\n", t!("sites-none"));
    }
    let mut sorted: Vec<&SiteOutcome> = sites.iter().collect();
    sorted.sort_by(|a, b| b.status().cmp(&a.status()).then(a.site.cmp(&b.site)));
    let header = [
        t!("checks-col-status"),
        t!("sites-col-site"),
        t!("sites-col-checks"),
        t!("sites-col-worst"),
        t!("sites-col-time"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = new_table(&header, color);
    for site in &sorted {
        table.add_row(vec![
            status_cell(site.status(), color),
            Cell::new(clean(&site.site)),
            Cell::new(counts(site)),
            Cell::new(clean(&why(site))),
            Cell::new(format!("{:.1} s", site.elapsed.as_secs_f64())),
        ]);
    }
    let mut out = format!("{table}\n");
    let statuses: Vec<Status> = sites.iter().map(SiteOutcome::status).collect();
    let _ = writeln!(
        out,
        "{}",
        t!("sites-tally", count = sites.len(), tally = tally(&statuses))
    );
    out
}

/// `5 OK, 1 CRIT` for the checks of one site; `-` when none ran.
fn counts(site: &SiteOutcome) -> String {
    if site.reports.is_empty() {
        return "-".to_string();
    }
    let statuses: Vec<Status> = site.reports.iter().map(|r| r.status).collect();
    tally(&statuses)
}

fn tally(statuses: &[Status]) -> String {
    let parts: Vec<String> = ORDER
        .iter()
        .filter_map(|status| {
            let n = statuses.iter().filter(|s| *s == status).count();
            (n > 0).then(|| format!("{n} {status}"))
        })
        .collect();
    parts.join(", ")
}

/// What a person needs first about the site, on one line: why it has no verdict, which
/// nodes were not reached, else its worst check. The rest (hints, excerpts, details) is in
/// `--format json` or a run on that site alone.
fn why(site: &SiteOutcome) -> String {
    let first = |text: &str| text.lines().next().unwrap_or_default().to_string();
    if site.timed_out {
        let limit = crate::time::duration::format(site.elapsed);
        return t!("sites-timed-out", limit = limit);
    }
    if let Some(error) = &site.error {
        return first(error.shown());
    }
    let mut parts = Vec::new();
    for (node, why) in &site.unreachable {
        parts.push(t!(
            "sites-not-reached",
            node = node.as_str(),
            why = first(why.shown())
        ));
    }
    match site.worst() {
        Some(report) if report.status != Status::Ok => {
            parts.push(format!(
                "{}: {}",
                report.name,
                first(report.summary.shown())
            ));
        }
        Some(_) if parts.is_empty() => parts.push(t!("sites-all-ok")),
        _ => {}
    }
    parts.join("; ")
}
