//! The TCP connection under an SSH session: bounded by the connect timeout, tuned for
//! many small request/response exchanges, and kept alive through idle firewalls.

use crate::i18n::Msg;
use crate::msg;
use std::io;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use socket2::{SockRef, TcpKeepalive};

use super::super::{Target, TransportError};

/// TCP keepalive: first probe after `IDLE` without traffic, then every `INTERVAL`, giving
/// up after `COUNT` unanswered probes. Two reasons: NAT and firewall state between the
/// laptop and the node stays alive through a long quiet step, and an idle connection whose
/// other end is gone (a dead VPN, a node switched off) is closed by the kernel within
/// IDLE + COUNT × INTERVAL (30 s) — its next read fails at once instead of waiting out a
/// timeout. Short enough for a technician, long enough that a congested link is not taken
/// for a dead one. tvdr's SSH keepalives ([`keepalive_interval`]) notice silence one layer
/// up; these also cover the time libssh2 holds the socket.
const IDLE: Duration = Duration::from_secs(15);
const INTERVAL: Duration = Duration::from_secs(5);
const COUNT: u32 = 3;

/// Connects to the first address of `target` that answers, trying them in order within
/// one connect timeout overall.
pub(super) fn connect(target: &Target) -> Result<TcpStream, TransportError> {
    let deadline = Instant::now() + target.connect_timeout;
    let unreachable = |reason: Msg| TransportError::Unreachable {
        node: target.name.clone(),
        address: target.address.clone(),
        port: target.port,
        reason,
    };
    let addresses: Vec<SocketAddr> = (target.address.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|e| {
            unreachable(msg!(
                "transport-reason-resolve-address",
                error = e.to_string()
            ))
        })?
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
                    TransportError::io(
                        &target.name,
                        crate::msg!("transport-context-cannot-set-socket-options"),
                        e,
                    )
                })?;
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(unreachable(match last {
        Some(e) if e.kind() == io::ErrorKind::TimedOut => msg!(
            "transport-reason-no-answer",
            within = crate::time::duration::format(target.connect_timeout).to_string()
        ),
        Some(e) => Msg::text(e.to_string()),
        None => msg!("transport-reason-resolves-to-nothing"),
    }))
}

/// `TCP_NODELAY`: each command is a few small packets answered by small packets; with
/// Nagle's algorithm every command waited ~40 ms for a delayed ACK (measured ~46 ms per
/// command without, ~5 ms with). See [`quick_ack`] for the other direction.
fn tune(stream: &TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    quick_ack(stream)?;
    let keepalive = TcpKeepalive::new()
        .with_time(IDLE)
        .with_interval(INTERVAL)
        .with_retries(COUNT);
    SockRef::from(stream).set_tcp_keepalive(&keepalive)
}

/// `TCP_QUICKACK`: acknowledge what the node sends at once instead of up to 40 ms later.
///
/// sshd leaves Nagle's algorithm on for commands without a terminal, so it holds back a
/// small packet while an earlier one is unacknowledged — the channel-open confirmation
/// behind the host-keys notice it sends after login, an exit status behind the last
/// output. With Linux's delayed ACKs each such pair cost 40 ms (a first command took
/// ~45 ms instead of ~5). Linux leaves quick-ACK mode on its own after a while, so
/// [`super::wire::Wire`] sets it again before every wait on the socket.
pub(super) fn quick_ack(stream: &TcpStream) -> io::Result<()> {
    SockRef::from(stream).set_tcp_quickack(true)
}

/// How often an idle session sends an SSH keepalive: at most 15 s, and no longer than
/// the connect timeout, since silence for three intervals means the node is lost.
pub(crate) fn keepalive_interval(target: &Target) -> Duration {
    target
        .connect_timeout
        .clamp(Duration::from_secs(2), Duration::from_secs(15))
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    use super::*;

    #[test]
    fn a_connected_socket_probes_an_idle_link_and_gives_up_on_a_dead_one() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let stream = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let plain = SockRef::from(&stream);
        assert!(!plain.keepalive().unwrap(), "off until tvdr turns it on");
        tune(&stream).unwrap();
        let socket = SockRef::from(&stream);
        assert!(socket.keepalive().unwrap());
        assert_eq!(socket.tcp_keepalive_time().unwrap(), IDLE);
        assert_eq!(socket.tcp_keepalive_interval().unwrap(), INTERVAL);
        assert_eq!(socket.tcp_keepalive_retries().unwrap(), COUNT);
        assert!(socket.tcp_nodelay().unwrap());
        // A dead link is noticed within half a minute.
        assert!(IDLE + INTERVAL * COUNT <= Duration::from_secs(30));
    }
}
