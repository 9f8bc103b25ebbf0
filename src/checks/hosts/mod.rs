//! `tvdr check hosts`: each cluster node's hosts file must map the TVox domain to the TVox
//! address — the node IP in a cluster, the physical address of a stand-alone — and to
//! nothing else, or clients and TVox's own services on that node reach the wrong machine.
//! Without a domain name (`tvox.domain` unset) the procedure asks for no line at all.

mod gather;
mod judge;
mod parse;
#[cfg(test)]
mod tests;

use std::net::IpAddr;

use serde_json::json;

pub use gather::{cat_command, expected_address, gather, hosts_file, tvox_address};
pub use judge::{judge, Finding, Verdict};
pub use parse::{parse, Entry, Hosts, Invalid};

use super::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// What reading one node's hosts file gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    Text(String),
    /// The file does not exist: the mapping is missing, not unknown.
    Missing,
    /// Could not be read (unreachable node, permission): why.
    Failed(Msg),
}

/// Which TVox address the line must give, as the procedure puts it: a stand-alone TVox
/// maps its own physical address, an FT node the cluster node IP.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// `<physical address> <domain>` on each node: a stand-alone TVox
    Standalone,
    /// `<node IP> <domain>` on each node: an FT cluster node
    Ft,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeFile {
    pub node: String,
    pub path: String,
    /// The address this node's line must map the domain to.
    pub expected: IpAddr,
    pub fetched: Fetched,
}

/// Every node's file judged against `expected domain` (each node's own expected address).
pub fn evaluate(domain: &str, files: &[NodeFile]) -> Report {
    let mut report = Report::new("hosts", Status::Ok, Msg::default());
    let mut broken = Vec::new();
    let mut skipped_lines = false;
    let mut lines = Vec::new();
    let mut wanted = Vec::new();
    for file in files {
        let node = file.node.as_str();
        let expected = file.expected;
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
                    wanted.push(msg!(
                        "hosts-wanted-on",
                        line = format!("{expected} {domain}"),
                        node = node
                    ));
                }
                if let Some(line) = verdict.line {
                    lines.push(msg!("hosts-node-line", node = node, line = line));
                }
                skipped_lines |= verdict.findings.len() > 1;
                for f in verdict.findings {
                    report = report.detail(f.status, Some(node), f.item, f.message);
                }
            }
            Fetched::Missing => {
                broken.push(node);
                wanted.push(msg!(
                    "hosts-wanted-on",
                    line = format!("{expected} {domain}"),
                    node = node
                ));
                report = report.detail(
                    Status::Crit,
                    Some(node),
                    Msg::text(domain),
                    msg!("hosts-no-file", path = file.path.as_str()),
                );
            }
            Fetched::Failed(why) => {
                report = report.detail(Status::Unknown, Some(node), Msg::text(domain), why.clone());
            }
        }
    }
    report.status = report.worst_detail(Status::Unknown);
    let mut targets: Vec<IpAddr> = files.iter().map(|f| f.expected).collect();
    targets.dedup();
    let lines = Msg::join(&lines, ", ");
    report.summary = if report.status == Status::Ok {
        match targets.as_slice() {
            [one] => msg!(
                "hosts-ok-one",
                domain = domain,
                address = one.to_string(),
                lines = lines
            ),
            _ => msg!("hosts-ok-own", domain = domain, lines = lines),
        }
    } else {
        report.worst_messages()
    };
    if !broken.is_empty() {
        let wanted = match targets.as_slice() {
            [one] => Msg::text(format!("`{one} {domain}`")),
            _ => Msg::from_fn(|lang| {
                let wanted: Vec<&str> = wanted.iter().map(|w| w.in_lang(lang)).collect();
                Msg::and_list(&wanted).in_lang(lang).to_string()
            }),
        };
        report = report.hint(msg!(
            "hosts-hint-write-config",
            nodes = Msg::and_list(&broken),
            wanted = wanted
        ));
    }
    if skipped_lines {
        report = report.hint(msg!("hosts-hint-skipped"));
    }
    report
}
