//! `dns` verdicts on DNS answers captured in the lab (`fixtures/`): lab addresses, node IP
//! 10.213.103.11, DR client 10.213.103.20, DNS server 10.213.103.53.

use crate::i18n::Msg;
use std::net::IpAddr;

use super::gather::asking;
use super::{evaluate, message, relay, Asking, Expected};
use crate::checks::{Report, Status};

const DOMAIN: &str = "tvox.lab.test";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn known() -> Vec<(IpAddr, Msg)> {
    vec![
        (ip("10.213.103.11"), "the node IP".into()),
        (ip("10.213.103.20"), "the DR client".into()),
    ]
}

fn node_ip() -> Expected {
    Expected {
        address: ip("10.213.103.11"),
        what: Msg::text("the node IP"),
        known: known(),
    }
}

fn dr() -> Expected {
    Expected {
        address: ip("10.213.103.20"),
        what: Msg::text("the DR client"),
        known: known(),
    }
}

/// What `node` got, from a relay fixture whose query had id `id`.
fn from(node: &str, fixture: &str, id: u16) -> Asking {
    asking(node.into(), relay::parse(fixture), |raw| {
        message::parse(raw, id, DOMAIN, message::TYPE_A)
    })
}

fn judge(expected: &Expected, askings: &[Asking]) -> Report {
    evaluate(DOMAIN, expected, askings, None)
}

const NODE_IP: &str = include_str!("fixtures/a-node-ip.txt");
const DR_CLIENT: &str = include_str!("fixtures/a-dr-client.txt");

#[test]
fn flipped_to_the_dr_client_is_ok_at_activation() {
    let r = judge(&dr(), &[from("dr_client", DR_CLIENT, 0xa002)]);
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.summary,
        "`tvox.lab.test` is 10.213.103.20 (the DR client) at every DNS server asked: \
         10.213.103.53 (asked from dr_client)"
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn still_the_main_site_at_activation_is_critical() {
    let r = judge(&dr(), &[from("dr_client", NODE_IP, 0xa001)]);
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "10.213.103.53 (asked from dr_client) answers 10.213.103.11 (the node IP), TTL 60s, \
         expected 10.213.103.20 (the DR client)"
    );
    assert!(r.hints[0].contains("must be 10.213.103.20 (the DR client) only"));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn the_node_ip_from_both_nodes_is_ok_normally() {
    let r = judge(
        &node_ip(),
        &[
            from("tvox1", NODE_IP, 0xa001),
            from("tvox2", NODE_IP, 0xa001),
        ],
    );
    assert_eq!(r.status, Status::Ok);
    assert!(
        r.summary
            .ends_with("10.213.103.53 (asked from tvox1, tvox2)"),
        "{}",
        r.summary
    );
    // Still pointing at the DR client after a roll-back: the clients would not come back.
    let r = judge(&node_ip(), &[from("tvox1", DR_CLIENT, 0xa002)]);
    assert_eq!(r.status, Status::Crit);
    assert!(
        r.summary.contains("answers 10.213.103.20 (the DR client)"),
        "{}",
        r.summary
    );
}

#[test]
fn a_cname_to_the_right_address_is_ok_and_named() {
    let r = judge(
        &dr(),
        &[from(
            "dr_client",
            include_str!("fixtures/cname-to-dr-client.txt"),
            0xa004,
        )],
    );
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.details[0].message,
        "answers 10.213.103.20 (the DR client) via CNAME alias.lab.test, TTL 60s"
    );
    assert_eq!(
        r.nodes["dr_client"]["answers"]["10.213.103.53"]["cname"][0],
        "alias.lab.test"
    );
}

#[test]
fn the_right_address_among_others_is_critical() {
    let r = judge(
        &dr(),
        &[from(
            "dr_client",
            include_str!("fixtures/a-two-records.txt"),
            0xa003,
        )],
    );
    assert_eq!(r.status, Status::Crit);
    assert!(
        r.summary.contains("clients may pick either"),
        "{}",
        r.summary
    );
}

#[test]
fn no_such_name_and_no_address_are_critical() {
    let r = judge(
        &dr(),
        &[from(
            "dr_client",
            include_str!("fixtures/nxdomain.txt"),
            0xa005,
        )],
    );
    assert_eq!(r.status, Status::Crit);
    assert!(
        r.summary.contains("answers no such name (NXDOMAIN)"),
        "{}",
        r.summary
    );
    let aaaa = asking(
        "tvox1".into(),
        relay::parse(include_str!("fixtures/aaaa-no-data.txt")),
        |raw| message::parse(raw, 0xa006, DOMAIN, message::TYPE_AAAA),
    );
    let v6 = Expected {
        address: ip("fd00::11"),
        what: Msg::text("the node IP"),
        known: vec![],
    };
    let r = judge(&v6, &[aaaa]);
    assert_eq!(r.status, Status::Crit);
    assert!(
        r.summary.contains("answers no address, expected fd00::11"),
        "{}",
        r.summary
    );
}

