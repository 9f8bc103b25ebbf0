//! Parsing `ip -o addr show`: which addresses a node holds, on which interface.

use std::net::IpAddr;

/// One address line of `ip -o addr show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The interface (`eth0`), without the `ip` index.
    pub interface: String,
    /// The label when it differs from the interface (`ens192:0`, old ifconfig aliases).
    pub label: Option<String>,
    pub address: IpAddr,
    pub prefix: u8,
    pub secondary: bool,
    /// IPv6 duplicate address detection failed (`dadfailed`): another host on the link
    /// answers for this address, and the kernel does not use it here.
    pub duplicate: bool,
}

/// Every address in the output; lines that are not address lines are skipped, so old
/// iproute without the `valid_lft` continuation, or with extra flags, parse the same.
pub fn parse(output: &str) -> Vec<Held> {
    output.lines().filter_map(parse_line).collect()
}

fn parse_line(line: &str) -> Option<Held> {
    // `2: eth0    inet 172.16.95.71/24 brd … scope global secondary eth0:1\       valid_lft …`
    let line = line.split('\\').next()?.trim_end_matches('\r');
    let mut words = line.split_whitespace();
    let index = words.next()?;
    index.strip_suffix(':')?.parse::<u32>().ok()?;
    // The name as the kernel has it: iproute prints no `@peer` on address lines (only
    // `ip link` does), and `@` and `.` are legal in a name (`br-x@y`, `eth0.100`).
    let interface = words.next()?.trim_end_matches(':').to_string();
    let family = words.next()?;
    if family != "inet" && family != "inet6" {
        return None;
    }
    let mut rest: Vec<&str> = words.collect();
    // A point-to-point address reads `inet LOCAL peer REMOTE/32`: the prefix is the
    // peer's, and the address this node holds is the local one.
    let (address, prefix) = match rest.as_slice() {
        [local, "peer", remote, ..] if !local.contains('/') => {
            let prefix = remote.split_once('/')?.1;
            let local = *local;
            rest.drain(..3);
            (local, prefix)
        }
        [first, ..] => {
            let pair = first.split_once('/')?;
            rest.remove(0);
            pair
        }
        [] => return None,
    };
    let address: IpAddr = address.parse().ok()?;
    let prefix: u8 = prefix.parse().ok()?;
    let secondary = rest.contains(&"secondary");
    let duplicate = rest.contains(&"dadfailed");
    // The label is the last word when it names the interface (iproute prints it for IPv4).
    let label = rest
        .last()
        .filter(|last| **last != interface && last.starts_with(&format!("{interface}:")))
        .map(|l| l.to_string());
    Some(Held {
        interface,
        label,
        address,
        prefix,
        secondary,
        duplicate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_node_ip_is_a_secondary_address_on_the_master() {
        let held = parse(include_str!("fixtures/addr-holder.txt"));
        assert_eq!(held.len(), 4);
        let vip = held
            .iter()
            .find(|h| h.address.to_string() == "172.16.95.71")
            .unwrap();
        assert!(vip.secondary);
        assert_eq!(vip.interface, "eth0");
        assert_eq!(vip.prefix, 24);
    }

    #[test]
    fn old_iproute_labels_and_crlf() {
        let text = "2: ens192    inet 10.0.0.5/24 brd 10.0.0.255 scope global ens192\r\n\
                    2: ens192    inet 10.0.0.6/24 brd 10.0.0.255 scope global secondary ens192:0\r\n\
                    3: veth0    inet 10.1.0.1/16 scope global veth0\n\
                    garbage line\n";
        let held = parse(text);
        assert_eq!(held.len(), 3);
        assert_eq!(held[1].label.as_deref(), Some("ens192:0"));
        assert!(held[1].secondary);
        assert_eq!(held[2].interface, "veth0");
        assert_eq!(held[0].label, None);
    }

    #[test]
    fn a_point_to_point_address_is_held_with_its_peer_prefix() {
        // iproute2 6.1 in a network namespace: `ip addr add 10.8.0.1 peer 10.8.0.2/32`,
        // a labelled secondary, a `nodad` IPv6 address, `tentative` link-locals.
        let held = parse(include_str!("fixtures/peer-and-label-iproute6.txt"));
        assert_eq!(held.len(), 8);
        let p2p = held
            .iter()
            .find(|h| h.address.to_string() == "10.8.0.1")
            .unwrap();
        assert_eq!((p2p.interface.as_str(), p2p.prefix), ("v0", 32));
        assert!(!p2p.secondary);
        assert!(!held.iter().any(|h| h.address.to_string() == "10.8.0.2"));
        let vip = held
            .iter()
            .find(|h| h.address.to_string() == "172.16.95.71")
            .unwrap();
        assert_eq!(vip.label.as_deref(), Some("v0:vip"));
        assert!(vip.secondary);
        let v6 = held
            .iter()
            .find(|h| h.address.to_string() == "2001:db8::71")
            .unwrap();
        assert_eq!((v6.prefix, v6.label.as_deref()), (64, None));
    }

    #[test]
    fn names_holding_a_dot_or_an_at_sign_are_kept_whole() {
        // iproute2 6.1: a veth pair named `eth0.100` and `br-x@y`, a label `br-x@y:vip`.
        let held = parse(include_str!("fixtures/names-with-dot-and-at-iproute6.txt"));
        let on = |ip: &str| held.iter().find(|h| h.address.to_string() == ip).unwrap();
        assert_eq!(on("10.1.0.1").interface, "eth0.100");
        assert_eq!(on("10.1.0.2").interface, "br-x@y");
        assert_eq!(on("10.1.0.2").label, None);
        assert_eq!(on("10.1.0.3").label.as_deref(), Some("br-x@y:vip"));
    }

    #[test]
    fn an_ipv6_address_whose_duplicate_detection_failed_is_marked() {
        // Two network namespaces on one link, the same address added on the second.
        let held = parse(include_str!("fixtures/ipv6-dadfailed-iproute6.txt"));
        let on = |ip: &str| held.iter().find(|h| h.address.to_string() == ip).unwrap();
        assert!(on("2001:db8:95::71").duplicate);
        assert!(!on("2001:db8:95::70").duplicate);
        let held = parse(include_str!("fixtures/ipv6-holder-iproute6.txt"));
        assert!(held.iter().all(|h| !h.duplicate));
    }

    #[test]
    fn empty_and_truncated_output_hold_nothing() {
        assert!(parse("").is_empty());
        assert!(parse("2: eth0    inet 10.0.0.5").is_empty());
        assert!(parse("2: eth0    inet 10.0.0.x/24 scope global eth0").is_empty());
        assert!(parse("3: tun0    inet 10.8.0.1 peer").is_empty());
        assert!(parse("3: tun0    inet 10.8.0.1 peer 10.8.0.2").is_empty());
        assert!(parse("3: tun0    inet").is_empty());
    }
}
