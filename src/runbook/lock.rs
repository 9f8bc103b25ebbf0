//! One run per site and runbook at a time: a local lock (an `flock` on a file, released by
//! the kernel when tvdr dies) and a lock directory on the cluster (so two technicians on
//! two laptops cannot run the same procedure), both saying who holds them.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::t;
use crate::time::Timestamp;
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
        t!(
            "lock-holder",
            operator = self.operator.as_str(),
            host = self.host.as_str(),
            pid = self.pid,
            run = self.run_id.as_str(),
            since = self.since.as_str()
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
    crate::state::private::create_dir(dir)?;
    let path = dir.join("lock");
    // 0600: it names the operator and the run, like the journal beside it.
    let mut file = crate::state::private::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-open-lock",
                file = path.display().to_string()
            ))
        })?;
    // An exclusive `flock`, released by the kernel when tvdr dies.
    let taken = file.try_lock().is_ok();
    if !taken {
        let mut text = String::new();
        let _ = file.read_to_string(&mut text);
        let who = serde_json::from_str::<Holder>(&text)
            .map(|h| h.describe())
            .unwrap_or_else(|_| t!("lock-another-process"));
        anyhow::bail!(t!("lock-running-here", who = who));
    }
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(serde_json::to_string(holder)?.as_bytes())?;
    file.sync_all()?;
    Ok(LocalLock { _file: file })
}

/// The lock's name on the nodes, for this site and runbook (one path component).
pub fn remote_name(site: &str, runbook: &str) -> String {
    crate::runbook::engine::kinds::memo::safe(&format!("{site}.{runbook}"))
}

/// Names the lock `locks/$1` in `$l`, and refuses one that is a symbolic link: tvdr never
/// made it, and reading or writing a holder through it would act elsewhere.
const LOCK: &str = r#"
l=$d/locks/$1
if [ -h "$l" ]; then
  echo "tvdr: $l is a symbolic link, not a lock tvdr made; remove it by hand" >&2
  exit 125
fi
"#;

/// Takes `locks/$1` in the private directory with a plain `mkdir` (atomic; never through
/// a symlink: the private directory and `locks` are checked, `$l` too, and `mkdir` does
/// not follow its last component), then writes the holder (`$2`) beside it atomically.
const TAKE: &str = r#"
mkdir -p -- "$d/locks" || exit 125
if mkdir -- "$l" 2>/dev/null; then
  printf '%s' "$2" >"$l/holder.tmp" && mv -f -- "$l/holder.tmp" "$l/holder" || exit 125
  echo taken
  exit 0
fi
echo held
cat -- "$l/holder" 2>/dev/null
"#;

/// Writes the holder of a lock this run already holds (taken over).
const RENEW: &str = r#"
printf '%s' "$2" >"$l/holder.tmp" && mv -f -- "$l/holder.tmp" "$l/holder" || exit 125
"#;

/// Prints who holds `locks/$1` (nothing: no lock).
const READ: &str = r#"
[ -f "$l/holder" ] || exit 0
cat -- "$l/holder"
"#;

/// Removes `locks/$1`, printing who held it.
const RELEASE: &str = r#"
[ -d "$l" ] || exit 0
cat -- "$l/holder" 2>/dev/null
rm -rf -- "$l" || exit 125
"#;

fn script(body: &str) -> String {
    format!(
        "{}{LOCK}{body}",
        crate::runbook::receipt::script::PRIVATE_DIR
    )
}

fn lock_cmd(body: &str, name: &str, holder: &str) -> Cmd {
    Cmd::new("sh")
        .arg("-c")
        .arg(script(body).as_str())
        .arg("tvdr-lock")
        .args([name, holder])
}

