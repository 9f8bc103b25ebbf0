//! `vip` on a stand-alone TVox: there is no node IP, tvox1 serves the clients at its own
//! address. Still judged on what tvox1 says, not assumed: OK only when tvox1 answered
//! with its addresses (and holds the inventory's address, when that is an IP address);
//! a tvox1 that cannot be asked is UNKNOWN, as any node would be.

use std::net::IpAddr;

use serde_json::json;

use super::{parse, NodeAddrs};
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// The `vip` report of a stand-alone site from tvox1's addresses; `address`: the one the
/// inventory gives it (`None` when it is a host name, which `ip` cannot show).
pub fn evaluate_standalone(address: Option<IpAddr>, tvox1: &NodeAddrs) -> Report {
    let node = tvox1.node.as_str();
    let unknown = |why: Msg| {
        Report::new(
            "vip",
            Status::Unknown,
            msg!("vip-standalone-unknown", why = why.clone()),
        )
        .detail(Status::Unknown, Some(node), msg!("item-address"), why)
    };
    let text = match &tvox1.output {
        Ok(text) => text,
        Err(why) => return unknown(why.clone()),
    };
    let held = parse(text);
    if held.is_empty() {
        return unknown(msg!("vip-no-address"));
    }
    // A `dadfailed` copy is not held: the kernel does not use it.
    let holds = address.map(|ip| held.iter().any(|h| h.address == ip && !h.duplicate));
    let mut report = match (address, holds) {
        (Some(ip), Some(false)) => Report::new(
            "vip",
            Status::Warn,
            msg!("vip-standalone-elsewhere", ip = ip.to_string()),
        ),
        (Some(ip), _) => Report::new(
            "vip",
            Status::Ok,
            msg!("vip-standalone-holds", ip = ip.to_string()),
        ),
        (None, _) => Report::new("vip", Status::Ok, msg!("vip-standalone")),
    };
    report.nodes.insert(
        node.to_owned(),
        json!({ "holds_node_ip": null, "holds_address": holds }),
    );
    let status = report.status;
    let addresses: Vec<String> = held.iter().map(|h| h.address.to_string()).collect();
    report.detail(
        status,
        Some(node),
        msg!("item-address"),
        msg!("vip-holds-addresses", addresses = addresses.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> NodeAddrs {
        NodeAddrs {
            node: "tvox1".into(),
            output: Ok(text.into()),
        }
    }

    const ADDRS: &str = "1: lo    inet 127.0.0.1/8 scope host lo\n\
                         2: eth0    inet 172.16.95.70/24 brd 172.16.95.255 scope global eth0\n";

    #[test]
    fn ok_only_when_tvox1_answered_and_holds_its_address() {
        let ip: IpAddr = "172.16.95.70".parse().unwrap();
        let report = evaluate_standalone(Some(ip), &said(ADDRS));
        assert_eq!(report.status, Status::Ok, "{}", report.summary);
        assert!(report.summary.en().contains("172.16.95.70"));
        // Reached through a NAT or a forwarded port: it does not hold that address.
        let other: IpAddr = "203.0.113.9".parse().unwrap();
        let report = evaluate_standalone(Some(other), &said(ADDRS));
        assert_eq!(report.status, Status::Warn, "{}", report.summary);
        // A host name in the inventory: what tvox1 answered is the evidence.
        assert_eq!(evaluate_standalone(None, &said(ADDRS)).status, Status::Ok);
    }

    #[test]
    fn a_tvox1_that_cannot_be_asked_or_prints_nothing_is_unknown() {
        let down = NodeAddrs {
            node: "tvox1".into(),
            output: Err(msg!("vip-no-address")),
        };
        assert_eq!(evaluate_standalone(None, &down).status, Status::Unknown);
        assert_eq!(evaluate_standalone(None, &said("")).status, Status::Unknown);
        assert_eq!(
            evaluate_standalone(None, &said("garbage\n")).status,
            Status::Unknown
        );
    }
}
