//! `ssh.persist` with `transport: openssh`: the node's master outlives the command line
//! that started it, like the default transport's keeper — OpenSSH's own ControlPersist
//! with the control socket at a stable path, `<state dir>/<site>/keep/<node>-<digest>.ossh/`.
//!
//! The digest is the keeper's ([`socket_for`]): everything that makes the login (address,
//! user, key, known_hosts and what they hold, options) and this tvdr. A changed inventory
//! or known_hosts file gets a new master, which verifies the host key again; an unchanged
//! one finds the master logged in, with no TCP, key exchange or login. The directory is
//! 0700 and checked to be this user's own before anything in it is used.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use super::super::child::{self, Group};
use super::super::kept::{private_dir, socket_for, Keep};
use super::super::Target;
use super::private_dir::PrivateDir;

/// The kernel's limit for a socket path (with its NUL), and what ssh adds to the master's
/// name while it creates the socket (`.XXXXXXXXXXXXXXXX`).
const SOCKET_MAX: usize = 108;
const SSH_SUFFIX: usize = 17;

/// The directory kept for `target`'s master and the lock that lets one command line at a
/// time start it (held until dropped). `None`: no private place fits (a state directory
/// too long for a socket path, or not private): the command line keeps its own master,
/// as without `ssh.persist`.
pub(super) fn kept_dir(target: &Target, keep: &Keep) -> Option<(PrivateDir, File)> {
    let path = socket_for(target, &keep.dir)?.with_extension("ossh");
    if path.join("master").as_os_str().len() + SSH_SUFFIX >= SOCKET_MAX {
        return None;
    }
    if !private_dir(&keep.dir) {
        return None;
    }
    let lock = crate::state::private::options()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path.with_extension("ossh.lock"))
        .ok()?;
    lock.lock().ok()?;
    let persist = u32::try_from(keep.idle.as_secs().max(1)).unwrap_or(u32::MAX);
    let dir = PrivateDir::kept(path, persist).ok()?;
    Some((dir, lock))
}

/// Asks every kept master in `dir` to log out (`ssh -O exit`) and removes its directory;
/// returns how many were running.
pub fn disconnect(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut stopped = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "ossh") || !path.is_dir() {
            continue;
        }
        let socket = path.join("master");
        if socket.exists() && exit(&socket) {
            stopped += 1;
        }
        let _ = std::fs::remove_dir_all(&path);
        let _ = std::fs::remove_file(path.with_extension("ossh.lock"));
    }
    stopped
}

/// `ssh -O exit` to the master at `socket`: no configuration is read, the socket alone
/// says which connection (the host name is a placeholder ssh wants).
fn exit(socket: &Path) -> bool {
    let mut ssh = child::command("ssh");
    ssh.args(["-F", "/dev/null", "-S"])
        .arg(socket)
        .args(["-O", "exit", "--", "tvdr-kept-master"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    let sink = &mut std::io::sink();
    matches!(
        child::run(&mut ssh, sink, &mut std::io::sink(), deadline, Group::Own),
        Ok(0)
    )
}
