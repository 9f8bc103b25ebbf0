//! The process exit codes (DESIGN §5), mapped from errors in this one place.

use crate::inventory::InventoryError;
use crate::transport::TransportError;
use crate::yaml::YamlError;

pub const OK: i32 = 0;
/// A check or a step failed.
pub const FAILED: i32 = 1;
/// Usage, inventory or runbook invalid.
pub const USAGE: i32 = 2;
/// A host is unreachable, its key was rejected, or login failed.
pub const UNREACHABLE: i32 = 3;
/// The technician aborted.
pub const ABORTED: i32 = 4;
/// A human is needed but none can answer (no TTY, no `--yes`/`--answers`).
pub const NEEDS_HUMAN: i32 = 5;
/// Interrupted (Ctrl-C).
pub const INTERRUPTED: i32 = 130;
/// Standard output closed under tvdr (its reader, `head`, ended): 128 + SIGPIPE, what a
/// shell reports for a program that died of it, as coreutils do.
pub const STDOUT_CLOSED: i32 = 141;

/// The exit codes as shown by `--help` and the man page (a macro so clap's attributes can
/// `concat!` it with the examples).
#[macro_export]
macro_rules! exit_codes_help {
    () => {
        "Exit codes:
  0    ok
  1    a check or step failed
  2    usage, inventory or runbook invalid
  3    host unreachable, host key rejected or login failed
  4    aborted by the technician
  5    a human is needed but none can answer (no TTY; use --yes or --answers)
  130  interrupted
  141  standard output closed (piped into a program that ended, such as head)
  With --format nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."
    };
}

/// Text for `--help` and the man page.
pub const HELP: &str = exit_codes_help!();

/// Errors whose exit code is not "failed" carry their meaning in their type.
#[derive(Debug, thiserror::Error)]
pub enum Exit {
    #[error("{0}")]
    Usage(String),
    #[error("{prefix}{0}", prefix = crate::t!("exit-aborted-prefix"))]
    Aborted(String),
    #[error("{0}")]
    NeedsHuman(String),
    #[error("{}", crate::t!("error-interrupted"))]
    Interrupted,
    /// A node could not be reached and nothing else could be decided.
    #[error("{0}")]
    Unreachable(String),
    /// The command already reported; exit with this code and say nothing more.
    #[error("")]
    Silent(i32),
}

/// The exit code for an error that ended the run.
pub fn for_error(err: &anyhow::Error) -> i32 {
    for cause in err.chain() {
        if let Some(exit) = cause.downcast_ref::<Exit>() {
            return match exit {
                Exit::Usage(_) => USAGE,
                Exit::Aborted(_) => ABORTED,
                Exit::NeedsHuman(_) => NEEDS_HUMAN,
                Exit::Interrupted => INTERRUPTED,
                Exit::Unreachable(_) => UNREACHABLE,
                Exit::Silent(code) => *code,
            };
        }
        if cause.is::<InventoryError>()
            || cause.is::<YamlError>()
            || cause.is::<crate::runbook::Invalid>()
        {
            return USAGE;
        }
        // Ctrl-C at a prompt: the terminal is in raw mode, so it arrives as a key and the
        // prompt fails with `Interrupted` instead of a signal reaching the handler.
        // dialoguer's error does not name its io::Error as its source: looked into here.
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| {
            cause
                .downcast_ref::<dialoguer::Error>()
                .map(|dialoguer::Error::IO(e)| e)
        });
        if io.is_some_and(|e| e.kind() == std::io::ErrorKind::Interrupted) {
            return INTERRUPTED;
        }
        if let Some(transport) = cause.downcast_ref::<TransportError>() {
            return if transport.is_unreachable() {
                UNREACHABLE
            } else if matches!(transport, TransportError::NeedsRoot { .. }) {
                // The site's sudoers must change: nobody at this run can answer it.
                NEEDS_HUMAN
            } else {
                FAILED
            };
        }
    }
    FAILED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_c_at_a_prompt_is_an_interruption() {
        let prompt = dialoguer::Error::IO(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "read interrupted",
        ));
        assert_eq!(for_error(&anyhow::Error::new(prompt)), INTERRUPTED);
        assert_eq!(for_error(&Exit::NeedsHuman("x".into()).into()), NEEDS_HUMAN);
        assert_eq!(for_error(&anyhow::anyhow!("plain")), FAILED);
    }
}
