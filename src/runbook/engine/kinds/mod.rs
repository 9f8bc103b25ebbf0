//! One function per step kind: `run(cx) -> StepResult`.

pub mod check;
mod host;
pub mod interactive;
pub mod manual;
pub mod memo;
pub mod note;
mod progress;
pub mod reboot;
pub mod run;
pub mod screen;
pub mod uat;
pub mod wait;

use anyhow::Result;

use super::step::{StepCx, StepResult};
use crate::runbook::model::Kind;

/// Runs the step's kind.
pub fn execute(cx: &StepCx) -> Result<StepResult> {
    match &cx.step.kind {
        Kind::Note { level } => note::run(cx, *level),
        Kind::Manual { ask } => manual::run(cx, ask, false, None),
        Kind::Gate { ask, evidence, on } => manual::run_gate(cx, ask, evidence.as_deref(), *on),
        Kind::Check { checks, options } => check::run(cx, checks, options.clone()),
        Kind::Run {
            on,
            command,
            expect,
            timeout,
            idempotent,
        } => run::run(cx, *on, command, expect, *timeout, *idempotent),
        Kind::Interactive {
            on,
            command,
            checks,
            options,
            from_address,
            timeout,
        } => {
            let moving = match from_address {
                Some(from) => Some(interactive::Moving {
                    from: cx.address(from)?,
                    timeout: *timeout,
                }),
                None => None,
            };
            interactive::run(
                cx,
                *on,
                &cx.command(command)?,
                checks,
                options.clone(),
                moving.as_ref(),
            )
        }
        Kind::Screen {
            on,
            command,
            rules,
            timeout,
        } => screen::run(cx, *on, &cx.command(command)?, rules, *timeout),
        Kind::Reboot { on, timeout } => reboot::run(cx, *on, *timeout),
        Kind::Wait {
            until,
            options,
            interval,
            timeout,
        } => wait::run(cx, until, options, *interval, *timeout),
        Kind::Uat { phase } => uat::run(cx, phase, &uat::load_checklist(cx.uat)?),
    }
}
