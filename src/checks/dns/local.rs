//! Asking the same DNS servers from the machine tvdr runs on (`--resolve-here`).
//!
//! Off by default: this machine may not be a client of the site, nor reach its DNS. The
//! same query as from the nodes, over a socket: no system resolver, no hosts file.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, UdpSocket};

use super::relay::TIMEOUT;
use super::{Asking, Reply, ServerReply};
use crate::i18n::Msg;
use crate::msg;

/// Asks each of `servers` `query` and reads the answers with `read`.
pub fn ask_here(
    servers: &[String],
    query: &[u8],
    read: impl Fn(&[u8]) -> Result<Reply, Msg> + Sync,
) -> Asking {
    if servers.is_empty() {
        return Asking {
            from: "this machine".into(),
            servers_from: String::new(),
            answers: Err(msg!("dns-no-server")),
        };
    }
    let read = &read;
    let answers = std::thread::scope(|scope| {
        let running: Vec<_> = servers
            .iter()
            .map(|server| {
                scope.spawn(move || ServerReply {
                    server: server.clone(),
                    reply: ask(server, query).and_then(|raw| read(&raw)),
                })
            })
            .collect();
        running
            .into_iter()
            .zip(servers)
            .map(|(t, server)| {
                t.join().unwrap_or_else(|_| ServerReply {
                    server: server.clone(),
                    reply: Err(msg!("dns-query-panicked")),
                })
            })
            .collect()
    });
    Asking {
        from: "this machine".into(),
        servers_from: "inventory or nodes".into(),
        answers: Ok(answers),
    }
}

/// One server, two tries over UDP as a stub resolver does, TCP when the answer was cut.
fn ask(server: &str, query: &[u8]) -> Result<Vec<u8>, Msg> {
    let ip: IpAddr = server
        .parse()
        .map_err(|_| msg!("dns-server-not-ip", server = server))?;
    let to = SocketAddr::new(ip, 53);
    let bind: SocketAddr = if ip.is_ipv6() {
        "[::]:0".parse().expect("a literal address")
    } else {
        "0.0.0.0:0".parse().expect("a literal address")
    };
    let failed = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::ConnectionRefused => msg!("dns-fail-refused"),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            msg!("dns-fail-no-answer")
        }
        _ => msg!("dns-fail-cannot-ask").map(|what| format!("{what}: {e}")),
    };
    let socket = UdpSocket::bind(bind).map_err(failed)?;
    socket.connect(to).map_err(failed)?;
    socket.set_read_timeout(Some(TIMEOUT)).map_err(failed)?;
    let mut buf = vec![0u8; 65535];
    let mut last = Msg::default();
    for _ in 0..2 {
        socket.send(query).map_err(failed)?;
        loop {
            match socket.recv(&mut buf) {
                // Another id: a late answer to an earlier query.
                Ok(n) if buf[..n.min(2)] != query[..2] => continue,
                Ok(n) if n > 2 && buf[2] & 0x02 != 0 => return over_tcp(to, query).map_err(failed),
                Ok(n) => return Ok(buf[..n].to_vec()),
                Err(e) => {
                    last = failed(e);
                    break;
                }
            }
        }
    }
    Err(last)
}

fn over_tcp(to: SocketAddr, query: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect_timeout(&to, TIMEOUT)?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    let len = u16::try_from(query.len()).unwrap_or(u16::MAX);
    stream.write_all(&[&len.to_be_bytes()[..], query].concat())?;
    let mut size = [0u8; 2];
    stream.read_exact(&mut size)?;
    let mut reply = vec![0u8; usize::from(u16::from_be_bytes(size))];
    stream.read_exact(&mut reply)?;
    Ok(reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name where an address is due is refused before any packet is sent (it would
    /// need a resolver), and no servers at all is "cannot ask", not an empty success.
    #[test]
    fn a_name_is_not_an_address() {
        let asking = ask_here(&["dns.example".into()], &[0, 1], |_| {
            Err("not reached".into())
        });
        let answers = asking.answers.unwrap();
        assert_eq!(answers[0].server, "dns.example");
        let why = answers[0].reply.as_ref().unwrap_err();
        assert_eq!(why.en(), "`dns.example` is not an IP address");
        assert_eq!(
            why.in_lang(crate::i18n::Lang::It),
            "`dns.example` non è un indirizzo IP"
        );
        assert!(ask_here(&[], &[0, 1], |_| Err(Msg::default()))
            .answers
            .is_err());
    }
}
