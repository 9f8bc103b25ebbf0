//! From parsed arguments to the command that runs: the one `execute` match.

use std::ffi::OsString;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};
use crate::commands;
use crate::exit_code;
use crate::i18n;

/// Runs tvdr with these arguments (the first is the program name) and returns the exit code.
pub fn run<I, T>(args: I) -> Result<i32>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // tvdr starting a keeper of itself (see `transport::kept`): not a command for people,
    // so not in the CLI, its help, completions or man pages.
    if args.get(1).is_some_and(|a| a == commands::keep::KEEPER) {
        return Ok(commands::keep::serve(&args[2..]));
    }
    crate::interrupt::install();
    crate::output::closed::install();
    crate::output::term::detect();
    // Chosen before clap parses: the help text is already in the language.
    let lang = i18n::choose(&args, |name| std::env::var(name).ok());
    i18n::set(lang);
    let parsed = i18n::cli::localize(Cli::command(), lang)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout and usage errors to stderr.
            err.print()?;
            return Ok(if err.use_stderr() {
                exit_code::USAGE
            } else {
                exit_code::OK
            });
        }
    };
    let inventory = cli.inventory.as_deref();
    let done = match cli.command {
        Command::Init(args) => commands::init::execute(&args),
        Command::Inventory(args) => commands::inventory::execute(inventory, &args),
        Command::Exec(args) => commands::exec::execute(inventory, cli.state_dir.as_deref(), &args),
        Command::Disconnect => commands::keep::disconnect(inventory, cli.state_dir.as_deref()),
        Command::Trust(args) => commands::trust::execute(inventory, &args),
        Command::Generate(args) => commands::generate::execute(&args.out),
        Command::Runbook(args) => commands::runbook::execute(
            inventory,
            cli.runbooks.as_deref(),
            cli.state_dir.as_deref(),
            &args,
        ),
        Command::Check(args) => {
            commands::check::execute(inventory, cli.state_dir.as_deref(), &args)
        }
        Command::Status(args) => commands::status::execute(
            inventory,
            cli.state_dir.as_deref(),
            cli.runbooks.as_deref(),
            &args,
        ),
        Command::Patch(args) => {
            commands::standalone::patch(inventory, cli.state_dir.as_deref(), &args)
        }
        Command::NetworkReset(args) => commands::standalone::network_reset(inventory, &args),
        Command::Reboot(args) => {
            commands::standalone::reboot(inventory, cli.state_dir.as_deref(), &args)
        }
        Command::Snapshot(args) => {
            commands::snapshot::execute(inventory, cli.state_dir.as_deref(), &args)
        }
        Command::Uat(args) => commands::standalone::uat(inventory, cli.state_dir.as_deref(), &args),
        Command::Lint(args) => commands::lint::execute(cli.runbooks.as_deref(), &args),
    };
    // Kept for the whole command (asked once per node), wiped before the process ends.
    crate::transport::forget_sudo_passwords();
    done
}
