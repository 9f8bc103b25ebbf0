//! `tvdr check dns`: the TVox domain resolves to the expected address — the node IP (a
//! stand-alone's own address) normally, the DR client once it has been activated — as
//! each node's resolver sees it, and, when asked, as this machine's does.

mod gather;
mod local;
mod parse;
#[cfg(test)]
mod tests;

use std::net::IpAddr;

use serde_json::json;

pub use gather::gather;
pub use local::resolve_here;
pub use parse::parse;

use super::{Report, Status};

/// Which address `dns` expects (`tvdr check dns --expect …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Expect {
    /// The cluster node IP (a stand-alone's own address): normal operation
    #[default]
    NodeIp,
    /// The DR client's address: after the DR client was activated
    Dr,
}

/// The address the domain must resolve to, and what it is, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub address: IpAddr,
    /// `the node IP`, `the DR client`…
    pub what: String,
}

/// What a resolver answered for the domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Found(Vec<IpAddr>),
    NotFound,
    /// Could not ask (unreachable node, resolver error): why.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeAnswer {
    pub node: String,
    pub answer: Answer,
}

/// Judges each node's answer and, when given, this machine's (`here`).
///
/// This machine is one client among many, and maybe not one of the customer's (a
/// technician's laptop on a VPN): what it sees is reported, and only WARNs.
pub fn evaluate(
    domain: &str,
    expected: &Expected,
    nodes: &[NodeAnswer],
    here: Option<&Answer>,
) -> Report {
    let mut report = Report::new("dns", Status::Ok, "");
    let mut good = Vec::new();
    for node in nodes {
        if let Answer::Found(addresses) = &node.answer {
            let list: Vec<String> = addresses.iter().map(IpAddr::to_string).collect();
            report
                .nodes
                .insert(node.node.clone(), json!({ "resolves_to": list }));
        }
        let (status, message) = judge(&node.answer, expected);
        if status == Status::Ok {
            good.push(node.node.clone());
        }
        report = report.detail(status, Some(&node.node), domain, message);
    }
    if let Some(answer) = here {
        let (status, message) = judge(answer, expected);
        if status == Status::Ok {
            good.push("this machine".into());
        }
        let status = status.min(Status::Warn);
        report = report.detail(status, None, "this machine", message);
    }
    report.status = report.worst_detail(Status::Unknown);
    report.summary = if report.status == Status::Ok {
        format!(
            "`{domain}` resolves to {} ({}) on {}",
            expected.address,
            expected.what,
            good.join(", ")
        )
    } else {
        let worst: Vec<String> = report
            .details
            .iter()
            .filter(|d| d.status == report.status)
            .map(|d| format!("{}: {}", d.node.as_deref().unwrap_or(&d.item), d.message))
            .collect();
        worst.join("; ")
    };
    if matches!(report.status, Status::Crit | Status::Warn) {
        report = report.hint(format!(
            "the nodes read the hosts file before DNS (see `tvdr check hosts`); clients use \
             the customer's DNS: its record for `{domain}` must point at {} ({})",
            expected.address, expected.what
        ));
    }
    report
}

fn judge(answer: &Answer, expected: &Expected) -> (Status, String) {
    let want = format!("{} ({})", expected.address, expected.what);
    match answer {
        Answer::Found(addresses) => {
            let others: Vec<String> = addresses
                .iter()
                .filter(|a| **a != expected.address.to_canonical())
                .map(IpAddr::to_string)
                .collect();
            let has = others.len() < addresses.len();
            match (has, others.is_empty()) {
                (true, true) => (Status::Ok, format!("resolves to {want}")),
                (true, false) => (
                    Status::Warn,
                    format!(
                        "resolves to {want} and also to {}: clients may pick the wrong one",
                        others.join(", ")
                    ),
                ),
                (false, _) => (
                    Status::Crit,
                    format!("resolves to {}, expected {want}", others.join(", ")),
                ),
            }
        }
        Answer::NotFound => (Status::Crit, format!("does not resolve; expected {want}")),
        Answer::Failed(why) => (Status::Unknown, why.clone()),
    }
}
