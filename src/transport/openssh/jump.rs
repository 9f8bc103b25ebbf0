//! `proxy_jump`: the bastions a node is reached through, `[user@]host[:port]` hops
//! separated by commas, as `ssh -J` takes them.

use std::net::{IpAddr, Ipv6Addr};

use super::super::{Target, TransportKind};

/// One bastion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hop<'a> {
    pub(super) user: Option<&'a str>,
    /// As ssh names it in messages: an IPv6 address without its brackets.
    pub(super) host: &'a str,
    pub(super) port: Option<u16>,
}

/// Checks a `proxy_jump` value. ssh pastes it into the shell command it starts for the
/// jump, so nothing but names, addresses and ports gets through.
pub fn check_proxy_jump(value: &str) -> Result<(), String> {
    parse(value).map(drop)
}

/// The hops of `target`'s `proxy_jump`, in order (none without one, or an invalid one,
/// which the inventory refuses and the command line builder reports).
pub(super) fn hops(target: &Target) -> Vec<Hop<'_>> {
    match &target.kind {
        TransportKind::OpenSsh {
            proxy_jump: Some(jump),
            ..
        } => parse(jump).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The bastions' host names, as ssh names them in messages.
pub(super) fn jump_hosts(target: &Target) -> Vec<&str> {
    hops(target).into_iter().map(|hop| hop.host).collect()
}

pub(super) fn parse(value: &str) -> Result<Vec<Hop<'_>>, String> {
    let bad = || {
        format!(
            "`{value}` is not a jump host (`user@host` or `user@host:port`, hops separated \
             by commas, no spaces or shell characters)"
        )
    };
    value
        .split(',')
        .map(|hop| parse_hop(hop).ok_or_else(bad))
        .collect()
}

fn parse_hop(hop: &str) -> Option<Hop<'_>> {
    let (user, rest) = match hop.rsplit_once('@') {
        Some((user, rest)) => (Some(user), rest),
        None => (None, hop),
    };
    let user_ok = |u: &str| {
        !u.is_empty()
            && !u.starts_with('-')
            && u.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    };
    if user.is_some_and(|u| !user_ok(u)) {
        return None;
    }
    let (host, port) = match rest.strip_prefix('[') {
        Some(v6) => {
            let (ip, after) = v6.split_once(']')?;
            ip.parse::<Ipv6Addr>().ok()?;
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':')?),
            };
            (ip, port)
        }
        None => match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        },
    };
    if !is_host(host) {
        return None;
    }
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok().filter(|&p| p > 0)?),
        None => None,
    };
    Some(Hop { user, host, port })
}

fn is_host(s: &str) -> bool {
    s.parse::<IpAddr>().is_ok()
        || (!s.is_empty()
            && s.len() <= 253
            && s.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_users_and_ports_only() {
        for good in [
            "bastion",
            "admin@bastion.example.com",
            "admin@10.0.0.1:2222",
            "a@[fe80::1]:22",
            "[::1]",
            "a@b1,c@b2:2200",
        ] {
            assert_eq!(check_proxy_jump(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "admin@",
            "@bastion",
            "admin@bastion:0",
            "admin@bastion:99999",
            "admin@bastion:",
            "admin@bastion extra",
            "admin@bastion;reboot",
            "admin@$(reboot)",
            "-oProxyCommand=reboot",
            "admin@-bastion",
            "a@b,,c",
            "a@[::1]x",
            "a@fe80::1",
            "a@`id`",
            "a'b@host",
            "a@host|x",
        ] {
            let err = check_proxy_jump(bad).unwrap_err();
            assert!(err.contains("not a jump host"), "{bad}: {err}");
        }
    }

    #[test]
    fn hops_are_split_as_ssh_names_them() {
        let hops = parse("a@b1.example.com:22,[fe80::1]:2200,10.0.0.9").unwrap();
        assert_eq!(
            hops,
            [
                Hop {
                    user: Some("a"),
                    host: "b1.example.com",
                    port: Some(22)
                },
                Hop {
                    user: None,
                    host: "fe80::1",
                    port: Some(2200)
                },
                Hop {
                    user: None,
                    host: "10.0.0.9",
                    port: None
                },
            ]
        );
    }
}
