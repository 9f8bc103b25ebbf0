//! The grammar on the README's own forms, and the README held against the shipped files.

use super::readme::{rows, README};
use super::verify::{summary_problems, trace_problems, unnamed, Shipped};
use super::*;

fn at(runbook: &'static str, id: &str) -> StepRef {
    StepRef {
        runbook: Some(runbook),
        id: id.to_string(),
    }
}

fn exists(runbook: &'static str, id: &str) -> Claim {
    Claim::Exists(at(runbook, id))
}

fn runs(runbook: &'static str, id: &str, check: &str) -> Claim {
    Claim::Runs(at(runbook, id), check.to_string())
}

fn check(name: &str) -> Claim {
    Claim::Check(name.to_string())
}

#[test]
fn a_runbook_word_holds_until_the_next() {
    assert_eq!(
        parse("s2f `why-a-cluster`; s2f `next-upgrade`, upg `release`; runbook dra"),
        [
            exists("s2f", "why-a-cluster"),
            exists("s2f", "next-upgrade"),
            exists("upg", "release")
        ]
    );
}

#[test]
fn an_id_before_any_runbook_word_names_none() {
    assert_eq!(
        parse("waits `vip-on-tvox2`"),
        [Claim::Exists(StepRef {
            runbook: None,
            id: "vip-on-tvox2".to_string()
        })]
    );
}

#[test]
fn check_at_claims_each_step_of_the_list_across_runbooks() {
    assert_eq!(
        parse("check `fs-sync` at s2f `fs-synced`, upg `fs-synced` and drr `fs-synced`"),
        [
            check("fs-sync"),
            exists("s2f", "fs-synced"),
            runs("s2f", "fs-synced", "fs-sync"),
            exists("upg", "fs-synced"),
            runs("upg", "fs-synced", "fs-sync"),
            exists("drr", "fs-synced"),
            runs("drr", "fs-synced", "fs-sync"),
        ]
    );
}

#[test]
fn a_parenthesis_may_sit_between_checks_and_at_and_prose_ends_the_list() {
    assert_eq!(
        parse("check `rpo` (what the slave lacks at a switch) at upg `a`; notes upg `b`"),
        [
            check("rpo"),
            exists("upg", "a"),
            runs("upg", "a", "rpo"),
            exists("upg", "b")
        ]
    );
    assert_eq!(
        parse("upg `r`, check `screen` at `c` (screen on slave), `p`"),
        [
            exists("upg", "r"),
            check("screen"),
            exists("upg", "c"),
            runs("upg", "c", "screen"),
            exists("upg", "p")
        ]
    );
}

#[test]
fn a_parenthesis_after_a_step_claims_about_that_step_only() {
    assert_eq!(
        parse("drr `a`, `b` (checks `vip`, `hosts` and `clock`), `c` (TVOX 1 alone, form: check `hosts`)"),
        [
            exists("drr", "a"),
            exists("drr", "b"),
            check("vip"),
            check("hosts"),
            check("clock"),
            runs("drr", "b", "vip"),
            runs("drr", "b", "hosts"),
            runs("drr", "b", "clock"),
            exists("drr", "c"),
            check("hosts"),
            runs("drr", "c", "hosts"),
        ]
    );
    // After prose, a parenthesis claims nothing about the step before the prose.
    assert_eq!(
        parse("s2f `a` takeover (check `vip` after each switch)"),
        [exists("s2f", "a"), check("vip")]
    );
}

#[test]
fn phases_service_markers_and_cases_are_claims_the_rest_is_prose() {
    assert_eq!(
        parse("s2f `u` (phase `baseline`), `w` (`service: down`), `l` (`tvox.version >= 21`)"),
        [
            exists("s2f", "u"),
            Claim::Phase(at("s2f", "u"), "baseline".to_string()),
            exists("s2f", "w"),
            Claim::Service(at("s2f", "w"), "down".to_string()),
            exists("s2f", "l"),
        ]
    );
    assert_eq!(
        parse("drs `r` (inventory `objectives`, when `cluster`, `tvdr check all`); UAT case `fax`"),
        [exists("drs", "r"), Claim::Case("fax".to_string())]
    );
}

#[test]
fn escaped_pipes_stay_in_their_cell() {
    let table = "## T\n\n| a | b | c |\n|---|---|---|\n| x | \\|U\\| y | s2f `z` |\n";
    let rows = rows(table, Some("T"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 5);
    assert_eq!(rows[0].cells, ["x", "\\|U\\| y", "s2f `z`"]);
}

/// The test the README's traceability section announces: every step it names exists, and
/// every check it says a step runs is run by that step. All problems at once.
#[test]
fn readme_traceability_is_true_of_the_shipped_runbooks() {
    let rows = rows(README, Some("Traceability"));
    assert!(
        rows.len() > 80,
        "only {} traceability rows found",
        rows.len()
    );
    let problems = trace_problems(&rows, &Shipped::load());
    assert!(
        problems.is_empty(),
        "runbooks/README.md claims what is not true ({}):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn readme_summary_counts_the_shipped_runbooks() {
    let problems = summary_problems(&rows(README, None), &Shipped::load());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every step of a shipped runbook is accounted for: a step added to a runbook gets a
/// place in the table (the seed step it serves, or the one it prepares).
#[test]
fn every_shipped_step_is_named_in_a_row() {
    let missing = unnamed(&rows(README, Some("Traceability")), &Shipped::load());
    let missing: Vec<String> = missing
        .iter()
        .map(|(r, id)| format!("{r} `{id}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "steps no row of runbooks/README.md names ({}): {}",
        missing.len(),
        missing.join(", ")
    );
}

/// The forms the issue found untrue, each reported at its line, all in one run.
#[test]
fn false_rows_are_all_reported_at_their_lines() {
    let table = "## Traceability\n\n| seed | step | runbook |\n|---|---|---|\n\
        | 001 (1) | a | checks `db`, `calendars` at upg `sync-before-first-switch` |\n\
        | 001 (2) | b | s2f `no-such-step`, `vip-on-tvox2` (check `vip`) |\n\
        | 000 (3) | c | waits `vip-on-tvox2`; dra `dns-check` (check `hosts`) |\n\
        | 003 (4) | d | check `arp`; UAT case `no-such-case`; s2f `uat-baseline` (phase `on-dr`) |\n";
    let problems = trace_problems(&rows(table, Some("Traceability")), &Shipped::load());
    let lines: Vec<&str> = problems
        .iter()
        .map(|p| &p[..p.find(": ").unwrap()])
        .collect();
    assert_eq!(
        lines,
        [
            "README.md:5",
            "README.md:6",
            "README.md:7",
            "README.md:7",
            "README.md:8",
            "README.md:8",
            "README.md:8"
        ],
        "{problems:#?}"
    );
    assert!(problems[0].contains("upg `sync-before-first-switch` does not run check `calendars`"));
    assert!(problems[1].contains("`standalone-to-ft` has no step"));
    assert!(problems[2].contains("`vip-on-tvox2` follows no runbook word"));
    assert!(problems[3].contains("dra `dns-check` does not run check `hosts` (it runs only dns)"));
    assert!(problems[4].contains("`arp` is not a check tvdr has"));
    assert!(problems[5].contains("no UAT case `no-such-case`"));
    assert!(problems[6]
        .contains("not a `uat` step of phase `on-dr` (it is a uat step of phase `baseline`)"));
}
