//! Gathering for `dns`: `getent ahosts DOMAIN` on the nodes that must resolve it (the
//! cluster normally; the DR client with `--expect dr`, the main site being off by then).

use std::net::IpAddr;

use super::{evaluate, parse, resolve_here, Answer, Expect, Expected, NodeAnswer};
use crate::checks::context::Context;
use crate::checks::hosts;
use crate::checks::{Report, Status};
use crate::inventory::{Address, NodeName};
use crate::transport::{Cmd, Output, Transport, TransportError};

pub fn gather(cx: &Context) -> Report {
    let Some(domain) = cx.inventory.tvox.domain.as_deref() else {
        return Report::new(
            "dns",
            Status::Unknown,
            "no `tvox.domain` in the inventory: there is no name to resolve",
        );
    };
    let (expected, nodes) = match expected(cx) {
        Ok(found) => found,
        Err(why) => return Report::new("dns", Status::Unknown, why),
    };
    // This machine's lookup runs while the nodes answer.
    let here = cx.options.resolve_here.then(|| {
        std::thread::spawn({
            let domain = domain.to_string();
            move || resolve_here(&domain)
        })
    });
    let answers: Vec<NodeAnswer> = cx
        .fleet
        .run_each(&nodes, |t| lookup(t, domain))
        .into_iter()
        .map(|(node, answer)| NodeAnswer {
            node,
            answer: answer.unwrap_or_else(|e| Answer::Failed(cx.note(&e))),
        })
        .collect();
    let here = here.map(|t| {
        t.join()
            .unwrap_or_else(|_| Answer::Failed("the local lookup panicked".into()))
    });
    evaluate(domain, &expected, &answers, here.as_ref())
}

/// The address to expect and the nodes to ask.
fn expected(cx: &Context) -> Result<(Expected, Vec<&'static str>), String> {
    match cx.options.expect {
        Expect::NodeIp => {
            let address = hosts::tvox_address(cx.inventory)?;
            let what = if cx.inventory.is_cluster() {
                "the node IP"
            } else {
                "tvox1, stand-alone"
            };
            let expected = Expected {
                address,
                what: what.into(),
            };
            Ok((expected, cx.cluster_nodes()))
        }
        Expect::Dr => match cx.inventory.node(NodeName::DrClient).map(|n| &n.address) {
            Some(Address::Ip(ip)) => Ok((
                Expected {
                    address: *ip,
                    what: "the DR client".into(),
                },
                vec![NodeName::DrClient.as_str()],
            )),
            Some(Address::Name(name)) => Err(format!(
                "the DR client is given by name (`{name}`): write its IP address in \
                 `nodes.dr_client.address` to check what the domain resolves to"
            )),
            None => Err("`--expect dr` needs a DR client: add `nodes.dr_client`".into()),
        },
    }
}

/// `getent ahosts`, or `getent hosts` where getent is too old to know `ahosts`.
fn lookup(t: &mut dyn Transport, domain: &str) -> Result<Answer, TransportError> {
    let ask = |t: &mut dyn Transport, db: &str| -> Result<Output, TransportError> {
        t.output(&Cmd::new("getent").env("LC_ALL", "C").arg(db).arg(domain))
    };
    let mut out = ask(t, "ahosts")?;
    // getent: 1 = unknown database (or usage), 2 = not found, 3 = no enumeration.
    if out.status == 1 {
        out = ask(t, "hosts")?;
    }
    let addresses: Vec<IpAddr> = parse(&out.stdout_lossy());
    Ok(match out.status {
        0 if !addresses.is_empty() => Answer::Found(addresses),
        0 | 2 => Answer::NotFound,
        127 => Answer::Failed("`getent` is not installed on this node".into()),
        status => Answer::Failed(format!(
            "`getent hosts {domain}` failed ({status}): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
    })
}
