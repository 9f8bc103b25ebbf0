//! `tvdr patch NODE -- CMD…`: the `screen` step kind on its own. The same node and
//! command are the same patch: running it again re-attaches instead of starting it again.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use regex::Regex;

use super::{duration, finish, operator, role, step, Site};
use crate::cli::PatchArgs;
use crate::exit_code::Exit;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::kinds::{memo, screen};
use crate::runbook::model::{Command, Kind};
use crate::runbook::template::{Piece, Template};
use crate::runbook::verdict::Rules;
use crate::transport::Cmd;

pub fn patch(inventory: Option<&Path>, state_dir: Option<&Path>, args: &PatchArgs) -> Result<i32> {
    let site = Site::open(inventory, state_dir)?;
    let on = role(&args.node)?;
    let rules = Rules::new(
        regexes("--success", &args.success)?,
        regexes("--failure", &args.failure)?,
    );
    let timeout = duration(
        "--timeout",
        args.timeout.as_deref(),
        Duration::from_secs(3 * 3600),
    )?;
    let cmd = args
        .command
        .iter()
        .skip(1)
        .fold(Cmd::new(&args.command[0]), |c, a| c.arg(a));
    // The same node and command are the same patch: running it again re-attaches.
    let hash = crate::runbook::load::sha256_hex(cmd.render().as_bytes());
    let id = memo::safe(&format!("{}-{}", args.node, &hash[..8]));
    let literal = |w: &String| Template {
        source: w.clone(),
        pieces: vec![Piece::Text(w.clone())],
    };
    let kind = Kind::Screen {
        on,
        command: Command::Argv(args.command.iter().map(literal).collect()),
        rules: rules.clone(),
        timeout,
    };
    let step = step(&id, format!("patch: {}", cmd.render()), kind);
    let human = Human::new(
        operator(args.operator.as_deref()),
        args.yes,
        AnswersFile::default(),
    );
    let result = screen::run(
        &site.cx(&step, &human, "patch", false),
        on,
        &cmd,
        &rules,
        timeout,
    )?;
    Ok(finish(&result))
}

fn regexes(flag: &str, given: &[String]) -> Result<Vec<Regex>> {
    given
        .iter()
        .map(|re| {
            Regex::new(re).map_err(|e| {
                Exit::Usage(crate::t!(
                    "standalone-bad-regex",
                    flag = flag,
                    regex = re.as_str(),
                    error = e.to_string()
                ))
                .into()
            })
        })
        .collect()
}
