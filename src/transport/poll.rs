//! Waiting on file descriptors with `poll(2)`: how both transports stream two outputs in
//! one thread and still notice a timeout.

use std::io;
use std::os::fd::BorrowedFd;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;

/// What a descriptor is ready for (or what happened to it).
pub(crate) type Ready = PollFlags;

pub(crate) const IN: Ready = PollFlags::IN;
pub(crate) const OUT: Ready = PollFlags::OUT;
/// Hung up or failed: reported whatever was asked, and a read or write says which.
pub(crate) const HUP: Ready = PollFlags::HUP;
pub(crate) const ERR: Ready = PollFlags::ERR;

/// Waits until one of `fds` (with the events asked for) is ready or `timeout` passes;
/// returns the events seen for each fd. Interrupted waits are retried.
pub(crate) fn poll(fds: &[(BorrowedFd<'_>, Ready)], timeout: Duration) -> io::Result<Vec<Ready>> {
    let mut polled: Vec<PollFd<'_>> = fds
        .iter()
        .map(|(fd, events)| PollFd::from_borrowed_fd(*fd, *events))
        .collect();
    // A wait too long for a timespec (never asked for) is a wait without end.
    let timeout = Timespec::try_from(timeout).ok();
    loop {
        match rustix::event::poll(&mut polled, timeout.as_ref()) {
            Ok(_) => return Ok(polled.iter().map(PollFd::revents).collect()),
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::os::fd::AsFd;
    use std::os::unix::net::UnixStream;

    use super::*;

    #[test]
    fn a_quiet_descriptor_times_out_and_a_written_one_is_readable() {
        let (mut a, b) = UnixStream::pair().unwrap();
        let ready = poll(&[(b.as_fd(), IN)], Duration::from_millis(20)).unwrap();
        assert!(ready[0].is_empty());
        a.write_all(b"x").unwrap();
        let ready = poll(&[(b.as_fd(), IN), (a.as_fd(), OUT)], Duration::ZERO).unwrap();
        assert!(ready[0].contains(IN));
        assert!(ready[1].contains(OUT));
        drop(a);
        let ready = poll(&[(b.as_fd(), IN)], Duration::from_secs(1)).unwrap();
        assert!(ready[0].intersects(IN | HUP));
    }
}
