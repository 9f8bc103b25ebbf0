//! Commands run on the nodes: the exact command, and per node its exit status and time.
//! Output is left in the journal, except the last lines of a command that did not succeed,
//! which explain the failure to a reviewer.

use std::fmt::Write;

use serde_json::Value;

use super::evidence::text;
use super::outcome_word;
use super::text as t;
use super::view::View;
use crate::runbook::journal::Outcome;
use crate::t;

/// Output lines kept for a command that did not succeed.
const TAIL_LINES: usize = 10;

pub fn section(view: &View) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let mut out = String::new();
    for f in view.steps() {
        let Some(command) = f.evidence.get("command").and_then(Value::as_str) else {
            continue;
        };
        let results = per_node(f.evidence);
        let shown: Vec<String> = results
            .iter()
            .map(|(node, res)| {
                let took = res.get("seconds").and_then(Value::as_f64).map(t::seconds);
                let took = took
                    .map(|d| t!(in l, "report-took", took = d))
                    .unwrap_or_default();
                let node = r.code(node);
                match res.get("exit").and_then(Value::as_i64) {
                    Some(code) => t!(in l, "report-node-exit", node = node, code = code) + &took,
                    None => match text(res, "error") {
                        "" => t!(in l, "report-node-no-exit", node = node) + &took,
                        err => t!(in l, "report-node-error", node = node, error = r.md(err)),
                    },
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "- {} {} ({}): {}\n",
            f.outcome.mark(),
            r.code(f.id),
            outcome_word(f.outcome, l),
            if shown.is_empty() {
                t!(in l, "report-no-node-result")
            } else {
                shown.join(", ")
            }
        );
        out.push_str(&indent(&r.block(command)));
        if f.outcome != Outcome::Done {
            for (node, res) in &results {
                for stream in ["stdout_tail", "stderr_tail", "log_tail"] {
                    let tail = text(res, stream);
                    if tail.trim().is_empty() {
                        continue;
                    }
                    let lines: Vec<&str> = tail.lines().collect();
                    let kept = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n");
                    let what = stream.trim_end_matches("_tail");
                    let _ = writeln!(
                        out,
                        "\n  {}\n",
                        t!(in l, "report-last-lines", stream = what, node = r.code(node))
                    );
                    out.push_str(&indent(&r.block(&kept)));
                }
            }
        }
        out.push('\n');
    }
    if out.is_empty() {
        return out;
    }
    format!("## {}\n\n{out}", t!(in l, "report-commands"))
}

/// Results by node: `hosts` of a `run` step, or the one `node` of a `screen` or
/// `interactive` step (whose fields sit at the top of its evidence).
fn per_node(evidence: &Value) -> Vec<(String, &Value)> {
    if let Some(hosts) = evidence.get("hosts").and_then(Value::as_object) {
        return hosts
            .iter()
            .map(|(node, res)| (node.clone(), res))
            .collect();
    }
    match evidence.get("node").and_then(Value::as_str) {
        Some(node) => vec![(node.to_string(), evidence)],
        None => Vec::new(),
    }
}

/// Indents a block under its list item.
fn indent(block: &str) -> String {
    block.lines().map(|l| format!("  {l}\n")).collect()
}
