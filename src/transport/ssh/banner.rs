//! The node's first words: an SSH server speaks first (its version banner), so a node
//! that accepted the TCP connection and said something within the connect timeout is
//! alive, however long its login takes afterwards (OpenSSH's `ConnectTimeout` bounds the
//! same two things).

use crate::i18n::Msg;
use crate::msg;
use std::io;
use std::net::TcpStream;
use std::time::Instant;

use super::super::{Target, TransportError};

/// Waits until the node has sent something, without consuming it (libssh2 reads the
/// banner itself), no later than `deadline`.
pub(super) fn wait(
    stream: &TcpStream,
    target: &Target,
    deadline: Instant,
) -> Result<(), TransportError> {
    let unreachable = |reason: Msg| TransportError::Unreachable {
        node: target.name.clone(),
        address: target.address.clone(),
        port: target.port,
        reason,
    };
    let left = deadline.saturating_duration_since(Instant::now());
    let silent = || {
        unreachable(msg!(
            "transport-reason-no-banner",
            within = crate::time::duration::format(target.connect_timeout).to_string()
        ))
    };
    if left.is_zero() {
        return Err(silent());
    }
    let io_error = |e: io::Error| {
        TransportError::io(
            &target.name,
            crate::msg!("transport-context-cannot-wait-for-the-banner"),
            e,
        )
    };
    stream.set_read_timeout(Some(left)).map_err(io_error)?;
    let peeked = stream.peek(&mut [0u8; 4]);
    // libssh2 reads this socket in blocking mode: a receive timeout left on it would
    // cut the login short.
    stream.set_read_timeout(None).map_err(io_error)?;
    match peeked {
        Ok(0) => Err(unreachable(msg!("transport-reason-closed-before-banner"))),
        Ok(_) => Ok(()),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            Err(silent())
        }
        Err(e) => Err(unreachable(msg!(
            "transport-reason-before-banner",
            error = e.to_string()
        ))),
    }
}
