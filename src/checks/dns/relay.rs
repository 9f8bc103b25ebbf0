//! Asking DNS servers from a node: a small python program (`relay.py`) sends the query
//! tvdr built to each server and prints the raw answers, which tvdr reads with
//! [`super::message`].
//!
//! Why python on the node: the question must come from where the site's clients are (the
//! technician's laptop may not reach the customer's DNS at all), a CentOS 7 node may lack
//! dig/host/nslookup (bind-utils) but always has python (yum needs it; dnf's
//! platform-python on 8+), and `dig +short` would hide NXDOMAIN, SERVFAIL and the CNAME
//! chain. Sockets only: no getaddrinfo on the name, so no hosts file is ever read.

use std::time::Duration;

use crate::i18n::Msg;
use crate::msg;
use crate::transport::Cmd;

const RELAY: &str = include_str!("relay.py");

/// Finds an interpreter (`$1` is the program, the rest its arguments); says which. Each
/// is tried first: a `python3` that is there but broken (a half-removed package, a stub
/// printing "not installed") must not stop the query while a `python` works.
const WRAPPER: &str = r#"py=$1; shift
for p in python3 python2 /usr/libexec/platform-python python; do
  if "$p" -c 'import binascii, socket, struct, threading' >/dev/null 2>&1; then
    echo "via $p"; exec "$p" -c "$py" "$@"
  fi
done
echo 'via none'"#;

/// How long the relay waits for each server, per try (two tries over UDP).
pub const TIMEOUT: Duration = Duration::from_secs(2);

/// The command asking `servers` (none: the node's /etc/resolv.conf nameservers) `query`.
pub fn command(query: &[u8], servers: &[String]) -> Cmd {
    Cmd::new("sh")
        .args(["-c", WRAPPER, "tvdr-dns", RELAY])
        .arg(TIMEOUT.as_secs().to_string())
        .arg(hex(query))
        .args(servers)
}

/// What the relay printed on one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relayed {
    /// The interpreter used (`python3`, `python2`…).
    pub via: String,
    /// Where the servers came from: `given` (the inventory) or `resolv.conf`.
    pub servers_from: String,
    pub servers: Vec<Asked>,
}

/// One server: its raw answer, or why it gave none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub server: String,
    pub result: Result<Raw, Msg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// `udp`, or `tcp` after a truncated UDP answer.
    pub over: String,
    pub bytes: Vec<u8>,
}

/// Reads the relay's output; `Err`: it could ask nobody, and why.
pub fn parse(text: &str) -> Result<Relayed, Msg> {
    let mut via = None;
    let mut listed: Option<(String, Vec<String>)> = None;
    let mut asked = Vec::new();
    for line in text.lines().map(|l| l.trim_end_matches('\r')) {
        let mut words = line.splitn(2, ' ');
        let (word, rest) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        match word {
            "via" => via = Some(rest.trim().to_string()),
            "resolv-error" => return Err(msg!("dns-resolv-unreadable", why = rest.trim())),
            "servers" => {
                let mut words = rest.split_whitespace().map(str::to_string);
                let from = words.next().unwrap_or_default();
                listed = Some((from, words.collect()));
            }
            "answer" => {
                let mut f = rest.split_whitespace();
                let (Some(server), Some(over), Some(data)) = (f.next(), f.next(), f.next()) else {
                    continue;
                };
                let result = unhex(data)
                    .map(|bytes| Raw {
                        over: over.to_string(),
                        bytes,
                    })
                    .ok_or_else(|| msg!("dns-relay-unreadable"));
                asked.push(Asked {
                    server: server.to_string(),
                    result,
                });
            }
            "fail" => {
                let mut f = rest.splitn(3, ' ');
                let (Some(server), Some(kind)) = (f.next(), f.next()) else {
                    continue;
                };
                asked.push(Asked {
                    server: server.to_string(),
                    result: Err(failure(kind, f.next().unwrap_or("").trim())),
                });
            }
            _ => {}
        }
    }
    match via.as_deref() {
        None => return Err(msg!("dns-relay-silent")),
        Some("none") => return Err(msg!("dns-relay-no-python")),
        Some(_) => {}
    }
    let (servers_from, servers) = listed.ok_or_else(|| msg!("dns-relay-stopped"))?;
    if servers.is_empty() {
        return Err(msg!("dns-no-nameserver"));
    }
    // A server the relay named but printed nothing about (killed by a timeout) was not asked.
    let servers = servers
        .into_iter()
        .map(|server| {
            asked
                .iter()
                .find(|a| a.server == server)
                .cloned()
                .unwrap_or_else(|| Asked {
                    result: Err(msg!("dns-no-result")),
                    server,
                })
        })
        .collect();
    Ok(Relayed {
        via: via.unwrap_or_default(),
        servers_from,
        servers,
    })
}

/// The relay's own words for a timeout; errno texts only where they add to the kind.
fn failure(kind: &str, message: &str) -> Msg {
    let what = match kind {
        "timeout" if !message.is_empty() => return Msg::text(message),
        "timeout" => msg!("dns-fail-no-answer"),
        "refused" => return msg!("dns-fail-refused"),
        "unreachable" => msg!("dns-fail-unreachable"),
        "bad-address" => msg!("dns-fail-bad-address"),
        _ => msg!("dns-fail-cannot-ask"),
    };
    if message.is_empty() {
        what
    } else {
        what.map(|what| format!("{what}: {message}"))
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
#[path = "relay_tests.rs"]
mod tests;
