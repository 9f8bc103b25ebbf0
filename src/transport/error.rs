//! [`TransportError`]: what can go wrong talking to a node, typed because callers branch
//! on it (an unreachable node or a rejected host key is exit code 3).
//!
//! Messages never hold a password or passphrase: no variant has a field for one, and the
//! libssh2 messages copied into `reason` fields do not echo credentials.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// A failure to reach, trust, log in to or run a command on a node.
///
/// `Clone` so a [`Fleet`](super::Fleet) can answer every later use of a node it could not
/// reach with the same error, without waiting for the connect timeout again.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TransportError {
    #[error(
        "cannot reach `{node}` at {address} port {port}: {reason}\n\
         hint: is the node up, and is its SSH port reachable from here?"
    )]
    Unreachable {
        node: String,
        address: String,
        port: u16,
        reason: String,
    },

    #[error(
        "host key of `{node}` ({address}) is not known: {key_type} {fingerprint}\n\
         hint: compare the fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the \
         node's console, then run `tvdr trust {node}`"
    )]
    HostKeyUnknown {
        node: String,
        address: String,
        fingerprint: String,
        key_type: String,
    },

    #[error(
        "host key of `{node}` ({address}) has changed: it now presents {key_type} {fingerprint}, \
         which does not match `{}`\n\
         hint: someone may be intercepting the connection; if the node was reinstalled or \
         rekeyed, check the fingerprint on its console, remove the old key \
         (`ssh-keygen -R {address} -f {}`) and run `tvdr trust {node}`",
        file.display(),
        file.display()
    )]
    HostKeyChanged {
        node: String,
        address: String,
        fingerprint: String,
        key_type: String,
        /// The known_hosts file that holds a different key for this node.
        file: PathBuf,
    },

    #[error(
        "host key of `{node}` at its new address {address} is not the one it had before: \
         it presents {presented}, it had {had}\n\
         hint: another machine may hold {address}, or the node was reinstalled; check the \
         fingerprint on the node's console before running `tvdr trust {node}`"
    )]
    HostKeyNotMoved {
        node: String,
        address: String,
        /// The key type and fingerprint presented at the new address.
        presented: String,
        /// The key type and fingerprint it had, and at which address (where known_hosts
        /// trusted it).
        had: String,
    },

    #[error(
        "cannot log in to `{node}` as `{user}` (tried: {tried})\n\
         hint: is ssh-agent running (`ssh-add -l`)? is the key in the node's \
         `~{user}/.ssh/authorized_keys`?"
    )]
    Auth {
        node: String,
        user: String,
        /// What was tried, in order: `agent, identity ~/.ssh/id_ed25519, password`.
        tried: String,
    },

    #[error("command on `{node}` did not finish within {}: `{command}`", crate::time::duration::format(*.timeout))]
    Timeout {
        node: String,
        /// The command as rendered, shortened for the message.
        command: String,
        timeout: Duration,
    },

    #[error("lost the connection to `{node}`: {reason}\nhint: did the node reboot, or the network drop?")]
    Lost { node: String, reason: String },

    #[error(
        "`{name}` is not a valid environment variable name for `{node}`\n\
         hint: names are letters, digits and `_`, not starting with a digit"
    )]
    InvalidEnv { node: String, name: String },

    #[error(
        "`{user}` on `{node}` cannot run as root without a password ({reason}), \
         needed for `{command}`\n\
         hint: run tvdr at a terminal to be asked the sudo password once per node, or give \
         `{user}` NOPASSWD in the node's sudoers for the programs tvdr runs as root (see \
         README, SSH section), or log in as root"
    )]
    NeedsRoot {
        node: String,
        user: String,
        /// The command that needs root, shortened.
        command: String,
        /// What `sudo -n -l` said.
        reason: String,
    },

    #[error("no node named `{node}`")]
    UnknownNode { node: String },

    #[error("ssh error on `{node}` while {context}: {message}")]
    Ssh {
        node: String,
        context: String,
        message: String,
    },

    #[error("{context} for `{node}`")]
    Io {
        node: String,
        context: String,
        #[source]
        source: Arc<io::Error>,
    },
}

impl TransportError {
    /// True when the node could not be used at all (unreachable, host key refused, login
    /// refused, connection lost): the caller reports exit code 3.
    pub fn is_unreachable(&self) -> bool {
        matches!(
            self,
            TransportError::Unreachable { .. }
                | TransportError::HostKeyUnknown { .. }
                | TransportError::HostKeyChanged { .. }
                | TransportError::HostKeyNotMoved { .. }
                | TransportError::Auth { .. }
                | TransportError::Lost { .. }
        )
    }

    /// The node the error is about.
    pub fn node(&self) -> &str {
        match self {
            TransportError::Unreachable { node, .. }
            | TransportError::HostKeyUnknown { node, .. }
            | TransportError::HostKeyChanged { node, .. }
            | TransportError::HostKeyNotMoved { node, .. }
            | TransportError::Auth { node, .. }
            | TransportError::Timeout { node, .. }
            | TransportError::Lost { node, .. }
            | TransportError::InvalidEnv { node, .. }
            | TransportError::NeedsRoot { node, .. }
            | TransportError::UnknownNode { node }
            | TransportError::Ssh { node, .. }
            | TransportError::Io { node, .. } => node,
        }
    }

    pub(crate) fn io(node: &str, context: impl Into<String>, source: io::Error) -> Self {
        TransportError::Io {
            node: node.to_owned(),
            context: context.into(),
            source: Arc::new(source),
        }
    }
}

/// The start of a command line, for messages: long enough to recognise, short enough for
/// one line.
pub(crate) fn shorten(command: &str) -> String {
    const MAX: usize = 100;
    let one_line = command.replace('\n', " ");
    match one_line.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreachable_kinds_map_to_exit_3() {
        let lost = TransportError::Lost {
            node: "tvox1".into(),
            reason: "eof".into(),
        };
        let timeout = TransportError::Timeout {
            node: "tvox1".into(),
            command: "sleep 9".into(),
            timeout: Duration::from_secs(2),
        };
        assert!(lost.is_unreachable());
        assert!(!timeout.is_unreachable());
        assert_eq!(
            timeout.to_string(),
            "command on `tvox1` did not finish within 2s: `sleep 9`"
        );
    }

    #[test]
    fn shorten_keeps_one_line() {
        assert_eq!(shorten("a\nb"), "a b");
        let long = "x".repeat(150);
        assert_eq!(shorten(&long).chars().count(), 101);
    }
}
