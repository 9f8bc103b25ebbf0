//! `tvdr network-reset NODE [--from-address ADDRESS]`: the `interactive` step kind running
//! `network_reset` (with `--from-address`, as the standalone-to-ft runbook moves TVOX 1).

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use super::{duration, finish, operator, role, step, Site};
use crate::cli::NetworkResetArgs;
use crate::exit_code::Exit;
use crate::inventory::Address;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::kinds::interactive::{self, Moving};
use crate::runbook::model::{CheckOptions, Command, Kind};
use crate::runbook::template::Template;
use crate::transport::Cmd;

pub fn network_reset(inventory: Option<&Path>, args: &NetworkResetArgs) -> Result<i32> {
    let site = Site::open(inventory, None)?;
    let on = role(&args.node)?;
    let cmd = Cmd::new("network_reset").as_root();
    let timeout = duration(
        "--timeout",
        args.timeout.as_deref(),
        Duration::from_secs(5 * 60),
    )?;
    let moving = match &args.from_address {
        None => None,
        Some(text) => {
            let address: Address = text.parse().map_err(|why: crate::i18n::Msg| {
                Exit::Usage(format!("`--from-address {text}`: {}", why.shown()))
            })?;
            Some(Moving {
                from: address.to_string(),
                timeout,
            })
        }
    };
    let kind = Kind::Interactive {
        on,
        command: Command::Argv(vec![
            Template::parse("network_reset").map_err(|why| anyhow::anyhow!("{why}"))?
        ]),
        checks: Vec::new(),
        options: CheckOptions::default(),
        from_address: None,
        timeout,
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
        moving.as_ref(),
    )?;
    if let Some(exit) = result.evidence.get("exit") {
        eprintln!(
            "{}",
            crate::t!(
                "standalone-network-reset-exit",
                node = args.node.as_str(),
                exit = exit.to_string()
            )
        );
    }
    Ok(finish(&result))
}
