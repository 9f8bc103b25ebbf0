//! The site's state is the operator's alone and survives a power cut: directories are
//! created 0700, files 0600, and a new name is made durable by syncing its directory.
//!
//! Journals name hosts, addresses and answers; the state directory may sit on a shared
//! jump host, so nothing in it is readable by other users. A file's own fsync does not
//! persist its directory entry: after a crash a journal could be synced yet missing, so
//! whoever creates or renames a file syncs the directory too.

use std::fs::{DirBuilder, File, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use anyhow::{Context, Result};

/// Mode of every directory tvdr creates for its state.
pub const DIR_MODE: u32 = 0o700;
/// Mode of every file tvdr writes there (journals, reports, notes, samples).
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` and any missing parent, each 0700 (an existing one is left as it is).
pub fn create_dir(dir: &Path) -> Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
        .with_context(|| format!("cannot create `{}`", dir.display()))
}

/// Options that create a file 0600 (the mode applies only when the file is new).
pub fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.mode(FILE_MODE);
    options
}

/// Syncs the directory holding `path`, so a file just created or renamed there is
/// still there after a crash.
pub fn sync_parent(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot sync the directory `{}`", dir.display()))
}

/// Writes a whole file 0600 (a report): created or truncated, then synced with its name.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    sync_parent(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn directories_are_0700_and_files_0600_whatever_the_umask() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("site/runs/demo");
        create_dir(&dir).unwrap();
        assert_eq!(mode(&root.path().join("site")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("report.md");
        write(&file, b"text").unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"text");
        sync_parent(&file).unwrap();
    }
}
