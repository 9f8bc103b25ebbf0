//! Compares two whole dump summaries: tables (rows and content), sequences, schema.
//!
//! The data decides. The schema text is compared only when both sides were dumped by the
//! same pg_dump major version from the same server major version: across versions pg_dump
//! prints the same schema differently (9.2 leaves names unqualified, 10 adds `AS integer`
//! to sequences, 11 writes `EXECUTE FUNCTION`…), so a difference there would be noise.

use std::collections::BTreeSet;

use super::side::{NodeDump, NAME};
use super::summary::DumpSummary;
use crate::checks::fs_sync::size::format_bytes;
use crate::checks::{Detail, Metric, Report, Status};

pub(super) fn compare(
    master: &NodeDump,
    m: &DumpSummary,
    slave: &NodeDump,
    s: &DumpSummary,
) -> Report {
    let sizes = format!(
        "raw dump sizes: master {} B, slave {} B (raw sizes may differ with the pg_dump \
         version and the random `\\restrict` key; the normalized content is compared)",
        m.bytes, s.bytes
    );
    if m.hash == s.hash {
        let summary = format!(
            "calendars identical on master `{}` and slave `{}`: {} tables, {} rows ({} and {})",
            master.node,
            slave.node,
            m.tables.len(),
            m.total_rows(),
            format_bytes(m.bytes),
            format_bytes(s.bytes)
        );
        return Report::new(NAME, Status::Ok, summary)
            .detail(Status::Ok, None, "dump size", sizes)
            .metric("tables_differing", count(0));
    }

    let mut report = Report::new(NAME, Status::Ok, String::new());
    let differing = table_details(&mut report, m, s, &slave.node);
    let sequences = sequence_details(&mut report, m, s);
    let schema = schema_detail(&mut report, m, s);
    let size_note = match m.bytes == s.bytes {
        // The manual procedure compares sizes only; say when that would have missed it.
        true => format!("{sizes}; equal sizes alone would have hidden this difference"),
        false => sizes,
    };
    report = report.detail(Status::Ok, None, "dump size", size_note);
    report.status = report.worst_detail(Status::Ok);
    let tables = m.tables.len().max(s.tables.len());
    report.summary = match differing.is_empty() {
        true => format!(
            "calendar data identical on master `{}` and slave `{}` ({tables} tables, {} rows)",
            master.node,
            slave.node,
            m.total_rows()
        ),
        false => differing_summary(&differing, tables),
    };
    for part in [schema_summary(schema), sequence_summary(sequences)]
        .into_iter()
        .flatten()
    {
        report.summary = format!("{}; {part}", report.summary);
    }
    if report.status == Status::Crit {
        report = report.hint(format!(
            "the master's calendars (`{}`) are the valid copy: bring the slave `{}` in line \
             from the master, never the other way round",
            master.node, slave.node
        ));
    }
    report.metric("tables_differing", count(differing.len()))
}

/// One CRIT row per table whose data differs; returns their names.
fn table_details(
    report: &mut Report,
    m: &DumpSummary,
    s: &DumpSummary,
    slave: &str,
) -> Vec<String> {
    let names: BTreeSet<_> = m.tables.keys().chain(s.tables.keys()).collect();
    let mut differing = Vec::new();
    for name in names {
        let message = match (m.tables.get(name), s.tables.get(name)) {
            (Some(a), Some(b)) if a.hash == b.hash => continue,
            (Some(a), None) => format!("missing on the slave; master has {} rows", a.rows),
            (None, Some(b)) => format!("only on the slave ({} rows), not on the master", b.rows),
            (Some(a), Some(b)) if a.rows == b.rows => {
                format!("{} rows on both sides, but their content differs", a.rows)
            }
            (Some(a), Some(b)) => {
                let (more, by) = match a.rows > b.rows {
                    true => ("master", a.rows - b.rows),
                    false => ("slave", b.rows - a.rows),
                };
                format!(
                    "master {} rows, slave {} rows: the {more} has {by} more",
                    a.rows, b.rows
                )
            }
            (None, None) => unreachable!("name comes from one of the maps"),
        };
        let node = (!s.tables.contains_key(name)).then_some(slave);
        push(report, Status::Crit, node, name, message);
        differing.push(name.clone());
    }
    differing
}

/// Sequences that differ: WARN, since after a switch-over new rows would collide with
/// ids the slave has not seen, but the calendars themselves may still be equal.
fn sequence_details(report: &mut Report, m: &DumpSummary, s: &DumpSummary) -> usize {
    let names: BTreeSet<_> = m.sequences.keys().chain(s.sequences.keys()).collect();
    let mut n = 0;
    for name in names {
        let (a, b) = (m.sequences.get(name), s.sequences.get(name));
        if a == b {
            continue;
        }
        let show = |v: Option<&String>| v.map_or("absent".to_string(), |v| format!("setval({v})"));
        let message = format!(
            "sequence differs: master {}, slave {} (after a switch-over the slave could hand \
             out ids the master already used)",
            show(a),
            show(b)
        );
        push(report, Status::Warn, None, name, message);
        n += 1;
    }
    n
}

/// The schema's verdict: `Some(true)` differs, `Some(false)` not comparable, `None` equal.
fn schema_detail(report: &mut Report, m: &DumpSummary, s: &DumpSummary) -> Option<bool> {
    if m.schema_hash == s.schema_hash {
        return None;
    }
    let same_versions = m.pg_dump_major().is_some()
        && m.pg_dump_major() == s.pg_dump_major()
        && m.server_major() == s.server_major();
    let (status, message) = match same_versions {
        true => (
            Status::Crit,
            format!(
                "schema differs (tables, columns, functions or constraints) although both \
                 sides were dumped by pg_dump {}",
                m.pg_dump_major().unwrap_or_default()
            ),
        ),
        false => (
            Status::Ok,
            format!(
                "schema text not compared: master dumped by pg_dump {} from server {}, slave \
                 by pg_dump {} from server {}, which print it differently",
                or_unknown(&m.pg_dump_version),
                or_unknown(&m.server_version),
                or_unknown(&s.pg_dump_version),
                or_unknown(&s.server_version)
            ),
        ),
    };
    push(report, status, None, "schema", message);
    Some(same_versions)
}

fn differing_summary(differing: &[String], tables: usize) -> String {
    match differing {
        [one] => format!("calendars differ in table `{one}` (1 of {tables})"),
        many => format!(
            "calendars differ in {} of {tables} tables: {}",
            many.len(),
            many.iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn schema_summary(schema: Option<bool>) -> Option<String> {
    match schema? {
        true => Some("schema differs".into()),
        false => Some("schema not compared across pg_dump versions".into()),
    }
}

fn sequence_summary(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("1 sequence differs".into()),
        n => Some(format!("{n} sequences differ")),
    }
}

fn push(report: &mut Report, status: Status, node: Option<&str>, item: &str, message: String) {
    report.details.push(Detail {
        status,
        node: node.map(str::to_string),
        item: item.to_string(),
        message,
    });
}

fn or_unknown(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("(unknown)")
}

fn count(value: usize) -> Metric {
    Metric {
        value: value as f64,
        unit: "",
        warn: None,
        crit: Some(1.0),
    }
}