/// Takes the run lock on `node`. A lock left by this same run (tvdr was killed and is
/// resuming, here or on another laptop that took the run over) is taken over; anyone
/// else's is refused with who holds it.
pub fn lock_remote(fleet: &Fleet, node: &str, name: &str, holder: &Holder) -> Result<()> {
    let text = serde_json::to_string(holder)?;
    let out = fleet
        .with(node, |t| t.output(&lock_cmd(TAKE, name, &text)))
        .with_context(|| t!("lock-cannot-take", node = node))?;
    if !out.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        anyhow::bail!(t!("lock-cannot-take-why", node = node, why = why));
    }
    let said = out.stdout_lossy();
    let (first, existing) = said.split_once('\n').unwrap_or((said.as_str(), ""));
    if first == "taken" {
        return Ok(());
    }
    match serde_json::from_str::<Holder>(existing) {
        Ok(other) if other.run_id == holder.run_id => {
            let renewed = fleet.with(node, |t| t.output(&lock_cmd(RENEW, name, &text)))?;
            if !renewed.success() {
                let why = String::from_utf8_lossy(&renewed.stderr).trim().to_string();
                anyhow::bail!(t!("lock-cannot-renew", node = node, why = why));
            }
            Ok(())
        }
        Ok(other) => anyhow::bail!(t!(
            "lock-running-on-site",
            node = node,
            holder = other.describe(),
            name = name
        )),
        Err(_) => anyhow::bail!(t!("lock-unknown-owner", node = node, name = name)),
    }
}

/// Who holds the run lock on `node` (`None`: no lock; an unreadable holder is an error).
pub fn holder_remote(fleet: &Fleet, node: &str, name: &str) -> Result<Option<Holder>> {
    let out = fleet.with(node, |t| t.output(&lock_cmd(READ, name, "")))?;
    if !out.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        anyhow::bail!(t!("lock-cannot-read", node = node, why = why));
    }
    let text = out.stdout_lossy();
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(serde_json::from_str(text.trim()).with_context(
        || t!("lock-unreadable-holder", node = node),
    )?))
}

/// Removes the run lock on `node` (end of run, or `--break-lock`). Returns what the
/// holder file said, for the journal (empty: there was no lock).
pub fn unlock_remote(fleet: &Fleet, node: &str, name: &str) -> Result<String> {
    let out = fleet.with(node, |t| t.output(&lock_cmd(RELEASE, name, "")))?;
    if !out.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        anyhow::bail!(t!("lock-cannot-remove", node = node, why = why));
    }
    Ok(out.stdout_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::{LocalTransport, Output, Transport};

    /// A transport to this machine whose `$HOME` is `home`.
    fn local(home: &Path) -> LocalTransport {
        let mut target = crate::transport::testing::local("tvox1");
        target
            .env
            .insert("HOME".into(), home.to_string_lossy().into_owned());
        LocalTransport::new(target)
    }

    fn run(home: &Path, body: &str, holder: &str) -> Output {
        local(home)
            .output(&lock_cmd(body, "site.rb", holder))
            .unwrap()
    }

    #[test]
    fn a_lock_is_taken_once_and_released_saying_who_held_it() {
        let home = tempfile::tempdir().unwrap();
        assert_eq!(run(home.path(), TAKE, "a").stdout_lossy(), "taken\n");
        assert_eq!(run(home.path(), TAKE, "b").stdout_lossy(), "held\na");
        assert_eq!(run(home.path(), READ, "").stdout_lossy(), "a");
        assert_eq!(run(home.path(), RELEASE, "").stdout_lossy(), "a");
        assert_eq!(run(home.path(), READ, "").stdout_lossy(), "");
    }

    #[test]
    fn a_lock_is_never_taken_read_or_released_through_a_symbolic_link() {
        let home = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("holder"), "planted").unwrap();
        let locks = home.path().join(".local/state/tvdr/locks");
        std::fs::create_dir_all(&locks).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), locks.join("site.rb")).unwrap();
        for body in [TAKE, RENEW, READ, RELEASE] {
            let out = run(home.path(), body, "mine");
            assert!(!out.success(), "{body}");
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("symbolic link"),
                "{body}"
            );
            assert!(!out.stdout_lossy().contains("planted"), "{body}");
        }
        assert_eq!(
            std::fs::read_to_string(elsewhere.path().join("holder")).unwrap(),
            "planted"
        );
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);

        // Nor in a `locks` directory that is a link.
        let home = tempfile::tempdir().unwrap();
        let private = home.path().join(".local/state/tvdr");
        std::fs::create_dir_all(&private).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), private.join("locks")).unwrap();
        let out = run(home.path(), TAKE, "mine");
        assert!(!out.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a private directory"));
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_local_lock_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let runs = dir.path().join("site/runs/rb");
        let _lock = lock_local(&runs, &Holder::new("r1", "tech-a")).unwrap();
        let mode = std::fs::metadata(runs.join("lock"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let again = lock_local(&runs, &Holder::new("r2", "tech-b"));
        assert!(format!("{:#}", again.err().unwrap()).contains("tech-a"));
    }
}
