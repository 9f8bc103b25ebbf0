//! Check results: per check step, each report's status and summary, and the detail rows
//! that were not OK (the OK ones would drown what a reviewer must read).

use std::fmt::Write;

use serde_json::Value;

use super::evidence::text;
use super::text as t;
use super::view::View;
use crate::checks::words::Words;
use crate::t;

pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let mut out = String::new();
    for f in view.steps() {
        let Some(reports) = f.evidence.get("reports").and_then(Value::as_array) else {
            continue;
        };
        // The words of report `i` in the report's language (English in an old journal).
        let words = |i: usize| Words::of(f.evidence, i, l);
        let _ = writeln!(
            out,
            "### {} — {}\n\n{} {}.\n",
            r.code(f.id),
            r.md(&view.title(f.id)),
            f.outcome.mark(),
            t!(
                in l,
                "report-check-outcome",
                outcome = super::outcome_word(f.outcome, l),
                at = t::time(f.at),
                attempts = match f.evidence.get("attempts").and_then(Value::as_u64) {
                    Some(n) if n > 1 => t!(in l, "report-after-attempts", count = n),
                    _ => String::new(),
                }
            )
        );
        let _ = writeln!(
            out,
            "| {} |\n|---|---|---|",
            t!(in l, "report-checks-columns")
        );
        for (i, report) in reports.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                r.code(text(report, "name")),
                r.md(text(report, "status")),
                r.md(words(i).map_or("", |w| w.summary()))
            );
        }
        out.push('\n');
        let bad: Vec<(&Value, &Value, &str, &str)> = reports
            .iter()
            .enumerate()
            .flat_map(|(i, report)| {
                report
                    .get("details")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter(|(_, d)| text(d, "status") != "OK")
                    .map(move |(j, d)| {
                        let words = words(i);
                        let item = words.as_ref().map_or(text(d, "item"), |w| w.item(j));
                        (report, d, item, words.map_or("", |w| w.detail(j)))
                    })
            })
            .collect();
        if !bad.is_empty() {
            let _ = writeln!(
                out,
                "{}\n\n| {} |\n|---|---|---|---|---|",
                t!(in l, "report-findings"),
                t!(in l, "report-findings-columns")
            );
            for (report, d, item, message) in bad {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    r.code(text(report, "name")),
                    r.md(text(d, "node")),
                    r.md(item),
                    r.md(text(d, "status")),
                    r.md(message)
                );
            }
            out.push('\n');
        }
        let hints: Vec<&str> = reports
            .iter()
            .enumerate()
            .filter(|(_, report)| text(report, "status") != "OK")
            .flat_map(|(i, report)| {
                let count = report
                    .get("hints")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                (0..count).filter_map(move |j| words(i).map(|w| w.hint(j)))
            })
            .collect();
        for hint in hints {
            let _ = writeln!(out, "- {}", t!(in l, "report-hint", hint = r.md(hint)));
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    if out.is_empty() {
        return out;
    }
    format!("## {}\n\n{out}", t!(in l, "report-checks"))
}
