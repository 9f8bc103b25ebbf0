//! `manual` and `gate`: instructions for the technician, typed answers, and a
//! confirmation. A gate must be answered yes to go on (snapshot taken, machine off…).

use anyhow::Result;
use serde_json::{json, Map, Value};

use crate::exit_code::Exit;
use crate::runbook::engine::step::{StepCx, StepResult};
use crate::runbook::model::Ask;
use crate::runbook::time::Timestamp;
use crate::snapshots;

pub fn run(cx: &StepCx, asks: &[Ask], gate: bool, evidence_of: Option<&str>) -> Result<StepResult> {
    let mut answers = Map::new();
    for ask in asks {
        let value = cx.human.answer(&cx.step.id, ask)?;
        answers.insert(ask.name.clone(), Value::String(value));
    }
    let prompt = if gate {
        format!("{} — is this true? (no stops the run)", cx.step.title)
    } else {
        format!("{} — done?", cx.step.title)
    };
    if !cx.human.confirm(&cx.step.id, &prompt)? {
        if gate {
            return Err(Exit::Aborted(format!(
                "gate `{}` not passed: {}",
                cx.step.id, cx.step.title
            ))
            .into());
        }
        return Err(Exit::Aborted(format!("step `{}` not done", cx.step.id)).into());
    }
    let mut evidence = Map::new();
    evidence.insert("answers".into(), Value::Object(answers.clone()));
    evidence.insert("operator".into(), json!(cx.human.operator));
    evidence.insert("confirmed_at".into(), json!(Timestamp::now()));
    if evidence_of == Some("snapshot") {
        record_snapshot(cx, &answers)?;
    }
    Ok(StepResult::done(evidence))
}

/// A gate with `evidence: snapshot` leaves a reminder that `tvdr check snapshot` reads.
fn record_snapshot(cx: &StepCx, answers: &Map<String, Value>) -> Result<()> {
    let name = answers
        .get("snapshot_name")
        .or_else(|| answers.values().next())
        .and_then(Value::as_str)
        .unwrap_or(&cx.step.id)
        .to_string();
    let node = answers
        .get("snapshot_node")
        .and_then(Value::as_str)
        .unwrap_or("tvox1")
        .to_string();
    let snapshot = snapshots::Snapshot {
        node,
        name,
        taken_at: std::time::SystemTime::now(),
        recorded_by: cx.human.operator.clone(),
        note: Some(format!(
            "recorded by runbook step `{}` (run {})",
            cx.step.id, cx.run_id
        )),
    };
    snapshots::record(cx.state_dir, &snapshot)
}
