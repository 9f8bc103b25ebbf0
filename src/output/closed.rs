//! An output closed under tvdr (`tvdr inventory | head -1`): tvdr ends quietly
//! with [`STDOUT_CLOSED`](crate::exit_code::STDOUT_CLOSED), as `cat` would, instead of a
//! panic's backtrace or an `error: Broken pipe`.
//!
//! Rust ignores SIGPIPE, so a write to a pipe nobody reads fails with `EPIPE`: `println!`
//! panics on it, `write!` returns it. Both are caught here and told apart from any other
//! broken pipe (a node's socket, a child's input) by asking whether standard output
//! itself is closed. A runbook that was running records its step as interrupted first,
//! exactly as with Ctrl-C, and resumes with the same command.

use std::io::ErrorKind;
use std::os::fd::AsFd;

use crate::exit_code::STDOUT_CLOSED;

/// Whether standard output is a pipe or socket whose reader is gone.
pub fn stdout_closed() -> bool {
    reader_gone(std::io::stdout())
}

/// The same for standard error (`tvdr runbook … 2>&1 | tee log`, and `tee` ended).
pub fn stderr_closed() -> bool {
    reader_gone(std::io::stderr())
}

/// The kernel says `POLLERR` for the writing end of a pipe (or a socket) nobody reads.
fn reader_gone(fd: impl AsFd) -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    let mut fds = [PollFd::new(&fd, PollFlags::OUT)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&now)).is_ok() && fds[0].revents().contains(PollFlags::ERR)
}

/// Whether `err` is standard output closed under tvdr.
pub fn is_stdout_closed(err: &anyhow::Error) -> bool {
    err.chain().any(broken_pipe) && stdout_closed()
}

/// Whether `err` (a command's output passed on to tvdr's own, `tvdr exec`) failed because
/// standard output or standard error closed under tvdr.
pub fn is_output_closed(err: &(dyn std::error::Error + 'static)) -> bool {
    std::iter::successors(Some(err), |e| e.source()).any(broken_pipe)
        && (stdout_closed() || stderr_closed())
}

fn broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    cause
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == ErrorKind::BrokenPipe)
}

/// Ends a `println!` or `eprintln!` that failed on a closed output quietly (a runbook's
/// progress is on standard error: `2>&1 | tee log` is how many keep a log); any other
/// panic is reported as before.
pub fn install() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        let closed = (text.starts_with("failed printing to stdout") && stdout_closed())
            || (text.starts_with("failed printing to stderr") && stderr_closed());
        if closed {
            crate::interrupt::stop(STDOUT_CLOSED);
        }
        before(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_whose_reader_is_gone_is_told_from_one_still_read() {
        // The test's own standard output is whatever the harness gives: ask a pipe instead.
        let (reader, writer) = std::io::pipe().unwrap();
        assert!(!reader_gone(&writer));
        drop(reader);
        assert!(reader_gone(&writer));
    }
}
