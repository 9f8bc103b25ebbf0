//! Every instant and duration tvdr reads or writes goes through one library, jiff: RFC 3339
//! for journals, reports and records, and durations as people write them (`2h 30m`).
//!
//! - [`Timestamp`]: an instant in journals, run states and reports (UTC, milliseconds).
//! - [`rfc3339`]: instants as text, written in UTC and read with their zone.
//! - [`duration`]: `10s`, `5m`, `1h 30m`, `30d` read and written.

pub mod duration;
pub mod rfc3339;
mod timestamp;

pub use timestamp::Timestamp;
