//! `tvdr check vip`: who holds the cluster node IP. That node is the master; everything
//! that says "master" or "slave" resolves through here, never by assumption.

mod expect;
mod parse;
mod standalone;

use std::net::IpAddr;

use serde_json::json;

pub use expect::{expect_master, expect_standalone, Expected};
pub use parse::{parse, Held};
pub use standalone::evaluate_standalone;

use super::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// The command each node runs: every address, one line each.
pub const COMMAND: &[&str] = &["ip", "-o", "addr", "show"];

/// What one node answered (`Err`: why it could not be asked).
#[derive(Debug, Clone)]
pub struct NodeAddrs {
    pub node: String,
    pub output: Result<String, Msg>,
}

/// Who holds `node_ip`, judged from every node's addresses.
pub fn evaluate(node_ip: IpAddr, nodes: &[NodeAddrs]) -> Report {
    let mut holders = Vec::new();
    let mut unknown = Vec::new();
    let mut duplicated = false;
    let mut report = Report::new("vip", Status::Ok, Msg::default());
    for node in nodes {
        match &node.output {
            Ok(text) => {
                let held = parse(text);
                // A `dadfailed` copy is not held: the kernel does not use it, and it says
                // another host on the link answers for the node IP.
                let vip = held.iter().find(|h| h.address == node_ip && !h.duplicate);
                let duplicate = held.iter().find(|h| h.address == node_ip && h.duplicate);
                // `null` when it printed no address: that is not evidence it lacks the node
                // IP, and `--master` must not read it as such.
                let holds = if held.is_empty() {
                    json!(null)
                } else {
                    json!(vip.is_some())
                };
                report.nodes.insert(
                    node.node.clone(),
                    json!({
                        "holds_node_ip": holds,
                        "interface": vip.map(|h| h.label.clone().unwrap_or(h.interface.clone())),
                    }),
                );
                if let Some(h) = vip {
                    holders.push(node.node.clone());
                    report = report.detail(
                        Status::Ok, // raised to CRIT below when another node holds it too
                        Some(&node.node),
                        msg!("item-node-ip"),
                        msg!(
                            "vip-holds",
                            ip = node_ip.to_string(),
                            interface = h.label.as_deref().unwrap_or(&h.interface)
                        ),
                    );
                } else if let Some(h) = duplicate {
                    duplicated = true;
                    report = report.detail(
                        Status::Warn,
                        Some(&node.node),
                        msg!("item-node-ip"),
                        msg!(
                            "vip-duplicate",
                            ip = node_ip.to_string(),
                            interface = h.label.as_deref().unwrap_or(&h.interface)
                        ),
                    );
                } else if held.is_empty() {
                    unknown.push(node.node.clone());
                    report = report.detail(
                        Status::Unknown,
                        Some(&node.node),
                        msg!("item-node-ip"),
                        msg!("vip-no-address"),
                    );
                }
            }
            Err(err) => {
                unknown.push(node.node.clone());
                report = report.detail(
                    Status::Unknown,
                    Some(&node.node),
                    msg!("item-node-ip"),
                    err.clone(),
                );
            }
        }
    }
    let ip = node_ip.to_string();
    let (status, summary) = match (holders.as_slice(), unknown.is_empty()) {
        ([one], _) => (Status::Ok, msg!("vip-master", node = one, ip = &ip)),
        ([], true) => (Status::Crit, msg!("vip-none", ip = &ip)),
        ([], false) => (
            Status::Unknown,
            msg!("vip-none-reachable", ip = &ip, unknown = unknown.join(", ")),
        ),
        (many, _) => (
            Status::Crit,
            msg!(
                "vip-split-brain",
                nodes = Msg::and_list(many),
                count = many.len(),
                ip = &ip
            ),
        ),
    };
    if holders.len() > 1 {
        for detail in report.details.iter_mut().filter(|d| d.status == Status::Ok) {
            detail.status = Status::Crit;
        }
    }
    // One master, and a node that has the node IP configured too but may not use it:
    // not a split brain yet, not a healthy cluster either.
    report.status = match status {
        Status::Ok if duplicated => Status::Warn,
        other => other,
    };
    report.summary = summary;
    report
}

/// The master's node name when exactly one node holds the node IP.
pub fn master_of(report: &Report) -> Option<String> {
    let holders: Vec<&String> = report
        .nodes
        .iter()
        .filter(|(_, facts)| facts["holds_node_ip"] == true)
        .map(|(name, _)| name)
        .collect();
    match holders.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, text: &str) -> NodeAddrs {
        NodeAddrs {
            node: name.into(),
            output: Ok(text.into()),
        }
    }

    const WITH: &str = include_str!("fixtures/addr-holder.txt");
    const WITHOUT: &str = "2: eth0    inet 172.16.95.72/24 scope global eth0\\ valid_lft forever";

    fn ip() -> IpAddr {
        "172.16.95.71".parse().unwrap()
    }

    #[test]
    fn one_holder_is_the_master() {
        let r = evaluate(ip(), &[node("tvox1", WITH), node("tvox2", WITHOUT)]);
        assert_eq!(r.status, Status::Ok);
        assert_eq!(master_of(&r).as_deref(), Some("tvox1"));
        assert!(r.summary.contains("tvox1 is master"));
    }

    #[test]
    fn both_holding_is_split_brain() {
        let r = evaluate(ip(), &[node("tvox1", WITH), node("tvox2", WITH)]);
        assert_eq!(r.status, Status::Crit);
        assert!(r.summary.contains("split brain"));
        assert_eq!(master_of(&r), None);
    }

    #[test]
    fn nobody_holding_is_critical() {
        let r = evaluate(ip(), &[node("tvox1", WITHOUT), node("tvox2", WITHOUT)]);
        assert_eq!(r.status, Status::Crit);
        assert!(r.summary.contains("no node holds"));
    }

    /// IPv6: tvox2 was given the node IP while tvox1 holds it; duplicate address detection
    /// kept tvox2 from using it (captured in two network namespaces on one link).
    #[test]
    fn a_dadfailed_copy_is_not_held_and_warns() {
        let v6: IpAddr = "2001:db8:95::71".parse().unwrap();
        let holder = node("tvox1", include_str!("fixtures/ipv6-holder-iproute6.txt"));
        let dad = node(
            "tvox2",
            include_str!("fixtures/ipv6-dadfailed-iproute6.txt"),
        );
        let r = evaluate(v6, &[holder, dad.clone()]);
        assert_eq!(r.status, Status::Warn, "{}", r.summary.en());
        assert_eq!(master_of(&r).as_deref(), Some("tvox1"));
        assert_eq!(r.nodes["tvox2"]["holds_node_ip"], false);
        assert!(r.details[1].message.contains("dadfailed"));
        // The holder away: the copy that failed detection is no master.
        let away = NodeAddrs {
            node: "tvox1".into(),
            output: Err(Msg::text("`tvox1` is unreachable")),
        };
        let r = evaluate(v6, &[away, dad]);
        assert_eq!(r.status, Status::Unknown);
        assert_eq!(master_of(&r), None);
    }

    #[test]
    fn an_unreachable_node_leaves_it_unknown_unless_the_other_holds_it() {
        let down = NodeAddrs {
            node: "tvox2".into(),
            output: Err(Msg::text("`tvox2` (10.0.0.2) is unreachable")),
        };
        let r = evaluate(ip(), &[node("tvox1", WITHOUT), down.clone()]);
        assert_eq!(r.status, Status::Unknown);
        let r = evaluate(ip(), &[node("tvox1", WITH), down]);
        assert_eq!(r.status, Status::Ok);
    }
}