#[test]
fn what_cannot_be_asked_is_unknown_never_ok() {
    for (fixture, id, says) in [
        (
            include_str!("fixtures/server-stopped.txt"),
            0xa008,
            "nothing answers on port 53",
        ),
        (
            include_str!("fixtures/servfail.txt"),
            0xa00c,
            "would not say: SERVFAIL",
        ),
        (
            include_str!("fixtures/refused.txt"),
            0xa00a,
            "would not say: REFUSED",
        ),
        (
            include_str!("fixtures/no-python.txt"),
            0,
            "no python on the node",
        ),
        (
            include_str!("fixtures/resolv-conf-missing.txt"),
            0,
            "cannot read `/etc/resolv.conf`",
        ),
        (
            include_str!("fixtures/resolv-conf-without-nameserver.txt"),
            0,
            "no `nameserver`",
        ),
    ] {
        let r = judge(&dr(), &[from("dr_client", fixture, id)]);
        assert_eq!(r.status, Status::Unknown, "{fixture}");
        assert!(r.summary.contains(says), "{}", r.summary);
        assert!(
            !r.hints.iter().any(|h| h.contains("must be")),
            "{:?}",
            r.hints
        );
        // Naming servers in the inventory is the fix only when resolv.conf gave none.
        let resolv_conf = says.contains("resolv.conf") || says.contains("nameserver");
        let hinted = r.hints.iter().any(|h| h.contains("dns: { servers"));
        assert_eq!(hinted, resolv_conf, "{fixture}");
    }
    // A node that could not be reached says so; nothing at all is UNKNOWN too.
    let r = judge(&dr(), &[from("dr_client", "", 0)]);
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(judge(&dr(), &[]).status, Status::Unknown);
}

#[test]
fn a_silent_second_server_is_unknown() {
    let r = judge(
        &node_ip(),
        &[from(
            "tvox1",
            include_str!("fixtures/second-server-silent.txt"),
            0xa001,
        )],
    );
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(r.nodes["tvox1"]["servers_from"], "inventory");
    assert!(
        r.summary
            .starts_with("10.213.103.99 (asked from tvox1) no answer"),
        "{}",
        r.summary
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn servers_that_disagree_are_named() {
    // Two servers as seen from the DR client: one flipped, one not.
    let mut second = from("dr_client", NODE_IP, 0xa001);
    if let Ok(answers) = &mut second.answers {
        answers[0].server = "10.213.103.54".into();
    }
    let mut both = from("dr_client", DR_CLIENT, 0xa002);
    if let (Ok(a), Ok(b)) = (&mut both.answers, second.answers) {
        a.extend(b);
    }
    let r = judge(&dr(), &[both]);
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "the DNS servers disagree: 10.213.103.54 (asked from dr_client) answers 10.213.103.11 \
         (the node IP), TTL 60s, expected 10.213.103.20 (the DR client)"
    );
}

#[test]
fn this_machine_at_worst_warns() {
    let nodes = [from("dr_client", DR_CLIENT, 0xa002)];
    let mut here = from("this machine", NODE_IP, 0xa001);
    here.servers_from = "inventory or nodes".into();
    let r = evaluate(DOMAIN, &dr(), &nodes, Some(&here));
    assert_eq!(r.status, Status::Warn);
    assert!(!r.nodes.contains_key("this machine"));
    let unreachable = Asking {
        from: "this machine".into(),
        servers_from: String::new(),
        answers: Err("no DNS server to ask".into()),
    };
    let r = evaluate(DOMAIN, &dr(), &nodes, Some(&unreachable));
    assert_eq!(r.status, Status::Warn);
    let here = from("this machine", DR_CLIENT, 0xa002);
    assert_eq!(
        evaluate(DOMAIN, &dr(), &nodes, Some(&here)).status,
        Status::Ok
    );
}

/// The node asks a resolver of its own (dnsmasq on 127.0.0.1, as NetworkManager sets it
/// up): the right address may come from the node's hosts file, which names the domain,
/// so it proves nothing about the customer's DNS (it was OK).
#[test]
fn a_right_answer_from_the_nodes_own_resolver_is_unknown() {
    let own = include_str!("fixtures/a-node-ip-from-own-resolver-127.0.0.1.txt");
    let r = judge(&node_ip(), &[from("tvox1", own, 0xa001)]);
    assert_eq!(r.status, Status::Unknown, "{}", r.summary.en());
    assert!(
        r.details[0].message.contains("resolver on the node itself"),
        "{}",
        r.details[0].message
    );
    assert!(!r.hints.is_empty());
    // A wrong answer from it is still wrong.
    let r = judge(&dr(), &[from("tvox1", own, 0xa001)]);
    assert_eq!(r.status, Status::Crit);
}

/// systemd-resolved's stub named in resolv.conf: the relay asked the servers it forwards to
/// (captured with the relay under python 3.11 and 2.7, in a namespace with
/// /run/systemd/resolve/resolv.conf naming the lab's server).
#[test]
fn behind_systemd_resolved_its_upstream_servers_are_asked() {
    let via = include_str!("fixtures/a-node-ip-via-systemd-resolved-upstream.txt");
    let r = judge(&node_ip(), &[from("tvox1", via, 0xa001)]);
    assert_eq!(r.status, Status::Ok, "{}", r.summary.en());
    assert_eq!(r.nodes["tvox1"]["servers_from"], "systemd-resolved");
}
