//! `dns` verdicts on the nodes' (and this machine's) answers.

use super::{evaluate, parse, Answer, Expected, NodeAnswer};
use crate::checks::{Report, Status};

const DOMAIN: &str = "tam.teleniasoftware.com";

fn node_ip() -> Expected {
    Expected {
        address: "172.16.95.71".parse().unwrap(),
        what: "the node IP".into(),
    }
}

fn found(text: &str) -> Answer {
    Answer::Found(parse(text))
}

fn both(tvox1: Answer, tvox2: Answer, here: Option<Answer>) -> Report {
    let nodes = [
        NodeAnswer {
            node: "tvox1".into(),
            answer: tvox1,
        },
        NodeAnswer {
            node: "tvox2".into(),
            answer: tvox2,
        },
    ];
    evaluate(DOMAIN, &node_ip(), &nodes, here.as_ref())
}

const RIGHT: &str = include_str!("fixtures/ahosts-node-ip.txt");

#[test]
fn both_nodes_resolve_to_the_node_ip() {
    let r = both(
        found(RIGHT),
        found(include_str!("fixtures/hosts-node-ip.txt")),
        None,
    );
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.summary,
        "`tam.teleniasoftware.com` resolves to 172.16.95.71 (the node IP) on tvox1, tvox2"
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn physical_address_on_one_node_is_critical() {
    let r = both(
        found(RIGHT),
        found(include_str!("fixtures/ahosts-physical-address.txt")),
        None,
    );
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "tvox2: resolves to 172.16.95.70, expected 172.16.95.71 (the node IP)"
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn a_second_address_warns() {
    let r = both(
        found(RIGHT),
        found(include_str!("fixtures/ahosts-ipv6-and-ipv4.txt")),
        None,
    );
    assert_eq!(r.status, Status::Warn);
    assert!(r.summary.contains("also to fd00:95::71"), "{}", r.summary);
}

#[test]
fn not_found_is_critical_unreachable_unknown() {
    let r = both(found(RIGHT), Answer::NotFound, None);
    assert_eq!(r.status, Status::Crit);
    let r = both(found(RIGHT), Answer::Failed("unreachable".into()), None);
    assert_eq!(r.status, Status::Unknown);
    assert!(r.hints.is_empty());
}

#[test]
fn this_machine_only_warns() {
    let r = both(found(RIGHT), found(RIGHT), Some(Answer::NotFound));
    assert_eq!(r.status, Status::Warn);
    assert!(r.summary.starts_with("this machine: does not resolve"));
    let r = both(
        found(RIGHT),
        found(RIGHT),
        Some(found(include_str!("fixtures/ahosts-physical-address.txt"))),
    );
    assert_eq!(r.status, Status::Warn);
    let r = both(found(RIGHT), found(RIGHT), Some(found(RIGHT)));
    assert_eq!(r.status, Status::Ok);
    assert!(r.summary.ends_with("on tvox1, tvox2, this machine"));
}

#[test]
fn dr_client_expected_after_activation() {
    let dr = Expected {
        address: "10.20.0.5".parse().unwrap(),
        what: "the DR client".into(),
    };
    let nodes = [NodeAnswer {
        node: "dr_client".into(),
        answer: found(RIGHT),
    }];
    let r = evaluate(DOMAIN, &dr, &nodes, None);
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "dr_client: resolves to 172.16.95.71, expected 10.20.0.5 (the DR client)"
    );
    assert!(r.hints[0].contains("must point at 10.20.0.5 (the DR client)"));
}
