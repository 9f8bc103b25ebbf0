//! Parsing `getent ahosts NAME` and `getent hosts NAME`: the addresses the node's resolver
//! (nsswitch: /etc/hosts, then DNS) gives for a name, in the order it gives them.

use std::net::IpAddr;

/// Every distinct address, first-seen order. Both formats start each line with the
/// address (`ahosts` repeats it per socket type, `hosts` prints names after it); lines
/// that do not start with one are skipped.
pub fn parse(output: &str) -> Vec<IpAddr> {
    let mut addresses: Vec<IpAddr> = Vec::new();
    for line in output.lines() {
        let Some(first) = line.split_ascii_whitespace().next() else {
            continue;
        };
        if let Ok(address) = first.parse::<IpAddr>() {
            let address = address.to_canonical();
            if !addresses.contains(&address) {
                addresses.push(address);
            }
        }
    }
    addresses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ips(list: &[&str]) -> Vec<IpAddr> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn ahosts_repeats_each_address_per_socket_type() {
        assert_eq!(
            parse(include_str!("fixtures/ahosts-node-ip.txt")),
            ips(&["172.16.95.71"])
        );
    }

    #[test]
    fn ahosts_keeps_the_resolver_order() {
        assert_eq!(
            parse(include_str!("fixtures/ahosts-ipv6-and-ipv4.txt")),
            ips(&["fd00:95::71", "172.16.95.71"])
        );
    }

    #[test]
    fn hosts_format_and_crlf() {
        assert_eq!(
            parse(include_str!("fixtures/hosts-node-ip.txt")),
            ips(&["172.16.95.71"])
        );
        assert_eq!(parse("10.0.0.1\tx\r\n"), ips(&["10.0.0.1"]));
    }

    #[test]
    fn noise_and_empty_output_give_nothing() {
        assert!(parse("").is_empty());
        assert!(parse("getent: something odd\n").is_empty());
    }
}
