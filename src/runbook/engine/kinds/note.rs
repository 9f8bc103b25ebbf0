//! `note`: an important or warning box; nothing to answer.

use anyhow::Result;
use serde_json::{json, Map};

use crate::runbook::engine::step::{StepCx, StepResult};
use crate::runbook::raw::RawLevel;
use crate::t;
use crate::time::Timestamp;

pub fn run(cx: &StepCx, level: RawLevel) -> Result<StepResult> {
    let label = match level {
        RawLevel::Info => t!("note-note"),
        RawLevel::Important => t!("note-important"),
        RawLevel::Warning => t!("note-warning"),
    };
    eprintln!("  ┃ {label}: {}", cx.step.title);
    let mut evidence = Map::new();
    evidence.insert("shown_at".into(), json!(Timestamp::now()));
    evidence.insert("operator".into(), json!(cx.human.operator));
    Ok(StepResult::done(evidence))
}
