//! `tvdr check dns`: the customer's DNS servers answer the TVox domain with the expected
//! address — the node IP (a stand-alone's own address) normally, the DR client once it has
//! been activated. DNS answers only: the servers are asked directly (never a hosts file),
//! from the nodes, where the site's clients are.

mod gather;
mod local;
pub mod message;
pub mod relay;
#[cfg(test)]
mod tests;
mod verdict;

use crate::i18n::Msg;
use std::net::IpAddr;

pub use gather::gather;
pub use local::ask_here;
pub use message::Reply;
pub use verdict::evaluate;

/// Which address `dns` expects (`tvdr check dns --expect …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Expect {
    /// The cluster node IP (a stand-alone's own address): normal operation
    #[default]
    NodeIp,
    /// The DR client's address: after the DR client was activated
    Dr,
}

/// The address the domain must resolve to, what it is, and the other addresses of the
/// site by name, so a wrong answer says what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub address: IpAddr,
    /// `the node IP`, `the DR client`…
    pub what: Msg,
    pub known: Vec<(IpAddr, Msg)>,
}

impl Expected {
    /// `10.0.0.5 (the DR client)`, or the bare address when the site does not know it.
    pub fn name(&self, ip: &IpAddr) -> Msg {
        if *ip == self.address {
            return self.what.map(|what| format!("{ip} ({what})"));
        }
        match self.known.iter().find(|(known, _)| known == ip) {
            Some((_, what)) => what.map(|what| format!("{ip} ({what})")),
            None => Msg::text(ip.to_string()),
        }
    }
}

/// The DNS servers as seen from one place: a node, or this machine (`--resolve-here`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asking {
    pub from: String,
    /// `inventory` or `resolv.conf`: where the list of servers came from.
    pub servers_from: String,
    /// Each server's reply, or why none could be had; `Err`: nobody could be asked.
    pub answers: Result<Vec<ServerReply>, Msg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerReply {
    pub server: String,
    /// The reply, or why there is none (timeout, nothing listening, not an answer).
    pub reply: Result<Reply, Msg>,
}
