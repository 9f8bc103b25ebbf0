//! Host key verification against the target's known_hosts files, before any credential
//! is sent; and what `tvdr trust` needs to add a key.
//!
//! libssh2 parses the entries (plain, hashed `|1|…`, `[host]:port`) and matches them.
//! Files are read line by line because libssh2 gives up on a whole file at the first line
//! it cannot parse (a key type it does not know, an `@cert-authority` line).

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use ssh2::{CheckResult, HashType, KnownHostFileKind, KnownHosts, MethodType, Session};

use super::super::{Target, TransportError};

/// A host key as a node presented it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostKey {
    /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`…
    pub key_type: String,
    /// The public key blob in base64, as in a known_hosts line.
    pub base64: String,
    /// `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` shows.
    pub fingerprint: String,
}

/// What the known_hosts files say about a presented key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// A line of `file` holds this key for this host.
    Known { file: PathBuf },
    /// No file knows this host.
    Unknown,
    /// `file` holds a different key for this host, or revokes this key.
    Changed { file: PathBuf },
}

/// Host key algorithms, best first, for each key type a known_hosts line can hold.
const ALGORITHMS: &[(&str, &[&str])] = &[
    ("ssh-ed25519", &["ssh-ed25519"]),
    ("ecdsa-sha2-nistp256", &["ecdsa-sha2-nistp256"]),
    ("ecdsa-sha2-nistp384", &["ecdsa-sha2-nistp384"]),
    ("ecdsa-sha2-nistp521", &["ecdsa-sha2-nistp521"]),
    ("ssh-rsa", &["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]),
    ("ssh-dss", &["ssh-dss"]),
];

/// The known_hosts files of one target, loaded.
pub(super) struct Known {
    files: Vec<(PathBuf, KnownHosts)>,
    /// Keys listed on `@revoked` lines, with their file.
    revoked: Vec<(PathBuf, Vec<u8>)>,
    /// Key types the files hold for this host, with the first file holding each.
    types: Vec<(String, PathBuf)>,
}

/// Reads every existing file of `target.known_hosts`, in order; a missing file is skipped.
pub(super) fn load(session: &Session, target: &Target) -> Result<Known, TransportError> {
    let mut known = Known {
        files: Vec::new(),
        revoked: Vec::new(),
        types: Vec::new(),
    };
    for path in &target.known_hosts {
        let text = match fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                let context = crate::msg!(
                    "transport-context-cannot-read-known-hosts",
                    file = path.display().to_string()
                );
                return Err(TransportError::io(&target.name, context, e));
            }
        };
        let mut hosts = session.known_hosts().map_err(|e| TransportError::Ssh {
            node: target.name.clone(),
            context: crate::msg!("transport-context-reading-known-hosts"),
            message: e.message().to_owned(),
        })?;
        for line in text.lines().map(str::trim) {
            if line.starts_with("@revoked") {
                if let Some(blob) = line.split_whitespace().nth(3).and_then(decode) {
                    known.revoked.push((path.clone(), blob));
                }
            } else if !line.starts_with('@') {
                // Lines libssh2 cannot use (unknown key types) are not ours to judge.
                let _ = hosts.read_str(line, KnownHostFileKind::OpenSSH);
            }
        }
        for entry in hosts.hosts().unwrap_or_default() {
            let Some(blob) = decode(entry.key()) else {
                continue;
            };
            if let CheckResult::Match = hosts.check_port(&target.address, target.port, &blob) {
                if let Some(kind) = key_type(&blob) {
                    if !known.types.iter().any(|(t, _)| *t == kind) {
                        known.types.push((kind, path.clone()));
                    }
                }
            }
        }
        known.files.push((path.clone(), hosts));
    }
    Ok(known)
}

impl Known {
    /// Asks for a host key of a type the files know for this host first. Without this a
    /// server offering ECDSA first would present a key the files do not hold, and a
    /// known host would look changed.
    pub(super) fn prefer_known_types(&self, session: &Session) -> Result<(), ssh2::Error> {
        let supported = session.supported_algs(MethodType::HostKey)?;
        let mut order: Vec<&str> = Vec::new();
        for (kind, algorithms) in ALGORITHMS {
            if self.types.iter().any(|(t, _)| t == kind) {
                order.extend(algorithms.iter().filter(|a| supported.contains(a)));
            }
        }
        // Certificates are not verified by tvdr; leave them out rather than fail later.
        for alg in supported.iter().filter(|a| !a.contains("-cert-")) {
            if !order.contains(alg) {
                order.push(alg);
            }
        }
        session.method_pref(MethodType::HostKey, &order.join(","))
    }

    /// Judges the key `blob` presented by `target`.
    pub(super) fn judge(&self, target: &Target, blob: &[u8]) -> Trust {
        if let Some((file, _)) = self.revoked.iter().find(|(_, key)| key == blob) {
            return Trust::Changed { file: file.clone() };
        }
        let mut changed = None;
        for (file, hosts) in &self.files {
            match hosts.check_port(&target.address, target.port, blob) {
                CheckResult::Match => return Trust::Known { file: file.clone() },
                CheckResult::Mismatch => {
                    changed.get_or_insert_with(|| file.clone());
                }
                CheckResult::NotFound | CheckResult::Failure => {}
            }
        }
        // A host known only by keys of other types that now presents a new type is
        // treated as changed: that is what an impostor without the real key would do.
        let changed = changed.or_else(|| self.types.first().map(|(_, file)| file.clone()));
        match changed {
            Some(file) => Trust::Changed { file },
            None => Trust::Unknown,
        }
    }
}

/// The key the server presented during the handshake, and its raw blob.
pub(super) fn presented(session: &Session) -> Option<(HostKey, Vec<u8>)> {
    let (blob, _) = session.host_key()?;
    let hash = session.host_key_hash(HashType::Sha256)?;
    let key = HostKey {
        key_type: key_type(blob)?,
        base64: STANDARD.encode(blob),
        fingerprint: format!("SHA256:{}", STANDARD_NO_PAD.encode(hash)),
    };
    Some((key, blob.to_vec()))
}

/// Appends `address key-type base64` (`[address]:port` off port 22) to the known_hosts
/// `file`, creating it (mode 0600) and its directory (0700) when missing.
pub fn add_known_host(file: &Path, address: &str, port: u16, key: &HostKey) -> io::Result<()> {
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidInput, what.to_owned());
    // These end up in a file that decides whom tvdr trusts: nothing may add a field or a
    // line to it.
    let clean = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    if !clean(address) || address.starts_with(['@', '|', '#']) {
        return Err(invalid("the address cannot be written to known_hosts"));
    }
    if !clean(&key.key_type) || !clean(&key.base64) {
        return Err(invalid("the host key cannot be written to known_hosts"));
    }
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    let needs_newline = fs::read(file).is_ok_and(|text| text.last().is_some_and(|&b| b != b'\n'));
    let host = if port == 22 {
        address.to_owned()
    } else {
        format!("[{address}]:{port}")
    };
    let mut out = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(file)?;
    let newline = if needs_newline { "\n" } else { "" };
    writeln!(out, "{newline}{host} {} {}", key.key_type, key.base64)?;
    out.sync_all()
}

fn decode(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text.trim()).ok()
}

/// The type name at the start of a public key blob (a length-prefixed string).
fn key_type(blob: &[u8]) -> Option<String> {
    let len = u32::from_be_bytes(blob.get(..4)?.try_into().ok()?) as usize;
    let name = blob.get(4..4 + len)?;
    String::from_utf8(name.to_vec()).ok()
}

#[cfg(test)]
mod tests;
