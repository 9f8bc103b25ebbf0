//! `clock` verdicts on measured offsets.

use std::path::Path;
use std::time::Duration;

use super::{evaluate, NodeClock, Offset};
use crate::checks::{Report, Status};
use crate::inventory::Inventory;

const WARN: Duration = Duration::from_secs(2);

fn at(node: &str, seconds: f64, uncertainty: f64) -> NodeClock {
    NodeClock {
        node: node.into(),
        offset: Ok(Offset {
            seconds,
            uncertainty,
        }),
    }
}

fn run(clocks: &[NodeClock]) -> Report {
    evaluate(clocks, WARN)
}

#[test]
fn three_nodes_in_sync() {
    let r = run(&[
        at("tvox1", 0.120, 0.002),
        at("tvox2", 0.118, 0.003),
        at("dr_client", 0.125, 0.004),
    ]);
    assert_eq!(r.status, Status::Ok);
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn skew_over_the_threshold_warns_and_five_times_is_critical() {
    let r = run(&[at("tvox1", 0.0, 0.001), at("tvox2", 3.0, 0.001)]);
    assert_eq!(r.status, Status::Warn);
    assert!(
        r.summary
            .starts_with("tvox2 is 3.000 s ± 0.002 s ahead of tvox1"),
        "{}",
        r.summary
    );
    let r = run(&[at("tvox1", 30.0, 0.001), at("tvox2", 0.0, 0.001)]);
    assert_eq!(r.status, Status::Crit);
    assert_eq!(r.metrics["clock_skew_seconds"].crit, Some(10.0));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn this_machine_being_off_does_not_matter_between_nodes() {
    let r = run(&[at("tvox1", 3600.0, 0.01), at("tvox2", 3600.2, 0.01)]);
    assert_eq!(r.status, Status::Ok);
}

#[test]
fn a_bound_too_wide_to_tell_is_unknown() {
    let r = run(&[at("tvox1", 0.0, 0.8), at("tvox2", 1.8, 0.8)]);
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(r.hints.len(), 1);
}

#[test]
fn one_node_is_compared_with_this_machine_and_only_warns() {
    let r = run(&[at("tvox1", 60.0, 0.01)]);
    assert_eq!(r.status, Status::Warn);
    assert!(r.summary.contains("from this machine (the only node)"));
}

#[test]
fn an_unread_clock_is_unknown() {
    let r = run(&[
        at("tvox1", 0.0, 0.01),
        NodeClock {
            node: "tvox2".into(),
            offset: Err("`tvox2` (10.0.0.2) is unreachable".into()),
        },
    ]);
    assert_eq!(r.status, Status::Unknown);
    assert!(r.summary.starts_with("only one node's clock could be read"));
}

#[test]
fn clock_skew_threshold_defaults_to_two_seconds() {
    let load = |extra: &str| {
        let text = format!(
            "site: s\ntvox: {{ version: 21, domain: d.example }}\nnodes:\n  tvox1: {{ address: 10.0.0.1 }}\n{extra}"
        );
        Inventory::parse(Path::new("t.yaml"), &text)
    };
    let inv = load("").unwrap();
    assert_eq!(inv.thresholds.clock_skew.as_secs(), 2);
    let inv = load("thresholds: { clock_skew: 500ms }\n").unwrap();
    assert_eq!(inv.thresholds.clock_skew.as_millis(), 500);
}
