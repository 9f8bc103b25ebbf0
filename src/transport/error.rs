//! [`TransportError`]: what can go wrong talking to a node, typed because callers branch
//! on it (an unreachable node or a rejected host key is exit code 3).
//!
//! Messages never hold a password or passphrase: no variant has a field for one, and the
//! libssh2 messages copied into `reason` fields do not echo credentials.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::i18n::Msg;

mod words;

/// A failure to reach, trust, log in to or run a command on a node.
///
/// `Clone` so a [`Fleet`](super::Fleet) can answer every later use of a node it could not
/// reach with the same error, without waiting for the connect timeout again. Its words are
/// [`TransportError::msg`]: `Display` gives the English (the journal, JSON), a person
/// reads it in the chosen language.
#[derive(Debug, Clone)]
pub enum TransportError {
    Unreachable {
        node: String,
        address: String,
        port: u16,
        /// tvdr's words in every language, or the system's (`Msg::text`).
        reason: Msg,
    },

    HostKeyUnknown {
        node: String,
        address: String,
        fingerprint: String,
        key_type: String,
    },

    HostKeyChanged {
        node: String,
        address: String,
        fingerprint: String,
        key_type: String,
        /// The known_hosts file that holds a different key for this node.
        file: PathBuf,
    },

    HostKeyNotMoved {
        node: String,
        address: String,
        /// The key type and fingerprint presented at the new address.
        presented: String,
        /// The key type and fingerprint it had, and at which address (where known_hosts
        /// trusted it).
        had: String,
    },

    Auth {
        node: String,
        user: String,
        /// What was tried, in order: `agent, identity ~/.ssh/id_ed25519, password`.
        tried: Msg,
    },

    Timeout {
        node: String,
        /// The command as rendered, shortened for the message.
        command: String,
        timeout: Duration,
    },

    Lost {
        node: String,
        /// tvdr's words in every language, or the system's (`Msg::text`).
        reason: Msg,
    },

    InvalidEnv {
        node: String,
        name: String,
    },

    NeedsRoot {
        node: String,
        user: String,
        /// The command that needs root, shortened.
        command: String,
        /// What `sudo -n -l` said, and tvdr's words around it.
        reason: Msg,
    },

    UnknownNode {
        node: String,
    },

    Ssh {
        node: String,
        context: Msg,
        message: String,
    },

    Io {
        node: String,
        context: Msg,
        source: Arc<io::Error>,
    },
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg().en())
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TransportError::Io { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
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

    pub(crate) fn io(node: &str, context: Msg, source: io::Error) -> Self {
        TransportError::Io {
            node: node.to_owned(),
            context,
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
