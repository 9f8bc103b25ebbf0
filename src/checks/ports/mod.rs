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
    pub to: String,
    pub address: String,
    pub answer: Result<String, String>,
    /// The slave's direction: it matters after a node switch, so closed is WARN.
    pub standby: bool,
}

/// Every port in every direction: OK when all are open, CRIT naming each closed port and
/// its direction, UNKNOWN for a direction that could not be probed.
pub fn evaluate(directions: &[Direction], timeout: Duration) -> Report {
    let mut report = Report::new(NAME, Status::Ok, "");
    let mut closed = Vec::new();
    let mut standby_closed = Vec::new();
    let mut unknown = Vec::new();
    let probed: Vec<Result<Probed, String>> = directions
        .iter()
        .map(|d| d.answer.clone().and_then(|text| probe::parse(&text)))
        .collect();
    for &(port, what) in PORTS {
        for (d, probed) in directions.iter().zip(&probed) {
            let way = format!("{} → {} at {}", d.from, d.to, d.address);
            let item = format!("{port}/tcp {what}");
            let (status, message) = match probed {
                Err(_) => (Status::Unknown, format!("{way}: not probed")),
                Ok(p) => match p.get(&d.address, port) {
                    None => (Status::Unknown, format!("{way}: the probe gave no answer")),
                    Some(r) => {
                        let (status, text) = describe(r.outcome, &r.message, timeout);
                        (status, format!("{way}: {text}"))
                    }
                },
            };
            let (status, message): (Status, String) = match (status, d.standby) {
                (Status::Crit, true) => {
                    standby_closed.push(format!("{port} ({what}) {} → {}", d.from, d.to));
                    (
                        Status::Warn,
                        format!("{message} — needed once this node is master"),
                    )
                }
                (Status::Crit, false) => {
                    closed.push(format!("{port} ({what}) {} → {}", d.from, d.to));
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
                unknown.push(format!("from {}: {why}", d.from));
                json!({ "to": d.to, "address": d.address, "error": why })
            }
        };
        report.nodes.insert(d.from.clone(), facts);
    }
    report.status = report.worst_detail(Status::Ok);
    let list: Vec<String> = PORTS.iter().map(|(p, _)| p.to_string()).collect();
    report.summary = if !closed.is_empty() {
        format!("closed: {}", closed.join("; "))
    } else if !unknown.is_empty() {
        format!("could not probe {}", unknown.join("; "))
    } else if !standby_closed.is_empty() {
        format!(
            "open with the master; closed from the slave (needed after a node switch): {}",
            standby_closed.join("; ")
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
        let also = if standby.is_empty() {
            String::new()
        } else {
            format!(", and from {} (slave)", standby.join(", "))
        };
        format!(
            "TCP {} open both ways ({}){also}",
            list.join(", "),
            ends.join(" ⇄ ")
        )
    } else {
        "some probes gave no answer".to_string()
    };
    if !closed.is_empty() || !standby_closed.is_empty() {
        report = report.hint(
            "the DR client needs TCP 22, 873, 3306 and 27017 open both ways with the master: \
             check the firewalls on both machines and between the sites; `refused` means \
             nothing listens there (is the service up?) or a firewall rejects, `no answer` \
             means a firewall drops the packets",
        );
    }
    report
}

/// A probe outcome as a verdict and words for a person.
fn describe(outcome: Outcome, message: &str, timeout: Duration) -> (Status, String) {
    let secs = probe::whole_seconds(timeout);
    match outcome {
        Outcome::Open => (Status::Ok, "open".into()),
        Outcome::Refused => (
            Status::Crit,
            "refused (nothing listening, or a firewall rejects)".into(),
        ),
        Outcome::Timeout => (
            Status::Crit,
            format!("no answer within {secs}s (a firewall drops it, or the host is down)"),
        ),
        Outcome::Unreachable if message.is_empty() => (Status::Crit, "unreachable".into()),
        Outcome::Unreachable => (Status::Crit, format!("unreachable: {message}")),
        Outcome::Error => (Status::Unknown, format!("probe failed: {message}")),
    }
}

#[cfg(test)]
mod tests;
