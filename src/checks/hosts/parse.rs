//! Parsing a hosts file the way hosts(5) and glibc's `files` backend read it.
//!
//! A line is an address, a canonical name and aliases, separated by any run of blanks;
//! `#` starts a comment anywhere on a line. glibc splits fields with `isspace`, so a CR
//! left by a Windows editor is a blank, not part of the last name. The address is read
//! with `inet_pton` (strict dotted quad, no octal, no IPv6 zone): a line whose address
//! does not parse is skipped by the resolver, which is why it is reported, not dropped.

use std::net::IpAddr;

use crate::i18n::Msg;
use crate::msg;

/// A usable line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line number in the file.
    pub line: usize,
    pub address: IpAddr,
    /// The canonical name first, then the aliases.
    pub names: Vec<String>,
}

impl Entry {
    /// Does this line map `name` (hosts names compare case-insensitively)?
    pub fn names(&self, name: &str) -> bool {
        self.names.iter().any(|n| n.eq_ignore_ascii_case(name))
    }

    /// Whether `name` is the canonical name (first) rather than an alias.
    pub fn is_canonical(&self, name: &str) -> bool {
        self.names
            .first()
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }
}

/// A line the resolver ignores, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub line: usize,
    /// The line without its comment and surrounding blanks.
    pub text: String,
    pub why: Msg,
    /// The names written on it: a name here is a mapping the technician believes exists.
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hosts {
    pub entries: Vec<Entry>,
    pub invalid: Vec<Invalid>,
}

impl Hosts {
    /// The lines that map `name`, in file order.
    pub fn naming<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.names(name))
    }

    /// The lines that map `address` (an IPv4-mapped IPv6 address counts as the IPv4 one).
    pub fn with_address(&self, address: IpAddr) -> impl Iterator<Item = &Entry> + '_ {
        self.entries
            .iter()
            .filter(move |e| e.address.to_canonical() == address.to_canonical())
    }
}

/// Blanks as C `isspace` in the C locale sees them, minus the newline that ends lines.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\x0b' | '\x0c')
}

pub fn parse(text: &str) -> Hosts {
    let mut hosts = Hosts::default();
    for (i, raw) in text.split('\n').enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("");
        let mut fields = content.split(is_blank).filter(|f| !f.is_empty());
        let Some(address) = fields.next() else {
            continue;
        };
        let names: Vec<String> = fields.map(str::to_string).collect();
        let text = content.trim_matches(is_blank).to_string();
        match address.parse::<IpAddr>() {
            Ok(address) if !names.is_empty() => hosts.entries.push(Entry {
                line,
                address,
                names,
            }),
            Ok(_) => hosts.invalid.push(Invalid {
                line,
                text,
                why: msg!("hosts-no-name"),
                names,
            }),
            Err(_) => hosts.invalid.push(Invalid {
                line,
                text,
                why: msg!("hosts-not-an-address", address = shortened(address)),
                names,
            }),
        }
    }
    hosts
}

/// An address as a message quotes it: a real one whole, garbage cut (the line itself is
/// quoted beside it, and each message exists in every language).
fn shortened(address: &str) -> String {
    const MAX: usize = 80;
    match address.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &address[..cut]),
        None => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn centos7_ft_file() {
        let hosts = parse(include_str!("fixtures/centos7-ft.txt"));
        assert!(hosts.invalid.is_empty());
        assert_eq!(hosts.entries.len(), 3);
        let node = &hosts.entries[2];
        assert_eq!(node.line, 4, "comment lines still count");
        assert_eq!(node.address, ip("172.16.95.71"));
        assert_eq!(node.names, ["tam.teleniasoftware.com", "tam"]);
        assert_eq!(hosts.entries[1].address, ip("::1"));
    }

    #[test]
    fn crlf_tabs_comments_and_alias_case() {
        let hosts = parse(include_str!("fixtures/crlf-tabs-alias.txt"));
        assert!(hosts.invalid.is_empty(), "{:?}", hosts.invalid);
        assert_eq!(hosts.entries.len(), 2);
        let node = &hosts.entries[1];
        assert_eq!(node.line, 5);
        assert_eq!(node.names, ["tam", "TAM.TeleniaSoftware.com"], "no CR kept");
        assert!(node.names("tam.teleniasoftware.com"));
        assert!(!node.is_canonical("tam.teleniasoftware.com"));
    }

    #[test]
    fn invalid_addresses_are_kept_with_why() {
        let hosts = parse(include_str!("fixtures/invalid-addresses.txt"));
        let invalid: Vec<(usize, &str)> =
            hosts.invalid.iter().map(|i| (i.line, i.why.en())).collect();
        assert_eq!(
            invalid,
            [
                (3, "`172.16.95.711` is not an IP address"),
                (4, "`fe80::1%eth0` is not an IP address"),
                (5, "`172.16.095.71` is not an IP address"),
                (6, "no host name after the address"),
            ]
        );
        assert_eq!(hosts.invalid[0].names, ["tam.teleniasoftware.com", "tam"]);
        assert_eq!(hosts.entries.len(), 2);
    }

    #[test]
    fn last_line_without_newline_and_repeated_names() {
        let hosts = parse(include_str!(
            "fixtures/duplicate-same-address-no-final-newline.txt"
        ));
        let lines: Vec<usize> = hosts
            .naming("tam.teleniasoftware.com")
            .map(|e| e.line)
            .collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn ipv4_mapped_addresses_match_their_ipv4_form() {
        let hosts = parse("::ffff:172.16.95.71 tam\n");
        assert_eq!(hosts.with_address(ip("172.16.95.71")).count(), 1);
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(parse(""), Hosts::default());
        assert_eq!(parse("# nothing\n\n \t\r\n"), Hosts::default());
    }
}
