//! ssh's own error messages (exit status 255 before the command started) read into a
//! [`TransportError`]: refused host keys, unreachable nodes and bastions, refused logins.
//!
//! The messages are OpenSSH's (`LogLevel ERROR`), stable for many releases; the fixtures
//! next to this file are real ones, from the lab. Anything not recognised is passed on
//! as ssh said it.

use crate::i18n::Msg;
use crate::msg;
use std::sync::LazyLock;

use regex::Regex;

use super::super::{Target, TransportError};
use super::jump::jump_hosts;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid pattern")
}

static CHANGED: LazyLock<Regex> = LazyLock::new(|| re(r"Host key for (\S+) has changed"));
static REVOKED: LazyLock<Regex> =
    LazyLock::new(|| re(r"The (\S+) host key for (\S+) is marked as revoked"));
static SENT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"The fingerprint for the (\S+) key sent by the remote host is\s+(\S+?)\.?\s*(?:\n|$)")
});
static OFFENDING: LazyLock<Regex> = LazyLock::new(|| re(r"(?m)^Offending \S+ key in (.+):\d+\s*$"));
static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"No (\S+) host key is known for (\S+) and you have requested strict checking")
});
static DENIED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)^(?:\S+@)?(\S+): Permission denied \(([^)]*)\)"));
static CONNECT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)^ssh: connect to host (\S+) port \d+: (.+?)\s*$"));
static RESOLVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)Could not resolve hostname (\S+): (.+?)\s*$"));

/// Does `said` name what failed (a host key, a login, a connection)? When it does not and
/// a bastion is involved, the bastion may have said more where tvdr could not hear it.
pub(super) fn recognised(said: &str) -> bool {
    [&CHANGED, &REVOKED, &UNKNOWN, &DENIED, &CONNECT, &RESOLVE]
        .iter()
        .any(|re| re.is_match(said))
}

/// Why ssh (which said `said` and exited 255) could not run a command on `target`.
/// A host key it does not know comes without a fingerprint (ssh shows none): the caller
/// may fill it in.
pub(super) fn failure(target: &Target, said: &str) -> TransportError {
    let node = target.name.clone();
    let address = target.address.clone();
    let jumps = jump_hosts(target);
    // Which machine a message is about: the node, or one of its bastions.
    let bastion = |host: &str| {
        let host = host
            .trim_start_matches('[')
            .split(']')
            .next()
            .unwrap_or(host);
        jumps.contains(&host).then(|| host.to_owned())
    };
    let unreachable = |reason: Msg| TransportError::Unreachable {
        node: node.clone(),
        address: address.clone(),
        port: target.port,
        reason,
    };
    let first_file = || target.known_hosts.first().cloned().unwrap_or_default();

    let changed_host = CHANGED
        .captures(said)
        .map(|c| c[1].to_owned())
        .or_else(|| REVOKED.captures(said).map(|c| c[2].to_owned()));
    if let Some(host) = changed_host {
        let (key_type, fingerprint) = SENT.captures(said).map_or_else(
            || {
                (
                    "key".to_owned(),
                    "(fingerprint not shown by ssh)".to_owned(),
                )
            },
            |c| (key_type(&c[1]), c[2].to_owned()),
        );
        let file = OFFENDING
            .captures(said)
            .map_or_else(first_file, |c| c[1].trim().into());
        return match bastion(&host) {
            Some(host) => unreachable(msg!(
                "transport-reason-bastion-key-changed",
                host = host,
                key_type = key_type,
                fingerprint = fingerprint,
                file = file.display().to_string()
            )),
            None => TransportError::HostKeyChanged {
                node,
                address,
                fingerprint,
                key_type,
                file,
            },
        };
    }
    if let Some(c) = UNKNOWN.captures(said) {
        return match bastion(&c[2]) {
            Some(host) => unreachable(msg!(
                "transport-reason-bastion-key-unknown",
                host = host,
                file = first_file().display().to_string()
            )),
            None => TransportError::HostKeyUnknown {
                node,
                address,
                fingerprint: String::new(),
                key_type: key_type(&c[1]),
            },
        };
    }
    if let Some(c) = DENIED.captures(said) {
        return match bastion(&c[1]) {
            Some(host) => unreachable(msg!(
                "transport-reason-bastion-refused",
                host = host,
                offers = &c[2]
            )),
            None => TransportError::Auth {
                node,
                user: target.user.clone(),
                tried: tried(target, &c[2]),
            },
        };
    }
    if let Some(c) = CONNECT.captures(said) {
        let reason = match &c[2] {
            "Connection timed out" => msg!(
                "transport-reason-no-answer",
                within = crate::time::duration::format(target.connect_timeout).to_string()
            ),
            other => Msg::text(lowercase_first(other)),
        };
        return unreachable(match bastion(&c[1]) {
            Some(host) => msg!(
                "transport-reason-bastion-unreachable",
                host = host,
                reason = reason
            ),
            None => reason,
        });
    }
    if let Some(c) = RESOLVE.captures(said) {
        return unreachable(msg!(
            "transport-reason-cannot-resolve",
            host = &c[1],
            why = lowercase_first(&c[2])
        ));
    }
    if said.contains("stdio forwarding failed") || said.contains("open failed: connect failed") {
        return unreachable(msg!(
            "transport-reason-bastion-could-not-connect",
            host = jumps.join(",")
        ));
    }
    let last = said
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("");
    let gone = [
        "Connection timed out",
        "Connection closed",
        "Connection reset",
        "kex_exchange",
    ];
    if said.contains("Host key verification failed") || gone.iter().any(|g| last.contains(g)) {
        let reason = Msg::text(lowercase_first(last));
        return unreachable(match jumps.is_empty() {
            true => reason,
            false => msg!(
                "transport-reason-through-bastion",
                reason = reason,
                host = jumps.join(",")
            ),
        });
    }
    TransportError::Ssh {
        node,
        context: crate::msg!("transport-context-connecting-with-the-system-ssh"),
        message: if last.is_empty() {
            "ssh exited with status 255 and said nothing".to_owned()
        } else {
            said.trim().to_owned()
        },
    }
}

/// What tvdr had ssh try, for [`TransportError::Auth`].
fn tried(target: &Target, offered: &str) -> Msg {
    let mut tried = vec![msg!("auth-system-agent")];
    if let Some(identity) = &target.identity {
        let file = identity.display().to_string();
        tried.push(msg!("auth-identity", file = file));
    }
    msg!(
        "auth-node-offers",
        tried = Msg::join(&tried, ", "),
        offered = offered
    )
}

/// ssh names key types the way `ssh-keygen -l` does (`ED25519`); known_hosts and the
/// libssh2 transport use the protocol names.
fn key_type(shown: &str) -> String {
    match shown {
        "ED25519" => "ssh-ed25519".to_owned(),
        "RSA" => "ssh-rsa".to_owned(),
        "DSA" => "ssh-dss".to_owned(),
        other => other.to_lowercase(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
