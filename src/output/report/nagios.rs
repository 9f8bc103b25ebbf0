//! Reports as a Nagios/Icinga plugin result: status line, perfdata, long output, exit code.
//!
//! ```text
//! TVDR CRITICAL - chat: no PRIMARY; fs-sync: slave behind; calendars: OK | 'fs-sync.behind'=3B;1;5
//! [CRIT] chat: no PRIMARY
//!   CRIT [tvox3] member tvox3:27017: not reachable/healthy
//! ```
//! Worst check first; a passing check shows as `name: OK` to keep the line short. Perfdata
//! follows the plugin guidelines (`'label'=value[UOM];warn;crit;min;max`) and keeps the
//! caller's order so graphs see the same labels every run. Labels are `check.metric`
//! (`'fs-sync.behind_bytes@tvox2'`).

use super::{by_severity, detail_line};
use crate::checks::{overall, Metric, Report, Status};

/// The plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
pub fn nagios_exit(status: Status) -> i32 {
    match status {
        Status::Ok => 0,
        Status::Warn => 1,
        Status::Crit => 2,
        Status::Unknown => 3,
    }
}

/// The state a monitor should see. CRITICAL > WARNING > UNKNOWN > OK (the order of
/// [`Status`], as monitoring-plugins' `max_state_alt`), and UNKNOWN when nothing ran: a
/// service that checks nothing is misconfigured, not healthy.
pub(super) fn worst(reports: &[Report]) -> Status {
    if reports.is_empty() {
        Status::Unknown
    } else {
        overall(reports)
    }
}

fn word(status: Status) -> &'static str {
    match status {
        Status::Ok => "OK",
        Status::Warn => "WARNING",
        Status::Crit => "CRITICAL",
        Status::Unknown => "UNKNOWN",
    }
}

pub(super) fn render(reports: &[Report]) -> String {
    render_as(worst(reports), reports, &[])
}

/// The plugin result with the state given by the caller (a site whose checks pass while a
/// node was not reached is UNKNOWN) and `notes` first in the long output.
pub(super) fn render_as(state: Status, reports: &[Report], notes: &[String]) -> String {
    let sorted = by_severity(reports);
    let verdicts: Vec<String> = sorted
        .iter()
        .map(|r| match r.status {
            Status::Ok => format!("{}: OK", r.name),
            status if r.summary.trim().is_empty() => format!("{}: {}", r.name, word(status)),
            _ => format!("{}: {}", r.name, r.summary.en()),
        })
        .collect();
    let verdicts = match (verdicts.is_empty(), notes.first()) {
        (true, Some(note)) => note.clone(),
        (true, None) => "no checks run".to_string(),
        (false, _) => verdicts.join("; "),
    };
    let mut out = format!("TVDR {} - {}", word(state), one_line(&verdicts));

    let perfdata: Vec<String> = reports
        .iter()
        .flat_map(|r| r.metrics.iter().map(move |(key, m)| perf(&r.name, key, m)))
        .collect();
    if !perfdata.is_empty() {
        out.push_str(" | ");
        out.push_str(&perfdata.join(" "));
    }
    out.push('\n');

    for note in notes {
        out.push_str(&one_line(note));
        out.push('\n');
    }
    for report in &sorted {
        out.push_str(&one_line(&format!(
            "[{}] {}: {}",
            report.status,
            report.name,
            report.summary.en()
        )));
        out.push('\n');
        let lines = report.details.iter().map(detail_line);
        for line in lines.chain(report.hints.iter().map(|h| format!("hint: {}", h.en()))) {
            out.push_str("  ");
            out.push_str(&one_line(&line));
            out.push('\n');
        }
    }
    out
}

/// Output text must stay on its line, and a `|` would start perfdata early; the broken bar
/// keeps what was meant visible.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '|' => '¦',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// `'check.metric'=value[UOM];warn;crit;min;max`, trailing empty fields dropped.
fn perf(check: &str, key: &str, metric: &Metric) -> String {
    // In a quoted label a quote is doubled, `=` would end the label and a control
    // character would break the line.
    let label: String = format!("{check}.{key}")
        .chars()
        .map(|c| if c == '=' || c.is_control() { '_' } else { c })
        .collect::<String>()
        .replace('\'', "''");
    // Units outside the guidelines' list make some parsers drop the whole perfdata.
    let uom = match metric.unit {
        "s" | "ms" | "us" | "%" | "B" | "KB" | "MB" | "GB" | "TB" | "c" => metric.unit,
        _ => "",
    };
    // `U` is the guidelines' "could not determine the value".
    let value = number(Some(metric.value)).unwrap_or_else(|| "U".to_string());
    // A critical threshold below the warning one means lower is worse (members healthy,
    // free space): Nagios writes "alert below n" as the range `n:`.
    let below = matches!((metric.warn, metric.crit), (Some(w), Some(c)) if c < w);
    let threshold = |n: Option<f64>| match number(n) {
        Some(n) if below => format!("{n}:"),
        n => n.unwrap_or_default(),
    };
    let mut fields = vec![threshold(metric.warn), threshold(metric.crit)];
    if uom == "%" {
        fields.extend(["0".to_string(), "100".to_string()]);
    }
    while fields.last().is_some_and(String::is_empty) {
        fields.pop();
    }
    let mut out = format!("'{label}'={value}{uom}");
    for field in fields {
        out.push(';');
        out.push_str(&field);
    }
    out
}

/// Plain decimal (Rust's `Display` never uses an exponent, which perfdata does not allow);
/// `None` for a missing or non-finite number.
fn number(n: Option<f64>) -> Option<String> {
    n.filter(|n| n.is_finite()).map(|n| n.to_string())
}
