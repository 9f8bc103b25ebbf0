//! The TCP connection under an SSH session: bounded by the connect timeout, tuned for
//! many small request/response exchanges, and kept alive through idle firewalls.

use std::io;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use super::super::{Target, TransportError};

/// TCP keepalive: first probe after this much idle time, then every `INTERVAL`, giving up
/// after `COUNT` unanswered probes. Keeps NAT and firewall state alive between commands.
const IDLE: libc::c_int = 15;
const INTERVAL: libc::c_int = 5;
const COUNT: libc::c_int = 3;

/// Connects to the first address of `target` that answers, trying them in order within
/// one connect timeout overall.
pub(super) fn connect(target: &Target) -> Result<TcpStream, TransportError> {
    let deadline = Instant::now() + target.connect_timeout;
    let unreachable = |reason: String| TransportError::Unreachable {
        node: target.name.clone(),
        address: target.address.clone(),
        port: target.port,
        reason,
    };
    let addresses: Vec<SocketAddr> = (target.address.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|e| unreachable(format!("cannot resolve the address: {e}")))?
        .collect();
    let mut last = None;
    for address in addresses {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match TcpStream::connect_timeout(&address, left) {
            Ok(stream) => {
                tune(&stream).map_err(|e| {
                    TransportError::io(&target.name, "cannot set socket options", e)
                })?;
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(unreachable(match last {
        Some(e) if e.kind() == io::ErrorKind::TimedOut => format!(
            "no answer within {}",
            crate::time::duration::format(target.connect_timeout)
        ),
        Some(e) => e.to_string(),
        None => "the address resolves to nothing".to_owned(),
    }))
}

/// `TCP_NODELAY`: each command is a few small packets answered by small packets; with
/// Nagle's algorithm every command waited ~40 ms for a delayed ACK (measured ~46 ms per
/// command without, ~5 ms with). See [`quick_ack`] for the other direction.
fn tune(stream: &TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let fd = stream.as_raw_fd();
    quick_ack(fd)?;
    setsockopt(fd, libc::SOL_SOCKET, libc::SO_KEEPALIVE, 1)?;
    setsockopt(fd, libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, IDLE)?;
    setsockopt(fd, libc::IPPROTO_TCP, libc::TCP_KEEPINTVL, INTERVAL)?;
    setsockopt(fd, libc::IPPROTO_TCP, libc::TCP_KEEPCNT, COUNT)
}

/// `TCP_QUICKACK`: acknowledge what the node sends at once instead of up to 40 ms later.
///
/// sshd leaves Nagle's algorithm on for commands without a terminal, so it holds back a
/// small packet while an earlier one is unacknowledged — the channel-open confirmation
/// behind the host-keys notice it sends after login, an exit status behind the last
/// output. With Linux's delayed ACKs each such pair cost 40 ms (a first command took
/// ~45 ms instead of ~5). Linux leaves quick-ACK mode on its own after a while, so
/// [`super::wire::Wire`] sets it again before every wait on the socket.
pub(super) fn quick_ack(fd: libc::c_int) -> io::Result<()> {
    setsockopt(fd, libc::IPPROTO_TCP, libc::TCP_QUICKACK, 1)
}

fn setsockopt(
    fd: libc::c_int,
    level: libc::c_int,
    name: libc::c_int,
    value: libc::c_int,
) -> io::Result<()> {
    // SAFETY: `value` outlives the call and its size is passed along with it.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            (&value as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// How often an idle session sends an SSH keepalive: at most 15 s, and no longer than
/// the connect timeout, since silence for three intervals means the node is lost.
pub(crate) fn keepalive_interval(target: &Target) -> Duration {
    target
        .connect_timeout
        .clamp(Duration::from_secs(2), Duration::from_secs(15))
}
