//! `hosts` verdicts on both nodes' files, as snapshots a reviewer can read.

use super::{evaluate, Fetched, NodeFile};
use crate::checks::{Report, Status};

const DOMAIN: &str = "tam.teleniasoftware.com";
const FT: &str = include_str!("fixtures/centos7-ft.txt");

fn file(node: &str, fetched: Fetched) -> NodeFile {
    NodeFile {
        node: node.into(),
        path: "/etc/hosts".into(),
        expected: "172.16.95.71".parse().unwrap(),
        fetched,
    }
}

fn text(t: &str) -> Fetched {
    Fetched::Text(t.into())
}

fn both(tvox1: Fetched, tvox2: Fetched) -> Report {
    evaluate(DOMAIN, &[file("tvox1", tvox1), file("tvox2", tvox2)])
}

#[test]
fn both_nodes_map_the_node_ip() {
    let r = both(text(FT), text(include_str!("fixtures/crlf-tabs-alias.txt")));
    assert_eq!(r.status, Status::Ok);
    assert!(r.hints.is_empty());
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn line_missing_on_tvox2_names_the_node_and_hints_write_config() {
    let r = both(text(FT), text(include_str!("fixtures/centos7-fresh.txt")));
    assert_eq!(r.status, Status::Crit);
    assert!(
        r.summary.starts_with("tvox2: no line maps"),
        "{}",
        r.summary
    );
    assert!(r.hints[0].contains("on tvox2: run `write_config.php network`"));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn wrong_address_and_skipped_lines() {
    let r = both(
        text(include_str!("fixtures/physical-address.txt")),
        text(include_str!("fixtures/invalid-addresses.txt")),
    );
    assert_eq!(r.status, Status::Crit);
    assert_eq!(r.hints.len(), 2);
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn missing_file_is_critical_unreadable_is_unknown() {
    let r = both(Fetched::Missing, text(FT));
    assert_eq!(r.status, Status::Crit);
    assert!(r.summary.contains("`/etc/hosts` does not exist"));
    let r = both(
        text(FT),
        Fetched::Failed("`tvox2` (10.0.0.2) is unreachable".into()),
    );
    assert_eq!(r.status, Status::Unknown);
    assert!(r.hints.is_empty());
}

#[test]
fn only_skipped_lines_warn() {
    let mut with_junk = FT.to_string();
    with_junk.push_str("10.0.0.300 old-pbx\n");
    let r = both(text(FT), text(&with_junk));
    assert_eq!(r.status, Status::Warn);
    assert_eq!(r.hints, ["fix or comment out the lines the resolver skips"]);
}
