//! `tvdr check hosts`: each cluster node's hosts file must map the TVox domain to the TVox
//! address — the node IP in a cluster, the physical address of a stand-alone — and to
//! nothing else, or clients and TVox's own services on that node reach the wrong machine.

mod gather;
mod judge;
mod parse;
#[cfg(test)]
mod tests;

use std::net::IpAddr;

use serde_json::json;

pub use gather::{cat_command, gather, hosts_file, tvox_address};
pub use judge::{judge, Finding, Verdict};
pub use parse::{parse, Entry, Hosts, Invalid};

use super::{Report, Status};

/// What reading one node's hosts file gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    Text(String),
    /// The file does not exist: the mapping is missing, not unknown.
    Missing,
    /// Could not be read (unreachable node, permission): why.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeFile {
    pub node: String,
    pub path: String,
    pub fetched: Fetched,
}

/// Every node's file judged against `expected domain`.
pub fn evaluate(domain: &str, expected: IpAddr, files: &[NodeFile]) -> Report {
    let mut report = Report::new("hosts", Status::Ok, "");
    let mut broken = Vec::new();
    let mut skipped_lines = false;
    let mut lines = Vec::new();
    for file in files {
        let node = file.node.as_str();
        match &file.fetched {
            Fetched::Text(text) => {
                let verdict = judge(&parse(text), domain, expected);
                report.nodes.insert(
                    file.node.clone(),
                    json!({
                        "hosts_file": file.path,
                        "line": verdict.line,
                        "maps_to": verdict.maps_to.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
                    }),
                );
                if verdict.findings[0].status != Status::Ok {
                    broken.push(node);
                }
                if let Some(line) = verdict.line {
                    lines.push(format!("{node} line {line}"));
                }
                skipped_lines |= verdict.findings.len() > 1;
                for f in verdict.findings {
                    report = report.detail(f.status, Some(node), f.item, f.message);
                }
            }
            Fetched::Missing => {
                broken.push(node);
                report = report.detail(
                    Status::Crit,
                    Some(node),
                    domain,
                    format!("`{}` does not exist", file.path),
                );
            }
            Fetched::Failed(why) => {
                report = report.detail(Status::Unknown, Some(node), domain, why.clone());
            }
        }
    }
    report.status = report.worst_detail(Status::Unknown);
    report.summary = if report.status == Status::Ok {
        format!(
            "`{domain}` → {expected} on every node ({})",
            lines.join(", ")
        )
    } else {
        report.worst_messages()
    };
    if !broken.is_empty() {
        report = report.hint(format!(
            "on {}: run `write_config.php network` (it rewrites the hosts file from the TVox \
             network settings), or write the line `{expected} {domain}` by hand",
            broken.join(" and ")
        ));
    }
    if skipped_lines {
        report = report.hint("fix or comment out the lines the resolver skips");
    }
    report
}
