//! Is a node up? A fresh SSH connection and one tiny command answer it: an open session
//! would hide a node that went away (and a dead one would wait for its keepalives).

use crate::i18n::Msg;
use std::time::Duration;

use crate::transport::{Cmd, Fleet, Output, TransportError};

/// What one look at a node found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// It answered: its boot id (empty when the node has none to show).
    Up(String),
    /// It did not answer, or not completely (booting: sshd up, login not yet): why.
    Down(Msg),
}

/// Commands of a probe get this long: a node that takes longer is not up yet.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// The node's boot id, asked over its current session (reconnecting when there is none).
pub fn boot_id(fleet: &Fleet, node: &str) -> Result<String, TransportError> {
    let out = read(fleet, node)?;
    if out.status != 0 || out.stdout.is_empty() {
        return Err(TransportError::Ssh {
            node: node.to_string(),
            context: crate::msg!("transport-context-reading-the-boot-id"),
            message: format!(
                "`cat {BOOT_ID}` exited with {}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        });
    }
    Ok(out.stdout_lossy().trim().to_string())
}

const BOOT_ID: &str = "/proc/sys/kernel/random/boot_id";

fn read(fleet: &Fleet, node: &str) -> Result<Output, TransportError> {
    let cmd = Cmd::new("cat").arg(BOOT_ID);
    fleet.with(node, |t| {
        let mut out = Output::default();
        out.status = t.exec(&cmd, &mut out.stdout, &mut out.stderr, Some(PROBE_TIMEOUT))?;
        Ok(out)
    })
}

/// Connects afresh and reads the boot id. A host key that changed or is not known is an
/// error, never "down": a reboot does not change a node's key, an impostor does; and a
/// node whose key is unknown answers: waiting cannot make its key known.
pub fn probe(fleet: &Fleet, node: &str) -> Result<Probe, TransportError> {
    fleet.reset(node);
    match read(fleet, node) {
        // A node without a boot id to show still answered.
        Ok(out) => Ok(Probe::Up(out.stdout_lossy().trim().to_string())),
        Err(
            err @ (TransportError::HostKeyChanged { .. }
            | TransportError::HostKeyUnknown { .. }
            | TransportError::HostKeyNotMoved { .. }
            | TransportError::UnknownNode { .. }),
        ) => Err(err),
        Err(err) => {
            // Leave nothing half-open behind a failed look.
            fleet.reset(node);
            Ok(Probe::Down(err.msg().map(first_line)))
        }
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}
