//! Commands run on the nodes: the exact command, and per node its exit status and time.
//! Output is left in the journal, except the last lines of a command that did not succeed,
//! which explain the failure to a reviewer.

use std::fmt::Write;

use serde_json::Value;

use super::evidence::text;
use super::outcome_label;
use super::text as t;
use super::view::View;
use crate::runbook::journal::Outcome;

/// Output lines kept for a command that did not succeed.
const TAIL_LINES: usize = 10;

pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let mut out = String::new();
    for f in view.steps() {
        let Some(command) = f.evidence.get("command").and_then(Value::as_str) else { continue };
        let hosts = f.evidence.get("hosts").and_then(Value::as_object);
        let results: Vec<String> = hosts
            .into_iter()
            .flatten()
            .map(|(node, res)| {
                let took = res.get("seconds").and_then(Value::as_f64).map(t::seconds).unwrap_or_default();
                match res.get("exit").and_then(Value::as_i64) {
                    Some(code) => format!("{} exit {code} in {took}", r.code(node)),
                    None => format!("{} error: {}", r.code(node), r.md(text(res, "error"))),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "- {} {} ({}): {}\n",
            f.outcome.mark(),
            r.code(f.id),
            outcome_label(f.outcome),
            if results.is_empty() { "no node result".to_string() } else { results.join(", ") }
        );
        out.push_str(&indent(&r.block(command)));
        if f.outcome != Outcome::Done {
            for (node, res) in hosts.into_iter().flatten() {
                for stream in ["stdout_tail", "stderr_tail"] {
                    let tail = text(res, stream);
                    if tail.trim().is_empty() {
                        continue;
                    }
                    let lines: Vec<&str> = tail.lines().collect();
                    let kept = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n");
                    let _ = writeln!(out, "\n  Last lines of {} on {}:\n", stream.trim_end_matches("_tail"), r.code(node));
                    out.push_str(&indent(&r.block(&kept)));
                }
            }
        }
        out.push('\n');
    }
    if out.is_empty() {
        return out;
    }
    format!("## Commands run\n\n{out}")
}

/// Indents a block under its list item.
fn indent(block: &str) -> String {
    block.lines().map(|l| format!("  {l}\n")).collect()
}
