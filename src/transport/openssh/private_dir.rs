//! The private directory of one node's ssh: its ssh_config file and the master's control
//! socket, where only tvdr's user can reach them. One per process, removed at its end; or,
//! with `ssh.persist`, one per node and login kept between command lines
//! ([`PrivateDir::kept`]), so that the next command line finds the master there.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;
use std::sync::{Mutex, Once};

/// How long an idle master outlives its last command: a tvdr that was killed (or ended
/// by Ctrl-C, which runs no destructors) leaves no connection open for longer. With
/// `ssh.persist`, its value instead.
pub(super) const PERSIST_SECS: u32 = 60;

/// A directory only tvdr's user can enter, one per node and run, holding the ssh_config
/// file and the master's socket; removed when dropped, and at exit when tvdr ends without
/// dropping it (Ctrl-C).
pub(super) struct PrivateDir {
    path: PathBuf,
    /// Kept between command lines, its master idle this long before it ends (never
    /// removed by this process); `None`: this process's own.
    kept: Option<u32>,
}

/// Directories to remove at exit.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static AT_EXIT: Once = Once::new();

impl PrivateDir {
    pub(super) fn create() -> io::Result<PrivateDir> {
        // A socket path must fit in 108 bytes, and ssh adds a 17-byte suffix while it
        // creates one: a long $TMPDIR is passed over for /tmp.
        let tmp = std::env::temp_dir();
        let base = if tmp.as_os_str().len() <= 40 {
            tmp
        } else {
            PathBuf::from("/tmp")
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut last = None;
        for attempt in 0..16u32 {
            let path = base.join(format!(
                "tvdr-ssh.{}.{:08x}",
                std::process::id(),
                nanos.wrapping_add(attempt.wrapping_mul(0x9e37_79b9))
            ));
            // Never an existing directory: someone else may have made it.
            match fs::DirBuilder::new().mode(0o700).create(&path) {
                Ok(()) => {
                    lock(&LIVE).push(path.clone());
                    AT_EXIT.call_once(|| {
                        // SAFETY: `remove_at_exit` is an `extern "C" fn()` as atexit(3) wants.
                        unsafe { libc::atexit(remove_at_exit) };
                    });
                    return Ok(PrivateDir { path, kept: None });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no free directory name")))
    }

    /// The directory at `path`, kept between command lines (`ssh.persist`): made 0700 when
    /// missing; one that is there must be a directory of this user that nobody else can
    /// enter (never through a symbolic link), else it is refused. Its master ends once idle
    /// for `persist_secs`.
    pub(super) fn kept(path: PathBuf, persist_secs: u32) -> io::Result<PrivateDir> {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        match fs::DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let meta = fs::symlink_metadata(&path)?;
        let private = meta.is_dir()
            && meta.uid() == rustix::process::getuid().as_raw()
            && meta.permissions().mode() & 0o077 == 0;
        if !private {
            return Err(io::Error::other(format!(
                "`{}` is not a private directory of this user",
                path.display()
            )));
        }
        Ok(PrivateDir {
            path,
            kept: Some(persist_secs),
        })
    }

    pub(super) fn is_kept(&self) -> bool {
        self.kept.is_some()
    }

    /// How long the master outlives its last command (`ControlPersist`).
    pub(super) fn persist_secs(&self) -> u32 {
        self.kept.unwrap_or(PERSIST_SECS)
    }

    pub(super) fn config(&self) -> PathBuf {
        self.path.join("ssh_config")
    }

    pub(super) fn socket(&self) -> PathBuf {
        self.path.join("master")
    }

    /// Writes the ssh_config file whole under a temporary name, then renames it: a master
    /// kept by another command line never reads half a file.
    pub(super) fn write_config(&self, text: &str) -> io::Result<()> {
        let temporary = self.path.join(format!("ssh_config.{}", std::process::id()));
        let _ = fs::remove_file(&temporary);
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temporary)?;
        file.write_all(text.as_bytes())?;
        fs::rename(&temporary, self.config())
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        if self.is_kept() {
            return;
        }
        let _ = fs::remove_dir_all(&self.path);
        lock(&LIVE).retain(|p| *p != self.path);
    }
}

/// The master, if still running, can no longer be reached and ends when idle
/// ([`PERSIST_SECS`]).
extern "C" fn remove_at_exit() {
    // Never wait here: a thread may hold the lock while the process exits.
    if let Ok(dirs) = LIVE.try_lock() {
        for dir in dirs.iter() {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_private_dir_is_private_and_goes_away() {
        use std::os::unix::fs::PermissionsExt;
        let dir = PrivateDir::create().unwrap();
        let path = dir.config().parent().unwrap().to_owned();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o700
        );
        dir.write_config("BatchMode yes\n").unwrap();
        let mode = fs::metadata(dir.config()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        // Room for ssh's temporary socket name (17 bytes more) in a 108-byte socket path.
        assert!(dir.socket().as_os_str().len() + 17 < 108);
        drop(dir);
        assert!(!path.exists());
    }

    #[test]
    fn a_kept_dir_stays_and_must_be_private() {
        use std::os::unix::fs::PermissionsExt;
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("tvox1-0123.ossh");
        let dir = PrivateDir::kept(path.clone(), 120).unwrap();
        dir.write_config("BatchMode yes\n").unwrap();
        // Written again by the next command line, over the first.
        dir.write_config("BatchMode no\n").unwrap();
        assert_eq!(fs::read_to_string(dir.config()).unwrap(), "BatchMode no\n");
        drop(dir);
        assert!(path.exists(), "a kept directory outlives the command line");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        assert!(
            PrivateDir::kept(path.clone(), 120).is_err(),
            "others may enter it"
        );
        let link = home.path().join("link.ossh");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(PrivateDir::kept(link, 120).is_err(), "a symbolic link");
    }
}
