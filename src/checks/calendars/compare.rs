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
use crate::i18n::Msg;
use crate::msg;

pub(super) fn compare(
    master: &NodeDump,
    m: &DumpSummary,
    slave: &NodeDump,
    s: &DumpSummary,
) -> Report {
    let sizes = msg!(
        "cal-raw-sizes",
        master = m.bytes.to_string(),
        slave = s.bytes.to_string()
    );
    if m.hash == s.hash {
        let summary = msg!(
            "cal-identical",
            master = master.node.as_str(),
            slave = slave.node.as_str(),
            tables = m.tables.len(),
            rows = m.total_rows().to_string(),
            master_size = format_bytes(m.bytes),
            slave_size = format_bytes(s.bytes)
        );
        return Report::new(NAME, Status::Ok, summary)
            .detail(Status::Ok, None, msg!("item-dump-size"), sizes)
            .metric("tables_differing", count(0));
    }

    let mut report = Report::new(NAME, Status::Ok, Msg::default());
    let differing = table_details(&mut report, m, s, &slave.node);
    let sequences = sequence_details(&mut report, m, s);
    let schema = schema_detail(&mut report, m, s);
    let size_note = match m.bytes == s.bytes {
        // The manual procedure compares sizes only; say when that would have missed it.
        true => msg!("cal-equal-sizes", sizes = sizes),
        false => sizes,
    };
    report = report.detail(Status::Ok, None, msg!("item-dump-size"), size_note);
    report.status = report.worst_detail(Status::Ok);
    let tables = m.tables.len().max(s.tables.len());
    report.summary = match differing.is_empty() {
        true => msg!(
            "cal-data-identical",
            master = master.node.as_str(),
            slave = slave.node.as_str(),
            tables = tables,
            rows = m.total_rows().to_string()
        ),
        false => differing_summary(&differing, tables),
    };
    for part in [schema_summary(schema), sequence_summary(sequences)]
        .into_iter()
        .flatten()
    {
        report.summary = Msg::join([&report.summary, &part], "; ");
    }
    if report.status == Status::Crit {
        report = report.hint(msg!(
            "cal-hint-master",
            master = master.node.as_str(),
            slave = slave.node.as_str()
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
            (Some(a), None) => msg!("cal-table-missing", rows = a.rows.to_string()),
            (None, Some(b)) => msg!("cal-table-only-slave", rows = b.rows.to_string()),
            (Some(a), Some(b)) if a.rows == b.rows => {
                msg!("cal-table-content", rows = a.rows.to_string())
            }
            (Some(a), Some(b)) => {
                let (more, by) = match a.rows > b.rows {
                    true => ("master", a.rows - b.rows),
                    false => ("slave", b.rows - a.rows),
                };
                msg!(
                    "cal-table-rows",
                    master = a.rows.to_string(),
                    slave = b.rows.to_string(),
                    more = more,
                    by = by.to_string()
                )
            }
            (None, None) => unreachable!("name comes from one of the maps"),
        };
        let node = (!s.tables.contains_key(name)).then_some(slave);
        push(
            report,
            Status::Crit,
            node,
            Msg::text(name.as_str()),
            message,
        );
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
        let show = |v: Option<&String>| {
            v.map_or_else(|| msg!("cal-absent"), |v| Msg::text(format!("setval({v})")))
        };
        let message = msg!("cal-sequence", master = show(a), slave = show(b));
        push(
            report,
            Status::Warn,
            None,
            Msg::text(name.as_str()),
            message,
        );
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
            msg!(
                "cal-schema-differs",
                version = m.pg_dump_major().unwrap_or_default().to_string()
            ),
        ),
        false => (
            Status::Ok,
            msg!(
                "cal-schema-not-compared",
                master_dump = or_unknown(&m.pg_dump_version),
                master_server = or_unknown(&m.server_version),
                slave_dump = or_unknown(&s.pg_dump_version),
                slave_server = or_unknown(&s.server_version)
            ),
        ),
    };
    push(report, status, None, msg!("item-schema"), message);
    Some(same_versions)
}

fn differing_summary(differing: &[String], tables: usize) -> Msg {
    match differing {
        [one] => msg!("cal-differ-one", table = one, tables = tables),
        many => msg!(
            "cal-differ-many",
            count = many.len(),
            tables = tables,
            names = many
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn schema_summary(schema: Option<bool>) -> Option<Msg> {
    match schema? {
        true => Some(msg!("cal-schema-differs-short")),
        false => Some(msg!("cal-schema-not-compared-short")),
    }
}

fn sequence_summary(n: usize) -> Option<Msg> {
    match n {
        0 => None,
        n => Some(msg!("cal-sequences-differ", count = n)),
    }
}

fn push(report: &mut Report, status: Status, node: Option<&str>, item: Msg, message: Msg) {
    report.details.push(Detail {
        status,
        node: node.map(str::to_string),
        item,
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
