//! The replica set as one node sees it: one PRIMARY, healthy members, the inventory's
//! nodes, secondaries close behind.

use std::collections::BTreeMap;
use std::time::Duration;

use super::status::{host_of, Member, ReplStatus, Role};
use super::verdict::{seconds, Verdict};
use crate::checks::{Metric, Status};

/// Member hosts (lowercase) mapped to inventory node names, learnt from each node's
/// `self` member, so findings can say `172.31.21.106:27017 (tvox2)`.
#[derive(Default)]
pub struct Names(BTreeMap<String, String>);

impl Names {
    pub fn learn(&mut self, member_name: &str, node: &str) {
        self.0
            .insert(host_of(member_name).to_ascii_lowercase(), node.to_string());
    }

    pub fn node_of(&self, member_name: &str) -> Option<&str> {
        self.0
            .get(&host_of(member_name).to_ascii_lowercase())
            .map(String::as_str)
    }

    pub fn label(&self, member_name: &str) -> String {
        match self.node_of(member_name) {
            Some(node) => format!("{member_name} ({node})"),
            None => member_name.to_string(),
        }
    }
}

/// Judges `view` into `verdict` and `metrics`; returns the summary for when all is well.
pub fn judge(
    view: &ReplStatus,
    names: &Names,
    expected: &[String],
    max_lag: Duration,
    verdict: &mut Verdict,
    metrics: &mut BTreeMap<String, Metric>,
) -> String {
    let set = format!("replica set {}", view.set.as_deref().unwrap_or("?"));
    let primaries = view.primaries();
    let total = view.members.len();
    let unreachable = view
        .members
        .iter()
        .filter(|m| m.role() == Role::Unreachable)
        .count();
    match primaries.len() {
        1 => {}
        0 => {
            let why = if unreachable > 0 {
                format!("{unreachable} of {total} members unreachable")
            } else {
                let states: Vec<&str> = view.members.iter().map(|m| m.state_str.as_str()).collect();
                format!("members are {}", states.join(", "))
            };
            verdict.add_main(
                Status::Crit,
                &set,
                format!("no PRIMARY ({why})"),
                format!("no PRIMARY: {why}"),
            );
        }
        n => {
            let who: Vec<String> = primaries.iter().map(|m| names.label(&m.name)).collect();
            let message = format!("{n} PRIMARY members: {}", who.join(", "));
            verdict.add_main(Status::Crit, &set, &message, message.clone());
        }
    }
    let primary_optime = match primaries.as_slice() {
        [primary] => primary.known_optime(),
        _ => None,
    };
    let mut healthy = 0;
    let mut parts = Vec::new();
    for member in &view.members {
        let label = names.label(&member.name);
        let node = names.node_of(&member.name);
        let item = format!("member {}", member.name);
        let role = member.role();
        if matches!(role, Role::Primary | Role::Secondary | Role::Arbiter) {
            healthy += 1;
        }
        match role {
            Role::Primary => {
                verdict.add(Status::Ok, node, item, "PRIMARY", "");
                parts.push(format!("PRIMARY {label}"));
            }
            Role::Secondary => {
                let lag = primary_optime
                    .zip(member.known_optime())
                    .map(|(p, m)| (p - m).max(0));
                let Some(lag_ms) = lag else {
                    verdict.add(
                        Status::Ok,
                        node,
                        item,
                        "SECONDARY (lag unknown: no optime to compare)",
                        "",
                    );
                    parts.push(format!("SECONDARY {label}"));
                    continue;
                };
                let behind = seconds(u64::try_from(lag_ms / 1000).unwrap_or(0));
                metrics.insert(
                    format!("lag_seconds@{}", node.unwrap_or(&member.name)),
                    Metric {
                        value: lag_ms as f64 / 1000.0,
                        unit: "s",
                        warn: Some(max_lag.as_secs_f64()),
                        crit: None,
                    },
                );
                if lag_ms > i64::try_from(max_lag.as_millis()).unwrap_or(i64::MAX) {
                    let limit = seconds(max_lag.as_secs());
                    verdict.add(
                        Status::Warn,
                        node,
                        item,
                        format!("SECONDARY, {behind} behind the PRIMARY (threshold {limit})"),
                        format!(
                            "SECONDARY {label} is {behind} behind the PRIMARY (threshold {limit})"
                        ),
                    );
                } else {
                    verdict.add(
                        Status::Ok,
                        node,
                        item,
                        format!("SECONDARY, {behind} behind the PRIMARY"),
                        "",
                    );
                }
                parts.push(format!("SECONDARY {label} {behind} behind"));
            }
            Role::Arbiter => {
                verdict.add(Status::Ok, node, item, "ARBITER (votes, holds no data)", "");
                parts.push(format!("ARBITER {label}"));
            }
            Role::Unreachable => {
                let message = explained(&member.state_str, member);
                verdict.add(
                    Status::Crit,
                    node,
                    item,
                    message,
                    format!("member {label} is not reachable/healthy"),
                );
                verdict.hint("check mongod on the unreachable node and port 27017 between the nodes (`tvdr check ports`)");
            }
            Role::Other(state) => {
                let message = explained(&state, member);
                verdict.add(
                    Status::Crit,
                    node,
                    item,
                    &message,
                    format!("member {label} is {message}"),
                );
            }
        }
    }
    membership(view, names, expected, verdict);
    let count = |value: usize| Metric {
        value: value as f64,
        unit: "",
        warn: None,
        crit: None,
    };
    metrics.insert("members_healthy".into(), count(healthy));
    metrics.insert("members".into(), count(total));
    parts.join("; ")
}

/// `RECOVERING: <what the member said>`, or the state alone when it said nothing.
fn explained(state: &str, member: &Member) -> String {
    match member.message() {
        Some(message) => format!("{state}: {message}"),
        None => state.to_string(),
    }
}

/// The members must be the inventory's nodes: say which member is not one (WARN: an extra
/// member, often an arbiter, does not stop replication) and which node is not a member
/// (CRIT: that node does not get the chat's data).
fn membership(view: &ReplStatus, names: &Names, expected: &[String], verdict: &mut Verdict) {
    if expected.is_empty() {
        return;
    }
    let wanted: Vec<String> = expected
        .iter()
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    let set = view.set.as_deref().unwrap_or("?");
    for member in &view.members {
        if !wanted.contains(&member.host().to_ascii_lowercase()) {
            let label = names.label(&member.name);
            let message = format!(
                "{} {label} is not an inventory node ({})",
                member.state_str,
                expected.join(", ")
            );
            verdict.add(
                Status::Warn,
                None,
                format!("member {}", member.name),
                message,
                format!("member {label} is not an inventory node"),
            );
        }
    }
    for (address, original) in wanted.iter().zip(expected) {
        if !view
            .members
            .iter()
            .any(|m| m.host().eq_ignore_ascii_case(address))
        {
            let message = format!("inventory node {original} is not a member of replica set {set}");
            verdict.add(
                Status::Crit,
                None,
                format!("node {original}"),
                &message,
                message.clone(),
            );
        }
    }
}
