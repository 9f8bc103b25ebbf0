//! `tvdr reboot NODE`: the `reboot` step kind, asked for first unless `--yes`.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use super::{duration, finish, operator, role, step, Site};
use crate::cli::RebootArgs;
use crate::exit_code::Exit;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::kinds::{memo, reboot as reboot_kind};
use crate::runbook::model::Kind;

pub fn reboot(
    inventory: Option<&Path>,
    state_dir: Option<&Path>,
    args: &RebootArgs,
) -> Result<i32> {
    let site = Site::open(inventory, state_dir)?;
    let on = role(&args.node)?;
    let timeout = duration(
        "--timeout",
        args.timeout.as_deref(),
        Duration::from_secs(15 * 60),
    )?;
    let id = memo::safe(&args.node);
    let step = step(
        &id,
        format!("reboot {}", args.node),
        Kind::Reboot { on, timeout },
    );
    let human = Human::new(operator(None), args.yes, AnswersFile::default());
    // Notes left by a `tvdr reboot` that died: this one picks up its wait.
    let reentered = memo::path(&site.state, &memo::key("reboot", &id)).exists();
    if !reentered && !human.confirm(&id, &format!("Reboot {} now?", args.node))? {
        return Err(Exit::Aborted(format!("{} not rebooted", args.node)).into());
    }
    let result = reboot_kind::run(&site.cx(&step, &human, "reboot", reentered), on, timeout)?;
    Ok(finish(&result))
}
