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

/// Creates `dir` and any missing parent, each 0700 (an existing one is left as it is),
/// and syncs the directory above each one it made: a journal synced into a directory
/// whose own entry was lost in a crash would be lost with it.
pub fn create_dir(dir: &Path) -> Result<()> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .collect();
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-create",
                file = dir.display().to_string()
            ))
        })?;
    // Outermost first: each entry is durable before the one inside it.
    missing.iter().rev().try_for_each(|made| sync_parent(made))
}

/// Creates a new file 0600 (and its directory, 0700) and syncs the directory, so the new
/// name outlives a crash; fails if the file exists. Opened for appending.
pub fn create_new(path: &Path) -> Result<File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_dir(dir)?;
    }
    let file = options()
        .create_new(true)
        .append(true)
        .open(path)
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-create",
                file = path.display().to_string()
            ))
        })?;
    sync_parent(path)?;
    Ok(file)
}

/// Opens an append-only log (snapshot records, UAT walks) for reading and appending,
/// created as by [`create_new`] the first time.
pub fn open_log(path: &Path) -> Result<File> {
    match create_new(path) {
        Ok(file) => Ok(file),
        Err(_) if path.is_file() => {
            options()
                .read(true)
                .append(true)
                .open(path)
                .with_context(|| {
                    crate::i18n::raise(crate::said!(
                        "file-cannot-open",
                        file = path.display().to_string()
                    ))
                })
        }
        Err(err) => Err(err),
    }
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
    File::open(dir).and_then(|d| d.sync_all()).with_context(|| {
        crate::i18n::raise(crate::said!(
            "file-cannot-sync-dir",
            file = dir.display().to_string()
        ))
    })
}

/// Writes a whole file 0600 (a report): created or truncated, then synced with its name.
/// A file that was there keeps nothing of its old mode: an earlier report readable by
/// others would otherwise hand them this one.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let mut file = options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-write",
                file = path.display().to_string()
            ))
        })?;
    file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-make-private",
                file = path.display().to_string()
            ))
        })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| {
            crate::i18n::raise(crate::said!(
                "file-cannot-write",
                file = path.display().to_string()
            ))
        })?;
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

    #[test]
    fn a_report_written_over_a_readable_file_is_private() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("report.md");
        std::fs::write(&file, b"old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write(&file, b"new").unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
    }

    #[test]
    fn new_files_and_logs_are_private_and_a_new_file_is_never_an_old_one() {
        let root = tempfile::tempdir().unwrap();
        let journal = root.path().join("site/runs/demo/r1.jsonl");
        create_new(&journal).unwrap();
        assert_eq!(mode(&journal), 0o600);
        assert_eq!(mode(&root.path().join("site/runs")), 0o700);
        assert!(
            create_new(&journal).is_err(),
            "an existing journal is never reused"
        );
        let log = root.path().join("site/uat.jsonl");
        std::io::Write::write_all(&mut open_log(&log).unwrap(), b"one\n").unwrap();
        std::io::Write::write_all(&mut open_log(&log).unwrap(), b"two\n").unwrap();
        assert_eq!(mode(&log), 0o600);
        assert_eq!(std::fs::read(&log).unwrap(), b"one\ntwo\n");
    }
}
