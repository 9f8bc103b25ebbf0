//! Gathering for `dns`: the nodes that must see the record (the cluster normally; the DR
//! client with `--expect dr`, the main site being off by then) ask the customer's DNS
//! servers — the inventory's `dns.servers`, else each node's resolv.conf nameservers.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::IpAddr;

use super::{evaluate, message, relay, Asking, Expect, Expected, ServerReply};
use crate::checks::context::Context;
use crate::checks::hosts;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::inventory::{Address, NodeName};
use crate::msg;

pub fn gather(cx: &Context) -> Report {
    let Some(domain) = cx.inventory.tvox.domain.as_deref() else {
        return Report::new("dns", Status::Unknown, msg!("dns-no-domain"));
    };
    let (expected, nodes) = match expected(cx) {
        Ok(found) => found,
        Err(why) => return Report::new("dns", Status::Unknown, why),
    };
    let qtype = qtype(&expected.address);
    // A fresh id per run: an answer to an earlier, late query is not taken for this one's.
    let id = RandomState::new().hash_one(std::time::SystemTime::now()) as u16;
    let query = match message::query(id, domain, qtype) {
        Ok(query) => query,
        Err(why) => return Report::new("dns", Status::Unknown, why),
    };
    let servers: Vec<String> = cx
        .inventory
        .dns
        .servers
        .iter()
        .map(IpAddr::to_string)
        .collect();
    let cmd = relay::command(&query, &servers);
    let askings: Vec<Asking> = cx
        .run_each(&nodes, &cmd)
        .into_iter()
        .map(|(node, out)| {
            let relayed = out.and_then(|o| relay::parse(&o.stdout_lossy()));
            asking(node, relayed, |raw| message::parse(raw, id, domain, qtype))
        })
        .collect();
    let here = cx.options.resolve_here.then(|| {
        // From here, the servers the nodes asked when the inventory names none.
        let mut servers: Vec<String> = servers.clone();
        for a in askings.iter().filter_map(|a| a.answers.as_ref().ok()) {
            for s in a {
                if !servers.contains(&s.server) {
                    servers.push(s.server.clone());
                }
            }
        }
        super::ask_here(&servers, &query, |raw| {
            message::parse(raw, id, domain, qtype)
        })
    });
    evaluate(domain, &expected, &askings, here.as_ref())
}

/// One node's relay output, each answer read.
pub(super) fn asking(
    node: String,
    relayed: Result<relay::Relayed, Msg>,
    read: impl Fn(&[u8]) -> Result<message::Reply, Msg>,
) -> Asking {
    match relayed {
        Ok(r) => Asking {
            from: node,
            servers_from: if r.servers_from == "given" {
                "inventory".into()
            } else {
                r.servers_from
            },
            answers: Ok(r
                .servers
                .into_iter()
                .map(|a| ServerReply {
                    server: a.server,
                    reply: a.result.and_then(|raw| read(&raw.bytes)),
                })
                .collect()),
        },
        Err(why) => Asking {
            from: node,
            servers_from: String::new(),
            answers: Err(why),
        },
    }
}

/// AAAA for an IPv6 node IP, else A: the record clients of that address look up.
pub fn qtype(address: &IpAddr) -> u16 {
    if address.is_ipv6() {
        message::TYPE_AAAA
    } else {
        message::TYPE_A
    }
}

/// The address to expect and the nodes to ask.
fn expected(cx: &Context) -> Result<(Expected, Vec<&'static str>), Msg> {
    let inv = cx.inventory;
    let mut known: Vec<(IpAddr, Msg)> = Vec::new();
    if let Some(ip) = inv.node_ip {
        known.push((ip, msg!("dns-the-node-ip")));
    }
    for node in &inv.nodes {
        if let Address::Ip(ip) = node.address {
            let what = match node.name {
                NodeName::DrClient => msg!("dns-the-dr-client"),
                name => msg!("dns-own-address", node = name.as_str()),
            };
            known.push((ip, what));
        }
    }
    match cx.options.expect {
        Expect::NodeIp => {
            let address = hosts::tvox_address(inv)?;
            let what = if inv.is_cluster() {
                msg!("dns-the-node-ip")
            } else {
                msg!("dns-standalone")
            };
            let expected = Expected {
                address,
                what,
                known,
            };
            Ok((expected, cx.cluster_nodes()))
        }
        Expect::Dr => match inv.node(NodeName::DrClient).map(|n| &n.address) {
            Some(Address::Ip(ip)) => Ok((
                Expected {
                    address: *ip,
                    what: msg!("dns-the-dr-client"),
                    known,
                },
                vec![NodeName::DrClient.as_str()],
            )),
            Some(Address::Name(name)) => Err(msg!("dns-dr-by-name", name = name.as_str())),
            None => Err(msg!("dns-expect-dr-needs-client")),
        },
    }
}
