//! The `calendars` verdict: master's and slave's dump summaries in, a [`Report`] out.
//!
//! Equal normalized hashes are OK whatever the raw sizes. A failed or incomplete dump is
//! never taken as equal. On a difference, [`compare`](super::compare) names the tables.

use serde_json::json;

use super::compare::compare;
pub use super::side::NodeDump;
use super::side::NAME;
use crate::checks::fs_sync::size::format_bytes;
use crate::checks::{Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// Compares the master's calendar dump with the slave's.
pub fn evaluate(master: &NodeDump, slave: &NodeDump) -> Report {
    let sides = [("master", master), ("slave", slave)];
    let report = match (&master.dump, &slave.dump) {
        (Ok(m), Ok(s)) => match (&m.incomplete, &s.incomplete) {
            (None, None) => compare(master, m, slave, s),
            _ => incomplete(&sides),
        },
        _ => failed(&sides),
    };
    with_facts(report, &sides)
}

/// pg_dump failed on a node: a missing database or role means the node has no calendars
/// to compare (CRIT); anything else (connection refused…) means tvdr could not tell.
fn failed(sides: &[(&str, &NodeDump); 2]) -> Report {
    let errors: Vec<_> = sides
        .iter()
        .filter_map(|(role, n)| Some((*role, n, n.dump.as_ref().err()?)))
        .collect();
    let status_of = |e: &str| match missing(e) {
        true => Status::Crit,
        false => Status::Unknown,
    };
    // The summary tells the worst failure; the details tell each.
    let (role, node, error) = *errors
        .iter()
        .rev()
        .max_by_key(|(_, _, e)| status_of(e))
        .expect("called with at least one failed dump");
    let summary = msg!(
        "cal-failed-on",
        role = role,
        node = node.node.as_str(),
        error = first_line(error)
    );
    let mut report = Report::new(NAME, status_of(error), summary);
    for (role, node, error) in &errors {
        let message = msg!("cal-failed-on-the", role = *role, error = one_line(error));
        report = report.detail(
            status_of(error),
            Some(&node.node),
            Msg::text("pg_dump"),
            message,
        );
        if let Some(why) = lasting(error) {
            let node = node.node.as_str();
            report = report.lasting(why.map(|why| format!("{node}: {why}")));
        }
    }
    report.hint(msg!("cal-hint-failed"))
}

/// The server says the database or the role is missing: `FATAL:  database "x" does not
/// exist`, or in Italian (a cluster initialised under an Italian locale keeps
/// `lc_messages` Italian) `FATALE:  il database "x" non esiste`. Not the "File o directory
/// non esistente" of a missing socket: the Italian words must end there.
fn missing(error: &str) -> bool {
    error.contains("does not exist")
        || error
            .match_indices(" non esiste")
            .any(|(at, said)| !error[at + said.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// Why a pg_dump error will not go away by waiting (no pg_dump, a login refused), or `None`
/// when it may (the server still starting).
fn lasting(error: &str) -> Option<Msg> {
    // bash in an Italian locale says "comando non trovato"; dash is never translated.
    if ["command not found", ": not found", "comando non trovato"]
        .iter()
        .any(|said| error.contains(said))
    {
        Some(msg!("cal-no-pg-dump"))
    } else if error.contains("authentication failed")
        || error.contains("no pg_hba.conf entry")
        // The server's Italian: "autenticazione con password fallita per l'utente",
        // "nessuna voce in pg_hba.conf per l'host".
        || (error.contains("utenticazione") && error.contains("fallita"))
        || error.contains("nessuna voce in pg_hba.conf")
    {
        Some(msg!("cal-login-refused"))
    } else {
        None
    }
}

/// A dump ended early: whatever it holds cannot be called equal or different.
fn incomplete(sides: &[(&str, &NodeDump); 2]) -> Report {
    let mut report = Report::new(NAME, Status::Unknown, Msg::default());
    for (role, node) in sides {
        let Ok(dump) = &node.dump else { continue };
        if let Some(why) = &dump.incomplete {
            if report.summary.is_empty() {
                report.summary = msg!(
                    "cal-incomplete",
                    role = *role,
                    node = node.node.as_str(),
                    why = why
                );
            }
            let message = msg!(
                "cal-incomplete-after",
                role = *role,
                size = format_bytes(dump.bytes),
                why = why
            );
            report = report.detail(
                Status::Unknown,
                Some(&node.node),
                msg!("item-dump"),
                message,
            );
        }
    }
    report.hint(msg!("cal-hint-incomplete"))
}

/// Node facts and size metrics, whatever the verdict.
fn with_facts(mut report: Report, sides: &[(&str, &NodeDump); 2]) -> Report {
    for (role, node) in sides {
        let facts = match &node.dump {
            Ok(d) => json!({
                "role": role,
                "dump_bytes": d.bytes,
                "hash": d.hash,
                "tables": d.tables.len(),
                "rows": d.total_rows(),
                "pg_dump_version": d.pg_dump_version,
                "server_version": d.server_version,
                "restrict_key": d.restrict_key,
            }),
            Err(e) => json!({ "role": role, "error": e.trim() }),
        };
        report.nodes.insert(node.node.clone(), facts);
        if let Ok(d) = &node.dump {
            let bytes = Metric {
                value: d.bytes as f64,
                unit: "B",
                warn: None,
                crit: None,
            };
            report = report.metric(&format!("{role}_bytes"), bytes);
        }
    }
    report
}

fn first_line(s: &Msg) -> Msg {
    match s.lines().map(str::trim).any(|l| !l.is_empty()) {
        true => s.map(|s| {
            let first = s.lines().map(str::trim).find(|l| !l.is_empty());
            first.unwrap_or_default().to_string()
        }),
        false => msg!("cal-no-message"),
    }
}

/// pg_dump's message on one line (it adds a tab-indented hint line on connection errors).
fn one_line(s: &Msg) -> Msg {
    match s.lines().map(str::trim).any(|l| !l.is_empty()) {
        true => s.map(|s| {
            let lines: Vec<_> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            lines.join(" ")
        }),
        false => msg!("cal-no-message"),
    }
}
