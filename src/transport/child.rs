//! Running a program on this machine: its output streamed as it arrives, its exit status,
//! and a deadline. The local transport runs `/bin/sh -c` with it, the openssh transport
//! runs `ssh`.
//!
//! This is the one place in tvdr that creates processes ([`command`]; `clippy.toml` forbids
//! `Command::new` elsewhere). Both pipes are read in this thread with `poll(2)` rather than
//! with reader threads, so a grandchild that keeps a pipe open after a timeout cannot
//! leave a thread behind.

use std::ffi::OsStr;
use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use rustix::process::{kill_process, kill_process_group, Pid, Signal};

use super::poll::{poll, IN};
use super::script::signal_status;

/// How long a timed-out program gets between SIGTERM and SIGKILL.
const KILL_GRACE: Duration = Duration::from_secs(2);

/// The door: every program tvdr starts is built here.
pub(crate) fn command(program: impl AsRef<OsStr>) -> Command {
    #[allow(clippy::disallowed_methods)] // the transport is the door
    Command::new(program)
}

/// Which processes a timeout ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// The program gets a process group of its own, and a timeout ends the whole group
    /// (a pipeline, and whatever it started).
    Own,
    /// The program stays in tvdr's group, so it can read the terminal (ssh asking a
    /// passphrase on `/dev/tty`), and a timeout ends only the program.
    Shared,
}

/// Why [`run`] returned without an exit status.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The program could not be started.
    Start(io::Error),
    /// Its output could not be passed on to the writers (e.g. `tvdr exec … | head`).
    Pass(io::Error),
    Wait(io::Error),
    /// The deadline passed: the program was ended.
    Deadline,
}

/// Runs `command` with an empty standard input, streams its standard output and error into
/// the writers until it exits, and returns its exit status (see [`signal_status`]). When
/// the deadline passes or the output cannot be passed on, the program is ended first.
pub(crate) fn run(
    command: &mut Command,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    deadline: Instant,
    group: Group,
) -> Result<i32, Failure> {
    run_with_input(command, &[], stdout, stderr, deadline, group)
}

/// [`run`] with `input` on the program's standard input, then its end (a sudo password, a
/// receipt's command: the program reads all of it before it writes much, so writing it
/// first cannot wait on the program's output; one that ends unread is no error here).
pub(crate) fn run_with_input(
    command: &mut Command,
    input: &[u8],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    deadline: Instant,
    group: Group,
) -> Result<i32, Failure> {
    let stdin = if input.is_empty() {
        Stdio::null()
    } else {
        Stdio::piped()
    };
    command
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if group == Group::Own {
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(Failure::Start)?;
    if let Some(mut pipe) = child.stdin.take() {
        // A program that ended without reading it is not an error here: its status says.
        let _ = pipe.write_all(input);
    }
    match pump(&mut child, stdout, stderr, deadline) {
        Ok(true) => {}
        Ok(false) => {
            stop(&mut child, group);
            return Err(Failure::Deadline);
        }
        Err(e) => {
            stop(&mut child, group);
            return Err(Failure::Pass(e));
        }
    }
    match wait_until(&mut child, deadline) {
        Ok(Some(status)) => Ok(exit_status(status)),
        Ok(None) => {
            stop(&mut child, group);
            Err(Failure::Deadline)
        }
        Err(e) => Err(Failure::Wait(e)),
    }
}

/// Runs `command` on this terminal (inherited descriptors, tvdr's process group, so it
/// stays in the foreground and can read the keyboard) until it exits. No deadline: a
/// person is at the keyboard.
pub(crate) fn run_on_terminal(command: &mut Command) -> io::Result<i32> {
    command.status().map(exit_status)
}

/// Copies both pipes to the writers until they close (`Ok(true)`) or the deadline passes
/// (`Ok(false)`). One small buffer: output is never collected here.
fn pump(
    child: &mut Child,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    deadline: Instant,
) -> io::Result<bool> {
    let mut pipes: Vec<(Box<dyn Pipe>, &mut dyn Write)> = Vec::with_capacity(2);
    if let Some(out) = child.stdout.take() {
        pipes.push((Box::new(out), stdout));
    }
    if let Some(err) = child.stderr.take() {
        pipes.push((Box::new(err), stderr));
    }
    let mut buf = vec![0u8; 32 * 1024];
    while !pipes.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(false);
        }
        let fds: Vec<_> = pipes.iter().map(|(pipe, _)| (pipe.as_fd(), IN)).collect();
        let ready = poll(&fds, left)?;
        let mut closed = Vec::new();
        for (i, revents) in ready.into_iter().enumerate() {
            if revents.is_empty() {
                continue;
            }
            // Readable or hung up: a read returns what is there, or 0 at the end.
            let (pipe, sink) = &mut pipes[i];
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

/// Waits for the program to exit (it may close its pipes before it ends).
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

/// A child's output pipe: read, and waited on.
trait Pipe: Read + AsFd {}
impl<T: Read + AsFd> Pipe for T {}

/// Ends the program (with its whole process group when it has its own): SIGTERM, then
/// SIGKILL for whatever is left after a grace period, and reaps it so no zombie is left.
fn stop(child: &mut Child, group: Group) {
    // The child is not reaped yet, so its pid (and group id) cannot have been reused.
    let pid = Pid::from_child(child);
    let signal = |sig: Signal| match group {
        Group::Own => kill_process_group(pid, sig),
        Group::Shared => kill_process(pid, sig),
    };
    let _ = signal(Signal::TERM);
    let exited = matches!(wait_until(child, Instant::now() + KILL_GRACE), Ok(Some(_)));
    if group == Group::Own {
        // Members that ignored SIGTERM keep the group id from being reused.
        let _ = signal(Signal::KILL);
    } else if !exited {
        let _ = child.kill();
    }
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
