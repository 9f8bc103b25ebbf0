//! DNS messages (RFC 1035): the query tvdr sends for the domain, and what a server's
//! answer says about it, CNAME chain followed. Pure: the bytes travel through the relay.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::i18n::Msg;
use crate::msg;

pub const TYPE_A: u16 = 1;
pub const TYPE_AAAA: u16 = 28;
const TYPE_CNAME: u16 = 5;
const CLASS_IN: u16 = 1;
/// Longer chains are misconfiguration (or a loop); resolvers give up around here too.
const MAX_CHAIN: usize = 8;

/// What one DNS server said about the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The addresses the name leads to, through `chain` (the CNAME targets, in order).
    /// `ttl`: the shortest TTL on the way, how long clients may keep this answer.
    Addresses {
        chain: Vec<String>,
        addresses: Vec<IpAddr>,
        ttl: u32,
    },
    /// The name exists but has no address of the type asked (NOERROR, no data).
    NoAddress { chain: Vec<String> },
    /// NXDOMAIN: the server says the name (or the end of its chain) does not exist.
    NoSuchName { chain: Vec<String> },
    /// SERVFAIL, REFUSED…: the server did not say (its rcode's name, or why its answer
    /// cannot be followed).
    Failed(Msg),
}

/// The query for `name`'s records of `qtype`, recursion desired (what a stub resolver sends).
pub fn query(id: u16, name: &str, qtype: u16) -> Result<Vec<u8>, Msg> {
    let mut q = Vec::with_capacity(12 + name.len() + 6);
    q.extend_from_slice(&id.to_be_bytes());
    q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    for label in name.trim_end_matches('.').split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err(msg!("dns-bad-name", name = name));
        }
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.push(0);
    q.extend_from_slice(&qtype.to_be_bytes());
    q.extend_from_slice(&CLASS_IN.to_be_bytes());
    Ok(q)
}

/// Reads a server's answer to the query (`id`, `name`, `qtype`). `Err`: not an answer to
/// it (other id or question, not a response, cut short).
pub fn parse(reply: &[u8], id: u16, name: &str, qtype: u16) -> Result<Reply, Msg> {
    let mut r = Reader { msg: reply, at: 0 };
    let header = r.take(12).ok_or_else(|| msg!("dns-short-header"))?;
    if u16::from_be_bytes([header[0], header[1]]) != id {
        return Err(msg!("dns-other-id"));
    }
    if header[2] & 0x80 == 0 {
        return Err(msg!("dns-not-answer"));
    }
    let rcode = header[3] & 0x0f;
    let count = |i: usize| u16::from_be_bytes([header[i], header[i + 1]]);
    let (questions, answers) = (count(4), count(6));
    let want = normal(name);
    for _ in 0..questions {
        let asked = r.name()?;
        let (t, _class) = (r.u16()?, r.u16()?);
        if asked != want || t != qtype {
            return Err(msg!("dns-other-name", asked = asked, want = want.as_str()));
        }
    }
    let mut records = Vec::new();
    for _ in 0..answers {
        let owner = r.name()?;
        let (t, class, ttl, len) = (r.u16()?, r.u16()?, r.u32()?, r.u16()? as usize);
        let start = r.at;
        let data = r.take(len).ok_or_else(|| msg!("dns-record-cut"))?;
        if class != CLASS_IN {
            continue;
        }
        let value = match (t, len) {
            (TYPE_A, 4) => Value::Ip(Ipv4Addr::new(data[0], data[1], data[2], data[3]).into()),
            (TYPE_AAAA, 16) => {
                let octets: [u8; 16] = data.try_into().map_err(|_| msg!("dns-bad-aaaa"))?;
                Value::Ip(Ipv6Addr::from(octets).into())
            }
            (TYPE_CNAME, _) => Value::Alias(
                Reader {
                    msg: reply,
                    at: start,
                }
                .name()?,
            ),
            _ => continue,
        };
        records.push((owner, t, ttl, value));
    }
    // Neither authoritative (AA) nor recursing (RA), and nothing for the name: a referral
    // ("ask those servers"), as a server with recursion disabled gives for a zone it does
    // not hold (Windows DNS points at the root servers). It does not say the name has no
    // address.
    let (authoritative, recursing) = (header[2] & 0x04 != 0, header[3] & 0x80 != 0);
    match follow(rcode, &want, qtype, &records) {
        Reply::NoAddress { chain } if chain.is_empty() && !authoritative && !recursing => {
            Ok(Reply::Failed(msg!("dns-referral")))
        }
        reply => Ok(reply),
    }
}

