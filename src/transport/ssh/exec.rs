//! Running one command on the node's session: handed to the session's driver, which runs
//! it on a channel of its own next to any other command ([`super::mux`]); its output is
//! passed on as it arrives, and its exit status returned.

use std::io::Write;
use std::time::{Duration, Instant};

use super::super::error::shorten;
use super::super::marker::PRINT_PID;
use super::super::script::script;
use super::super::{Cmd, Target, TransportError};
use super::job::Event;
use super::mux::Link;
#[cfg(test)]
use super::signal::signal_number;
use super::wire::Stop;

/// Runs `command` on `target` with `input` on its standard input (then its end), and
/// returns its exit status (see `script::signal_status`).
/// A caller whose writer fails leaves at once; the driver then ends the command on the
/// node.
pub(super) fn run(
    link: &Link,
    target: &Target,
    command: &Cmd,
    input: &[u8],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    timeout: Duration,
) -> Result<i32, TransportError> {
    let line = format!("{PRINT_PID}{}", script(target, command)?);
    let node = target.name.clone();
    let lost = || TransportError::Lost {
        node: node.clone(),
        reason: link
            .lost()
            .unwrap_or_else(|| crate::msg!("transport-reason-connection-closed")),
    };
    let pass = |e| {
        TransportError::io(
            &node,
            crate::msg!("transport-context-cannot-pass-on-the-output"),
            e,
        )
    };
    let input = zeroize::Zeroizing::new(input.to_vec());
    let running = link
        .run(line, input, Instant::now() + timeout)
        .ok_or_else(lost)?;
    loop {
        match running.next().ok_or_else(lost)? {
            Event::Stdout(data) => stdout.write_all(&data).map_err(pass)?,
            Event::Stderr(data) => stderr.write_all(&data).map_err(pass)?,
            Event::Done(Ok(status)) => {
                stdout.flush().map_err(pass)?;
                stderr.flush().map_err(pass)?;
                return Ok(status);
            }
            Event::Done(Err(stop)) => {
                return Err(match stop {
                    Stop::Deadline => TransportError::Timeout {
                        node: node.clone(),
                        command: shorten(&command.render()),
                        timeout,
                    },
                    Stop::Lost(reason) => TransportError::Lost {
                        node: node.clone(),
                        reason: crate::i18n::Msg::text(reason),
                    },
                    Stop::Failed(e) => TransportError::Ssh {
                        node: node.clone(),
                        context: crate::msg!("transport-context-running-a-command"),
                        message: e.message().to_owned(),
                    },
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::script::signal_status;
    use super::*;

    #[test]
    fn signals_become_shell_style_statuses() {
        assert_eq!(signal_number("KILL").map(signal_status), Some(137));
        assert_eq!(signal_number("TERM").map(signal_status), Some(143));
        assert_eq!(signal_number("WINCH"), None);
    }
}
