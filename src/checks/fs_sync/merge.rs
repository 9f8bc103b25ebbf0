//! Compares two sorted manifests in one pass (a merge join): memory holds one record per
//! side plus the first few differences, whatever the number of files.

use std::io::Read;

use serde::Serialize;

use super::manifest::{lossy, ManifestEntry, ManifestError, ManifestReader};

/// Size and whole-second mtime of a file on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FileMeta {
    pub size: u64,
    pub mtime: i64,
}

/// One differing file (path shown lossily when not UTF-8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileDiff {
    pub path: String,
    pub master: Option<FileMeta>,
    pub slave: Option<FileMeta>,
}

/// A category of differences: how many, how many bytes (the master's size, or the
/// slave's for extra files), and the first few.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub count: u64,
    pub bytes: u64,
    pub first: Vec<FileDiff>,
}

/// Files and bytes in one tree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TreeTotals {
    pub files: u64,
    pub bytes: u64,
}

/// The outcome of comparing the master's manifest with the slave's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ManifestDiff {
    pub master: TreeTotals,
    pub slave: TreeTotals,
    pub missing_on_slave: Listed,
    pub extra_on_slave: Listed,
    /// Present on both, with another size or mtime.
    pub different: Listed,
    /// What a sync still has to send: missing plus different files, at the master's size.
    pub bytes_to_copy: u64,
}

/// Merge-joins the two manifests (format in [`manifest`](super::manifest)), keeping the
/// first `max_listed` files of each category.
pub fn compare_manifests(
    master: impl Read,
    slave: impl Read,
    max_listed: usize,
) -> Result<ManifestDiff, ManifestError> {
    let mut m = Side::new(master, "master")?;
    let mut s = Side::new(slave, "slave")?;
    let mut diff = ManifestDiff::default();
    loop {
        let order = match (&m.current, &s.current) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(a), Some(b)) => a.path.cmp(&b.path),
        };
        match order {
            std::cmp::Ordering::Less => {
                let a = m.take(&mut diff.master)?;
                add(
                    &mut diff.missing_on_slave,
                    &a.path,
                    Some(&a),
                    None,
                    a.size,
                    max_listed,
                );
            }
            std::cmp::Ordering::Greater => {
                let b = s.take(&mut diff.slave)?;
                add(
                    &mut diff.extra_on_slave,
                    &b.path,
                    None,
                    Some(&b),
                    b.size,
                    max_listed,
                );
            }
            std::cmp::Ordering::Equal => {
                let a = m.take(&mut diff.master)?;
                let b = s.take(&mut diff.slave)?;
                if a.size != b.size || a.mtime != b.mtime {
                    add(
                        &mut diff.different,
                        &a.path,
                        Some(&a),
                        Some(&b),
                        a.size,
                        max_listed,
                    );
                }
            }
        }
    }
    diff.bytes_to_copy = diff
        .missing_on_slave
        .bytes
        .saturating_add(diff.different.bytes);
    Ok(diff)
}

/// One manifest with its current (not yet consumed) record.
struct Side<R> {
    reader: ManifestReader<R>,
    current: Option<ManifestEntry>,
    name: &'static str,
}

impl<R: Read> Side<R> {
    fn new(input: R, name: &'static str) -> Result<Side<R>, ManifestError> {
        let mut reader = ManifestReader::new(input);
        let current = next(&mut reader, name)?;
        Ok(Side {
            reader,
            current,
            name,
        })
    }

    /// Consumes the current record (counting it) and reads the next one.
    fn take(&mut self, totals: &mut TreeTotals) -> Result<ManifestEntry, ManifestError> {
        let entry = self.current.take().expect("called with a current record");
        totals.files += 1;
        // Saturating: sizes come from the node, and two of 2^64-1 bytes overflowed (found
        // by fuzzing); a sum pinned at the maximum still says "far too much".
        totals.bytes = totals.bytes.saturating_add(entry.size);
        self.current = next(&mut self.reader, self.name)?;
        Ok(entry)
    }
}

fn next<R: Read>(
    reader: &mut ManifestReader<R>,
    side: &'static str,
) -> Result<Option<ManifestEntry>, ManifestError> {
    reader.next().transpose().map_err(|mut e| {
        e.side = Some(side);
        e
    })
}

fn add(
    listed: &mut Listed,
    path: &[u8],
    master: Option<&ManifestEntry>,
    slave: Option<&ManifestEntry>,
    bytes: u64,
    max_listed: usize,
) {
    listed.count += 1;
    listed.bytes = listed.bytes.saturating_add(bytes);
    if listed.first.len() < max_listed {
        let meta = |e: &ManifestEntry| FileMeta {
            size: e.size,
            mtime: e.mtime,
        };
        listed.first.push(FileDiff {
            path: lossy(path),
            master: master.map(meta),
            slave: slave.map(meta),
        });
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
