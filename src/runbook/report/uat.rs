//! UAT results per phase: every case's result and note, and the regressions — cases that
//! passed in an earlier phase and fail now, the first thing a reviewer looks for.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

use super::evidence::text;
use super::text as t;
use super::view::{Finish, View};
use crate::i18n::Lang;
use crate::runbook::model::Kind;
use crate::t;

pub struct Case {
    pub id: String,
    pub title: String,
    pub area: String,
    /// `pass`, `fail`, `skip` (or whatever the journal says, lowercased).
    pub result: String,
    pub note: String,
}

pub struct Phase {
    pub name: String,
    pub cases: Vec<Case>,
    /// As recorded by the step (it may compare with phases of earlier runs).
    pub regressions: Vec<Regression>,
}

pub struct Regression {
    pub id: String,
    /// The phase it passed in, when known.
    pub passed_in: String,
}

impl Phase {
    /// Reads a `uat` step's evidence: `cases` or `results`, as a list of objects or a map
    /// from case id to a result or an object. `None` when it holds no UAT results.
    pub fn read(evidence: &Value, step_phase: Option<&str>) -> Option<Phase> {
        let raw = evidence.get("cases").or_else(|| evidence.get("results"))?;
        let cases: Vec<Case> = match raw {
            Value::Array(items) => items
                .iter()
                .map(|c| case(first(c, &["id", "case"]), c))
                .collect(),
            Value::Object(map) => map.iter().map(|(id, c)| case(id, c)).collect(),
            _ => return None,
        };
        let regressions = evidence
            .get("regressions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|r| Regression {
                id: r
                    .as_str()
                    .unwrap_or_else(|| first(r, &["id", "case"]))
                    .to_string(),
                passed_in: text(r, "passed_in").to_string(),
            })
            .collect();
        let name = evidence
            .get("phase")
            .and_then(Value::as_str)
            .or(step_phase)
            .unwrap_or("?");
        Some(Phase {
            name: name.to_string(),
            cases,
            regressions,
        })
    }

    pub fn is_regression(&self, id: &str) -> bool {
        self.regressions.iter().any(|r| r.id == id)
    }

    pub fn count(&self, result: &str) -> usize {
        self.cases.iter().filter(|c| c.result == result).count()
    }

    pub fn counts_line(&self, lang: Lang) -> String {
        let mut line = t!(
            in lang,
            "report-uat-counts",
            phase = self.name.as_str(),
            pass = self.count("pass"),
            fail = self.count("fail"),
            skip = self.count("skip")
        );
        if !self.regressions.is_empty() {
            let n = self.regressions.len();
            line.push_str(&t!(in lang, "report-uat-regressions", count = n));
        }
        line
    }
}

fn case(id: &str, value: &Value) -> Case {
    let (result, note, title, area) = match value {
        Value::String(result) => (result.as_str(), "", "", ""),
        other => (
            first(other, &["result", "status", "outcome"]),
            text(other, "note"),
            text(other, "title"),
            text(other, "area"),
        ),
    };
    let result = result.to_ascii_lowercase();
    let result = match result.as_str() {
        "passed" | "ok" => "pass".to_string(),
        "failed" => "fail".to_string(),
        "skipped" => "skip".to_string(),
        _ => result,
    };
    Case {
        id: id.to_string(),
        title: title.to_string(),
        area: area.to_string(),
        result,
        note: note.to_string(),
    }
}

fn first<'a>(value: &'a Value, fields: &[&str]) -> &'a str {
    fields
        .iter()
        .map(|f| text(value, f))
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

/// Every UAT step of the run with its results, in order. Regressions are the step's own
/// (it may compare with earlier runs) plus those seen within this run.
pub fn phases<'v>(view: &'v View) -> Vec<(&'v Finish<'v>, Phase)> {
    let mut phases = Vec::new();
    // Case id → the latest phase of this run it passed in.
    let mut passed_before: BTreeMap<String, String> = BTreeMap::new();
    for f in view.steps() {
        let step_phase = f.info.and_then(|i| match &i.step.kind {
            Kind::Uat { phase, .. } => Some(phase.as_str()),
            _ => None,
        });
        let Some(mut phase) = Phase::read(f.evidence, step_phase) else {
            continue;
        };
        for case in phase.cases.iter().filter(|c| c.result == "fail") {
            if let Some(passed_in) = passed_before.get(&case.id) {
                if !phase.is_regression(&case.id) {
                    phase.regressions.push(Regression {
                        id: case.id.clone(),
                        passed_in: passed_in.clone(),
                    });
                }
            }
        }
        for case in phase.cases.iter().filter(|c| c.result == "pass") {
            passed_before.insert(case.id.clone(), phase.name.clone());
        }
        phases.push((f, phase));
    }
    phases
}

/// The `## UAT results` section, or nothing when no step recorded UAT results.
pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let mut out = String::new();
    for (f, phase) in phases(view) {
        let _ = writeln!(
            out,
            "### {}\n\n{}\n",
            t!(
                in l,
                "report-uat-phase",
                phase = r.code(&phase.name),
                title = r.md(&view.title(f.id))
            ),
            t!(
                in l,
                "report-uat-phase-line",
                counts = r.md(&phase.counts_line(l)),
                step = r.code(f.id),
                at = t::time(f.at)
            )
        );
        if !phase.regressions.is_empty() {
            let names: Vec<String> = phase
                .regressions
                .iter()
                .map(|c| match c.passed_in.as_str() {
                    "" => r.code(&c.id),
                    phase => t!(
                        in l,
                        "report-uat-passed-in",
                        case = r.code(&c.id),
                        phase = r.code(phase)
                    ),
                })
                .collect();
            let _ = writeln!(
                out,
                "{}\n",
                t!(in l, "report-uat-regressions-line", cases = names.join(", "))
            );
        }
        let areas = phase.cases.iter().any(|c| !c.area.is_empty());
        let _ = if areas {
            writeln!(
                out,
                "| {} |\n|---|---|---|---|",
                t!(in l, "report-uat-columns-area")
            )
        } else {
            writeln!(out, "| {} |\n|---|---|---|", t!(in l, "report-uat-columns"))
        };
        for case in &phase.cases {
            let mark = match case.result.as_str() {
                "pass" => format!("✓ {}", t!(in l, "report-uat-pass")),
                "fail" if phase.is_regression(&case.id) => {
                    format!("✗ {}", t!(in l, "report-uat-fail-regression"))
                }
                "fail" => format!("✗ {}", t!(in l, "report-uat-fail")),
                "skip" => format!("- {}", t!(in l, "report-uat-skip")),
                other => other.to_string(),
            };
            let name = if case.title.is_empty() {
                r.code(&case.id)
            } else {
                format!("{} ({})", r.md(&case.title), r.code(&case.id))
            };
            let area = if areas {
                format!("{} | ", r.md(&case.area))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "| {area}{name} | {} | {} |",
                r.md(&mark),
                r.md(&case.note)
            );
        }
        out.push('\n');
    }
    if out.is_empty() {
        return out;
    }
    format!("## {}\n\n{out}", t!(in l, "report-uat"))
}
