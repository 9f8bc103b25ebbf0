//! `tvdr patch`, `tvdr network-reset`, `tvdr reboot`, `tvdr uat`: one documented step on
//! its own. Each calls the same function as its runbook step kind, on a synthetic step
//! without a journal: the step's notes in the site's state directory make `patch` and
//! `reboot` pick up where a killed tvdr left them, and `uat` keeps its walks there.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use regex::Regex;

use crate::cli::{NetworkResetArgs, PatchArgs, RebootArgs, UatArgs};
use crate::exit_code::{self, Exit};
use crate::inventory::{self, Inventory};
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::kinds::{
    interactive, memo, reboot as reboot_kind, screen, uat as uat_kind,
};
use crate::runbook::engine::step::{StepCx, StepResult};
use crate::runbook::journal::Outcome;
use crate::runbook::model::{CheckOptions, Command, Kind, Role, Step};
use crate::runbook::template::{Piece, Template};
use crate::transport::{Cmd, Fleet, TtySecrets};

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
        static NO_ANSWERS: std::sync::OnceLock<std::collections::BTreeMap<String, String>> =
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
            uat: None,
            journal: None,
        }
    }
}

fn step(id: &str, title: String, kind: Kind) -> Step {
    Step {
        id: id.to_string(),
        title,
        instructions: None,
        when: None,
        service: None,
        kind,
        fingerprint: String::new(),
    }
}

pub fn patch(inventory: Option<&Path>, state_dir: Option<&Path>, args: &PatchArgs) -> Result<i32> {
    let site = Site::open(inventory, state_dir)?;
    let on = role(&args.node)?;
    let pattern = args.success.as_deref().unwrap_or(screen::DEFAULT_SUCCESS);
    let success =
        Regex::new(pattern).map_err(|e| Exit::Usage(format!("`--success {pattern}`: {e}")))?;
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
        success: success.clone(),
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
        &success,
        timeout,
    )?;
    Ok(finish(&result))
}

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

pub fn uat(inventory: Option<&Path>, state_dir: Option<&Path>, args: &UatArgs) -> Result<i32> {
    let site = Site::open(inventory, state_dir)?;
    let checklist = uat_kind::load_checklist(
        args.checklist
            .as_deref()
            .map(|p| p.to_str().unwrap_or_default()),
    )?;
    let file = match &args.answers {
        Some(path) => AnswersFile::load(path)?,
        None => AnswersFile::default(),
    };
    let id = memo::safe(&format!("uat-{}", args.phase));
    let kind = Kind::Uat {
        phase: args.phase.clone(),
    };
    let step = step(&id, format!("UAT {}", args.phase), kind);
    let human = Human::new(operator(args.operator.as_deref()), args.yes, file);
    let result = uat_kind::run(
        &site.cx(&step, &human, "uat", false),
        &args.phase,
        &checklist,
    )?;
    Ok(finish(&result))
}

/// One host, named as in a runbook's `on:` (master and slave resolved when it runs).
fn role(node: &str) -> Result<Role> {
    let role: Role = node.parse().map_err(Exit::Usage)?;
    if !role.is_single() || role == Role::Local {
        return Err(Exit::Usage(format!(
            "`{node}`: name one node (tvox1, tvox2, dr_client, master or slave)"
        ))
        .into());
    }
    Ok(role)
}

fn duration(flag: &str, text: Option<&str>, default: Duration) -> Result<Duration> {
    match text {
        Some(t) => {
            Ok(humantime::parse_duration(t)
                .map_err(|e| Exit::Usage(format!("`{flag} {t}`: {e}")))?)
        }
        None => Ok(default),
    }
}

fn operator(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Says how the step ended and gives the exit code.
fn finish(result: &StepResult) -> i32 {
    let reason = result.reason.as_deref().unwrap_or_default();
    match result.outcome {
        Outcome::Done => exit_code::OK,
        Outcome::Skipped => {
            eprintln!("nothing done: {reason}");
            exit_code::OK
        }
        Outcome::Overridden => {
            eprintln!("failed, accepted: {reason}");
            exit_code::OK
        }
        Outcome::Failed | Outcome::Aborted => {
            eprintln!("error: {reason}");
            exit_code::FAILED
        }
    }
}
