//! [`LocalTransport`]: runs commands on the machine tvdr runs on (a technician logged into
//! a node), with the same rendering, streaming and timeout as over SSH.
//!
//! This is the one place in tvdr that starts processes (`clippy.toml` forbids
//! `Command::new` elsewhere). Both pipes are read in this thread with `poll(2)` rather than
//! with reader threads, so a grandchild that keeps a pipe open after a timeout cannot
//! leave a thread behind.

use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::error::shorten;
use super::poll::{poll, IN};
use super::script::{script, signal_status};
use super::{Cmd, Target, Transport, TransportError};

/// How long a timed-out command gets between SIGTERM and SIGKILL.
const KILL_GRACE: Duration = Duration::from_secs(2);

pub struct LocalTransport {
    target: Target,
}

impl LocalTransport {
    pub fn new(target: Target) -> LocalTransport {
        LocalTransport { target }
    }
}

impl Transport for LocalTransport {
    fn target(&self) -> &Target {
        &self.target
    }

    fn exec(
        &mut self,
        command: &Cmd,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError> {
        let node = &self.target.name;
        let line = script(&self.target, command)?;
        let timeout = timeout.unwrap_or(self.target.command_timeout);
        let deadline = Instant::now() + timeout;
        #[allow(clippy::disallowed_methods)] // the transport is the door
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(&line)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group, so a timeout ends the whole pipeline it started.
            .process_group(0)
            .spawn()
            .map_err(|e| TransportError::io(node, "cannot start `/bin/sh`", e))?;
        let timed_out = || TransportError::Timeout {
            node: node.clone(),
            command: shorten(&command.render()),
            timeout,
        };
        match pump(&mut child, stdout, stderr, deadline) {
            Ok(true) => {}
            Ok(false) => {
                stop(&mut child);
                return Err(timed_out());
            }
            Err(e) => {
                stop(&mut child);
                return Err(TransportError::io(
                    node,
                    "cannot pass on the command's output",
                    e,
                ));
            }
        }
        match wait_until(&mut child, deadline) {
            Ok(Some(status)) => Ok(exit_status(status)),
            Ok(None) => {
                stop(&mut child);
                Err(timed_out())
            }
            Err(e) => Err(TransportError::io(node, "cannot wait for the command", e)),
        }
    }

    /// The program gets this terminal itself (inherited descriptors, same process group,
    /// so it stays in the foreground and can read the keyboard): it sets raw mode and
    /// follows window changes on its own, as it would started from a shell.
    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn super::Console,
    ) -> Result<i32, TransportError> {
        let node = &self.target.name;
        let line = script(&self.target, command)?;
        let _ = console.output().flush();
        #[allow(clippy::disallowed_methods)] // the transport is the door
        let status = Command::new("/bin/sh")
            .arg("-c")
            .arg(&line)
            .status()
            .map_err(|e| TransportError::io(node, "cannot start `/bin/sh`", e))?;
        Ok(exit_status(status))
    }
}

/// Copies both pipes to the writers until they close (`Ok(true)`) or the deadline passes
/// (`Ok(false)`). One small buffer: output is never collected here.
fn pump(
    child: &mut Child,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    deadline: Instant,
) -> io::Result<bool> {
    let mut pipes: Vec<(Box<dyn Read>, i32, &mut dyn Write)> = Vec::with_capacity(2);
    if let Some(out) = child.stdout.take() {
        let fd = out.as_raw_fd();
        pipes.push((Box::new(out), fd, stdout));
    }
    if let Some(err) = child.stderr.take() {
        let fd = err.as_raw_fd();
        pipes.push((Box::new(err), fd, stderr));
    }
    let mut buf = vec![0u8; 32 * 1024];
    while !pipes.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(false);
        }
        let fds: Vec<_> = pipes.iter().map(|(_, fd, _)| (*fd, IN)).collect();
        let ready = poll(&fds, left)?;
        let mut closed = Vec::new();
        for (i, revents) in ready.into_iter().enumerate() {
            if revents == 0 {
                continue;
            }
            // Readable or hung up: a read returns what is there, or 0 at the end.
            let (pipe, _, sink) = &mut pipes[i];
            match pipe.read(&mut buf) {
                Ok(0) => closed.push(i),
                Ok(n) => sink.write_all(&buf[..n])?,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        for i in closed.into_iter().rev() {
            pipes.remove(i);
        }
    }
    stdout.flush()?;
    stderr.flush()?;
    Ok(true)
}

/// Waits for the shell to exit (it may close its pipes before it ends).
fn wait_until(child: &mut Child, deadline: Instant) -> io::Result<Option<ExitStatus>> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Ends the command's whole process group: SIGTERM, then SIGKILL for whatever is left
/// after a grace period, and reaps the shell so no zombie is left.
fn stop(child: &mut Child) {
    let group = child.id() as libc::pid_t;
    // SAFETY: kill(2) with a negative pid signals that process group; no memory involved.
    unsafe { libc::kill(-group, libc::SIGTERM) };
    let exited = matches!(wait_until(child, Instant::now() + KILL_GRACE), Ok(Some(_)));
    // SAFETY: as above. Members that ignored SIGTERM keep the group id from being reused.
    unsafe { libc::kill(-group, libc::SIGKILL) };
    if !exited {
        let _ = child.wait();
    }
}

fn exit_status(status: ExitStatus) -> i32 {
    match (status.code(), status.signal()) {
        (Some(code), _) => code,
        (None, Some(signal)) => signal_status(signal),
        (None, None) => -1,
    }
}

#[cfg(test)]
mod tests;
