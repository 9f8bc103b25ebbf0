//! The report's header: which site, runbook and run, who ran it from where, when, how it
//! ended, and with which tvdr and which exact runbook text.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::text as t;
use super::view::{Event, View};
use super::{outcome_count, outcome_word, Site};
use crate::runbook::journal::Outcome;
use crate::t;

pub fn section(view: &View, site: &Site) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let start = view.start.as_ref();
    let rb = view.runbook;
    let rollback = start.is_some_and(|s| s.rollback);
    let mut out = format!(
        "# {}\n\n",
        t!(
            in l,
            "report-title",
            title = r.md(view.text(&rb.title)),
            rollback = if rollback { t!(in l, "report-rollback") } else { String::new() }
        )
    );
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "- **{label}:** {value}");
    };
    line(
        &t!(in l, "report-site"),
        r.md(start.map_or(site.name.as_str(), |s| s.site)),
    );
    line(
        &t!(in l, "report-runbook"),
        format!("{} — {}", r.code(&rb.id), r.md(view.text(&rb.title))),
    );
    line(
        &t!(in l, "report-run"),
        start.map_or_else(|| t!(in l, "report-run-unknown"), |s| r.code(s.run_id)),
    );
    line(&t!(in l, "report-operators"), operators(view));
    let first = view.events.first().map(Event::at);
    let last = view.events.last().map(Event::at);
    if let Some(first) = first {
        line(&t!(in l, "report-started"), t::time(first));
    }
    let finished = view
        .events
        .iter()
        .any(|e| matches!(e, Event::Finished { .. }));
    if let (Some(first), Some(last)) = (first, last) {
        let label = if finished {
            t!(in l, "report-ended")
        } else {
            t!(in l, "report-last-activity")
        };
        line(
            &label,
            t!(
                in l,
                "report-elapsed",
                at = t::time(last),
                elapsed = t::duration(last.since(first))
            ),
        );
    }
    line(&t!(in l, "report-result"), result(view, finished));
    if let Some(s) = start {
        line(&t!(in l, "report-tvdr-version"), r.md(s.tvdr_version));
        line(
            &t!(in l, "report-runbook-source"),
            format!("{}, SHA-256 {}", r.code(s.source), r.code(s.hash)),
        );
        line(
            &t!(in l, "report-inventory"),
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
        return t!(in view.lang, "report-unknown");
    }
    seen.iter()
        .map(|(op, host)| t!(in view.lang, "report-operator-on", operator = r.md(op), host = r.code(host)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Finished, or where it stopped and why, with the count of each final outcome.
fn result(view: &View, finished: bool) -> String {
    let r = &view.redactor;
    let l = view.lang;
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
    .map(|(n, o)| outcome_count(o, n, l))
    .collect();
    let counts = if counts.is_empty() {
        String::new()
    } else {
        format!(" — {}", counts.join(", "))
    };
    if finished {
        return format!("**{}**{counts}", t!(in l, "report-finished"));
    }
    if let Some(Event::Abandoned {
        reason, operator, ..
    }) = view
        .events
        .iter()
        .find(|e| matches!(e, Event::Abandoned { .. }))
    {
        return format!(
            "{}{counts}",
            t!(in l, "report-abandoned", operator = r.md(operator), reason = r.md(reason))
        );
    }
    let stop = view
        .events
        .iter()
        .rev()
        .find(|e| matches!(e, Event::Step(_) | Event::Interrupted { .. }));
    let what = match stop {
        Some(Event::Step(f)) if matches!(f.outcome, Outcome::Failed | Outcome::Aborted) => t!(
            in l,
            "report-stopped-at",
            step = r.code(f.id),
            outcome = outcome_word(f.outcome, l),
            reason = r.md(f.reason.unwrap_or_default())
        ),
        Some(Event::Interrupted {
            step,
            killed,
            reason,
            ..
        }) => format!(
            "**{}**{}{}",
            t!(in l, "report-interrupted"),
            step.map(|s| t!(in l, "report-at-step", step = r.code(s)))
                .unwrap_or_default(),
            match (killed, reason) {
                (true, _) => t!(in l, "report-interrupted-killed"),
                (false, Some(reason)) => format!(": {}", r.md(reason)),
                (false, None) => String::new(),
            }
        ),
        Some(Event::Step(f)) => t!(in l, "report-not-finished", step = r.code(f.id)),
        _ => t!(in l, "report-not-started"),
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
                    "{}\n",
                    t!(
                        in view.lang,
                        "report-runbook-changed",
                        at = t::time(*at),
                        operator = r.md(operator),
                        hash = r.code(hash)
                    )
                );
                current = hash;
            }
        }
    }
    if view.runbook.source.hash != current {
        let _ = writeln!(
            out,
            "{}\n",
            t!(
                in view.lang,
                "report-runbook-replaced",
                hash = r.code(&view.runbook.source.hash)
            )
        );
    }
    out
}
