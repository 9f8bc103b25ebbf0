//! What the callers of a session and its driver thread hand each other ([`mux`](super::mux)
//! on one side, [`driver`](super::driver) on the other): the asks, the session lent out,
//! the limits, and the eventfd bell.

use std::os::fd::OwnedFd;
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

/// A new bell: an eventfd that never blocks, closed in children.
pub(super) fn bell() -> std::io::Result<OwnedFd> {
    use rustix::event::{eventfd, EventfdFlags};
    Ok(eventfd(0, EventfdFlags::NONBLOCK | EventfdFlags::CLOEXEC)?)
}

pub(super) fn ring(fd: &OwnedFd) {
    // A full counter (already rung) refuses the write: rung all the same.
    let _ = rustix::io::write(fd, &1u64.to_ne_bytes());
}

/// Silences the bell (non-blocking: nothing to read is fine).
pub(super) fn drain(fd: &OwnedFd) {
    let _ = rustix::io::read(fd, &mut [0u8; 8]);
}
