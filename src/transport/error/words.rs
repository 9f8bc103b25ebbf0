//! What a [`TransportError`] says, in every language: its `Display` is the English, the
//! person at the terminal reads the chosen language (`error_text`).

use super::TransportError;
use crate::i18n::Msg;
use crate::msg;

impl TransportError {
    /// What went wrong, in every language (the hint on a second line).
    pub fn msg(&self) -> Msg {
        match self {
            TransportError::Unreachable {
                node,
                address,
                port,
                reason,
            } => msg!(
                "transport-unreachable",
                node = node,
                address = address,
                port = *port,
                reason = reason
            ),
            TransportError::HostKeyUnknown {
                node,
                address,
                fingerprint,
                key_type,
            } => msg!(
                "transport-host-key-unknown",
                node = node,
                address = address,
                fingerprint = fingerprint,
                key_type = key_type
            ),
            TransportError::HostKeyChanged {
                node,
                address,
                fingerprint,
                key_type,
                file,
            } => msg!(
                "transport-host-key-changed",
                node = node,
                address = address,
                fingerprint = fingerprint,
                key_type = key_type,
                file = file.display().to_string()
            ),
            TransportError::HostKeyNotMoved {
                node,
                address,
                presented,
                had,
            } => msg!(
                "transport-host-key-not-moved",
                node = node,
                address = address,
                presented = presented,
                had = had
            ),
            TransportError::Auth { node, user, tried } => {
                msg!("transport-auth", node = node, user = user, tried = tried)
            }
            TransportError::Timeout {
                node,
                command,
                timeout,
            } => msg!(
                "transport-timeout",
                node = node,
                command = command,
                timeout = crate::time::duration::format(*timeout)
            ),
            TransportError::Lost { node, reason } => {
                msg!("transport-lost", node = node, reason = reason)
            }
            TransportError::InvalidEnv { node, name } => {
                msg!("transport-invalid-env", node = node, name = name)
            }
            TransportError::NeedsRoot {
                node,
                user,
                command,
                reason,
            } => msg!(
                "transport-needs-root",
                node = node,
                user = user,
                command = command,
                reason = reason
            ),
            TransportError::UnknownNode { node } => msg!("transport-unknown-node", node = node),
            TransportError::Ssh {
                node,
                context,
                message,
            } => msg!(
                "transport-ssh",
                node = node,
                context = context,
                message = message
            ),
            TransportError::Io { node, context, .. } => {
                msg!("transport-io", node = node, context = context)
            }
        }
    }
}
