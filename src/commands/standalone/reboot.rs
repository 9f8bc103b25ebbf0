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
    // A `tvdr reboot` that died left its run id: this one picks up its wait (the node's
    // receipt under that id says the reboot was issued). A new one gets a new id, so an
    // earlier reboot's receipt is never taken for this one.
    let pointer = site.state.join("steps").join(format!("reboot.{id}.run"));
    let earlier: Option<String> = crate::state::load(&pointer);
    let reentered = earlier.is_some();
    if !reentered
        && !human.confirm(
            &id,
            &crate::said!("reboot-now-prompt", node = args.node.to_string()),
        )?
    {
        return Err(Exit::Aborted(crate::t!(
            "reboot-not-rebooted",
            node = args.node.to_string()
        ))
        .into());
    }
    let run_id = match earlier {
        Some(run) => run,
        None => {
            let run = format!("reboot-{}", crate::runbook::runs::new_run_id());
            crate::state::save(&pointer, &run)?;
            run
        }
    };
    let result = reboot_kind::run(&site.cx(&step, &human, &run_id, reentered), on, timeout)?;
    if result.outcome.is_complete() {
        let _ = std::fs::remove_file(&pointer);
    }
    Ok(finish(&result))
}
