//! `dns` verdicts: each server's answer, as asked from each node, against the expected
//! address. OK only when a server answered exactly it; a wrong or missing record is CRIT;
//! a server that could not be asked (or would not say) is UNKNOWN.

use std::collections::BTreeSet;
use std::net::IpAddr;

use serde_json::{json, Map, Value};

use super::{Asking, Expected, Reply};
use crate::checks::{Report, Status};

/// Judges what every node (and, when given, this machine: `here`) got from the DNS servers.
///
/// This machine is one client among many, and maybe not one of the customer's (a
/// technician's laptop on a VPN): what it sees is reported, and at worst WARNs.
pub fn evaluate(
    domain: &str,
    expected: &Expected,
    askings: &[Asking],
    here: Option<&Asking>,
) -> Report {
    let mut report = Report::new("dns", Status::Ok, "");
    // (server, asked from, the gist of what it said) for the summary.
    let mut said: Vec<(String, String, Option<String>)> = Vec::new();
    for asking in askings.iter().chain(here) {
        let optional = here.is_some_and(|h| std::ptr::eq(h, asking));
        let mut answers = Map::new();
        match &asking.answers {
            Err(why) => {
                let status = if optional {
                    Status::Warn
                } else {
                    Status::Unknown
                };
                report = report.detail(status, Some(&asking.from), "DNS", why.clone());
            }
            Ok(replies) => {
                for r in replies {
                    let (mut status, message) = judge(&r.reply, expected);
                    if optional && status != Status::Ok {
                        status = Status::Warn;
                    }
                    answers.insert(r.server.clone(), facts(&r.reply));
                    said.push((r.server.clone(), asking.from.clone(), gist(&r.reply)));
                    let item = format!("DNS server {}", r.server);
                    report = report.detail(status, Some(&asking.from), item, message);
                }
            }
        }
        if !optional {
            let facts = json!({ "servers_from": asking.servers_from, "answers": answers });
            report.nodes.insert(asking.from.clone(), facts);
        }
    }
    report.status = report.worst_detail(Status::Unknown);
    report.summary = summary(domain, expected, &report, &said);
    if report.status == Status::Crit {
        report = report.hint(format!(
            "clients ask the customer's DNS: every server's record for `{domain}` must be \
             {} only; clients follow once the TTL of the old answer has run out",
            expected.name(&expected.address)
        ));
    }
    let no_resolv_conf = |a: &Asking| a.answers.as_ref().is_err_and(|e| e.contains("resolv.conf"));
    if askings.iter().any(no_resolv_conf) {
        report = report.hint(
            "name the customer's DNS servers in the inventory (`dns: { servers: [...] }`) \
             when the nodes' /etc/resolv.conf does not",
        );
    }
    report
}

fn summary(
    domain: &str,
    expected: &Expected,
    report: &Report,
    said: &[(String, String, Option<String>)],
) -> String {
    if report.status == Status::Ok {
        let mut servers: Vec<(String, Vec<String>)> = Vec::new();
        for (server, from, _) in said {
            match servers.iter_mut().find(|(s, _)| s == server) {
                Some((_, froms)) if !froms.contains(from) => froms.push(from.clone()),
                Some(_) => {}
                None => servers.push((server.clone(), vec![from.clone()])),
            }
        }
        let servers: Vec<String> = servers
            .iter()
            .map(|(s, froms)| format!("{s} (asked from {})", froms.join(", ")))
            .collect();
        return format!(
            "`{domain}` is {} at every DNS server asked: {}",
            expected.name(&expected.address),
            servers.join(", ")
        );
    }
    let worst = report
        .details
        .iter()
        .filter(|d| d.status == report.status)
        .map(|d| {
            let from = d.node.as_deref().unwrap_or("?");
            match d.item.strip_prefix("DNS server ") {
                Some(server) => format!("{server} (asked from {from}) {}", d.message),
                None => format!("{from}: {}", d.message),
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    // Servers giving different answers: clients get either, depending on which they ask.
    let answers: BTreeSet<&String> = said.iter().filter_map(|(_, _, g)| g.as_ref()).collect();
    let servers: BTreeSet<&String> = said.iter().map(|(s, _, _)| s).collect();
    if answers.len() > 1 && servers.len() > 1 {
        format!("the DNS servers disagree: {worst}")
    } else {
        worst
    }
}

fn judge(reply: &Result<Reply, String>, expected: &Expected) -> (Status, String) {
    let want = expected.name(&expected.address);
    let via = |chain: &[String]| {
        if chain.is_empty() {
            String::new()
        } else {
            format!(" via CNAME {}", chain.join(" → "))
        }
    };
    match reply {
        Err(why) => (Status::Unknown, why.clone()),
        Ok(Reply::Failed(rcode)) => (Status::Unknown, format!("would not say: {rcode}")),
        Ok(Reply::NoSuchName { chain }) => (
            Status::Crit,
            format!(
                "answers no such name (NXDOMAIN){}, expected {want}",
                via(chain)
            ),
        ),
        Ok(Reply::NoAddress { chain }) => (
            Status::Crit,
            format!("answers no address{}, expected {want}", via(chain)),
        ),
        Ok(Reply::Addresses {
            chain,
            addresses,
            ttl,
        }) => {
            let named: Vec<String> = addresses.iter().map(|a| expected.name(a)).collect();
            let others: Vec<&IpAddr> = addresses
                .iter()
                .filter(|a| **a != expected.address)
                .collect();
            let text = format!("answers {}{}, TTL {ttl}s", named.join(", "), via(chain));
            if others.is_empty() {
                (Status::Ok, text)
            } else if others.len() < addresses.len() {
                // Clients pick any of the records: some would go to the wrong place.
                (
                    Status::Crit,
                    format!("{text}: clients may pick either, expected {want} only"),
                )
            } else {
                (Status::Crit, format!("{text}, expected {want}"))
            }
        }
    }
}

/// What a reply says, whatever its TTL or chain: equal for servers that agree; `None` for
/// a server that did not say.
fn gist(reply: &Result<Reply, String>) -> Option<String> {
    match reply {
        Ok(Reply::Addresses { addresses, .. }) => {
            let mut list: Vec<String> = addresses.iter().map(IpAddr::to_string).collect();
            list.sort();
            Some(list.join(","))
        }
        Ok(Reply::NoAddress { .. }) => Some("no address".into()),
        Ok(Reply::NoSuchName { .. }) => Some("NXDOMAIN".into()),
        Ok(Reply::Failed(_)) | Err(_) => None,
    }
}

/// The reply as JSON facts for `--format json`.
fn facts(reply: &Result<Reply, String>) -> Value {
    match reply {
        Err(why) => json!({ "error": why }),
        Ok(Reply::Addresses {
            chain,
            addresses,
            ttl,
        }) => {
            let list: Vec<String> = addresses.iter().map(IpAddr::to_string).collect();
            json!({ "addresses": list, "cname": chain, "ttl": ttl })
        }
        Ok(Reply::NoAddress { chain }) => json!({ "addresses": [], "cname": chain }),
        Ok(Reply::NoSuchName { chain }) => json!({ "rcode": "NXDOMAIN", "cname": chain }),
        Ok(Reply::Failed(rcode)) => json!({ "rcode": rcode }),
    }
}
