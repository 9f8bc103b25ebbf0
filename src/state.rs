//! Where tvdr keeps what it must remember between runs (journals, samples, snapshots):
//! `--state-dir`/`TVDR_STATE_DIR`, else `$XDG_STATE_HOME/tvdr`, else `~/.local/state/tvdr`,
//! with one directory per site.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The state directory of `site`.
pub fn site_dir(explicit: Option<&Path>, site: &str) -> PathBuf {
    let root = explicit.map(Path::to_path_buf).unwrap_or_else(|| {
        let xdg = std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty());
        match xdg {
            Some(dir) => PathBuf::from(dir).join("tvdr"),
            None => {
                let home = std::env::var_os("HOME").unwrap_or_else(|| ".".into());
                PathBuf::from(home).join(".local/state/tvdr")
            }
        }
    });
    root.join(site)
}

/// Reads a small JSON state file; a missing or unreadable one is `None` (state is a
/// convenience: losing it must never stop a check).
pub fn load<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes a small JSON state file atomically (temporary file, fsync, rename), so a crash
/// leaves either the old or the new content.
pub fn save<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let tmp = path.with_extension("tmp");
    let mut file =
        std::fs::File::create(&tmp).with_context(|| format!("cannot write `{}`", tmp.display()))?;
    file.write_all(&serde_json::to_vec_pretty(value)?)?;
    file.sync_all()?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}
