//! Runbook YAML (the shipped runbooks and the test runbooks, mutated): parsed and
//! validated, every problem an error with its place, never a panic. A runbook that still
//! loads has its templates filled and its conditions evaluated on empty facts.

use std::path::Path;
use std::sync::OnceLock;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::inventory::Inventory;
use crate::runbook::facts::Facts;
use crate::runbook::load::load;
use crate::runbook::model::Kind;

corpus!(seeds, "runbooks/*.yaml", "tests/fixtures/runbooks");

fn example() -> &'static Inventory {
    static EXAMPLE: OnceLock<Inventory> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let text = include_str!("../../examples/tvdr.yaml");
        Inventory::parse(Path::new("examples/tvdr.yaml"), text).expect("the example loads")
    })
}

fn exercise(input: &[u8]) {
    let text = text(input);
    match load("fuzz.yaml", &text) {
        Ok(runbook) => {
            let answers = crate::runbook::answers::Answers::default();
            let facts = Facts {
                inventory: example(),
                answers: &answers,
            };
            for stage in &runbook.stages {
                for step in stage.steps.iter().chain(&stage.rollback) {
                    if let Some(when) = &step.when {
                        when.eval(&facts);
                    }
                    if let Kind::Run { command, .. } | Kind::Screen { command, .. } = &step.kind {
                        for template in command.templates() {
                            let _ = template.fill(&facts, true);
                        }
                    }
                }
            }
        }
        Err(invalid) => {
            invalid.to_string();
        }
    }
}

properties!(64, seeds, exercise);
