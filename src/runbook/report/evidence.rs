//! The key evidence of a step in one line: answers, check statuses, exit codes — and, for the step kinds this module does not know, their plain fields.
//! Evidence is read as JSON on purpose: a journal written by an older or newer tvdr still
//! makes a report.

use serde_json::{Map, Value};

use super::text::{is_secret_name, shorten, MASK};
use crate::i18n::Lang;
use crate::runbook::decided::{Decided, Source, What};
use crate::t;

/// Fields shown by a dedicated rule below, or too noisy for one line.
const HANDLED: &[&str] = &[
    "answers",
    "decided_by",
    "operator",
    "confirmed_at",
    "shown_at",
    "reports",
    "reports_it",
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
pub fn line(evidence: &Value, lang: Lang) -> String {
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
        parts.push(reports_line(reports, fields.get("attempts"), lang));
    }
    if let Some(hosts) = fields.get("hosts").and_then(Value::as_object) {
        parts.push(hosts_line(hosts, lang));
    }
    match decided(evidence) {
        // Journals written before tvdr said who decided: the session's operator.
        None if fields.get("answers").is_some() && parts.is_empty() => {
            if let Some(who) = fields.get("operator").and_then(Value::as_str) {
                parts.push(t!(in lang, "report-confirmed-by", operator = who));
            }
        }
        None => {}
        Some(list) => parts.push(decided_line(&list, lang)),
    }
    parts.extend(super::wait::line(fields, lang));
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

fn reports_line(reports: &[Value], attempts: Option<&Value>, lang: Lang) -> String {
    let mut line = reports
        .iter()
        .map(|r| format!("{} {}", text(r, "name"), text(r, "status")))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(n) = attempts.and_then(Value::as_u64).filter(|n| *n > 1) {
        line.push_str(&t!(in lang, "report-attempt", attempt = n));
    }
    line
}

fn hosts_line(hosts: &Map<String, Value>, lang: Lang) -> String {
    hosts
        .iter()
        .map(
            |(node, result)| match result.get("exit").and_then(Value::as_i64) {
                Some(code) => t!(in lang, "report-node-exit", node = node.as_str(), code = code),
                None => match result.get("error").and_then(Value::as_str) {
                    Some(err) => t!(
                        in lang,
                        "report-node-error",
                        node = node.as_str(),
                        error = shorten(err, 80)
                    ),
                    None => t!(in lang, "report-node-no-result", node = node.as_str()),
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
        .filter(|(name, _)| {
            !HANDLED.contains(&name.as_str()) && !super::wait::FIELDS.contains(&name.as_str())
        })
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
pub fn decided_line(list: &[Decided], lang: Lang) -> String {
    let mut groups: Vec<(String, usize, String)> = Vec::new();
    for d in list {
        let kind = match &d.what {
            What::Gate { passed: false } => t!(in lang, "report-gate-refused"),
            What::Gate { passed: true } => t!(in lang, "report-gate-passed"),
            What::Confirmation { yes: false, .. } => t!(in lang, "report-declined"),
            other => what(other, lang),
        };
        let by = by_source(&d.by, lang);
        match groups.iter_mut().find(|(k, _, b)| *k == kind && *b == by) {
            Some(group) => group.1 += 1,
            None => groups.push((kind, 1, by)),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(kind, n, by)| match n {
            1 => t!(in lang, "report-decided-by", what = kind, by = by),
            _ => t!(in lang, "report-decided-by-times", times = n, what = kind, by = by),
        })
        .collect();
    t!(in lang, "report-decided", decisions = parts.join("; "))
}

/// A decision about the whole run, in one line.
pub fn run_decision(d: &Decided, lang: Lang) -> String {
    match &d.what {
        What::Confirmation { prompt, yes } => t!(
            in lang,
            "report-run-confirmation",
            prompt = prompt.as_str(),
            answer = if *yes {
                t!(in lang, "report-yes")
            } else {
                t!(in lang, "report-no")
            },
            by = by_source(&d.by, lang)
        ),
        other => t!(
            in lang,
            "report-decided-by",
            what = what(other, lang),
            by = by_source(&d.by, lang)
        ),
    }
}

/// Who gave an override: from the step's decisions, else (older journals) the operator.
pub fn override_by(evidence: &Value, operator: &str, lang: Lang) -> String {
    decided(evidence)
        .and_then(|list| {
            list.into_iter()
                .rev()
                .find(|d| d.what == What::Override)
                .map(|d| by_whom(&d.by, operator, lang))
        })
        .unwrap_or_else(|| operator.to_string())
}

/// Who gave the answer `name` in this step, when the journal says.
pub fn answer_by(evidence: &Value, name: &str, operator: &str, lang: Lang) -> Option<String> {
    decided(evidence)?
        .into_iter()
        .find(|d| matches!(&d.what, What::Answer { name: n } if n == name))
        .map(|d| by_whom(&d.by, operator, lang))
}

/// A source for a table cell; a file or `--yes` names the operator who ran it too.
fn by_whom(by: &Source, operator: &str, lang: Lang) -> String {
    match by {
        Source::Operator { .. } => source(by, lang),
        _ => t!(in lang, "report-run-by", by = source(by, lang), operator = operator),
    }
}

/// Where a decision came from, in the report's language (the journal keeps the neutral
/// `Source`).
fn source(by: &Source, lang: Lang) -> String {
    match by {
        Source::Operator { operator } => {
            t!(in lang, "report-source-operator", operator = operator.as_str())
        }
        Source::AnswersFile => t!(in lang, "report-source-answers-file"),
        Source::Yes => "--yes".to_string(),
    }
}

/// "by the answers file": the source after a decision (Italian joins the preposition to
/// the article).
fn by_source(by: &Source, lang: Lang) -> String {
    let (kind, operator) = match by {
        Source::Operator { operator } => ("operator", operator.as_str()),
        Source::AnswersFile => ("file", ""),
        Source::Yes => ("yes", ""),
    };
    t!(in lang, "report-by-source", source = kind, operator = operator)
}

/// What was decided, one of it, in the report's language.
fn what(what: &What, lang: Lang) -> String {
    match what {
        What::Answer { .. } => t!(in lang, "report-what-answer"),
        What::Confirmation { .. } => t!(in lang, "report-what-confirmation"),
        What::Gate { .. } => t!(in lang, "report-what-gate"),
        What::Override => t!(in lang, "report-what-override"),
        What::Retry => t!(in lang, "report-what-retry"),
        What::Stop => t!(in lang, "report-what-stop"),
        What::Uat { .. } => t!(in lang, "report-what-uat"),
    }
}

/// A string field of a JSON object, empty when missing.
pub fn text<'a>(value: &'a Value, field: &str) -> &'a str {
    value.get(field).and_then(Value::as_str).unwrap_or_default()
}
