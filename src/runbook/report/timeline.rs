//! The timeline (every step and every session event in journal order) and the overrides —
//! the steps that failed and were gone past with a written reason, which a reviewer reads
//! first.

use std::fmt::Write;

use super::evidence;
use super::outcome_word;
use super::text as t;
use super::uat;
use super::view::{Event, Finish, View};
use crate::runbook::journal::Outcome;
use crate::runbook::raw::RawService;
use crate::t;

/// Longest evidence shown in a timeline cell; the sections below show the rest.
const EVIDENCE_CHARS: usize = 200;

pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let mut out = format!(
        "## {}\n\n| {} |\n|---|---|---|---|---|---|---|\n",
        t!(in l, "report-timeline"),
        t!(in l, "report-timeline-columns")
    );
    let first = view.events.first().map(Event::at);
    let phases = uat::phases(view);
    for e in &view.events {
        let row = match e {
            Event::Started { operator, host, .. } => event_row(
                &t!(in l, "report-run-started"),
                &t!(in l, "report-by-on", operator = r.md(operator), host = r.code(host)),
            ),
            Event::Resumed { operator, host, .. } => event_row(
                &t!(in l, "report-run-resumed"),
                &t!(in l, "report-by-on", operator = r.md(operator), host = r.code(host)),
            ),
            Event::TakenOver {
                operator,
                host,
                from_operator,
                from_host,
                node,
                ..
            } => event_row(
                &t!(in l, "report-run-taken-over"),
                &t!(
                    in l,
                    "report-taken-over-detail",
                    operator = r.md(operator),
                    host = r.code(host),
                    from_operator = r.md(from_operator),
                    from_host = r.code(from_host),
                    node = r.code(node)
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
                    None => (
                        String::new(),
                        format!("*{}*", t!(in l, "report-between-steps")),
                        String::new(),
                    ),
                };
                let why = match (killed, reason) {
                    (true, _) => t!(in l, "report-interrupted-killed-resume"),
                    (false, Some(reason)) => t!(
                        in l,
                        "report-interrupted-reason-resume",
                        reason = r.md(&t::shorten(reason, EVIDENCE_CHARS))
                    ),
                    (false, None) => t!(in l, "report-interrupted-inside-resume"),
                };
                let interrupted = t!(in l, "report-step-interrupted");
                format!("{stage} | {title} | {kind} | ⏸ {interrupted} |  | {why}")
            }
            Event::Decided { decided, .. } => event_row(
                &t!(in l, "report-decision"),
                &r.md(&evidence::run_decision(decided, l)),
            ),
            Event::Abandoned {
                reason,
                operator,
                host,
                ..
            } => event_row(
                &t!(in l, "report-run-abandoned"),
                &t!(
                    in l,
                    "report-abandoned-detail",
                    reason = r.md(reason),
                    operator = r.md(operator),
                    host = r.code(host)
                ),
            ),
            Event::LockBroken { reason, holder, .. } => event_row(
                &t!(in l, "report-lock-broken"),
                &t!(in l, "report-held-by", reason = r.md(reason), holder = r.md(holder)),
            ),
            Event::Finished { at } => {
                let elapsed = first.map(|f| t::duration(at.since(f))).unwrap_or_default();
                format!(
                    " | *{}* |  |  | {elapsed} | ",
                    t!(in l, "report-run-finished")
                )
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
    let l = view.lang;
    match super::view::find(view.runbook, id) {
        Some(info) => {
            let kind = info.step.kind.name();
            (
                r.md(view.text(&info.stage.title)),
                format!("{} ({})", r.md(view.text(&info.step.title)), r.code(id)),
                match info.step.service {
                    Some(RawService::Down) => t!(in l, "report-kind-service-down", kind = kind),
                    Some(RawService::Up) => t!(in l, "report-kind-service-up", kind = kind),
                    Some(RawService::Outage) => {
                        t!(in l, "report-kind-service-outage", kind = kind)
                    }
                    None => kind.to_string(),
                },
            )
        }
        None => (
            "?".into(),
            t!(in l, "report-no-longer-in-runbook", step = r.code(id)),
            "?".into(),
        ),
    }
}

fn step_row(view: &View, f: &Finish, phase: Option<&uat::Phase>) -> String {
    let r = &view.redactor;
    let (stage, title, kind) = describe(view, f.id);
    let word = outcome_word(f.outcome, view.lang);
    let outcome = match f.reason {
        Some(reason) => format!("{} {word}: {}", f.outcome.mark(), r.md(reason)),
        None => format!("{} {word}", f.outcome.mark()),
    };
    let duration = if f.outcome == Outcome::Skipped {
        String::new()
    } else {
        t::seconds(f.seconds)
    };
    let mut line = evidence::line(f.evidence, view.lang);
    if let Some(phase) = phase {
        line = [phase.counts_line(view.lang), line]
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
    let l = view.lang;
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
                    r.md(&evidence::override_by(f.evidence, f.operator, l)),
                    r.md(&f
                        .reason
                        .map_or_else(|| t!(in l, "report-no-reason"), str::to_string))
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
                    "| {} | {} | {} | {} |",
                    t::time(*at),
                    t!(in l, "report-lock-broken-by", holder = r.md(holder)),
                    r.md(operator),
                    r.md(reason)
                );
            }
            _ => {}
        }
    }
    let heading = t!(in l, "report-overrides");
    if rows.is_empty() {
        return format!("## {heading}\n\n{}\n\n", t!(in l, "report-overrides-none"));
    }
    format!(
        "## {heading}\n\n{}\n\n| {} |\n|---|---|---|---|\n{rows}\n",
        t!(in l, "report-overrides-intro"),
        t!(in l, "report-overrides-columns")
    )
}
