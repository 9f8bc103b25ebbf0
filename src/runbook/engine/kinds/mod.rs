//! One function per step kind: `run(cx) -> StepResult`.

pub mod check;
pub mod manual;
pub mod note;
pub mod run;

use anyhow::Result;

use super::step::{StepCx, StepResult};
use crate::runbook::model::Kind;

/// Runs the step's kind.
pub fn execute(cx: &StepCx) -> Result<StepResult> {
    match &cx.step.kind {
        Kind::Note { level } => note::run(cx, *level),
        Kind::Manual { ask } => manual::run(cx, ask, false, None),
        Kind::Gate { ask, evidence, on } => {
            manual::run_gate(cx, ask, evidence.as_deref(), *on)
        }
        Kind::Check { checks, options } => check::run(cx, checks, *options),
        Kind::Run {
            on,
            command,
            expect,
            timeout,
            idempotent,
        } => run::run(cx, *on, command, expect, *timeout, *idempotent),
        other => Err(crate::exit_code::Exit::Usage(format!(
            "step `{}`: `{}` steps are not available in tvdr {} yet",
            cx.step.id,
            other.name(),
            env!("CARGO_PKG_VERSION")
        ))
        .into()),
    }
}
