//! A node that changes address keeps its host key (TVOX 1 after `network_reset`): the key
//! known_hosts trusts at its old address is the only one accepted at the new address, where
//! it is then recorded. Nothing else is trusted on first use.

use std::path::PathBuf;

use super::{add_known_host, scan_host_key, HostKey, Target, TransportError, TransportKind, Trust};

/// The key `target` presents at its address, which known_hosts must already trust there.
pub fn trusted_key(target: &Target) -> Result<HostKey, TransportError> {
    direct(target)?;
    let (key, trust) = scan_host_key(target)?;
    match trust {
        Trust::Known { .. } => Ok(key),
        Trust::Unknown => Err(TransportError::HostKeyUnknown {
            node: target.name.clone(),
            address: target.address.clone(),
            fingerprint: key.fingerprint,
            key_type: key.key_type,
        }),
        Trust::Changed { file } => Err(TransportError::HostKeyChanged {
            node: target.name.clone(),
            address: target.address.clone(),
            fingerprint: key.fingerprint,
            key_type: key.key_type,
            file,
        }),
    }
}

/// The node answered at its new address with the key it had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub key: HostKey,
    /// Where the key was trusted before.
    pub from: String,
    /// The new address.
    pub to: String,
    /// The known_hosts file the key was added to; `None`: it was already there.
    pub recorded_in: Option<PathBuf>,
}

/// One look at `target` (the node at its new address), expecting `key`, which it had at
/// `from`: `None` while nothing answers there. Any other key is refused, even one
/// known_hosts holds for the new address: the node moved, its key did not change.
pub fn accept_moved(
    target: &Target,
    from: &str,
    key: &HostKey,
) -> Result<Option<Moved>, TransportError> {
    direct(target)?;
    let (seen, trust) = match scan_host_key(target) {
        Ok(found) => found,
        Err(TransportError::Unreachable { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    if seen != *key {
        return Err(TransportError::HostKeyNotMoved {
            node: target.name.clone(),
            address: target.address.clone(),
            presented: format!("{} {}", seen.key_type, seen.fingerprint),
            had: format!("{} {} at {from}", key.key_type, key.fingerprint),
        });
    }
    let recorded_in = match trust {
        Trust::Known { .. } => None,
        Trust::Changed { file } => {
            return Err(TransportError::HostKeyChanged {
                node: target.name.clone(),
                address: target.address.clone(),
                fingerprint: seen.fingerprint,
                key_type: seen.key_type,
                file,
            })
        }
        Trust::Unknown => {
            let file = target
                .known_hosts
                .first()
                .ok_or_else(|| TransportError::Ssh {
                    node: target.name.clone(),
                    context: crate::msg!("transport-context-recording-host-key-at-new-address"),
                    message: "the inventory names no known_hosts file".into(),
                })?;
            add_known_host(file, &target.address, target.port, &seen).map_err(|e| {
                let context = crate::msg!(
                    "transport-context-cannot-write-known-hosts",
                    file = file.display().to_string()
                );
                TransportError::io(&target.name, context, e)
            })?;
            Some(file.clone())
        }
    };
    Ok(Some(Moved {
        key: seen,
        from: from.to_string(),
        to: target.address.clone(),
        recorded_in,
    }))
}

/// Keys are read over a direct connection: through a bastion tvdr cannot see them.
fn direct(target: &Target) -> Result<(), TransportError> {
    let refuse = |message: String| {
        Err(TransportError::Ssh {
            node: target.name.clone(),
            context: crate::msg!("transport-context-following-host-key-to-new-address"),
            message,
        })
    };
    match &target.kind {
        TransportKind::Local => refuse("the local transport has no host key".into()),
        TransportKind::OpenSsh {
            proxy_jump: Some(jump),
            ..
        } => refuse(format!(
            "tvdr cannot read host keys through the bastion `{jump}`: record the key at the \
             new address by hand after checking its fingerprint on the node's console"
        )),
        _ => Ok(()),
    }
}
