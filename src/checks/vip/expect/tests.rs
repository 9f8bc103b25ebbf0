//! `--master`: OK only when the expected node answered and holds the node IP alone.

use crate::i18n::Msg;
use std::net::IpAddr;

use super::*;
use crate::checks::vip::{evaluate, NodeAddrs};

const WITH: &str = include_str!("../fixtures/addr-holder.txt");
const WITHOUT: &str = "2: eth0    inet 172.16.95.72/24 scope global eth0\\ valid_lft forever";
const NODES: &[&str] = &["tvox1", "tvox2"];

fn ip() -> IpAddr {
    "172.16.95.71".parse().unwrap()
}

fn answered(name: &str, text: &str) -> NodeAddrs {
    NodeAddrs {
        node: name.into(),
        output: Ok(text.into()),
    }
}

fn away(name: &str) -> NodeAddrs {
    NodeAddrs {
        node: name.into(),
        output: Err(Msg::text(format!("`{name}` (10.0.0.2) is unreachable"))),
    }
}

fn judge(nodes: &[NodeAddrs], master: &str) -> Report {
    expect_master(
        &evaluate(ip(), nodes),
        NODES,
        &Expected::Node(master.into()),
    )
}

#[test]
fn the_expected_node_holding_it_alone_is_ok() {
    let r = judge(
        &[answered("tvox1", WITHOUT), answered("tvox2", WITH)],
        "tvox2",
    );
    assert_eq!(r.status, Status::Ok, "{r:?}");
    assert!(r.summary.contains("tvox2 is master"), "{}", r.summary);
    assert!(r.summary.contains("as expected"), "{}", r.summary);
}

#[test]
fn the_other_node_holding_it_is_critical_and_named() {
    let r = judge(
        &[answered("tvox1", WITH), answered("tvox2", WITHOUT)],
        "tvox2",
    );
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "expected tvox2 as master, but tvox1 is master (holds 172.16.95.71)"
    );
    assert!(r
        .hints
        .iter()
        .any(|h| h.contains("did not make tvox2 master")));
    assert!(r
        .details
        .iter()
        .any(|d| d.node.as_deref() == Some("tvox2") && d.status == Status::Crit));
}

#[test]
fn nobody_or_both_holding_it_is_critical() {
    let none = judge(
        &[answered("tvox1", WITHOUT), answered("tvox2", WITHOUT)],
        "tvox1",
    );
    assert_eq!(none.status, Status::Crit);
    assert!(none.summary.contains("no node holds"), "{}", none.summary);
    assert!(
        none.summary.contains("expected on tvox1"),
        "{}",
        none.summary
    );
    let both = judge(&[answered("tvox1", WITH), answered("tvox2", WITH)], "tvox1");
    assert_eq!(both.status, Status::Crit);
    assert!(both.summary.contains("split brain"), "{}", both.summary);
    assert!(both.summary.contains("tvox1 alone"), "{}", both.summary);
}

#[test]
fn the_expected_node_not_asked_is_unknown_unless_another_holds_it() {
    let r = judge(&[answered("tvox1", WITHOUT), away("tvox2")], "tvox2");
    assert_eq!(r.status, Status::Unknown, "{r:?}");
    assert!(r.summary.contains("could not be asked"), "{}", r.summary);
    // Printing no address is no evidence either.
    let r = judge(
        &[answered("tvox1", WITHOUT), answered("tvox2", "")],
        "tvox2",
    );
    assert_eq!(r.status, Status::Unknown, "{r:?}");
    // Another node holding it is evidence enough that the expected one is not master.
    let r = judge(&[answered("tvox1", WITH), away("tvox2")], "tvox2");
    assert_eq!(r.status, Status::Crit);
}

#[test]
fn the_expected_node_lacking_it_while_the_other_is_away_is_critical() {
    let r = judge(&[away("tvox1"), answered("tvox2", WITHOUT)], "tvox2");
    assert_eq!(r.status, Status::Crit, "{r:?}");
}

#[test]
fn an_unresolved_expectation_is_unknown_never_a_pass() {
    let base = evaluate(ip(), &[answered("tvox1", WITH), answered("tvox2", WITHOUT)]);
    assert_eq!(base.status, Status::Ok);
    let r = expect_master(
        &base,
        NODES,
        &Expected::Unresolved("step `patch-first` has not run".into()),
    );
    assert_eq!(r.status, Status::Unknown);
    assert!(r.summary.contains("`patch-first`"), "{}", r.summary);
}

#[test]
fn a_node_outside_the_cluster_cannot_be_master() {
    let r = judge(
        &[answered("tvox1", WITH), answered("tvox2", WITHOUT)],
        "dr_client",
    );
    assert_eq!(r.status, Status::Unknown);
}

#[test]
fn stand_alone_only_tvox1_can_be_master() {
    let base = Report::new("vip", Status::Ok, "stand-alone TVox");
    let ok = expect_standalone(&base, &Expected::Node("tvox1".into()));
    assert_eq!(ok.status, Status::Ok);
    let wrong = expect_standalone(&base, &Expected::Node("tvox2".into()));
    assert_eq!(wrong.status, Status::Crit);
}
