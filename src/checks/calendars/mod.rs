//! `calendars`: are DAViCal's calendars (PostgreSQL `davical_administrators`) the same on
//! master and slave?
//!
//! The manual procedure dumps the database on both nodes and compares file sizes. Sizes
//! lie both ways: since PostgreSQL 15.14 every dump carries a random `\restrict` key, and a
//! changed event can keep the same length. So each dump is streamed through a
//! [`DumpDigest`] (no file on the node), which hashes a normalized form and counts rows per
//! table; [`evaluate`] compares the two summaries and names the tables that differ.
//!
//! Gather, per node, as root like the procedure (user and database from the inventory):
//! `PGTZ=UTC pg_dump --clean -U davical_dba davical_administrators`, stdout streamed into
//! [`DumpDigest::feed`] (or `io::copy` into it: it is an `io::Write`; `bytes()` feeds a
//! progress bar). `PGTZ` pins how `timestamptz` values are printed, which otherwise follows
//! each server's time zone (see `fixtures/pg15-davical-timezone-rome.sql`). On a non-zero
//! exit, pass pg_dump's stderr as the node's `Err`; a dump cut short is caught anyway.

mod compare;
mod digest;
mod gather;
mod lexer;
mod lines;
mod normalize;
mod parser;
mod rowset;
mod side;
mod split;
mod summary;
mod verdict;

#[cfg(test)]
mod tests;

pub use digest::DumpDigest;
pub use gather::{dump_command, gather, roles_and_dump_command};
pub use summary::{DumpSummary, TableSummary};
pub use verdict::{evaluate, NodeDump};
