//! [`Wire`]: a non-blocking libssh2 session and its socket, with the one wait loop every
//! SSH operation uses after login.
//!
//! Non-blocking, because a blocking libssh2 read on stdout can wait forever while the
//! command fills the stderr window; and because only a loop of our own can give each
//! command a deadline and notice a node that stopped answering. A node is declared lost
//! after three keepalive intervals of silence (like OpenSSH's `ServerAliveCountMax=3`).

use std::net::TcpStream;
use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, Instant};

use ssh2::{BlockDirections, ErrorCode, Session};

use super::super::poll::{poll, ERR, HUP, IN, OUT};
use super::tcp::quick_ack;

const EAGAIN: i32 = -37;
/// libssh2 errors that mean the TCP connection or the SSH transport is gone.
const GONE: &[i32] = &[
    -1,  // SOCKET_NONE
    -7,  // SOCKET_SEND
    -13, // SOCKET_DISCONNECT
    -30, // SOCKET_TIMEOUT
    -43, // SOCKET_RECV
];

/// Why an operation stopped before it finished.
#[derive(Debug)]
pub(super) enum Stop {
    /// The caller's deadline passed.
    Deadline,
    /// The connection is gone; the reason is for the message.
    Lost(String),
    /// libssh2 refused the operation.
    Failed(ssh2::Error),
}

pub(super) struct Wire {
    pub(super) session: Session,
    /// The session's socket (a duplicate of the descriptor libssh2 owns), waited on.
    socket: TcpStream,
    keepalive: Duration,
    /// Time spent waiting on the node since it last sent anything. Only time inside
    /// [`Wire::wait`] counts: a caller busy writing output elsewhere is not node silence.
    silent: Duration,
}

impl Wire {
    /// Takes over a logged-in session; `socket` is a duplicate of its socket.
    pub(super) fn new(session: Session, socket: TcpStream, keepalive: Duration) -> Wire {
        let keepalive = Duration::from_secs(keepalive.as_secs().max(2));
        session.set_keepalive(true, keepalive.as_secs() as u32);
        session.set_blocking(false);
        Wire {
            session,
            socket,
            keepalive,
            silent: Duration::ZERO,
        }
    }

    /// Starts an operation: nothing is expected from the node between commands, so
    /// silence is counted from here.
    pub(super) fn begin(&mut self) {
        self.silent = Duration::ZERO;
    }

    /// Data came in: the node is alive.
    pub(super) fn heard(&mut self) {
        self.silent = Duration::ZERO;
    }

    /// Runs `op` until libssh2 stops answering "would block", waiting for the socket in
    /// between.
    pub(super) fn retry<T>(
        &mut self,
        deadline: Instant,
        mut op: impl FnMut(&Session) -> Result<T, ssh2::Error>,
    ) -> Result<T, Stop> {
        loop {
            match op(&self.session) {
                Ok(value) => return Ok(value),
                Err(e) if code(&e) == Some(EAGAIN) => self.wait(deadline)?,
                Err(e) => return Err(classify(e)),
            }
        }
    }

    /// Waits until the socket is ready in the direction libssh2 is blocked on, sending
    /// keepalives while the command is quiet.
    pub(super) fn wait(&mut self, deadline: Instant) -> Result<(), Stop> {
        self.wait_or(deadline, None).map(|_| ())
    }

    /// [`Wire::wait`], also returning (`true`) as soon as `other` is readable: an
    /// interactive session waits on the node and on the technician's keyboard at once.
    pub(super) fn wait_or(
        &mut self,
        deadline: Instant,
        other: Option<BorrowedFd<'_>>,
    ) -> Result<bool, Stop> {
        let now = Instant::now();
        if now >= deadline {
            return Err(Stop::Deadline);
        }
        let patience = self.keepalive * 3;
        if self.silent >= patience {
            return Err(Stop::Lost(format!(
                "no answer for {} s, not even to keepalives",
                self.silent.as_secs()
            )));
        }
        let next_keepalive = match self.session.keepalive_send() {
            Ok(seconds) => Duration::from_secs(u64::from(seconds.max(1))),
            Err(e) if code(&e) == Some(EAGAIN) => Duration::from_secs(1),
            Err(e) => return Err(classify(e)),
        };
        let mut timeout = (deadline - now)
            .min(patience - self.silent)
            .min(next_keepalive);
        let events = match self.session.block_directions() {
            BlockDirections::Inbound => IN,
            BlockDirections::Outbound => OUT,
            BlockDirections::Both => IN | OUT,
            BlockDirections::None => {
                // libssh2 is not waiting on the socket (it may hold buffered data): look
                // again soon rather than sleep until the next keepalive.
                timeout = timeout.min(Duration::from_millis(10));
                IN
            }
        };
        // Best effort: without it a reply comes 40 ms late, nothing worse.
        let _ = quick_ack(&self.socket);
        let mut fds = vec![(self.socket.as_fd(), events)];
        fds.extend(other.map(|fd| (fd, IN)));
        let ready = poll(&fds, timeout)
            .map_err(|e| Stop::Lost(format!("cannot wait on the socket: {e}")))?;
        if ready[0].intersects(IN | HUP | ERR) {
            self.heard();
        } else {
            self.silent += now.elapsed();
        }
        Ok(ready.get(1).is_some_and(|r| !r.is_empty()))
    }
}

fn code(e: &ssh2::Error) -> Option<i32> {
    match e.code() {
        ErrorCode::Session(code) => Some(code),
        ErrorCode::SFTP(_) => None,
    }
}

pub(super) fn classify(e: ssh2::Error) -> Stop {
    match code(&e) {
        Some(c) if GONE.contains(&c) => Stop::Lost(e.message().to_owned()),
        _ => Stop::Failed(e),
    }
}

/// Whether an I/O error from reading a channel means "nothing yet"; any other error
/// means the connection is gone (the channel streams have no other failure mode).
pub(super) fn would_block(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock
}
