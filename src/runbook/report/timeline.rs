//! The timeline (every step and every session event in journal order) and the overrides —
//! the steps that failed and were gone past with a written reason, which a reviewer reads
//! first.

use std::fmt::Write;

use super::evidence;
use super::outcome_label;
use super::text as t;
use super::uat;
use super::view::{Event, Finish, View};
use crate::runbook::journal::Outcome;
use crate::runbook::raw::RawService;

/// Longest evidence shown in a timeline cell; the sections below show the rest.
const EVIDENCE_CHARS: usize = 200;

pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let mut out = String::from(
        "## Timeline\n\n| Time | Stage | Step | Kind | Outcome | Duration | Evidence |\n|---|---|---|---|---|---|---|\n",
    );
    let first = view.events.first().map(Event::at);
    let phases = uat::phases(view);
    for e in &view.events {
        let row = match e {
            Event::Started { operator, host, .. } => event_row(
                "run started",
                &format!("by {} on {}", r.md(operator), r.code(host)),
            ),
            Event::Resumed { operator, host, .. } => event_row(
                "run resumed",
                &format!("by {} on {}", r.md(operator), r.code(host)),
            ),
            Event::TakenOver {
                operator,
                host,
                from_operator,
                from_host,
                node,
                ..
            } => event_row(
                "run taken over",
                &format!(
                    "by {} on {} from {} on {} (journal mirrored on {})",
                    r.md(operator),
                    r.code(host),
                    r.md(from_operator),
                    r.code(from_host),
                    r.code(node)
                ),
            ),
            Event::Step(f) => {
                let phase = phases
                    .iter()
                    .find(|(p, _)| std::ptr::eq(*p, f))
                    .map(|(_, phase)| phase);
                step_row(view, f, phase)
            }
            Event::Interrupted {
                step,
                killed,
                reason,
                ..
            } => {
                let (stage, title, kind) = match step {
                    Some(id) => describe(view, id),
                    None => (String::new(), "*(between steps)*".into(), String::new()),
                };
                let why = match (killed, reason) {
                    (true, _) => "started, no record of its end: tvdr was killed or lost, or the step is still running; re-entered on resume".to_string(),
                    (false, Some(reason)) => format!("{}; re-entered on resume", r.md(&t::shorten(reason, EVIDENCE_CHARS))),
                    (false, None) => "the run was stopped inside this step (Ctrl-C, or a person was needed and none could answer); re-entered on resume".to_string(),
                };
                format!("{stage} | {title} | {kind} | ⏸ interrupted |  | {why}")
            }
            Event::Decided { decided, .. } => {
                event_row("decision", &r.md(&evidence::run_decision(decided)))
            }
            Event::Abandoned {
                reason,
                operator,
                host,
                ..
            } => event_row(
                "run abandoned",
                &format!(
                    "{} (by {} on {}); closed, never resumed",
                    r.md(reason),
                    r.md(operator),
                    r.code(host)
                ),
            ),
            Event::LockBroken { reason, holder, .. } => event_row(
                "lock broken",
                &format!("{} (held by {})", r.md(reason), r.md(holder)),
            ),
            Event::Finished { at } => {
                let elapsed = first.map(|f| t::duration(at.since(f))).unwrap_or_default();
                format!(" | *run finished* |  |  | {elapsed} | ")
            }
        };
        let _ = writeln!(out, "| {} | {row} |", t::time(e.at()));
    }
    out.push('\n');
    out
}

fn event_row(what: &str, detail: &str) -> String {
    format!(" | *{what}* |  |  |  | {detail}")
}

/// Stage title, step title with its id, and kind — escaped, for a table.
fn describe(view: &View, id: &str) -> (String, String, String) {
    let r = &view.redactor;
    match super::view::find(view.runbook, id) {
        Some(info) => (
            r.md(view.text(&info.stage.title)),
            format!("{} ({})", r.md(view.text(&info.step.title)), r.code(id)),
            match info.step.service {
                Some(RawService::Down) => format!("{}, service down", info.step.kind.name()),
                Some(RawService::Up) => format!("{}, service up", info.step.kind.name()),
                Some(RawService::Outage) => {
                    format!("{}, service out while it runs", info.step.kind.name())
                }
                None => info.step.kind.name().to_string(),
            },
        ),
        None => (
            "?".into(),
            format!("{} (no longer in the runbook)", r.code(id)),
            "?".into(),
        ),
    }
}

fn step_row(view: &View, f: &Finish, phase: Option<&uat::Phase>) -> String {
    let r = &view.redactor;
    let (stage, title, kind) = describe(view, f.id);
    let outcome = match f.reason {
        Some(reason) => format!(
            "{} {}: {}",
            f.outcome.mark(),
            outcome_label(f.outcome),
            r.md(reason)
        ),
        None => format!("{} {}", f.outcome.mark(), outcome_label(f.outcome)),
    };
    let duration = if f.outcome == Outcome::Skipped {
        String::new()
    } else {
        t::seconds(f.seconds)
    };
    let mut line = evidence::line(f.evidence);
    if let Some(phase) = phase {
        line = [phase.counts_line(), line]
            .join("; ")
            .trim_end_matches("; ")
            .to_string();
    }
    let line = t::shorten(&r.clean(&line), EVIDENCE_CHARS);
    format!(
        "{stage} | {title} | {kind} | {outcome} | {duration} | {}",
        t::escape(&line)
    )
}

/// Every override and broken lock, with its reason and who gave it (the operator at the
/// terminal, or the answers file — the run's operator is named with it).
pub fn overrides(view: &View) -> String {
    let r = &view.redactor;
    let mut rows = String::new();
    for e in &view.events {
        match e {
            Event::Step(f) if f.outcome == Outcome::Overridden => {
                let _ = writeln!(
                    rows,
                    "| {} | {} ({}) | {} | {} |",
                    t::time(f.at),
                    r.md(&view.title(f.id)),
                    r.code(f.id),
                    r.md(&evidence::override_by(f.evidence, f.operator)),
                    r.md(f.reason.unwrap_or("(no reason recorded)"))
                );
            }
            Event::LockBroken {
                at,
                reason,
                holder,
                operator,
            } => {
                let _ = writeln!(
                    rows,
                    "| {} | *run lock broken* (held by {}) | {} | {} |",
                    t::time(*at),
                    r.md(holder),
                    r.md(operator),
                    r.md(reason)
                );
            }
            _ => {}
        }
    }
    if rows.is_empty() {
        return "## Overrides\n\nNo step was overridden.\n\n".into();
    }
    format!("## Overrides\n\nSteps that failed and were gone past on a written reason.\n\n| Time | Step | Decided by | Reason |\n|---|---|---|---|\n{rows}\n")
}
