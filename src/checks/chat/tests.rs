//! Verdicts of `chat` on both nodes' samples, as snapshots a reviewer can read.
//!
//! No MongoDB server can run here: the samples are the shared real-format fixtures plus
//! hand-written variants in each shell's notation (see `fixtures/README.md`).

use crate::i18n::Msg;
use std::time::Duration;

use super::{evaluate, NodeStatus};
use crate::checks::{Report, Status};

macro_rules! fixture {
    ($name:literal) => {
        Ok(include_str!(concat!("fixtures/", $name, ".txt")).to_string())
    };
}

const LAG: Duration = Duration::from_secs(30);

fn inventory() -> Vec<String> {
    vec!["172.31.21.175".to_string(), "172.31.21.106".to_string()]
}

/// `chat` on tvox1's and tvox2's outputs, against the two-node inventory.
fn both(tvox1: Result<String, String>, tvox2: Result<String, String>) -> Report {
    evaluate(
        &[
            NodeStatus::new("tvox1", tvox1.map_err(Msg::text)),
            NodeStatus::new("tvox2", tvox2.map_err(Msg::text)),
        ],
        &inventory(),
        LAG,
    )
}

#[test]
fn healthy_legacy_shell_both_views() {
    let report = both(
        fixture!("legacy-4.0-primary-secondary"),
        fixture!("legacy-4.0-secondary-view"),
    );
    assert_eq!(report.status, Status::Ok);
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn healthy_mongosh_ejson_both_views() {
    let report = both(
        fixture!("mongosh-ejson-relaxed-healthy"),
        fixture!("mongosh-ejson-relaxed-secondary-view"),
    );
    assert_eq!(report.status, Status::Ok);
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn healthy_legacy_3_0_one_node_asked() {
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("legacy-3.0-primary-secondary"),
    )];
    let report = evaluate(&samples, &inventory(), LAG);
    assert_eq!(
        (report.status, report.summary.en()),
        (
            Status::Ok,
            "PRIMARY 172.31.21.175:27017 (tvox1); SECONDARY 172.31.21.106:27017 0s behind"
        )
    );
}

#[test]
fn peer_not_reached_is_unknown_even_when_the_primary_looks_fine() {
    let report = both(
        fixture!("legacy-4.0-json-stringify-healthy"),
        Err("ssh: connection timed out".into()),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn arbiter_not_in_inventory_warns() {
    let report = both(
        fixture!("legacy-3.6-arbiter-three-members"),
        fixture!("legacy-4.0-secondary-view"),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn arbiter_in_inventory_is_ok() {
    let mut expected = inventory();
    expected.push("172.31.21.200".into());
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("legacy-3.6-arbiter-three-members"),
    )];
    let report = evaluate(&samples, &expected, LAG);
    assert_eq!(report.status, Status::Ok, "{report:#?}");
    assert_eq!(report.metrics["members_healthy"].value, 3.0);
}

#[test]
fn secondary_five_minutes_behind_warns() {
    let report = both(
        fixture!("legacy-4.0-secondary-lagging-5min"),
        Err("not asked".into()),
    );
    assert_eq!(
        report.metrics["lag_seconds@172.31.21.106:27017"].value,
        300.0
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn secondary_40s_behind_mongosh_2_warns() {
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("mongosh-2.x-secondary-lagging-40s"),
    )];
    let report = evaluate(&samples, &inventory(), LAG);
    assert_eq!(report.status, Status::Warn);
    assert_eq!(
        report.summary,
        "SECONDARY 172.31.21.106:27017 is 40s behind the PRIMARY (threshold 30s)"
    );
}

#[test]
fn lag_is_judged_against_the_threshold() {
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("mongosh-ejson-canonical-secondary-lagging-25s"),
    )];
    assert_eq!(evaluate(&samples, &inventory(), LAG).status, Status::Ok);
    assert_eq!(
        evaluate(&samples, &inventory(), Duration::from_secs(10)).status,
        Status::Warn
    );
    insta::assert_yaml_snapshot!(evaluate(&samples, &inventory(), Duration::from_secs(10)));
}

