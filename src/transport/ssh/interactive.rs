//! A command on a terminal of its own over the node's session (`network_reset`'s menu):
//! a PTY of the technician's size, keys relayed as typed, the screen relayed back, until
//! the program exits.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use ssh2::{Channel, PtyModes};

use super::super::script::script;
use super::super::{Cmd, Console, Target, TransportError};
use super::wire::{would_block, Stop, Wire};

/// A person is at the keyboard: no deadline but this (a lost node is noticed earlier, by
/// keepalives).
const FOREVER: Duration = Duration::from_secs(30 * 24 * 3600);
const CHUNK: usize = 16 * 1024;

pub(super) fn run(
    wire: &mut Wire,
    target: &Target,
    command: &Cmd,
    console: &mut dyn Console,
) -> Result<i32, TransportError> {
    let line = script(target, command)?;
    let node = target.name.clone();
    let stop = |stop: Stop| match stop {
        Stop::Deadline => TransportError::Lost {
            node: node.clone(),
            reason: crate::msg!("transport-reason-terminal-late"),
        },
        Stop::Lost(reason) => TransportError::Lost {
            node: node.clone(),
            reason: crate::i18n::Msg::text(reason),
        },
        Stop::Failed(e) => TransportError::Ssh {
            node: node.clone(),
            context: crate::msg!("transport-context-running-an-interactive-command"),
            message: e.message().to_owned(),
        },
    };
    let opening = Instant::now() + target.connect_timeout.max(Duration::from_secs(5));
    wire.begin();
    let mut channel = wire.retry(opening, |s| s.channel_session()).map_err(stop)?;
    let (cols, rows) = console.size();
    let term = console.term();
    wire.retry(opening, |_| {
        channel.request_pty(&term, Some(PtyModes::new()), Some((cols, rows, 0, 0)))
    })
    .map_err(stop)?;
    wire.retry(opening, |_| channel.exec(&line)).map_err(stop)?;
    console.raw().map_err(|e| {
        TransportError::io(
            &node,
            crate::msg!("transport-context-cannot-make-terminal-raw"),
            e,
        )
    })?;
    relay(wire, &mut channel, console).map_err(|failure| match failure {
        Relay::Stop(s) => stop(s),
        Relay::Io(e) => TransportError::io(
            &node,
            crate::msg!("transport-context-cannot-relay-the-terminal"),
            e,
        ),
    })?;
    let end = Instant::now() + Duration::from_secs(5);
    wire.retry(end, |_| channel.close()).map_err(stop)?;
    let _ = wire.retry(end, |_| channel.wait_close());
    Ok(channel.exit_status().unwrap_or(-1))
}

enum Relay {
    Stop(Stop),
    Io(io::Error),
}

/// Screen out, keys in, window size changes, until the program's output ends.
fn relay(wire: &mut Wire, channel: &mut Channel, console: &mut dyn Console) -> Result<(), Relay> {
    let deadline = Instant::now() + FOREVER;
    let mut buf = vec![0u8; CHUNK];
    let mut keyboard = true;
    loop {
        // Drain everything the node sent (a PTY merges stderr into stdout).
        loop {
            match channel.read(&mut buf) {
                Ok(0) => return Ok(()),
                Ok(n) => {
                    wire.heard();
                    let out = console.output();
                    out.write_all(&buf[..n]).map_err(Relay::Io)?;
                    out.flush().map_err(Relay::Io)?;
                }
                Err(e) if would_block(&e) => break,
                Err(e) => return Err(Relay::Stop(Stop::Lost(e.to_string()))),
            }
        }
        if channel.eof() {
            return Ok(());
        }
        if console.resized() {
            let (cols, rows) = console.size();
            wire.retry(deadline, |_| {
                channel.request_pty_size(cols, rows, None, None)
            })
            .map_err(Relay::Stop)?;
            // The request read the socket: what it took in for the screen is not waited
            // for (see `exec::stream`).
            continue;
        }
        let fd = keyboard.then(|| console.input_fd());
        let typed = wire.wait_or(deadline, fd).map_err(Relay::Stop)?;
        if typed {
            let n = console.read_input(&mut buf).map_err(Relay::Io)?;
            if n == 0 {
                // Standard input ended (a script feeding keys): the program's own EOF.
                keyboard = false;
                wire.retry(deadline, |_| channel.send_eof())
                    .map_err(Relay::Stop)?;
            } else {
                send(wire, channel, &buf[..n], deadline)?;
            }
        }
    }
}

fn send(
    wire: &mut Wire,
    channel: &mut Channel,
    mut data: &[u8],
    deadline: Instant,
) -> Result<(), Relay> {
    while !data.is_empty() {
        match channel.write(data) {
            Ok(n) => data = &data[n..],
            Err(e) if would_block(&e) => wire.wait(deadline).map_err(Relay::Stop)?,
            Err(e) => return Err(Relay::Stop(Stop::Lost(e.to_string()))),
        }
    }
    Ok(())
}
