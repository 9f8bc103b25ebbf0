//! Running one command on a fresh channel of the node's session: stream both outputs as
//! they arrive, enforce the deadline, and collect the exit status.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use ssh2::Channel;

use super::super::error::shorten;
use super::super::marker::{kill_line, PidMarker, PRINT_PID};
use super::super::script::{script, signal_status};
use super::super::{Cmd, Target, TransportError};
use super::wire::{would_block, Stop, Wire};

/// One read from the channel: output is passed on in pieces this size, never collected.
const CHUNK: usize = 32 * 1024;
/// Time allowed to close a timed-out command's channel and end its processes.
const CLEANUP: Duration = Duration::from_secs(5);

/// How a run ended early.
enum Failure {
    Stop(Stop),
    /// Writing the output to the caller failed (e.g. `tvdr exec … | head`).
    Write(io::Error),
}

impl From<Stop> for Failure {
    fn from(stop: Stop) -> Failure {
        Failure::Stop(stop)
    }
}

/// Runs `command` on `target` and returns its exit status (see [`signal_status`]).
pub(super) fn run(
    wire: &mut Wire,
    target: &Target,
    command: &Cmd,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    timeout: Duration,
) -> Result<i32, TransportError> {
    let line = format!("{PRINT_PID}{}", script(target, command)?);
    let deadline = Instant::now() + timeout;
    let mut marker = PidMarker::default();
    let mut channel = None;
    let outcome = execute(
        wire,
        &line,
        &mut channel,
        stdout,
        stderr,
        &mut marker,
        deadline,
    );
    let node = target.name.clone();
    match outcome {
        Ok(status) => Ok(status),
        Err(failure) => {
            if let Some(channel) = channel {
                abandon(wire, target, channel, marker.pid());
            }
            Err(match failure {
                Failure::Stop(Stop::Deadline) => TransportError::Timeout {
                    node,
                    command: shorten(&command.render()),
                    timeout,
                },
                Failure::Stop(Stop::Lost(reason)) => TransportError::Lost { node, reason },
                Failure::Stop(Stop::Failed(e)) => TransportError::Ssh {
                    node,
                    context: "running a command".to_owned(),
                    message: e.message().to_owned(),
                },
                Failure::Write(e) => TransportError::io(&node, "cannot pass on the output", e),
            })
        }
    }
}

/// Opens a channel (left in `slot` for the caller to clean up on failure), runs `line`,
/// streams its output and returns its exit status.
fn execute(
    wire: &mut Wire,
    line: &str,
    slot: &mut Option<Channel>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    marker: &mut PidMarker,
    deadline: Instant,
) -> Result<i32, Failure> {
    wire.begin();
    let channel = slot.insert(wire.retry(deadline, |s| s.channel_session())?);
    wire.retry(deadline, |_| channel.exec(line))?;
    // Commands get an empty standard input, as with the local transport.
    wire.retry(deadline, |_| channel.send_eof())?;
    stream(wire, channel, stdout, stderr, marker, deadline)?;
    marker.finish(stderr).map_err(Failure::Write)?;
    wire.retry(deadline, |_| channel.close())?;
    let signal = channel.exit_signal().ok().and_then(|s| s.exit_signal);
    Ok(match signal {
        Some(name) => signal_number(&name).map_or(-1, signal_status),
        None => channel.exit_status().unwrap_or(-1),
    })
}

