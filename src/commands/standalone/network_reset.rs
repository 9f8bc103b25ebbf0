//! `tvdr network-reset NODE`: the `interactive` step kind running `network_reset`.

use std::path::Path;

use anyhow::Result;

use super::{finish, operator, role, step, Site};
use crate::cli::NetworkResetArgs;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::kinds::interactive;
use crate::runbook::model::{CheckOptions, Command, Kind};
use crate::runbook::template::Template;
use crate::transport::Cmd;

pub fn network_reset(inventory: Option<&Path>, args: &NetworkResetArgs) -> Result<i32> {
    let site = Site::open(inventory, None)?;
    let on = role(&args.node)?;
    let cmd = Cmd::new("network_reset");
    let kind = Kind::Interactive {
        on,
        command: Command::Argv(vec![
            Template::parse("network_reset").map_err(anyhow::Error::msg)?
        ]),
        checks: Vec::new(),
        options: CheckOptions::default(),
    };
    let step = step(
        "network-reset",
        format!("network_reset on {}", args.node),
        kind,
    );
    let human = Human::new(operator(None), false, AnswersFile::default());
    let result = interactive::run(
        &site.cx(&step, &human, "network-reset", false),
        on,
        &cmd,
        &[],
        CheckOptions::default(),
    )?;
    if let Some(exit) = result.evidence.get("exit") {
        eprintln!("network_reset on {}: exit status {exit}", args.node);
    }
    Ok(finish(&result))
}
