//! Waiting on file descriptors with `poll(2)`: how both transports stream two outputs in
//! one thread and still notice a timeout.

use std::io;
use std::os::fd::RawFd;
use std::time::Duration;

pub(crate) const IN: libc::c_short = libc::POLLIN;
pub(crate) const OUT: libc::c_short = libc::POLLOUT;

/// Waits until one of `fds` (with the events asked for) is ready or `timeout` passes;
/// returns the events seen for each fd. Interrupted waits are retried.
pub(crate) fn poll(
    fds: &[(RawFd, libc::c_short)],
    timeout: Duration,
) -> io::Result<Vec<libc::c_short>> {
    let mut polled: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    // Round up so a wait of 0.4 ms does not turn into a busy loop of zero-length polls.
    let millis = timeout.as_micros().div_ceil(1000).min(i32::MAX as u128) as libc::c_int;
    loop {
        // SAFETY: `polled` is a valid array of `polled.len()` pollfd structs.
        let rc = unsafe { libc::poll(polled.as_mut_ptr(), polled.len() as libc::nfds_t, millis) };
        if rc >= 0 {
            return Ok(polled.iter().map(|p| p.revents).collect());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}
