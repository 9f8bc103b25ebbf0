//! Finding a node's keeper, or starting one: the socket's name, the private directory, the
//! lock that lets one command at a time start a keeper, and `tvdr disconnect`.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use super::super::login_env::Learned;
use super::super::{Target, TransportError};
use super::client::KeptTransport;
use super::frame::{self, Tag};
use super::keeper::{READY, UNREACHABLE};
use super::Keep;

/// The longest socket path tvdr uses (the kernel's limit is 108 bytes with its NUL): a
/// longer state directory goes without kept sessions.
const MAX_SOCKET_PATH: usize = 100;

/// The socket of `target`'s keeper in `dir`: the node's name and a digest of everything
/// that makes the session what it is (address, user, key, known_hosts and what they hold,
/// env, timeouts) and of this tvdr, so that a changed inventory, a changed known_hosts or a
/// new tvdr never uses an old keeper.
pub fn socket_for(target: &Target, dir: &Path) -> Option<PathBuf> {
    let mut digest = Sha256::new();
    digest.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(exe) = std::env::current_exe() {
        digest.update(exe.as_os_str().as_encoded_bytes());
    }
    digest.update(serde_json::to_vec(target).ok()?);
    // What the keeper verified the host key against: a key removed or changed since means
    // a new keeper, which verifies again.
    for file in &target.known_hosts {
        digest.update(std::fs::read(file).unwrap_or_default());
        digest.update([0]);
    }
    let hex: String = digest.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name: String = target
        .name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(16)
        .collect();
    let path = dir.join(format!("{name}-{hex}.sock"));
    (path.as_os_str().len() <= MAX_SOCKET_PATH).then_some(path)
}

/// `target`'s kept session: the running keeper's, or a new keeper's. `None`: this target
/// is better connected directly (no private place for a socket, or the keeper could not
/// log in without a question). An unreachable node is an error at once: trying again
/// directly would only wait out the connect timeout a second time.
pub(super) fn open(
    target: &Target,
    keep: &Keep,
) -> Result<Option<(KeptTransport, Learned)>, TransportError> {
    // The keeper works from `/` (it must not hold the technician's directory), and the
    // socket's name must not be the same for two inventories' different relative files.
    let mut target = target.clone();
    if let Some(identity) = &target.identity {
        target.identity = std::path::absolute(identity).ok();
    }
    target.known_hosts = target
        .known_hosts
        .iter()
        .map(|file| std::path::absolute(file).unwrap_or_else(|_| file.clone()))
        .collect();
    let target = &target;
    let Some(socket) = socket_for(target, &keep.dir) else {
        return Ok(None);
    };
    if let Some(kept) = KeptTransport::open(target, &socket) {
        return Ok(Some(kept));
    }
    if !private_dir(&keep.dir) {
        return Ok(None);
    }
    // One command at a time starts this node's keeper; the others wait and use it.
    let Ok(lock) = private_file(&socket.with_extension("lock")) else {
        return Ok(None);
    };
    if lock.lock().is_err() {
        return Ok(None);
    }
    if let Some(kept) = KeptTransport::open(target, &socket) {
        return Ok(Some(kept));
    }
    match start(target, keep, &socket) {
        Started::Ready => Ok(KeptTransport::open(target, &socket)),
        Started::Unreachable(reason) => Err(TransportError::Unreachable {
            node: target.name.clone(),
            address: target.address.clone(),
            port: target.port,
            reason: crate::i18n::Msg::text(reason),
        }),
        Started::Not => Ok(None),
    }
}

enum Started {
    Ready,
    Unreachable(String),
    Not,
}

/// Starts a keeper for `target` (this same tvdr, [`super::KEEPER`]), in a process group of its own
/// so that a Ctrl-C at the terminal does not reach it, and waits for its first line.
fn start(target: &Target, keep: &Keep, socket: &Path) -> Started {
    let (Ok(exe), Ok(spec)) = (std::env::current_exe(), serde_json::to_vec(target)) else {
        return Started::Not;
    };
    let log = private_file(&socket.with_extension("log")).map(Stdio::from);
    // tvdr itself, not a command for a node: the transport's rules are for those.
    #[allow(clippy::disallowed_methods)]
    let child = Command::new(exe)
        .arg(super::KEEPER)
        .arg(socket)
        .arg(keep.idle.as_millis().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(log.unwrap_or_else(|_| Stdio::null()))
        .current_dir("/")
        .process_group(0)
        .spawn();
    let Ok(mut child) = child else {
        return Started::Not;
    };
    // The target on its standard input: nothing of it on a command line others can read.
    let sent = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(&spec).is_ok());
    let mut line = String::new();
    let said = child
        .stdout
        .take()
        .is_some_and(|out| BufReader::new(out).read_line(&mut line).is_ok());
    if !sent || !said {
        let _ = child.kill();
        let _ = child.wait();
        return Started::Not;
    }
    let line = line.trim_end();
    if line == READY {
        // Not waited for: it outlives this process, and init reaps it.
        return Started::Ready;
    }
    let _ = child.wait();
    match line.split_once('\t') {
        Some((UNREACHABLE, reason)) => Started::Unreachable(reason.to_owned()),
        _ => Started::Not,
    }
}

use std::os::unix::process::CommandExt;

/// Creates `dir` 0700 if missing and says whether it is private: a real directory (not a
/// symlink), this user's, closed to everyone else.
pub fn private_dir(dir: &Path) -> bool {
    if crate::state::private::create_dir(dir).is_err() {
        return false;
    }
    fs::symlink_metadata(dir).is_ok_and(|meta| {
        meta.is_dir()
            && meta.uid() == rustix::process::getuid().as_raw()
            && meta.permissions().mode() & 0o077 == 0
    })
}

/// Asks every keeper in `dir` to stop; returns how many were asked.
pub fn disconnect(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut stopped = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "sock") {
            continue;
        }
        let Ok(mut stream) = UnixStream::connect(&path) else {
            // A keeper killed without cleaning up: its socket is only a name.
            let _ = fs::remove_file(&path);
            continue;
        };
        if frame::read(&mut stream).is_ok() && frame::write(&mut stream, Tag::Stop, &[]).is_ok() {
            stopped += 1;
        }
    }
    stopped
}

/// Creates (or truncates) a file only this user can read.
fn private_file(path: &Path) -> std::io::Result<File> {
    crate::state::private::options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
}