/// Copies stdout and stderr to the writers until both end. Both are read in turn and the
/// thread only sleeps in [`Wire::wait`] when neither has data, so a command writing a lot
/// to one of them never stalls on the other; libssh2's channel window (2 MiB) bounds what
/// is buffered.
///
/// Reading one stream reads the socket for the whole session: the stderr read can take in
/// stdout's last data or the channel's end after the stdout read came back empty. Waiting
/// on the socket then waits for a packet that already came — until the next keepalive,
/// 1 to 15 s later (issue 10: one `tvdr check` in 4 to 12 took 4 s). So before sleeping,
/// ask libssh2 whether it holds anything for this channel, and read again if it does.
fn stream(
    wire: &mut Wire,
    channel: &mut Channel,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    marker: &mut PidMarker,
    deadline: Instant,
) -> Result<(), Failure> {
    let mut buf = vec![0u8; CHUNK];
    let mut errors = channel.stderr();
    let (mut out_open, mut err_open) = (true, true);
    let mut looked_again = false;
    while out_open || err_open {
        let mut heard = false;
        if out_open {
            match channel.read(&mut buf) {
                Ok(0) => out_open = false,
                Ok(n) => {
                    heard = true;
                    stdout.write_all(&buf[..n]).map_err(Failure::Write)?;
                }
                Err(e) if would_block(&e) => {}
                Err(e) => return Err(Stop::Lost(e.to_string()).into()),
            }
        }
        if err_open {
            match errors.read(&mut buf) {
                Ok(0) => err_open = false,
                Ok(n) => {
                    heard = true;
                    marker.feed(&buf[..n], stderr).map_err(Failure::Write)?;
                }
                Err(e) if would_block(&e) => {}
                Err(e) => return Err(Stop::Lost(e.to_string()).into()),
            }
        }
        if heard {
            wire.heard();
            looked_again = false;
            if Instant::now() >= deadline {
                return Err(Stop::Deadline.into());
            }
        } else if out_open || err_open {
            // Once: data of a stream nobody reads (an extended stream other than stderr)
            // would otherwise keep the loop spinning.
            if !looked_again && holds_more(channel) {
                looked_again = true;
                continue;
            }
            looked_again = false;
            wire.wait(deadline)?;
        }
    }
    stdout.flush().map_err(Failure::Write)?;
    stderr.flush().map_err(Failure::Write)
}

/// Whether libssh2 already holds data or the end of `channel`, taken off the socket by an
/// earlier read: looked up in its packet queue, without reading the socket.
fn holds_more(channel: &Channel) -> bool {
    channel.eof() || channel.read_window().available > 0
}

/// Gives up on a command: closes its channel and ends its process group on the node, so a
/// timed-out `pg_dump` does not keep running. Best effort, bounded by [`CLEANUP`]: when the
/// node is not answering there is nothing more to do.
fn abandon(wire: &mut Wire, target: &Target, mut channel: Channel, pid: Option<u32>) {
    let deadline = Instant::now() + CLEANUP.min(target.connect_timeout);
    if wire.retry(deadline, |_| channel.close()).is_err() {
        return;
    }
    if let Some(pid) = pid {
        let kill = kill_line(pid);
        let mut slot = None;
        let mut quiet = PidMarker::default();
        let _ = execute(
            wire,
            &kill,
            &mut slot,
            &mut io::sink(),
            &mut io::sink(),
            &mut quiet,
            deadline,
        );
    }
}

/// The number of a signal named in an SSH `exit-signal` message (RFC 4254 §6.10 names,
/// without `SIG`).
fn signal_number(name: &str) -> Option<i32> {
    Some(match name {
        "ABRT" => libc::SIGABRT,
        "ALRM" => libc::SIGALRM,
        "FPE" => libc::SIGFPE,
        "HUP" => libc::SIGHUP,
        "ILL" => libc::SIGILL,
        "INT" => libc::SIGINT,
        "KILL" => libc::SIGKILL,
        "PIPE" => libc::SIGPIPE,
        "QUIT" => libc::SIGQUIT,
        "SEGV" => libc::SIGSEGV,
        "TERM" => libc::SIGTERM,
        "USR1" => libc::SIGUSR1,
        "USR2" => libc::SIGUSR2,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_become_shell_style_statuses() {
        assert_eq!(signal_number("KILL").map(signal_status), Some(137));
        assert_eq!(signal_number("TERM").map(signal_status), Some(143));
        assert_eq!(signal_number("WINCH"), None);
    }
}
