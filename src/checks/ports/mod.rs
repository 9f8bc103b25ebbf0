//! `tvdr check ports`: the DR requirement "TCP 22, 873, 3306 and 27017 open between the
//! master and the DR client", probed on the nodes themselves, both ways.
//!
//! The master probes the DR client's address; the DR client probes the address it is
//! configured with for the master (the node IP in a cluster, since the DR client must see
//! it; the physical address of a stand-alone TVox). In a cluster the slave probes the DR
//! client too: after a node switch it is the master that replicates to the DR client, so
//! a port closed from it is a WARN today and a broken DR tomorrow. A probe from tvdr's
//! own machine would prove nothing about the firewalls between the two sites.

mod gather;
pub mod probe;

use std::time::Duration;

use serde_json::json;

pub use gather::gather;
pub(crate) use gather::printed;
use probe::{Outcome, Probed};

use super::{Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

const NAME: &str = "ports";

/// The ports of the vendor's DR requirements table, with what uses them.
pub const PORTS: &[(u16, &str)] = &[
    (22, "SSH"),
    (873, "rsync"),
    (3306, "MySQL"),
    (27017, "MongoDB"),
];

/// One direction: `from` probes `to` at `address`; `answer` is the probe's output, or
/// why it could not run.
#[derive(Debug, Clone)]
pub struct Direction {
    pub from: String,
    /// How the other end is named in messages (`dr_client`, `tvox1 (node IP)`).
    pub to: Msg,
    pub address: String,
    pub answer: Result<String, Msg>,
    /// The slave's direction: it matters after a node switch, so closed is WARN.
    pub standby: bool,
}

/// Every port in every direction: OK when all are open, CRIT naming each closed port and
/// its direction, UNKNOWN for a direction that could not be probed.
pub fn evaluate(directions: &[Direction], timeout: Duration) -> Report {
    let mut report = Report::new(NAME, Status::Ok, Msg::default());
    let mut closed = Vec::new();
    let mut standby_closed = Vec::new();
    let mut unknown = Vec::new();
    let probed: Vec<Result<Probed, Msg>> = directions
        .iter()
        .map(|d| d.answer.clone().and_then(|text| probe::parse(&text)))
        .collect();
    for &(port, what) in PORTS {
        for (d, probed) in directions.iter().zip(&probed) {
            let way = msg!(
                "ports-way",
                from = d.from.as_str(),
                to = &d.to,
                address = d.address.as_str()
            );
            let item = Msg::text(format!("{port}/tcp {what}"));
            let (status, text) = match probed {
                Err(_) => (Status::Unknown, msg!("ports-not-probed")),
                Ok(p) => match p.get(&d.address, port) {
                    None => (Status::Unknown, msg!("ports-no-answer")),
                    Some(r) => describe(r.outcome, &r.message, timeout),
                },
            };
            let message = Msg::join([&way, &text], ": ");
            let pair = d.to.map(|to| format!("{port} ({what}) {} → {to}", d.from));
            let (status, message): (Status, Msg) = match (status, d.standby) {
                (Status::Crit, true) => {
                    standby_closed.push(pair);
                    (
                        Status::Warn,
                        msg!("ports-needed-as-master", message = message),
                    )
                }
                (Status::Crit, false) => {
                    closed.push(pair);
                    (status, message)
                }
                (status, _) => (status, message),
            };
            report = report.detail(status, Some(&d.from), item, message);
        }
    }
    for (d, probed) in directions.iter().zip(&probed) {
        let facts = match probed {
            Ok(p) => {
                let ports: serde_json::Map<String, serde_json::Value> = PORTS
                    .iter()
                    .map(|(port, _)| {
                        let outcome = p.get(&d.address, *port).map(|r| r.outcome.as_str());
                        (port.to_string(), json!(outcome))
                    })
                    .collect();
                let shut = PORTS
                    .iter()
                    .filter(|(port, _)| {
                        p.get(&d.address, *port)
                            .is_some_and(|r| r.outcome != Outcome::Open)
                    })
                    .count();
                let metric = Metric {
                    value: shut as f64,
                    unit: "",
                    warn: None,
                    crit: Some(1.0),
                };
                report = report.metric(&format!("ports_closed@{}", d.from), metric);
                json!({ "to": d.to, "address": d.address, "method": p.method, "ports": ports })
            }
            Err(why) => {
                unknown.push(msg!("ports-from", from = d.from.as_str(), why = why));
                json!({ "to": d.to, "address": d.address, "error": why })
            }
        };
        report.nodes.insert(d.from.clone(), facts);
    }
    report.status = report.worst_detail(Status::Ok);
    let list: Vec<String> = PORTS.iter().map(|(p, _)| p.to_string()).collect();
    report.summary = if !closed.is_empty() {
        msg!("ports-closed", closed = Msg::join(&closed, "; "))
    } else if !unknown.is_empty() {
        msg!("ports-unprobed", unknown = Msg::join(&unknown, "; "))
    } else if !standby_closed.is_empty() {
        msg!(
            "ports-closed-from-slave",
            closed = Msg::join(&standby_closed, "; ")
        )
    } else if report.status == Status::Ok {
        let ends: Vec<&str> = directions
            .iter()
            .filter(|d| !d.standby)
            .map(|d| d.from.as_str())
            .collect();
        let standby: Vec<&str> = directions
            .iter()
            .filter(|d| d.standby)
            .map(|d| d.from.as_str())
            .collect();
        let (ports, ends) = (list.join(", "), ends.join(" ⇄ "));
        if standby.is_empty() {
            msg!("ports-ok", ports = ports, ends = ends)
        } else {
            msg!(
                "ports-ok-slave",
                ports = ports,
                ends = ends,
                slave = standby.join(", ")
            )
        }
    } else {
        msg!("ports-some-silent")
    };
    if !closed.is_empty() || !standby_closed.is_empty() {
        report = report.hint(msg!("ports-hint"));
    }
    report
}

/// A probe outcome as a verdict and words for a person.
fn describe(outcome: Outcome, message: &str, timeout: Duration) -> (Status, Msg) {
    let secs = probe::whole_seconds(timeout);
    match outcome {
        Outcome::Open => (Status::Ok, msg!("ports-open")),
        Outcome::Refused => (Status::Crit, msg!("ports-refused")),
        Outcome::Timeout => (Status::Crit, msg!("ports-timeout", seconds = secs)),
        Outcome::Unreachable if message.is_empty() => (Status::Crit, msg!("ports-unreachable")),
        Outcome::Unreachable => (Status::Crit, msg!("ports-unreachable-why", why = message)),
        Outcome::Error => (Status::Unknown, msg!("ports-probe-failed", why = message)),
    }
}

#[cfg(test)]
mod tests;
