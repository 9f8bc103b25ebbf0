//! The key evidence of a step in one line: answers, check statuses, exit codes — and, for the step kinds this module does not know, their plain fields.
//! Evidence is read as JSON on purpose: a journal written by an older or newer tvdr still
//! makes a report.

use serde_json::{Map, Value};

use super::text::{is_secret_name, shorten, MASK};
use crate::runbook::decided::{Decided, Source, What};

/// Fields shown by a dedicated rule below, or too noisy for one line.
const HANDLED: &[&str] = &[
    "answers",
    "decided_by",
    "operator",
    "confirmed_at",
    "shown_at",
    "reports",
    "attempts",
    "command",
    "hosts",
    "phase",
    "cases",
    "results",
    "regressions",
    "checklist",
    "seconds",
    "started_at",
    "log",
    "success_regex",
    "rules",
    "success_rule",
    "failure_rule",
    "boot_id_before",
    "boot_id_after",
];

/// A one-line summary, plain text (the caller escapes it). UAT counts are added by the
/// timeline, which knows the regressions across phases.
pub fn line(evidence: &Value) -> String {
    let Some(fields) = evidence.as_object() else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(answers) = fields.get("answers").and_then(Value::as_object) {
        if !answers.is_empty() {
            parts.push(answers_line(answers));
        }
    }
    if let Some(reports) = fields.get("reports").and_then(Value::as_array) {
        parts.push(reports_line(reports, fields.get("attempts")));
    }
    if let Some(hosts) = fields.get("hosts").and_then(Value::as_object) {
        parts.push(hosts_line(hosts));
    }
    match decided(evidence) {
        // Journals written before tvdr said who decided: the session's operator.
        None if fields.get("answers").is_some() && parts.is_empty() => {
            if let Some(who) = fields.get("operator").and_then(Value::as_str) {
                parts.push(format!("confirmed by {who}"));
            }
        }
        None => {}
        Some(list) => parts.push(decided_line(&list)),
    }
    parts.extend(others(fields));
    parts.retain(|p| !p.is_empty());
    parts.join("; ")
}

pub fn answers_line(answers: &Map<String, Value>) -> String {
    answers
        .iter()
        .map(|(name, value)| format!("{name} = {}", answer(name, value)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An answer as given, or the mask.
pub fn answer(name: &str, value: &Value) -> String {
    if is_secret_name(name) {
        return MASK.to_string();
    }
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn reports_line(reports: &[Value], attempts: Option<&Value>) -> String {
    let mut line = reports
        .iter()
        .map(|r| format!("{} {}", text(r, "name"), text(r, "status")))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(n) = attempts.and_then(Value::as_u64).filter(|n| *n > 1) {
        line.push_str(&format!(" (attempt {n})"));
    }
    line
}

fn hosts_line(hosts: &Map<String, Value>) -> String {
    hosts
        .iter()
        .map(
            |(node, result)| match result.get("exit").and_then(Value::as_i64) {
                Some(code) => format!("{node} exit {code}"),
                None => match result.get("error").and_then(Value::as_str) {
                    Some(err) => format!("{node} error: {}", shorten(err, 80)),
                    None => format!("{node} no result"),
                },
            },
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fields of kinds this module has no rule for: short scalars as `name: value`; long
/// texts (logs, output tails) and nested data are left to the journal.
fn others(fields: &Map<String, Value>) -> Vec<String> {
    fields
        .iter()
        .filter(|(name, _)| !HANDLED.contains(&name.as_str()))
        .filter_map(|(name, value)| {
            let shown = match value {
                _ if is_secret_name(name) => MASK.to_string(),
                Value::String(s) if s.len() <= 80 && !s.contains('\n') => s.clone(),
                Value::Number(n) if name.ends_with("seconds") => {
                    super::text::seconds(n.as_f64().unwrap_or_default())
                }
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some(format!("{name}: {shown}"))
        })
        .collect()
}

/// The step's decisions and where each came from, if the journal says.
fn decided(evidence: &Value) -> Option<Vec<Decided>> {
    serde_json::from_value(evidence.get("decided_by")?.clone()).ok()
}

/// "gate passed by tech-a at the terminal; 2 answers by the answers file": decisions of
/// the same kind and source counted together, in the order they were first made.
pub fn decided_line(list: &[Decided]) -> String {
    let mut groups: Vec<(String, usize, String)> = Vec::new();
    for d in list {
        let kind = match &d.what {
            What::Gate { passed: false } => "gate refused".to_string(),
            What::Gate { passed: true } => "gate passed".to_string(),
            What::Confirmation { yes: false, .. } => "declined".to_string(),
            other => other.label(1),
        };
        let by = d.by.to_string();
        match groups.iter_mut().find(|(k, _, b)| *k == kind && *b == by) {
            Some(group) => group.1 += 1,
            None => groups.push((kind, 1, by)),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(kind, n, by)| match n {
            1 => format!("{kind} by {by}"),
            _ => format!("{n}× {kind} by {by}"),
        })
        .collect();
    format!("decided: {}", parts.join("; "))
}

/// A decision about the whole run, in one line.
pub fn run_decision(d: &Decided) -> String {
    match &d.what {
        What::Confirmation { prompt, yes } => {
            format!("{prompt} {} — by {}", if *yes { "yes" } else { "no" }, d.by)
        }
        other => format!("{} by {}", other.label(1), d.by),
    }
}

/// Who gave an override: from the step's decisions, else (older journals) the operator.
pub fn override_by(evidence: &Value, operator: &str) -> String {
    decided(evidence)
        .and_then(|list| {
            list.into_iter()
                .rev()
                .find(|d| d.what == What::Override)
                .map(|d| by_whom(&d.by, operator))
        })
        .unwrap_or_else(|| operator.to_string())
}

/// Who gave the answer `name` in this step, when the journal says.
pub fn answer_by(evidence: &Value, name: &str, operator: &str) -> Option<String> {
    decided(evidence)?
        .into_iter()
        .find(|d| matches!(&d.what, What::Answer { name: n } if n == name))
        .map(|d| by_whom(&d.by, operator))
}

/// A source for a table cell; a file or `--yes` names the operator who ran it too.
fn by_whom(by: &Source, operator: &str) -> String {
    match by {
        Source::Operator { .. } => by.to_string(),
        _ => format!("{by} (run by {operator})"),
    }
}

/// A string field of a JSON object, empty when missing.
pub fn text<'a>(value: &'a Value, field: &str) -> &'a str {
    value.get(field).and_then(Value::as_str).unwrap_or_default()
}
