//! Lint cases of `master:`: each wrong form or reference is reported at its line and column.

use crate::runbook::load::tests::{assert_invalid, HEAD};
use crate::runbook::load::{load, Invalid};
use crate::runbook::master::Master;
use crate::runbook::model::Kind;

const PATCH: &str =
    "      - { id: patch, kind: screen, title: P, on: slave, command: [x], success: done }\n";

#[test]
fn a_named_node_and_the_node_of_an_earlier_step_load() {
    let text = format!(
        "{HEAD}{PATCH}      - {{ id: a, kind: check, title: A, checks: [vip], options: {{ master: tvox2 }} }}\n      - {{ id: b, kind: wait, title: B, until: {{ check: vip }}, options: {{ master: {{ node_of: patch }} }} }}\n      - {{ id: c, kind: check, title: C, checks: [vip, db], options: {{ master: {{ other_than_node_of: patch }} }} }}\n"
    );
    let rb = load("t.yaml", &text).unwrap();
    let masters: Vec<Option<Master>> = rb.stages[0]
        .steps
        .iter()
        .map(|s| match &s.kind {
            Kind::Check { options, .. } | Kind::Wait { options, .. } => options.master.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(
        masters,
        vec![
            None,
            Some(Master::Node("tvox2".into())),
            Some(Master::NodeOf("patch".into())),
            Some(Master::OtherThanNodeOf("patch".into())),
        ]
    );
}

#[test]
fn an_unknown_node_or_form() {
    assert_invalid(
        "      - { id: a, kind: check, title: A, checks: [vip], options: { master: master } }\n",
        7,
        75,
        "`master: master`: expected `tvox1`, `tvox2`",
    );
    assert_invalid(
        &format!("{PATCH}      - {{ id: a, kind: check, title: A, checks: [vip], options: {{ master: {{ node_of: patch, other_than_node_of: patch }} }} }}\n"),
        8,
        75,
        "needs exactly one of",
    );
}

#[test]
fn master_without_the_vip_check() {
    assert_invalid(
        "      - { id: a, kind: check, title: A, checks: [db], options: { master: tvox1 } }\n",
        7,
        74,
        "option of the `vip` check",
    );
}

#[test]
fn the_step_must_exist_and_come_earlier() {
    assert_invalid(
        "      - { id: a, kind: wait, title: A, until: { check: vip }, options: { master: { node_of: pach } } }\n",
        7,
        82,
        "no step `pach`",
    );
    assert_invalid(
        &format!("      - {{ id: a, kind: wait, title: A, until: {{ check: vip }}, options: {{ master: {{ node_of: patch }} }} }}\n{PATCH}"),
        7,
        82,
        "`patch` comes later",
    );
}

#[test]
fn the_step_must_run_on_one_node() {
    assert_invalid(
        "      - { id: both, kind: run, title: R, on: both, command: [x] }\n      - { id: a, kind: check, title: A, checks: [vip], options: { master: { node_of: both } } }\n",
        8,
        75,
        "`both` is a `run` step that does not run on one node",
    );
}

#[test]
fn a_forward_step_cannot_name_a_rollback_step() {
    let text = format!(
        "{HEAD}{PATCH}    rollback:\n      - {{ id: undo, kind: reboot, title: U, on: tvox1 }}\n  - id: t\n    title: T\n    steps:\n      - {{ id: a, kind: check, title: A, checks: [vip], options: {{ master: {{ node_of: undo }} }} }}\n"
    );
    let errors = load("t.yaml", &text).expect_err("should be invalid").0;
    assert!(
        errors.iter().any(|e| e.line == 13
            && e.column == 75
            && e.message.contains("rollback step of stage `s`")),
        "{}",
        Invalid(errors)
    );
}

#[test]
fn a_rollback_step_may_name_a_forward_step() {
    let text = format!(
        "{HEAD}{PATCH}    rollback:\n      - {{ id: undo, kind: check, title: U, checks: [vip], options: {{ master: {{ other_than_node_of: patch }} }} }}\n"
    );
    load("t.yaml", &text).unwrap();
}

#[test]
fn options_on_a_wait_for_a_host() {
    assert_invalid(
        "      - { id: a, kind: wait, title: A, until: { host: tvox1 }, options: { master: tvox1 } }\n",
        7,
        24,
        "this step waits for a host",
    );
}
