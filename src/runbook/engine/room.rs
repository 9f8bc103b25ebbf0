//! Room for the journal: a step is never started that its journal may not be able to
//! record. Journal records carry output tails and check reports, so a few hundred KiB
//! per step is possible; below [`MIN_FREE`] free in the state directory, tvdr stops
//! before the step and says why (the run resumes once there is room).

use std::path::Path;

use anyhow::Result;

/// Free space under which no step starts.
pub const MIN_FREE: u64 = 1 << 20;

/// Bytes free for this user in the file system of `dir` (`None`: cannot tell).
pub fn free(dir: &Path) -> Option<u64> {
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// Stops before a step when the state directory is (nearly) full.
pub fn ensure(dir: &Path, step: &str) -> Result<()> {
    match free(dir) {
        Some(bytes) if bytes < MIN_FREE => anyhow::bail!(
            "not starting step `{step}`: the state directory `{}` has {} KiB free, and tvdr \
             does not start a step it may not be able to journal; free some space, then run \
             the same command to resume here",
            dir.display(),
            bytes / 1024
        ),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_with_room_passes_and_a_missing_one_cannot_tell() {
        let dir = tempfile::tempdir().unwrap();
        assert!(free(dir.path()).is_some());
        assert!(free(&dir.path().join("missing")).is_none());
        ensure(&dir.path().join("missing"), "s").unwrap();
    }
}
