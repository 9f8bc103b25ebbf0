//! Health checks: each one gathers command output from the nodes over the transport and
//! evaluates it with a pure function into a [`Report`].
//!
//! One module per check. The evaluate side (parsers and verdicts) is tested on real
//! output samples kept next to it in `fixtures/`; the gather side against the lab.

pub mod calendars;
pub mod chat;
pub mod clock;
pub mod context;
pub mod db;
pub mod dns;
pub mod dr_isolated;
pub mod fs_sync;
pub mod hosts;
pub mod license;
pub mod planned;
pub mod ports;
pub mod registry;
pub mod report;
pub mod rpo;
pub mod screen;
pub mod snapshot;
pub mod vip;
pub mod words;

pub use report::{overall, Detail, Metric, Report, Status};