enum Value {
    Ip(IpAddr),
    Alias(String),
}

/// From the name asked through its CNAMEs to its addresses, as a stub resolver reads the
/// answer section.
fn follow(rcode: u8, want: &str, qtype: u16, records: &[(String, u16, u32, Value)]) -> Reply {
    let mut chain: Vec<String> = Vec::new();
    let mut current = want.to_string();
    let mut ttl = u32::MAX;
    while let Some((_, _, t, Value::Alias(target))) = records
        .iter()
        .find(|(owner, t, _, _)| *owner == current && *t == TYPE_CNAME)
    {
        if chain.len() == MAX_CHAIN || chain.contains(target) || target == want {
            return Reply::Failed(msg!("dns-cname-loop", chain = chain.join(" → ")));
        }
        ttl = ttl.min(*t);
        chain.push(target.clone());
        current = target.clone();
    }
    match rcode {
        0 => {}
        3 => return Reply::NoSuchName { chain },
        code => return Reply::Failed(Msg::text(rcode_name(code))),
    }
    let mut addresses = Vec::new();
    for (owner, t, record_ttl, value) in records {
        if let (true, Value::Ip(ip)) = (*owner == current && *t == qtype, value) {
            ttl = ttl.min(*record_ttl);
            if !addresses.contains(ip) {
                addresses.push(*ip);
            }
        }
    }
    if addresses.is_empty() {
        Reply::NoAddress { chain }
    } else {
        Reply::Addresses {
            chain,
            addresses,
            ttl,
        }
    }
}

fn rcode_name(code: u8) -> String {
    match code {
        1 => "FORMERR".into(),
        2 => "SERVFAIL".into(),
        4 => "NOTIMP".into(),
        5 => "REFUSED".into(),
        other => format!("rcode {other}"),
    }
}

/// Names compare case-insensitively, without the root's trailing dot.
fn normal(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

struct Reader<'a> {
    msg: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let bytes = self.msg.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    fn u16(&mut self) -> Result<u16, Msg> {
        let b = self.take(2).ok_or_else(|| msg!("dns-cut-short"))?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, Msg> {
        let b = self.take(4).ok_or_else(|| msg!("dns-cut-short"))?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A name at the cursor, compression pointers followed (a bounded number of them, so a
    /// pointer loop ends in an error).
    fn name(&mut self) -> Result<String, Msg> {
        let bad = || msg!("dns-bad-name-in-answer");
        let mut labels: Vec<String> = Vec::new();
        let mut at = self.at;
        let mut jumped = false;
        for _ in 0..128 {
            let len = *self.msg.get(at).ok_or_else(bad)? as usize;
            match len {
                0 => {
                    if !jumped {
                        self.at = at + 1;
                    }
                    return Ok(labels.join(".").to_ascii_lowercase());
                }
                l if l & 0xc0 == 0xc0 => {
                    let low = *self.msg.get(at + 1).ok_or_else(bad)? as usize;
                    if !jumped {
                        self.at = at + 2;
                        jumped = true;
                    }
                    at = ((l & 0x3f) << 8) | low;
                }
                l if l <= 63 => {
                    let label = self.msg.get(at + 1..at + 1 + l).ok_or_else(bad)?;
                    labels.push(String::from_utf8_lossy(label).into_owned());
                    at += 1 + l;
                }
                _ => return Err(bad()),
            }
        }
        Err(bad())
    }
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
