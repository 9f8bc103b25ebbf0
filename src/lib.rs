//! tvdr: checkable, resumable runbooks and cross-node health checks for TVox PBX clusters.
//!
//! The binary is a thin shell around [`run`]; everything lives here so tests can call it.
//!
//! - [`cli`]: the command line as clap sees it; [`run`](mod@run) dispatches it to [`commands`].
//! - [`commands`]: one module per subcommand (`runbook`, `check`, `status`, `patch`…).
//! - [`inventory`]: the site file `tvdr.yaml`, loaded and validated.
//! - [`transport`]: the one door to the nodes (SSH or local), with shell quoting.
//! - [`checks`]: the cross-node health checks, each a parser and a verdict.
//! - [`runbook`]: runbooks loaded and run step by step, the journal, receipts on the nodes,
//!   the lock, the report.
//! - [`output`]: tables, JSON and terminal helpers shared by the commands.
//! - [`snapshots`]: the VM snapshot records of a site (state directory), for reminders.
//! - [`state`]: where tvdr keeps what it remembers between runs, privately and durably.
//! - [`time`]: instants and durations as text (RFC 3339, `1h 30m`), through jiff.
//! - [`trace`]: `TVDR_TRACE=1`, where a command line's time goes (for the speed work).
//! - [`yaml`]: YAML parsing with file, line and column in every error.
//! - [`exit_code`]: the exit codes, mapped from errors in one place.
//! - [`error_text`]: an error as the person at the terminal reads it, in their language.
//! - [`i18n`]: messages in Italian and English (Fluent), and the language chosen.
//! - [`interrupt`]: Ctrl-C, one handler: exit 130 with the terminal put back.
//! - `fuzz` (unit tests only): every parser fed hostile input, within memory and time bounds.

pub mod checks;
pub mod cli;
pub mod commands;
pub mod error_text;
pub mod exit_code;
#[cfg(test)]
mod fuzz;
pub mod i18n;
pub mod interrupt;
pub mod inventory;
pub mod output;
mod run;
pub mod runbook;
pub mod snapshots;
pub mod state;
pub mod time;
pub mod trace;
pub mod transport;
pub mod yaml;

pub use run::run;
