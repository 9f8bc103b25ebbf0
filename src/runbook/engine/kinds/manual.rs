//! `manual` and `gate`: instructions for the technician, typed answers, and a
//! confirmation. A gate must be answered yes to go on (snapshot taken, machine off…), by a
//! person or the answers file's `gates:` — never by `--yes`.

use anyhow::Result;
use serde_json::{json, Map};

use crate::exit_code::Exit;
use crate::i18n::{Lang, Said};
use crate::runbook::answers::Answers;
use crate::runbook::engine::step::{StepCx, StepResult};
use crate::runbook::model::{Ask, Role};
use crate::snapshots;
use crate::t;
use crate::time::Timestamp;

/// A gate: `on` names the node a snapshot gate is about (master/slave resolved now).
pub fn run_gate(
    cx: &StepCx,
    asks: &[Ask],
    evidence_of: Option<&str>,
    on: Option<Role>,
) -> Result<StepResult> {
    let node = match on {
        Some(role) => Some(cx.resolve(role)?[0].name().to_string()),
        None => None,
    };
    run_inner(cx, asks, true, evidence_of, node)
}

pub fn run(cx: &StepCx, asks: &[Ask], gate: bool, evidence_of: Option<&str>) -> Result<StepResult> {
    run_inner(cx, asks, gate, evidence_of, None)
}

fn run_inner(
    cx: &StepCx,
    asks: &[Ask],
    gate: bool,
    evidence_of: Option<&str>,
    node: Option<String>,
) -> Result<StepResult> {
    // Held wiping until the step is done: a gate answered no drops them wiped.
    let mut answers = Answers::default();
    for ask in asks {
        let value = cx.human.answer(&cx.step.id, ask)?;
        answers.insert(ask.name.clone(), value);
    }
    let passed = if gate {
        cx.human.gate(&cx.step.id, cx.step.title.local())?
    } else {
        // Shown with the title in the chosen language, journalled with the English one.
        let prompt = Said {
            shown: t!("manual-done", title = cx.step.title.local()),
            recorded: t!(in Lang::En, "manual-done", title = cx.step.title.en()),
        };
        cx.human.confirm(&cx.step.id, &prompt)?
    };
    if !passed {
        if gate {
            let said = Said {
                shown: t!(
                    "manual-gate-not-passed",
                    step = cx.step.id.as_str(),
                    title = cx.step.title.local()
                ),
                recorded: t!(
                    in Lang::En,
                    "manual-gate-not-passed",
                    step = cx.step.id.as_str(),
                    title = cx.step.title.en()
                ),
            };
            return Err(Exit::Aborted(crate::i18n::raise(said)).into());
        }
        let said = crate::said!("manual-not-done", step = cx.step.id.as_str());
        return Err(Exit::Aborted(crate::i18n::raise(said)).into());
    }
    if evidence_of == Some("snapshot") {
        record_snapshot(cx, &answers, node)?;
    }
    let mut evidence = Map::new();
    // Moved into the evidence, not copied: the journal masks the secret ones and wipes
    // their text ([`journalled`](crate::runbook::engine::journalled)).
    evidence.insert("answers".into(), answers.into_json());
    evidence.insert("operator".into(), json!(cx.human.operator));
    evidence.insert("confirmed_at".into(), json!(Timestamp::now()));
    Ok(StepResult::done(evidence))
}

/// A gate with `evidence: snapshot` leaves a reminder that `tvdr check snapshot` reads:
/// the snapshot's name is the gate's first answer, its node the gate's `on:` (tvox1 when
/// the gate names none).
fn record_snapshot(cx: &StepCx, answers: &Answers, node: Option<String>) -> Result<()> {
    let first = cx.step.kind_asks().first().map(|a| a.name.clone());
    let name = first
        .and_then(|name| answers.get(&name))
        .unwrap_or(&cx.step.id)
        .to_string();
    let node = node.unwrap_or_else(|| "tvox1".to_string());
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
