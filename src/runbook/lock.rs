//! One run per site and runbook at a time: a local lock (an `flock` on a file, released by
//! the kernel when tvdr dies) and a lock directory on the cluster (so two technicians on
//! two laptops cannot run the same procedure), both saying who holds them.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::time::Timestamp;
use crate::transport::{Cmd, Fleet};

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub run_id: String,
    pub operator: String,
    pub host: String,
    pub pid: u32,
    pub since: String,
}

impl Holder {
    pub fn new(run_id: &str, operator: &str) -> Holder {
        Holder {
            run_id: run_id.to_string(),
            operator: operator.to_string(),
            host: this_host(),
            pid: std::process::id(),
            since: Timestamp::now().to_string(),
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "{} on {} (pid {}, run {}) since {}",
            self.operator, self.host, self.pid, self.run_id, self.since
        )
    }
}

/// This machine's name, for lock holders and journals.
pub fn this_host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "unknown-host".into())
}

/// The local lock; released when dropped or when the process dies.
pub struct LocalLock {
    _file: File,
}

/// Takes the local lock in `dir`, or says who holds it.
pub fn lock_local(dir: &Path, holder: &Holder) -> Result<LocalLock> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let path = dir.join("lock");
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("cannot open lock `{}`", path.display()))?;
    // SAFETY: flock on a file descriptor we own; no memory is involved.
    let taken = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
    if !taken {
        let mut text = String::new();
        let _ = file.read_to_string(&mut text);
        let who = serde_json::from_str::<Holder>(&text)
            .map(|h| h.describe())
            .unwrap_or_else(|_| "another tvdr process".into());
        anyhow::bail!("this runbook is already running here: held by {who}");
    }
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(serde_json::to_string(holder)?.as_bytes())?;
    file.sync_all()?;
    Ok(LocalLock { _file: file })
}

/// The lock directory on the node, for this site and runbook.
pub fn remote_path(site: &str, runbook: &str) -> String {
    format!("/var/tmp/tvdr-lock.{site}.{runbook}")
}

/// Takes the lock directory on `node`. A lock left by this same run (tvdr was killed and
/// is resuming) is taken over; anyone else's is refused with who holds it.
pub fn lock_remote(fleet: &Fleet, node: &str, path: &str, holder: &Holder) -> Result<()> {
    let holder_file = format!("{path}/holder");
    let text = serde_json::to_string(holder)?;
    let write = Cmd::new("printf")
        .args(["%s", text.as_str()])
        .write_to(holder_file.as_str());
    let acquired = fleet
        .with(node, |t| {
            let made = t.output(&Cmd::new("mkdir").arg(path))?;
            if made.success() {
                t.output(&write)?;
                return Ok(None);
            }
            let held = t.output(&Cmd::new("cat").arg(holder_file.as_str()))?;
            Ok(Some(held.stdout_lossy()))
        })
        .with_context(|| format!("cannot take the run lock on `{node}`"))?;
    let Some(existing) = acquired else {
        return Ok(());
    };
    match serde_json::from_str::<Holder>(&existing) {
        Ok(other) if other.run_id == holder.run_id => {
            fleet.with(node, |t| t.output(&write))?;
            Ok(())
        }
        Ok(other) => anyhow::bail!(
            "this runbook is already running on this site: `{node}` holds a lock by {} \
             (`{path}`); if that run is really dead, pass `--break-lock REASON`",
            other.describe()
        ),
        Err(_) => anyhow::bail!(
            "`{node}` holds a lock `{path}` of unknown owner; pass `--break-lock REASON` to \
             remove it"
        ),
    }
}

/// Removes the lock directory on `node` (end of run, or `--break-lock`). Returns what the
/// holder file said, for the journal.
pub fn unlock_remote(fleet: &Fleet, node: &str, path: &str) -> Result<String> {
    let holder_file = format!("{path}/holder");
    let (held, removed) = fleet.with(node, |t| {
        let held = t.output(&Cmd::new("cat").arg(holder_file.as_str()))?;
        let removed = t.output(&Cmd::new("rm").args(["-rf", path]))?;
        Ok((held.stdout_lossy(), removed))
    })?;
    if !removed.success() {
        anyhow::bail!(
            "cannot remove the run lock `{path}` on `{node}`: {}",
            String::from_utf8_lossy(&removed.stderr).trim()
        );
    }
    Ok(held)
}
