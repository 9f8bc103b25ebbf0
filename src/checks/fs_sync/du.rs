//! Parses `du --max-depth=1 DIR` output: `SIZE<TAB>PATH` records in post-order, the last
//! one being `DIR` itself, plus `du: …` error lines.
//!
//! Records end in `\n`, or in NUL with `du -0` (what tvdr gathers, so a name holding a
//! newline stays one record). Everything after the first TAB is the path, so names with
//! spaces, tabs or any UTF-8 pass through. Lines starting `du: ` are errors, wherever they
//! appear: technicians paste stdout and stderr mixed.

use super::size::{parse_du_size, DuSize, DuUnit};
use crate::i18n::Msg;
use crate::msg;

/// One record of `du`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuEntry {
    /// The path as printed.
    pub path: String,
    /// The path relative to the listed directory (`recordings`); empty for the directory.
    pub name: String,
    pub size: DuSize,
}

/// What `du --max-depth=1 DIR` said on one node.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DuListing {
    /// The last record: `DIR` itself, i.e. the total.
    pub root: Option<DuEntry>,
    /// The first-level directories, sorted by name.
    pub dirs: Vec<DuEntry>,
    /// `du: cannot read directory …` and unparsable lines: sizes may be undercounted.
    pub warnings: Vec<Msg>,
    /// `du: cannot access 'DIR'…` when nothing at all was listed: the directory is missing.
    pub missing: Option<Msg>,
}

impl DuListing {
    /// The size of one first-level directory.
    pub fn dir(&self, name: &str) -> Option<&DuEntry> {
        self.dirs.iter().find(|d| d.name == name)
    }

    /// Whether every size is exact (no `-h` rounding).
    pub fn exact(&self) -> bool {
        self.root.iter().chain(&self.dirs).all(|e| e.size.exact)
    }
}

/// Parses `du`'s stdout and stderr (pass pasted, mixed output as `stdout` and `""`).
pub fn parse_du(stdout: &str, stderr: &str, unit: DuUnit) -> DuListing {
    let separator = if stdout.contains('\0') { '\0' } else { '\n' };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for record in stdout.split(separator).chain(stderr.split('\n')) {
        let record = record.strip_suffix('\r').unwrap_or(record);
        // In NUL mode a stray newline may end the record (`du -0` output piped through
        // tools that add one); a path never ends in one in practice.
        let record = if separator == '\0' {
            record.trim_matches('\n')
        } else {
            record
        };
        if record.trim().is_empty() {
            continue;
        }
        if record.starts_with("du: ") {
            errors.push(Msg::text(record.trim()));
            continue;
        }
        let parsed = record
            .split_once('\t')
            .and_then(|(size, path)| Some((parse_du_size(size, unit)?, path)));
        match parsed {
            Some((size, path)) => entries.push((size, path.to_string())),
            None => errors.push(msg!("fs-du-unparsable", record = format!("{record:?}"))),
        }
    }
    listing(entries, errors)
}

fn listing(mut entries: Vec<(DuSize, String)>, mut warnings: Vec<Msg>) -> DuListing {
    let Some((size, path)) = entries.pop() else {
        // Nothing listed: a `cannot access` error means the directory itself is missing.
        let at = warnings.iter().position(|w| w.contains("cannot access"));
        let missing = at.map(|i| warnings.remove(i));
        return DuListing {
            warnings,
            missing,
            ..DuListing::default()
        };
    };
    let prefix = match path.trim_end_matches('/') {
        "" => "/".to_string(),
        p => format!("{p}/"),
    };
    let mut dirs: Vec<DuEntry> = entries
        .into_iter()
        .filter_map(|(size, p)| {
            let name = p.strip_prefix(&prefix).unwrap_or(&p).trim_end_matches('/');
            // Deeper levels (a `--max-depth=2` paste) are not compared.
            (!name.contains('/')).then(|| DuEntry {
                name: name.to_string(),
                path: p.clone(),
                size,
            })
        })
        .collect();
    dirs.sort_by(|a, b| a.name.cmp(&b.name));
    let root = DuEntry {
        path,
        name: String::new(),
        size,
    };
    DuListing {
        root: Some(root),
        dirs,
        warnings,
        missing: None,
    }
}

#[cfg(test)]
#[path = "du_tests.rs"]
mod tests;
