//! The key evidence of a step in one line: answers, check statuses, exit codes — and, for the step kinds this module does not know, their plain fields.
//! Evidence is read as JSON on purpose: a journal written by an older or newer tvdr still
//! makes a report.

use serde_json::{Map, Value};

use super::text::{is_secret_name, shorten, MASK};

/// Fields shown by a dedicated rule below, or too noisy for one line.
const HANDLED: &[&str] = &[
    "answers",
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
    if fields.get("answers").is_some() && parts.is_empty() {
        if let Some(who) = fields.get("operator").and_then(Value::as_str) {
            parts.push(format!("confirmed by {who}"));
        }
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

/// A string field of a JSON object, empty when missing.
pub fn text<'a>(value: &'a Value, field: &str) -> &'a str {
    value.get(field).and_then(Value::as_str).unwrap_or_default()
}