#[test]
fn secondary_down_and_its_mongod_refuses() {
    let report = both(
        fixture!("mongosh-one-unreachable"),
        fixture!("mongosh-2.x-connection-refused"),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn no_primary_two_of_three_unreachable() {
    let report = both(
        fixture!("legacy-3.6-no-primary-two-unreachable"),
        fixture!("legacy-4.0-connection-refused"),
    );
    assert!(
        report
            .summary
            .starts_with("no PRIMARY: 2 of 3 members unreachable"),
        "{}",
        report.summary
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn recovering_member_shows_its_own_reason() {
    let report = both(
        fixture!("legacy-4.0-recovering-primary-view"),
        fixture!("legacy-4.0-recovering-self-view"),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn startup2_during_initial_sync() {
    let report = both(
        fixture!("mongosh-2.x-startup2-initial-sync"),
        Err("not asked".into()),
    );
    assert_eq!(report.status, Status::Crit);
    assert!(
        report
            .summary
            .starts_with("member 172.31.21.106:27017 is STARTUP2"),
        "{}",
        report.summary
    );
}

#[test]
fn rollback_member() {
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("mongosh-1.x-rollback-primary-view"),
    )];
    let report = evaluate(&samples, &inventory(), LAG);
    assert_eq!(
        (report.status, report.summary.en()),
        (Status::Crit, "member 172.31.21.106:27017 is ROLLBACK")
    );
}

#[test]
fn split_views_each_node_primary() {
    let report = both(
        fixture!("mongosh-split-tvox1-sees-itself-primary"),
        fixture!("mongosh-split-tvox2-sees-itself-primary"),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn two_primaries_in_one_view() {
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("legacy-4.0-two-primaries-one-view"),
    )];
    let report = evaluate(&samples, &inventory(), LAG);
    assert_eq!(report.status, Status::Crit);
    assert_eq!(
        report.summary,
        "2 PRIMARY members: 172.31.21.175:27017 (tvox1), 172.31.21.106:27017"
    );
}

#[test]
fn not_initiated_on_both_nodes() {
    let report = both(
        fixture!("legacy-not-initialized"),
        fixture!("mongosh-2.x-not-initialized"),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn standalone_mongod() {
    let report = both(
        fixture!("legacy-3.4-standalone"),
        fixture!("mongosh-1.x-standalone"),
    );
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn auth_required_is_unknown() {
    let report = both(
        fixture!("legacy-4.0-auth-required"),
        fixture!("mongosh-2.x-login-failed"),
    );
    assert_eq!(report.status, Status::Unknown);
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn truncated_empty_and_missing_shell_are_unknown() {
    let report = both(fixture!("legacy-4.0-truncated"), fixture!("empty"));
    insta::assert_yaml_snapshot!(report);
    let report = both(
        fixture!("shell-not-found-bash"),
        fixture!("mongosh-ejson-truncated"),
    );
    assert_eq!(report.status, Status::Unknown);
}

#[test]
fn members_named_by_host_name_do_not_match_an_address_inventory() {
    let samples = [NodeStatus::new(
        "tvox1",
        fixture!("mongosh-1.x-members-by-hostname"),
    )];
    let report = evaluate(&samples, &inventory(), LAG);
    insta::assert_yaml_snapshot!(report);
    let by_name = [
        "TVOX1.example.local".to_string(),
        "tvox2.example.local:27017".to_string(),
    ];
    assert_eq!(evaluate(&samples, &by_name, LAG).status, Status::Ok);
}

#[test]
fn crlf_gives_the_same_verdict() {
    assert_eq!(
        both(fixture!("mongosh-one-unreachable-crlf"), Err("x".into())),
        both(fixture!("mongosh-one-unreachable"), Err("x".into()))
    );
}

#[test]
fn nothing_to_ask() {
    let report = evaluate(&[], &inventory(), LAG);
    assert_eq!(
        (report.status, report.summary.en()),
        (Status::Unknown, "no node to ask")
    );
}

/// A `wait` on `chat` stops at once without a shell or a permission, and goes on looking
/// while mongod or the node does not answer yet.
#[test]
fn a_missing_shell_or_permission_lasts_a_mongod_not_answering_does_not() {
    let healthy = fixture!("legacy-4.0-secondary-view");
    let lasting = |tvox1| both(tvox1, healthy.clone()).lasting;
    assert!(lasting(fixture!("shell-not-found-bash")).is_some());
    assert!(lasting(fixture!("legacy-4.0-auth-required")).is_some());
    assert_eq!(lasting(fixture!("legacy-4.0-connection-refused")), None);
    assert_eq!(lasting(Err("cannot reach `tvox1`".into())), None);
}
