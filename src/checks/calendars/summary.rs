//! What is kept of a dump once it has streamed past: sizes, hashes, per-table row counts,
//! sequence values and versions. Small and serializable, so a node's facts fit a report.

use crate::i18n::Msg;
use std::collections::BTreeMap;

use serde::Serialize;

/// The digest of one pg_dump output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DumpSummary {
    /// Raw size of the output in bytes, as pg_dump wrote it.
    pub bytes: u64,
    pub lines: u64,
    /// SHA-256 over the normalized content: schema, every table and every sequence.
    /// Equal hashes mean equal calendars (and equal schema text).
    pub hash: String,
    /// SHA-256 of the normalized schema statements alone, in dump order.
    pub schema_hash: String,
    /// Per table (schema-qualified, as pg_dump names it): rows and a digest of them.
    pub tables: BTreeMap<String, TableSummary>,
    /// `setval` per sequence: `"3004, true"`.
    pub sequences: BTreeMap<String, String>,
    /// `-- Dumped from database version …`
    pub server_version: Option<String>,
    /// `-- Dumped by pg_dump version …`
    pub pg_dump_version: Option<String>,
    /// Whether `\restrict KEY` lines were seen (15.14+, 16.10+, 17.6+).
    pub restrict_key: bool,
    /// Why the dump is not whole (cut inside a COPY section, no final
    /// `PostgreSQL database dump complete`, empty), or `None` when it is.
    pub incomplete: Option<Msg>,
}

/// The data of one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableSummary {
    pub rows: u64,
    /// Order-independent digest of the rows and the column list.
    pub hash: String,
}

impl DumpSummary {
    pub fn total_rows(&self) -> u64 {
        self.tables.values().map(|t| t.rows).sum()
    }

    /// Major version of pg_dump (`"9.2"`, `"15"`), which decides how the schema is printed.
    pub fn pg_dump_major(&self) -> Option<String> {
        self.pg_dump_version.as_deref().and_then(major)
    }

    /// Major version of the server, which prints view and default definitions.
    pub fn server_major(&self) -> Option<String> {
        self.server_version.as_deref().and_then(major)
    }
}

/// `"9.2.24"` → `"9.2"`, `"15.18 (Debian …)"` → `"15"`, `"17beta1"` → `"17"`.
pub(super) fn major(version: &str) -> Option<String> {
    let word = version.split_whitespace().next()?;
    let mut parts = word.split('.');
    let first: String = parts
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let first_num: u32 = first.parse().ok()?;
    if first_num >= 10 {
        return Some(first);
    }
    // Before 10 the major version had two parts.
    let second: String = parts
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!second.is_empty()).then(|| format!("{first}.{second}"))
}

#[cfg(test)]
mod tests {
    use super::major;

    #[test]
    fn major_versions_before_and_after_10() {
        assert_eq!(major("9.2.24").as_deref(), Some("9.2"));
        assert_eq!(
            major("15.18 (Debian 15.18-0+deb12u1)").as_deref(),
            Some("15")
        );
        assert_eq!(major("17.6").as_deref(), Some("17"));
        assert_eq!(major("17beta1").as_deref(), Some("17"));
        assert_eq!(major("garbage"), None);
    }
}
