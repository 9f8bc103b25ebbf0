//! `tvdr check license`: the vendor's licence mechanism is not public, so the operator
//! configures how to ask (`license.command`, shell text run on each cluster node) and what
//! a good answer looks like (`license.expect`, a regular expression). Unconfigured, the
//! check is UNKNOWN and says how to configure it: never a guessed OK.

mod gather;
#[cfg(test)]
mod tests;

use regex::Regex;
use serde_json::json;

pub use gather::gather;

use super::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// Lines of output shown when the expectation is not met.
const TAIL_LINES: usize = 5;
const TAIL_LINE_CHARS: usize = 160;

/// What one node's licence command printed (standard output and error), and its exit
/// status; `Err`: why it could not be run.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeOutput {
    pub node: String,
    pub result: Result<(i32, String), Msg>,
}

pub fn unconfigured() -> Report {
    Report::new("license", Status::Unknown, msg!("license-unconfigured"))
        .lasting(msg!("license-unconfigured-lasting"))
        .hint(msg!("license-unconfigured-hint"))
}

pub fn evaluate(expect: &str, outputs: &[NodeOutput]) -> Report {
    let regex = match Regex::new(expect) {
        Ok(r) => r,
        Err(err) => {
            return Report::new(
                "license",
                Status::Unknown,
                msg!("license-bad-regex", error = err.to_string()),
            )
            .lasting(msg!("license-bad-regex-lasting"))
        }
    };
    let mut report = Report::new("license", Status::Ok, Msg::default());
    let mut failing = Vec::new();
    for out in outputs {
        let node = out.node.as_str();
        let (status, message) = match &out.result {
            Err(why) => (Status::Unknown, why.clone()),
            Ok((code, text)) => {
                let matched = regex.find(text).map(|m| m.as_str().trim().to_string());
                report.nodes.insert(
                    out.node.clone(),
                    json!({ "matched": matched.is_some(), "exit_status": code }),
                );
                match matched {
                    // The text matched but the command failed: what printed the words
                    // may be an error naming them (a path, a usage line), not a licence.
                    Some(m) if *code != 0 => (
                        Status::Unknown,
                        msg!(
                            "license-match-failed",
                            expect = expect,
                            matched = shorten(&m),
                            code = *code
                        ),
                    ),
                    Some(m) => (
                        Status::Ok,
                        msg!("license-matches", expect = expect, matched = shorten(&m)),
                    ),
                    None => {
                        failing.push(node);
                        let message = if *code == 0 {
                            msg!("license-no-match", expect = expect, tail = tail(text))
                        } else {
                            msg!(
                                "license-no-match-status",
                                expect = expect,
                                code = *code,
                                tail = tail(text)
                            )
                        };
                        (Status::Crit, message)
                    }
                }
            }
        };
        report = report.detail(status, Some(node), msg!("item-licence"), message);
    }
    report.status = report.worst_detail(Status::Unknown);
    report.summary = if report.status == Status::Ok {
        let names: Vec<&str> = outputs.iter().map(|o| o.node.as_str()).collect();
        msg!("license-ok", expect = expect, nodes = names.join(", "))
    } else {
        report.worst_messages()
    };
    if !failing.is_empty() {
        report = report.hint(msg!("license-hint", nodes = Msg::and_list(&failing)));
    }
    report
}

/// The last lines of the output, on one line, for a report row.
fn tail(text: &str) -> Msg {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r').trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return msg!("license-no-output");
    }
    let start = lines.len().saturating_sub(TAIL_LINES);
    let shown: Vec<String> = lines[start..].iter().map(|l| shorten(l)).collect();
    Msg::text(format!("`{}`", shown.join(" ⏎ ")))
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= TAIL_LINE_CHARS {
        line.to_string()
    } else {
        let cut: String = line.chars().take(TAIL_LINE_CHARS).collect();
        format!("{cut}…")
    }
}
