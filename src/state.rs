//! Where tvdr keeps what it must remember between runs (journals, samples, snapshots):
//! `--state-dir`/`TVDR_STATE_DIR`, else `$XDG_STATE_HOME/tvdr`, else `~/.local/state/tvdr`,
//! with one directory per site.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub mod private;

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
    read(path).ok().flatten()
}

/// Reads a JSON state file that matters (a step's notes): a missing file is `None`, one
/// that cannot be read or parsed is an error naming it — never taken for "nothing".
pub fn read<T: DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(anyhow::Error::new(err).context(format!("cannot read `{}`", path.display())))
        }
    };
    serde_json::from_slice(&bytes).map(Some).with_context(|| {
        crate::i18n::raise(crate::said!(
            "file-damaged",
            file = path.display().to_string()
        ))
    })
}

/// Writes a small JSON state file atomically (temporary file, fsync, rename, fsync of the
/// directory), so a crash leaves either the old or the new content; 0600 in a 0700
/// directory.
pub fn save<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    private::create_dir(dir)?;
    let tmp = path.with_extension("tmp");
    let mut file = private::options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&tmp)
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-write",
                file = tmp.display().to_string()
            ))
        })?;
    file.write_all(&serde_json::to_vec_pretty(value)?)?;
    file.sync_all()?;
    std::fs::rename(&tmp, path).with_context(|| {
        crate::i18n::raise(crate::said!(
            "file-cannot-write",
            file = path.display().to_string()
        ))
    })?;
    private::sync_parent(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_saved_file_is_private_and_a_damaged_one_is_an_error_not_nothing() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("site/steps/x.json");
        assert_eq!(read::<u32>(&path).unwrap(), None);
        save(&path, &7u32).unwrap();
        assert_eq!(read::<u32>(&path).unwrap(), Some(7));
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&root.path().join("site")), 0o700);
        std::fs::write(&path, b"{torn").unwrap();
        let err = read::<u32>(&path).unwrap_err();
        assert!(format!("{err:#}").contains("damaged"), "{err:#}");
        assert_eq!(load::<u32>(&path), None, "a convenience file may be lost");
    }
}
