//! `dns` verdicts: each server's answer, as asked from each node, against the expected
//! address. OK only when a server answered exactly it; a wrong or missing record is CRIT;
//! a server that could not be asked (or would not say) is UNKNOWN.

use std::collections::BTreeSet;
use std::net::IpAddr;

use serde_json::{json, Map, Value};

use super::{Asking, Expected, Reply};
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

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
    let mut report = Report::new("dns", Status::Ok, Msg::default());
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
                report = report.detail(status, Some(&asking.from), Msg::text("DNS"), why.clone());
            }
            Ok(replies) => {
                for r in replies {
                    let (mut status, mut message) = judge(&r.reply, expected);
                    if status == Status::Ok && own_resolver(&r.server) {
                        status = Status::Unknown;
                        message = msg!("dns-own-resolver", said = message);
                    }
                    if optional && status != Status::Ok {
                        status = Status::Warn;
                    }
                    answers.insert(r.server.clone(), facts(&r.reply));
                    said.push((r.server.clone(), asking.from.clone(), gist(&r.reply)));
                    let item = msg!("item-dns-server", server = r.server.as_str());
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
        report = report.hint(msg!(
            "dns-hint-records",
            domain = domain,
            expected = expected.name(&expected.address)
        ));
    }
    let no_resolv_conf = |a: &Asking| a.answers.as_ref().is_err_and(|e| e.contains("resolv.conf"));
    let own = |a: &Asking| {
        a.answers
            .as_ref()
            .is_ok_and(|replies| replies.iter().any(|r| own_resolver(&r.server)))
    };
    if askings.iter().any(|a| no_resolv_conf(a) || own(a)) {
        report = report.hint(msg!("dns-hint-servers"));
    }
    report
}

fn summary(
    domain: &str,
    expected: &Expected,
    report: &Report,
    said: &[(String, String, Option<String>)],
) -> Msg {
    if report.status == Status::Ok {
        let mut servers: Vec<(String, Vec<String>)> = Vec::new();
        for (server, from, _) in said {
            match servers.iter_mut().find(|(s, _)| s == server) {
                Some((_, froms)) if !froms.contains(from) => froms.push(from.clone()),
                Some(_) => {}
                None => servers.push((server.clone(), vec![from.clone()])),
            }
        }
        let servers: Vec<Msg> = servers
            .iter()
            .map(|(s, froms)| msg!("dns-asked-from", server = s, from = froms.join(", ")))
            .collect();
        return msg!(
            "dns-ok",
            domain = domain,
            expected = expected.name(&expected.address),
            servers = Msg::join(&servers, ", ")
        );
    }
    let worst: Vec<Msg> = report
        .details
        .iter()
        .filter(|d| d.status == report.status)
        .map(|d| {
            let from = d.node.as_deref().unwrap_or("?");
            match d.item.strip_prefix("DNS server ") {
                Some(server) => msg!(
                    "dns-server-said",
                    server = server,
                    from = from,
                    said = &d.message
                ),
                None => d.message.map(|m| format!("{from}: {m}")),
            }
        })
        .collect();
    let worst = Msg::join(&worst, "; ");
    // Servers giving different answers: clients get either, depending on which they ask.
    let answers: BTreeSet<&String> = said.iter().filter_map(|(_, _, g)| g.as_ref()).collect();
    let servers: BTreeSet<&String> = said.iter().map(|(s, _, _)| s).collect();
    if answers.len() > 1 && servers.len() > 1 {
        msg!("dns-disagree", worst = worst)
    } else {
        worst
    }
}

/// A server on the asking machine itself (`127.0.0.1` of dnsmasq or a local BIND,
/// `127.0.0.53` of systemd-resolved when its upstream list could not be read): such a
/// resolver answers from that machine's /etc/hosts as readily as from the customer's DNS,
/// and the hosts files of TVox nodes name the domain. Its right answer proves nothing.
fn own_resolver(server: &str) -> bool {
    let address = server.split('%').next().unwrap_or(server);
    address
        .parse::<IpAddr>()
        .is_ok_and(|ip| ip.to_canonical().is_loopback())
}

fn judge(reply: &Result<Reply, Msg>, expected: &Expected) -> (Status, Msg) {
    let want = expected.name(&expected.address);
    let via = |chain: &[String]| {
        if chain.is_empty() {
            Msg::default()
        } else {
            msg!("dns-via", chain = chain.join(" → "))
        }
    };
    match reply {
        Err(why) => (Status::Unknown, why.clone()),
        Ok(Reply::Failed(rcode)) => (Status::Unknown, msg!("dns-would-not-say", rcode = rcode)),
        Ok(Reply::NoSuchName { chain }) => (
            Status::Crit,
            msg!("dns-nxdomain", via = via(chain), want = &want),
        ),
        Ok(Reply::NoAddress { chain }) => (
            Status::Crit,
            msg!("dns-no-address", via = via(chain), want = &want),
        ),
        Ok(Reply::Addresses {
            chain,
            addresses,
            ttl,
        }) => {
            let named: Vec<Msg> = addresses.iter().map(|a| expected.name(a)).collect();
            let others: Vec<&IpAddr> = addresses
                .iter()
                .filter(|a| **a != expected.address)
                .collect();
            let text = msg!(
                "dns-answers",
                addresses = Msg::join(&named, ", "),
                via = via(chain),
                ttl = *ttl
            );
            if others.is_empty() {
                (Status::Ok, text)
            } else if others.len() < addresses.len() {
                // Clients pick any of the records: some would go to the wrong place.
                (Status::Crit, msg!("dns-either", text = text, want = &want))
            } else {
                (
                    Status::Crit,
                    msg!("dns-expected", text = text, want = &want),
                )
            }
        }
    }
}

/// What a reply says, whatever its TTL or chain: equal for servers that agree; `None` for
/// a server that did not say.
fn gist(reply: &Result<Reply, Msg>) -> Option<String> {
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
fn facts(reply: &Result<Reply, Msg>) -> Value {
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
