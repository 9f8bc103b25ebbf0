//! What one node's hosts file says about the TVox domain: findings with line numbers.

use std::net::IpAddr;

use super::parse::Hosts;
use crate::checks::Status;
use crate::i18n::Msg;
use crate::msg;

/// One thing found in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub status: Status,
    /// The domain, or `line N` for a line the resolver skips.
    pub item: Msg,
    pub message: Msg,
}

/// A node's file judged: the findings, and the facts reported per node.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub findings: Vec<Finding>,
    /// The line that maps the domain to the expected address, when one does.
    pub line: Option<usize>,
    /// Every address the domain is mapped to, in file order, without repeats.
    pub maps_to: Vec<IpAddr>,
}

impl Verdict {
    pub fn status(&self) -> Status {
        self.findings
            .iter()
            .map(|f| f.status)
            .max()
            .unwrap_or(Status::Ok)
    }
}

/// `expected domain` must be in the file, and the domain on no other address.
pub fn judge(hosts: &Hosts, domain: &str, expected: IpAddr) -> Verdict {
    let expected = expected.to_canonical();
    let naming: Vec<_> = hosts.naming(domain).collect();
    let mut maps_to: Vec<IpAddr> = Vec::new();
    for entry in &naming {
        let address = entry.address.to_canonical();
        if !maps_to.contains(&address) {
            maps_to.push(address);
        }
    }
    let right: Vec<_> = naming
        .iter()
        .filter(|e| e.address.to_canonical() == expected)
        .collect();
    let wanted = format!("`{expected} {domain}`");
    let (status, message) = match (right.first(), maps_to.len()) {
        (Some(first), 1) => {
            let mut parts = vec![msg!("hosts-line", line = first.line, wanted = &wanted)];
            if !first.is_canonical(domain) {
                parts.push(msg!("hosts-as-alias"));
            }
            if right.len() > 1 {
                let others: Vec<String> = right[1..].iter().map(|e| e.line.to_string()).collect();
                parts.push(msg!("hosts-repeated", lines = others.join(", ")));
            }
            (Status::Ok, Msg::join(&parts, ""))
        }
        (_, 0) => (Status::Crit, missing(hosts, domain, expected, &wanted)),
        (None, _) => {
            let wrong: Vec<Msg> = naming
                .iter()
                .map(|e| {
                    msg!(
                        "hosts-maps-to",
                        line = e.line,
                        domain = domain,
                        address = e.address.to_string()
                    )
                })
                .collect();
            (
                Status::Crit,
                msg!(
                    "hosts-wrong",
                    wrong = Msg::join(&wrong, "; "),
                    expected = expected.to_string()
                ),
            )
        }
        (Some(_), n) => {
            let all: Vec<Msg> = naming
                .iter()
                .map(|e| {
                    msg!(
                        "hosts-line-to",
                        line = e.line,
                        address = e.address.to_string()
                    )
                })
                .collect();
            (
                Status::Crit,
                msg!(
                    "hosts-many",
                    domain = domain,
                    count = n,
                    all = Msg::join(&all, ", "),
                    wanted = &wanted
                ),
            )
        }
    };
    let mut findings = vec![Finding {
        status,
        item: Msg::text(domain),
        message,
    }];
    for invalid in &hosts.invalid {
        findings.push(Finding {
            status: Status::Warn,
            item: msg!("item-line", line = invalid.line),
            message: msg!(
                "hosts-skipped-line",
                text = invalid.text.as_str(),
                why = &invalid.why
            ),
        });
    }
    Verdict {
        findings,
        line: right.first().map(|e| e.line),
        maps_to,
    }
}

