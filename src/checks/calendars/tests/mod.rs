//! Fixture tests for `calendars`: real pg_dump 15.18 output generated from a DAViCal-like
//! database, plus 9.2 and 17 forms and error texts (see `fixtures/README.md`).

mod chunks;
mod digest;
mod verdict;

use super::{DumpDigest, DumpSummary, NodeDump};

pub(super) const PG15: &str = include_str!("../fixtures/pg15-davical.sql");
pub(super) const PG15_AGAIN: &str = include_str!("../fixtures/pg15-davical-dumped-again.sql");
pub(super) const PG92: &str = include_str!("../fixtures/pg92-davical.sql");
pub(super) const PG17: &str = include_str!("../fixtures/pg17-davical.sql");
pub(super) const SLAVE_MISSING: &str =
    include_str!("../fixtures/pg15-davical-slave-missing-caldav-rows.sql");
pub(super) const REORDERED: &str = include_str!("../fixtures/pg15-davical-rows-in-other-order.sql");
pub(super) const CHANGED: &str = include_str!("../fixtures/pg15-davical-same-size-changed-row.sql");
pub(super) const INSERTS: &str = include_str!("../fixtures/pg15-davical-inserts.sql");
pub(super) const ROWS_PER_INSERT: &str =
    include_str!("../fixtures/pg15-davical-rows-per-insert.sql");
pub(super) const IF_EXISTS: &str = include_str!("../fixtures/pg15-davical-if-exists.sql");
pub(super) const ROME: &str = include_str!("../fixtures/pg15-davical-timezone-rome.sql");
pub(super) const SHARED_SMALL: &str = include_str!("../fixtures/pg15-restrict-small.sql");

pub(super) fn digest(dump: &[u8]) -> DumpSummary {
    let mut d = DumpDigest::new();
    d.feed(dump);
    d.finish()
}

pub(super) fn ok(node: &str, dump: &str) -> NodeDump {
    NodeDump::new(node, Ok(digest(dump.as_bytes())))
}

/// `dump` cut just before the first occurrence of `marker`.
pub(super) fn cut_before(dump: &str, marker: &str) -> String {
    let at = dump.find(marker).expect("marker in fixture");
    dump[..at].to_string()
}
