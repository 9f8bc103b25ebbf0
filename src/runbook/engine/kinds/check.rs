//! `check`: runs built-in checks; all OK (or WARN) goes on, anything else asks the
//! technician to retry, override with a written reason, or abort.

use std::collections::BTreeMap;

use anyhow::Result;
use serde_json::{json, Map};

use crate::checks::{registry, words};
use crate::checks::{Report, Status};
use crate::exit_code::Exit;
use crate::i18n::Msg;
use crate::msg;
use crate::output::{report, term};
use crate::runbook::engine::step::{Next, StepCx, StepResult};
use crate::runbook::journal::Outcome;
use crate::runbook::model::CheckOptions;

pub fn run(cx: &StepCx, checks: &[String], options: CheckOptions) -> Result<StepResult> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let (reports, unreachable) = run_checks_noting(cx, checks, &options);
        print!(
            "{}",
            report::render(
                report::Format::Human,
                &cx.inventory.site,
                &reports,
                None,
                term::color_stdout()
            )
        );
        let mut evidence = Map::new();
        words::record(&mut evidence, &reports);
        evidence.insert("attempts".into(), json!(attempts));
        let failing: Vec<&Report> = reports
            .iter()
            .filter(|r| r.status > Status::Warn || r.status == Status::Unknown)
            .collect();
        if failing.is_empty() {
            return Ok(StepResult::done(evidence));
        }
        let verdicts: Vec<Msg> = failing
            .iter()
            .map(|r| r.summary.map(|s| format!("{} {}: {s}", r.name, r.status)))
            .collect();
        let why = Msg::join(&verdicts, "; ");
        match cx.after_failure(why.clone(), evidence)? {
            Next::Retry => continue,
            // Nobody decided and a node could not be reached: say so with exit code 3,
            // like `tvdr check`, rather than as an ordinary failed check.
            Next::Finish(result)
                if result.outcome == Outcome::Failed && !unreachable.is_empty() =>
            {
                let nodes: Vec<Msg> = unreachable
                    .iter()
                    .map(|(node, error)| error.map(|e| format!("{node}: {e}")))
                    .collect();
                let said = msg!(
                    "step-not-every-node",
                    step = cx.step.id.as_str(),
                    nodes = Msg::join(&nodes, "; ")
                )
                .said();
                return Err(Exit::Unreachable(crate::i18n::raise(said)).into());
            }
            Next::Finish(result) => return Ok(result),
        }
    }
}

/// Runs the named checks with a fresh view of who is master.
pub fn run_checks(cx: &StepCx, checks: &[String], options: CheckOptions) -> Vec<Report> {
    run_checks_noting(cx, checks, &options).0
}

/// The same, with the nodes that could not be reached and why.
fn run_checks_noting(
    cx: &StepCx,
    checks: &[String],
    options: &CheckOptions,
) -> (Vec<Report>, BTreeMap<String, Msg>) {
    let context = cx.checks_with(options);
    let reports = checks
        .iter()
        .map(|name| match registry::find(name) {
            Some(check) => (check.run)(&context),
            None => Report::new(name, Status::Unknown, msg!("check-not-known")),
        })
        .collect();
    (reports, context.unreachable())
}