/// No usable line names the domain: say what is there instead, if anything.
fn missing(hosts: &Hosts, domain: &str, expected: IpAddr, wanted: &str) -> Msg {
    let mut parts = vec![msg!("hosts-missing", domain = domain, wanted = wanted)];
    parts.extend(hosts.with_address(expected).map(|e| {
        msg!(
            "hosts-instead",
            line = e.line,
            address = expected.to_string(),
            names = e.names.join(" ")
        )
    }));
    parts.extend(
        hosts
            .invalid
            .iter()
            .filter(|i| i.names.iter().any(|n| n.eq_ignore_ascii_case(domain)))
            .map(|i| msg!("hosts-names-it-skipped", line = i.line, why = &i.why)),
    );
    Msg::join(&parts, "; ")
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    const DOMAIN: &str = "tam.teleniasoftware.com";

    fn judged(text: &str, expected: &str) -> Verdict {
        judge(&parse(text), DOMAIN, expected.parse().unwrap())
    }

    #[test]
    fn node_ip_line_is_ok() {
        let v = judged(include_str!("fixtures/centos7-ft.txt"), "172.16.95.71");
        assert_eq!(v.status(), Status::Ok);
        assert_eq!(v.line, Some(4));
        assert_eq!(
            v.findings[0].message,
            "line 4: `172.16.95.71 tam.teleniasoftware.com`"
        );
    }

    #[test]
    fn alias_counts_and_is_said() {
        let v = judged(include_str!("fixtures/crlf-tabs-alias.txt"), "172.16.95.71");
        assert_eq!(v.status(), Status::Ok);
        assert!(v.findings[0].message.ends_with("(as an alias)"));
    }

    #[test]
    fn physical_address_in_a_cluster_is_wrong() {
        let v = judged(
            include_str!("fixtures/physical-address.txt"),
            "172.16.95.71",
        );
        assert_eq!(v.status(), Status::Crit);
        assert_eq!(
            v.findings[0].message,
            "line 3 maps `tam.teleniasoftware.com` to 172.16.95.70, expected 172.16.95.71"
        );
        assert_eq!(v.line, None);
    }

    #[test]
    fn physical_address_is_right_for_a_stand_alone() {
        let v = judged(
            include_str!("fixtures/physical-address.txt"),
            "172.16.95.70",
        );
        assert_eq!(v.status(), Status::Ok);
    }

    #[test]
    fn missing_line_says_what_the_node_ip_maps_instead() {
        let v = judged(
            include_str!("fixtures/node-ip-under-another-name.txt"),
            "172.16.95.71",
        );
        assert_eq!(v.status(), Status::Crit);
        assert_eq!(
            v.findings[0].message,
            "no line maps `tam.teleniasoftware.com`: expected `172.16.95.71 \
             tam.teleniasoftware.com`; line 3 maps 172.16.95.71 to `tvox-cluster` instead"
        );
    }

    #[test]
    fn domain_on_two_addresses_is_critical() {
        let v = judged(
            include_str!("fixtures/domain-also-on-loopback.txt"),
            "172.16.95.71",
        );
        assert_eq!(v.status(), Status::Crit);
        assert!(v.findings[0]
            .message
            .contains("mapped to 2 addresses (line 1 → 127.0.0.1, line 3 → 172.16.95.71)"));
        assert_eq!(v.maps_to.len(), 2);
    }

    #[test]
    fn invalid_address_on_the_domain_line_is_named() {
        let v = judged(
            include_str!("fixtures/invalid-addresses.txt"),
            "172.16.95.71",
        );
        assert_eq!(v.status(), Status::Crit);
        assert!(v.findings[0]
            .message
            .contains("line 3 names it but is skipped (`172.16.95.711` is not an IP address)"));
        let warned: Vec<&str> = v.findings[1..].iter().map(|f| f.item.en()).collect();
        assert_eq!(warned, ["line 3", "line 4", "line 5", "line 6"]);
    }

    #[test]
    fn repeated_same_address_is_fine_but_said() {
        let v = judged(
            include_str!("fixtures/duplicate-same-address-no-final-newline.txt"),
            "172.16.95.71",
        );
        assert_eq!(v.status(), Status::Ok);
        assert!(v.findings[0].message.ends_with("repeated on line 4"));
    }

    #[test]
    fn ipv6_node_ip() {
        let v = judged(include_str!("fixtures/ipv6-node-ip.txt"), "fd00:95::71");
        assert_eq!(v.status(), Status::Ok);
        let v = judged(include_str!("fixtures/ipv6-node-ip.txt"), "172.16.95.71");
        assert_eq!(v.status(), Status::Crit);
    }

    #[test]
    fn debian_layout_and_fresh_centos() {
        let v = judged(include_str!("fixtures/debian12.txt"), "172.16.95.71");
        assert_eq!(v.status(), Status::Ok);
        assert_eq!(v.line, Some(3));
        let v = judged(include_str!("fixtures/centos7-fresh.txt"), "172.16.95.71");
        assert_eq!(v.status(), Status::Crit);
        assert!(v.findings[0].message.starts_with("no line maps"));
    }
}
