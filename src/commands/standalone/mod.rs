//! `tvdr patch`, `tvdr network-reset`, `tvdr reboot`, `tvdr uat`: one documented step on
//! its own. Each calls the same function as its runbook step kind, on a synthetic step
//! without a journal: the step's notes in the site's state directory make `patch` and
//! `reboot` pick up where a killed tvdr left them, and `uat` keeps its walks there.

mod network_reset;
mod patch;
mod reboot;
mod uat;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;

use crate::exit_code::{self, Exit};
use crate::inventory::{self, Inventory};
use crate::runbook::engine::human::Human;
use crate::runbook::engine::step::{StepCx, StepResult};
use crate::runbook::journal::Outcome;
use crate::runbook::model::{Kind, Role, Step};
use crate::transport::{Fleet, TtySecrets};
pub use network_reset::network_reset;
pub use patch::patch;
pub use reboot::reboot;
pub use uat::uat;

/// The site a standalone step works on.
struct Site {
    inventory: Inventory,
    fleet: Fleet,
    state: PathBuf,
}

impl Site {
    fn open(inventory: Option<&Path>, state_dir: Option<&Path>) -> Result<Site> {
        let inventory = Inventory::load(&inventory::locate(inventory)?)?;
        let fleet = Fleet::new(
            inventory.nodes.iter().map(|n| n.target.clone()).collect(),
            Box::new(TtySecrets),
        );
        let state = crate::state::site_dir(state_dir, &inventory.site);
        Ok(Site {
            inventory,
            fleet,
            state,
        })
    }

    /// A context for `step`, as the runner would build it, without a journal.
    fn cx<'a>(
        &'a self,
        step: &'a Step,
        human: &'a Human,
        run_id: &'a str,
        reentered: bool,
    ) -> StepCx<'a> {
        static NO_ANSWERS: std::sync::OnceLock<crate::runbook::answers::Answers> =
            std::sync::OnceLock::new();
        StepCx {
            inventory: &self.inventory,
            fleet: &self.fleet,
            step,
            answers: NO_ANSWERS.get_or_init(Default::default),
            human,
            state_dir: &self.state,
            run_id,
            reentered,
            failed_before: false,
            uat: None,
            journal: None,
            forward_journal: None,
        }
    }
}

fn step(id: &str, title: String, kind: Kind) -> Step {
    Step {
        id: id.to_string(),
        title: title.into(),
        instructions: None,
        when: None,
        service: None,
        kind,
        fingerprint: String::new(),
    }
}

/// One host, named as in a runbook's `on:` (master and slave resolved when it runs).
fn role(node: &str) -> Result<Role> {
    let role: Role = node
        .parse()
        .map_err(|why: crate::i18n::Msg| Exit::Usage(why.shown().to_string()))?;
    if !role.is_single() || role == Role::Local {
        return Err(Exit::Usage(crate::t!("standalone-one-node", node = node)).into());
    }
    Ok(role)
}

fn duration(flag: &str, text: Option<&str>, default: Duration) -> Result<Duration> {
    match text {
        Some(t) => Ok(crate::time::duration::parse(t)
            .map_err(|e| Exit::Usage(format!("`{flag} {t}`: {e}")))?),
        None => Ok(default),
    }
}

use super::operator::operator;

/// Says how the step ended and gives the exit code.
fn finish(result: &StepResult) -> i32 {
    let reason = result.reason.as_deref().unwrap_or_default();
    match result.outcome {
        Outcome::Done => exit_code::OK,
        Outcome::Skipped => {
            eprintln!("{}", crate::t!("standalone-nothing-done", reason = reason));
            exit_code::OK
        }
        Outcome::Overridden => {
            eprintln!(
                "{}",
                crate::t!("standalone-failed-accepted", reason = reason)
            );
            exit_code::OK
        }
        Outcome::Failed | Outcome::Aborted => {
            eprintln!("{}", crate::t!("error-line", message = reason));
            exit_code::FAILED
        }
    }
}
