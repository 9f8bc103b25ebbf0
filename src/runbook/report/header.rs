//! The report's header: which site, runbook and run, who ran it from where, when, how it
//! ended, and with which tvdr and which exact runbook text.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::text as t;
use super::view::{Event, View};
use super::{outcome_label, Site};
use crate::runbook::journal::Outcome;

pub fn section(view: &View, site: &Site) -> String {
    let r = &view.redactor;
    let start = view.start.as_ref();
    let rb = view.runbook;
    let rollback = start.is_some_and(|s| s.rollback);
    let mut out = format!(
        "# {}{} — run report\n\n",
        r.md(view.text(&rb.title)),
        if rollback { " (rollback)" } else { "" }
    );
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "- **{label}:** {value}");
    };
    line("Site", r.md(start.map_or(site.name.as_str(), |s| s.site)));
    line(
        "Runbook",
        format!("{} — {}", r.code(&rb.id), r.md(view.text(&rb.title))),
    );
    line(
        "Run",
        start.map_or_else(
            || "unknown (the journal has no start record)".into(),
            |s| r.code(s.run_id),
        ),
    );
    line("Operators", operators(view));
    let first = view.events.first().map(Event::at);
    let last = view.events.last().map(Event::at);
    if let Some(first) = first {
        line("Started", t::time(first));
    }
    let finished = view
        .events
        .iter()
        .any(|e| matches!(e, Event::Finished { .. }));
    if let (Some(first), Some(last)) = (first, last) {
        let label = if finished { "Ended" } else { "Last activity" };
        line(
            label,
            format!(
                "{} (elapsed {})",
                t::time(last),
                t::duration(last.since(first))
            ),
        );
    }
    line("Result", result(view, finished));
    if let Some(s) = start {
        line("tvdr version", r.md(s.tvdr_version));
        line(
            "Runbook source",
            format!("{}, SHA-256 {}", r.code(s.source), r.code(s.hash)),
        );
        line(
            "Inventory",
            format!(
                "{}, SHA-256 {}",
                r.code(s.inventory),
                r.code(s.inventory_hash)
            ),
        );
    }
    out.push('\n');
    out.push_str(&changes(view, start.map(|s| s.hash)));
    out
}

/// Every operator and machine that started, resumed or abandoned the run, in order, once
/// each.
fn operators(view: &View) -> String {
    let r = &view.redactor;
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for e in &view.events {
        if let Event::Started { operator, host, .. }
        | Event::Resumed { operator, host, .. }
        | Event::TakenOver { operator, host, .. }
        | Event::Abandoned { operator, host, .. } = e
        {
            if !seen.contains(&(operator, host)) {
                seen.push((operator, host));
            }
        }
    }
    if seen.is_empty() {
        return "unknown".into();
    }
    seen.iter()
        .map(|(op, host)| format!("{} on {}", r.md(op), r.code(host)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Finished, or where it stopped and why, with the count of each final outcome.
fn result(view: &View, finished: bool) -> String {
    let r = &view.redactor;
    let mut last: BTreeMap<&str, Outcome> = BTreeMap::new();
    for f in view.steps() {
        last.insert(f.id, f.outcome);
    }
    let counts: Vec<String> = [
        Outcome::Done,
        Outcome::Skipped,
        Outcome::Overridden,
        Outcome::Failed,
        Outcome::Aborted,
    ]
    .into_iter()
    .map(|o| (last.values().filter(|v| **v == o).count(), o))
    .filter(|(n, _)| *n > 0)
    .map(|(n, o)| format!("{n} {}", outcome_label(o)))
    .collect();
    let counts = if counts.is_empty() {
        String::new()
    } else {
        format!(" — {}", counts.join(", "))
    };
    if finished {
        return format!("**finished**{counts}");
    }
    if let Some(Event::Abandoned {
        reason, operator, ..
    }) = view
        .events
        .iter()
        .find(|e| matches!(e, Event::Abandoned { .. }))
    {
        return format!(
            "**abandoned** by {}: {}{counts}",
            r.md(operator),
            r.md(reason)
        );
    }
    let stop = view
        .events
        .iter()
        .rev()
        .find(|e| matches!(e, Event::Step(_) | Event::Interrupted { .. }));
    let what = match stop {
        Some(Event::Step(f)) if matches!(f.outcome, Outcome::Failed | Outcome::Aborted) => format!(
            "**stopped at step {}** ({}: {})",
            r.code(f.id),
            outcome_label(f.outcome),
            r.md(f.reason.unwrap_or_default())
        ),
        Some(Event::Interrupted {
            step,
            killed,
            reason,
            ..
        }) => format!(
            "**interrupted**{}{}",
            step.map(|s| format!(" at step {}", r.code(s)))
                .unwrap_or_default(),
            match (killed, reason) {
                (true, _) =>
                    " (no record of its end: tvdr was killed or lost, or the step is still running)"
                        .to_string(),
                (false, Some(reason)) => format!(": {}", r.md(reason)),
                (false, None) => String::new(),
            }
        ),
        Some(Event::Step(f)) => format!("**not finished** (last step: {})", r.code(f.id)),
        _ => "**not started**".to_string(),
    };
    format!("{what}{counts}")
}

/// Warnings when the runbook text changed during the run, or differs from today's file.
fn changes(view: &View, started_with: Option<&str>) -> String {
    let r = &view.redactor;
    let mut out = String::new();
    let Some(started_with) = started_with else {
        return out;
    };
    let mut current = started_with;
    for e in &view.events {
        if let Event::Resumed {
            at, operator, hash, ..
        } = e
        {
            if *hash != current {
                let _ = writeln!(
                    out,
                    "> **Warning:** the runbook changed during the run: resumed at {} by {} with SHA-256 {}.\n",
                    t::time(*at),
                    r.md(operator),
                    r.code(hash)
                );
                current = hash;
            }
        }
    }
    if view.runbook.source.hash != current {
        let _ = writeln!(
            out,
            "> **Note:** the runbook file is no longer the one this run used (now SHA-256 {}): stage and step titles below are today's.\n",
            r.code(&view.runbook.source.hash)
        );
    }
    out
}
