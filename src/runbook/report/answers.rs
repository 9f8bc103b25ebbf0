//! Every answer given, as given (answers are facts for the DR plan: who declared the
//! disaster, the new addresses…), except those named like a secret, which are masked —
//! and who gave it: the operator at the terminal, the answers file or `--yes`.

use std::fmt::Write;

use serde_json::Value;

use super::evidence;
use super::text as t;
use super::view::View;
use crate::runbook::model::Kind;
use crate::t;

pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let mut rows = String::new();
    for f in view.steps() {
        let Some(answers) = f.evidence.get("answers").and_then(Value::as_object) else {
            continue;
        };
        for (name, value) in answers {
            let prompt = f
                .info
                .and_then(|i| match &i.step.kind {
                    Kind::Manual { ask, .. } | Kind::Gate { ask, .. } => {
                        ask.iter().find(|a| &a.name == name)
                    }
                    _ => None,
                })
                .map(|a| view.text(&a.prompt))
                // The loader's default prompt is the name itself: not worth repeating.
                .filter(|p| !p.is_empty() && *p != name.replace('_', " "));
            let question = match prompt {
                Some(p) => format!("{} ({})", r.code(name), r.md(p)),
                None => r.code(name),
            };
            let by = evidence::answer_by(f.evidence, name, f.operator, l)
                // A journal older than `decided_by` does not say.
                .unwrap_or_else(|| t!(in l, "report-by-not-recorded", operator = f.operator));
            let _ = writeln!(
                rows,
                "| {} | {} | {question} | {} | {} |",
                t::time(f.at),
                r.code(f.id),
                r.md(&evidence::answer(name, value)),
                r.md(&by)
            );
        }
    }
    if rows.is_empty() {
        return String::new();
    }
    let mut out = format!("## {}\n\n", t!(in l, "report-answers"));
    if !view.masked.is_empty() {
        let names: Vec<String> = view.masked.iter().map(|n| r.code(n)).collect();
        let _ = writeln!(
            out,
            "{}\n",
            t!(in l, "report-answers-masked", mask = t::MASK, names = names.join(", "))
        );
    }
    let _ = writeln!(
        out,
        "| {} |\n|---|---|---|---|---|",
        t!(in l, "report-answers-columns")
    );
    out.push_str(&rows);
    out.push('\n');
    out
}
