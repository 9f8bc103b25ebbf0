//! What the callers of a session and its driver thread hand each other ([`mux`](super::mux)
//! on one side, [`driver`](super::driver) on the other): the asks, the session lent out,
//! the limits, and the eventfd bell.

use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

use super::job::Job;
use super::wire::Wire;

/// Channels open at once on one session: sshd refuses more than `MaxSessions` (10 by
/// default); further commands wait for a channel to close.
pub(super) const CHANNELS: usize = 8;
/// Time allowed to close a given-up command's channel and end its processes.
pub(super) const CLEANUP: Duration = Duration::from_secs(5);

/// The session lent out: where it goes, and where it comes back from.
pub(super) type Loan = (Sender<Wire>, Receiver<Wire>);

/// What callers ask of the driver.
pub(super) enum Ask {
    Run(Job),
    /// The whole session for an interactive terminal, once no command runs.
    Lend(Loan),
}

pub(super) fn ring(fd: &OwnedFd) {
    let one = 1u64.to_ne_bytes();
    // SAFETY: writes 8 bytes from a live buffer to an eventfd (full counter: already rung).
    let _ = unsafe { libc::write(fd.as_raw_fd(), one.as_ptr().cast(), one.len()) };
}

pub(super) fn drain(fd: RawFd) {
    let mut buf = [0u8; 8];
    // SAFETY: reads at most 8 bytes into a live buffer; non-blocking.
    let _ = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
}
