//! `screen` verdicts on every node's probe.

use super::{evaluate, NodeScreen, Probe};
use crate::checks::{Report, Status};

fn installed(listing: &str) -> Probe {
    Probe::Installed {
        path: "/usr/bin/screen".into(),
        listing: listing.into(),
    }
}

fn both(tvox1: Probe, tvox2: Probe) -> Report {
    evaluate(&[
        NodeScreen {
            node: "tvox1".into(),
            probe: tvox1,
        },
        NodeScreen {
            node: "tvox2".into(),
            probe: tvox2,
        },
    ])
}

const NONE: &str = include_str!("fixtures/ls-none.txt");

#[test]
fn installed_everywhere_no_session() {
    let r = both(
        installed(NONE),
        installed(include_str!("fixtures/ls-none-centos7.txt")),
    );
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.summary,
        "GNU screen installed on tvox1, tvox2, no session open"
    );
}

#[test]
fn missing_on_one_node_is_critical() {
    let r = both(installed(NONE), Probe::Missing);
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "tvox2: GNU screen is not installed: the patch must run inside it"
    );
    assert!(r.hints[0].starts_with("install it on tvox2"));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn a_detached_session_may_be_a_running_patch() {
    let r = both(
        installed(include_str!("fixtures/ls-one-detached-debian.txt")),
        installed(NONE),
    );
    assert_eq!(r.status, Status::Warn);
    assert!(r
        .summary
        .contains("30335.tvdr-patch (Detached since 11/21/26 23:42:33)"));
    assert!(r.hints[0].contains("`screen -r 30335.tvdr-patch`"));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn dead_sessions_hint_wipe() {
    let r = both(
        installed(include_str!("fixtures/ls-detached-and-dead-debian.txt")),
        installed(include_str!("fixtures/ls-attached-detached-no-date.txt")),
    );
    assert_eq!(r.status, Status::Warn);
    assert!(r.hints.iter().any(|h| h.contains("screen -wipe")));
    assert_eq!(r.metrics["screen_sessions@tvox2"].value, 2.0);
}

#[test]
fn complaints_and_unreachable_are_unknown() {
    let r = both(
        installed(include_str!("fixtures/ls-bad-socket-dir.txt")),
        installed(NONE),
    );
    assert_eq!(r.status, Status::Unknown);
    assert!(r.summary.contains("must have mode 777"));
    let r = both(installed(NONE), Probe::Failed("unreachable".into()));
    assert_eq!(r.status, Status::Unknown);
}

/// A listing whose session lines cannot be read is no evidence that nothing is open (it
/// said "no session", OK).
#[test]
fn a_session_line_not_read_is_unknown_not_none() {
    let odd = "There is a screen on:\r\n\t4242.tvdr-patch\t(11/22/26 01:12:05)\t(Detached)\t(new)\n1 Socket in /run/screen/S-root.\r\n";
    let r = both(installed(odd), installed(NONE));
    assert_eq!(r.status, Status::Unknown, "{}", r.summary.en());
    assert!(r.summary.contains("cannot read"), "{}", r.summary.en());
}

/// A listing cut right after "There is a screen on:" shows no session, but screen said
/// there is one: not "no session" (it was OK).
#[test]
fn a_listing_cut_after_its_header_is_unknown() {
    let r = both(installed("There is a screen on:\r\n"), installed(NONE));
    assert_eq!(r.status, Status::Unknown, "{}", r.summary.en());
    assert!(r.summary.contains("cut short"), "{}", r.summary.en());
}
