//! Alias bombs ("billion laughs") and deep nesting against every YAML file tvdr reads:
//! each must be refused quickly, holding a few MiB, never expanded.

use std::path::Path;

use super::guard;
use crate::inventory::Inventory;
use crate::runbook::engine::human::AnswersFile;

/// What parsing a bomb may hold at its peak. serde-saphyr's default budget let a 10 KiB
/// runbook expand to 64 MiB of text; tvdr's own (`yaml::parse`) stops far sooner.
const HELD: usize = 16 << 20;

/// `n` copies of `alias`, as a flow sequence's items.
fn copies(alias: &str, n: usize) -> String {
    vec![alias; n].join(", ")
}

/// A runbook whose one long scalar is multiplied through the schema itself: stages of
/// steps of questions of choices, each level `n` times the one before.
fn runbook(scalar: usize, n: usize) -> String {
    let lines = |alias: &str, indent: &str| {
        (1..n)
            .map(|_| format!("{indent}- {alias}\n"))
            .collect::<String>()
    };
    format!(
        "id: bomb\ntitle: t\nstages:\n  - &g\n    id: s\n    title: t\n    steps:\n      - &f\n        id: a\n        kind: manual\n        title: &s \"{}\"\n        ask:\n          - &e {{ name: q, prompt: *s, choices: [{}] }}\n{}{}{}",
        "A".repeat(scalar),
        copies("*s", n),
        lines("*e", "          "),
        lines("*f", "      "),
        lines("*g", "  "),
    )
}

/// The classic: nine levels of ten aliases of the level below, under `answers:` (a map
/// of strings: the first alias to a sequence is a type error, but only after it is read).
fn billion_laughs() -> String {
    let mut text = String::from("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for level in 1..10 {
        let below = format!("*a{}", level - 1);
        text.push_str(&format!("a{level}: &a{level} [{}]\n", copies(&below, 10)));
    }
    text
}

/// The UAT part of an answers file is a map of maps: two levels to multiply.
fn answers(scalar: usize, n: usize) -> String {
    let cases: Vec<String> = (0..n).map(|i| format!("c{i}: *s")).collect();
    let phases: Vec<String> = (1..n).map(|i| format!("  p{i}: *p\n")).collect();
    format!(
        "answers: {{ x: &s \"{}\" }}\nuat:\n  p0: &p {{ {} }}\n{}",
        "A".repeat(scalar),
        cases.join(", "),
        phases.concat()
    )
}

/// Parses `text` with every YAML schema tvdr has, under the deadline and a ceiling;
/// each must refuse it. Returns the most any of them held.
fn refused_by_all(text: String) -> usize {
    guard::bounded(text, guard::CEILING, guard::DEADLINE, |text| {
        let path = Path::new("bomb.yaml");
        let runbook = crate::runbook::load::load("bomb.yaml", text);
        assert!(runbook.is_err(), "a runbook bomb loaded");
        assert!(
            Inventory::parse(path, text).is_err(),
            "an inventory bomb loaded"
        );
        let answers = crate::yaml::parse::<AnswersFile>(path, text);
        assert!(answers.is_err(), "an answers bomb loaded");
    })
}

#[test]
fn a_runbook_multiplying_a_long_scalar_through_its_schema_is_refused() {
    for (scalar, n) in [(10_000, 9), (100, 24), (1, 30)] {
        let held = refused_by_all(runbook(scalar, n));
        assert!(
            held < HELD,
            "scalar {scalar}, {n} per level: held {held} bytes"
        );
    }
}

#[test]
fn billion_laughs_is_refused() {
    let held = refused_by_all(billion_laughs());
    assert!(held < HELD, "held {held} bytes");
}

#[test]
fn an_answers_file_multiplying_a_long_scalar_is_refused() {
    for (scalar, n) in [(100_000, 9), (1_000, 90)] {
        let held = refused_by_all(answers(scalar, n));
        assert!(
            held < HELD,
            "scalar {scalar}, {n} per level: held {held} bytes"
        );
    }
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let flow = "[".repeat(100_000);
    let block: String = (0..5_000)
        .map(|i| format!("{}- \n", "  ".repeat(i)))
        .collect();
    let maps: String = (0..5_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    for text in [flow, block, maps] {
        let held = refused_by_all(text);
        assert!(held < HELD, "held {held} bytes");
    }
}

/// The bombs above must be refused by the budget, not by a schema error that happens to
/// come first: the same shape with few copies loads.
#[test]
fn the_bomb_shapes_are_valid_yaml_when_small() {
    let small = runbook(10, 1);
    let runbook = crate::runbook::load::load("small.yaml", &small);
    assert!(runbook.is_ok(), "{small}\n{}", runbook.unwrap_err());
    let small = answers(10, 2);
    let parsed = crate::yaml::parse::<AnswersFile>(Path::new("small.yaml"), &small);
    assert!(parsed.is_ok(), "{small}\n{:?}", parsed.unwrap_err());
}
