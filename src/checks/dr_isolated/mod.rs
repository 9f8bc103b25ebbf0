//! `tvdr check dr-isolated`: before the DR client is activated, the main site must be
//! "totally isolated and switched off" — both machines of a cluster. Probed from the DR
//! client (what matters is what *it* can still reach): the node IP and each physical
//! address on SSH (22), SIP over TCP (5060) and web (80, 443).
//!
//! A refused connection counts as an answer: a reset comes from a running machine (or a
//! firewall standing in for it), while a switched-off or cut-off one times out or is
//! reported unreachable by a router. SIP over UDP cannot be probed without a SIP request,
//! so TCP 5060 stands for it.
//!
//! This check is CRIT whenever the main site runs, which is the normal state: `check all`
//! leaves it out (see [`crate::checks::registry::on_demand`]); the DR activation runs it.

mod gather;

use std::time::Duration;

use serde_json::json;

pub use gather::gather;

use super::ports::probe::{self, Outcome, Probed};
use super::{Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

const NAME: &str = "dr-isolated";

/// What clients and peers of the main site use, by port.
pub const SERVICES: &[(u16, &str)] = &[(22, "ssh"), (5060, "sip"), (80, "http"), (443, "https")];

/// One address of the main site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The inventory node it belongs to; `None` for the node IP.
    pub node: Option<String>,
    pub address: String,
}

impl Target {
    fn label(&self) -> Msg {
        match &self.node {
            Some(node) => Msg::text(format!("{node} {}", self.address)),
            None => msg!("dr-isolated-node-ip", address = self.address.as_str()),
        }
    }
}

/// The verdict from the DR client's probe output (`Err`: why it could not probe).
pub fn evaluate(targets: &[Target], answer: &Result<String, Msg>, timeout: Duration) -> Report {
    let probed = match answer.clone().and_then(|text| probe::parse(&text)) {
        Ok(probed) => probed,
        Err(why) => {
            return Report::new(
                NAME,
                Status::Unknown,
                msg!("dr-isolated-cannot-tell", why = &why),
            )
            .detail(Status::Unknown, Some("dr_client"), msg!("item-probe"), why)
        }
    };
    let mut report = Report::new(NAME, Status::Ok, Msg::default());
    let mut answering = Vec::new();
    let mut count = 0;
    let mut seen = serde_json::Map::new();
    for target in targets {
        let (status, message, answered) = judge(target, &probed, timeout);
        if !answered.is_empty() {
            count += answered.len();
            let answered = answered.join(", ");
            answering.push(target.label().map(|label| format!("{label} ({answered})")));
        }
        let ports: serde_json::Map<String, serde_json::Value> = SERVICES
            .iter()
            .map(|(port, _)| {
                let outcome = probed
                    .get(&target.address, *port)
                    .map(|r| r.outcome.as_str());
                (port.to_string(), json!(outcome))
            })
            .collect();
        seen.insert(target.address.clone(), json!(ports));
        let item = match &target.node {
            Some(_) => Msg::text(target.address.as_str()),
            None => target.label(),
        };
        report = report.detail(status, target.node.as_deref(), item, message);
    }
    report.status = report.worst_detail(Status::Ok);
    report.nodes.insert(
        "dr_client".to_string(),
        json!({ "method": probed.method, "probed": seen }),
    );
    let services: Vec<String> = SERVICES.iter().map(|(p, s)| format!("{s} {p}")).collect();
    report.summary = match report.status {
        Status::Ok => msg!("dr-isolated-ok", services = services.join(", ")),
        Status::Crit => msg!(
            "dr-isolated-answers",
            answering = Msg::join(&answering, "; ")
        ),
        _ => msg!("dr-isolated-unprobed"),
    };
    if report.status == Status::Crit {
        report = report.hint(msg!("dr-isolated-hint"));
    }
    report.metric(
        "answering",
        Metric {
            value: count as f64,
            unit: "",
            warn: None,
            crit: Some(1.0),
        },
    )
}

/// One address: CRIT with the services that answered, OK when none did, UNKNOWN when a
/// probe failed. Returns the status, the message and the answering services.
fn judge(target: &Target, probed: &Probed, timeout: Duration) -> (Status, Msg, Vec<String>) {
    let mut open = Vec::new();
    let mut refused = Vec::new();
    let mut silent = Vec::new();
    let mut failed = Vec::new();
    for (port, service) in SERVICES {
        let name = format!("{service} {port}");
        match probed.get(&target.address, *port) {
            Some(r) if r.outcome == Outcome::Open => open.push(name),
            Some(r) if r.outcome == Outcome::Refused => refused.push(name),
            Some(r) if r.outcome == Outcome::Error => {
                failed.push(Msg::text(format!("{name}: {}", r.message)))
            }
            Some(_) => silent.push(name),
            None => failed.push(msg!("dr-isolated-probe-silent", service = name)),
        }
    }
    let answered: Vec<String> = open.iter().chain(&refused).cloned().collect();
    if !answered.is_empty() {
        let mut parts = Vec::new();
        if !open.is_empty() {
            parts.push(msg!("dr-isolated-open", services = open.join(", ")));
        }
        if !refused.is_empty() {
            parts.push(msg!("dr-isolated-refused", services = refused.join(", ")));
        }
        let message = msg!("dr-isolated-still", parts = Msg::join(&parts, "; "));
        return (Status::Crit, message, answered);
    }
    if !failed.is_empty() {
        return (
            Status::Unknown,
            msg!("ports-probe-failed", why = Msg::join(&failed, "; ")),
            answered,
        );
    }
    let secs = probe::whole_seconds(timeout);
    let message = msg!(
        "dr-isolated-silent",
        services = silent.join(", "),
        seconds = secs
    );
    (Status::Ok, message, answered)
}

#[cfg(test)]
mod tests;
