//! Hostile input, test-only: every parser of text that comes from a node or from a file a
//! user may have been handed is fed arbitrary bytes and mutated real fixtures, and must
//! not panic, hang or hold memory out of proportion to its input (docs/reliability.md).
//!
//! - [`alloc`], [`guard`]: the memory ceiling and peak, the deadline, the shared config.
//! - [`corpus`], [`mutate`]: the seeds (the fixtures) and the edits made to them.
//! - one module per parser family, each with its properties and big-input tests.

pub mod alloc;
mod big;
pub mod corpus;
pub mod guard;
pub mod mutate;
mod props;
mod render;

mod calendars;
mod chat;
mod clock;
mod db;
mod dns;
mod du;
mod hosts;
mod journal;
mod license;
mod manifest;
mod probes;
mod screen;
mod screen_log;
mod snapshots;
mod vip;
mod yaml_answers;
mod yaml_bombs;
mod yaml_inventory;
mod yaml_runbook;
