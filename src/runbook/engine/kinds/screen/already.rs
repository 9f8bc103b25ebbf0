//! A node this run already patched is not patched again. After a node switch that did
//! not happen, "the slave" is still the node patched first: running the updater there
//! twice, and never on the other node, must stop the run instead.

use serde_json::{json, Map, Value};

use crate::i18n::Msg;
use crate::msg;
use crate::runbook::engine::kinds::memo::{self, Ended};
use crate::runbook::engine::step::{StepCx, Target};
use crate::runbook::journal::Record;
use crate::time::Timestamp;

/// Another screen step of this run that started on the node.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Patched {
    pub(super) step: String,
    pub(super) started_at: Timestamp,
    /// How its last attempt ended, if it did.
    pub(super) ended: Option<Ended>,
}

/// The screen step of this run, other than this one, that started on `target` (the notes
/// every screen step writes before it starts, for the steps the journal says started).
/// A standalone `tvdr patch` has no run: nothing to compare with. Notes that cannot be
/// read are an error: they may be the ones saying this node was patched.
pub(super) fn patched(cx: &StepCx, target: Target) -> anyhow::Result<Option<Patched>> {
    let Target::Node(node) = target else {
        return Ok(None);
    };
    let Some(journal) = cx.journal else {
        return Ok(None);
    };
    let Ok(records) = crate::runbook::journal::read(journal) else {
        return Ok(None);
    };
    let mut steps: Vec<&str> = records
        .iter()
        .filter_map(|r| match r {
            Record::StepStarted { step, .. } if *step != cx.step.id => Some(step.as_str()),
            _ => None,
        })
        .collect();
    steps.dedup();
    for step in steps {
        let notes = memo::load(cx.state_dir, &memo::key(cx.run_id, step))?;
        let Some(first) = notes.attempts.first() else {
            continue;
        };
        if notes.node.as_deref() == Some(node) {
            return Ok(Some(Patched {
                step: step.to_string(),
                started_at: first.started_at,
                ended: notes.attempts.last().and_then(|a| a.ended.clone()),
            }));
        }
    }
    Ok(None)
}

/// Why the step refuses, and the evidence journalled with the refusal.
pub(super) fn refusal(target: Target, earlier: &Patched) -> (Msg, Map<String, Value>) {
    let node = target.name();
    let how = match &earlier.ended {
        Some(ended) if ended.success => msg!("reason-patched-ended-ok", at = ended.at.to_string()),
        Some(ended) => msg!("reason-patched-ended-failed", at = ended.at.to_string()),
        None => msg!("reason-patched-not-ended"),
    };
    let why = msg!(
        "reason-patched-already",
        node = node,
        step = earlier.step.as_str(),
        started = earlier.started_at.to_string(),
        how = how
    );
    let mut evidence = Map::new();
    // Not `node`: that names where a step ran (`master: { node_of }` reads it).
    evidence.insert("refused_node".into(), json!(node));
    evidence.insert("patched_by".into(), json!(earlier.step));
    evidence.insert("patched_at".into(), json!(earlier.started_at));
    (why, evidence)
}
