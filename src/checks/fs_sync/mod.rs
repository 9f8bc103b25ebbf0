//! `fs-sync`: does the slave hold what the master holds in `/opt/telenia_data/sync`?
//!
//! The manual procedure compares `du -h --max-depth=1` on both nodes by eye. Here:
//!
//! - **Default**: [`parse_du`] on each node's `du`, then [`evaluate_sizes`]: a table of
//!   first-level directories, master against slave, with a tolerance, and a [`Sample`] kept
//!   between runs to tell a slave that is catching up from one that is stuck.
//!   Gather, per node (`DIR` quoted by the transport, stdout and stderr kept apart):
//!   `LC_ALL=C du -0 -b --max-depth=1 DIR` — `-b` (apparent bytes, not rounded, not block
//!   usage, which differs between filesystems and with sparse files), `-0` (NUL-ended
//!   records: any file name), `LC_ALL=C` (plain quotes and `.` decimals in messages).
//!   Parse with `parse_du(stdout, stderr, DuUnit::Bytes)`.
//! - **`--exact`**: a manifest of every file on each node (command in [`manifest`]),
//!   streamed into [`compare_manifests`] (one pass, flat memory), then [`evaluate_exact`].
//!
//! The verdict rules (tolerance, "far", growing) are in `judge.rs`.

mod common;
pub mod du;
mod exact;
mod gather;
mod judge;
pub mod manifest;
mod merge;
pub mod size;
mod sizes;
pub mod synthetic;

#[cfg(test)]
mod tests;

pub use du::{parse_du, DuEntry, DuListing};
pub use exact::{evaluate_exact, Progress};
pub use gather::{du_command, gather};
pub use judge::{FAR_FACTOR, SLACK_BYTES};
pub use manifest::{ManifestEntry, ManifestError, ManifestReader};
pub use merge::{compare_manifests, FileDiff, FileMeta, Listed, ManifestDiff, TreeTotals};
pub use size::{format_bytes, parse_du_size, DuSize, DuUnit};
pub use sizes::{evaluate_sizes, NodeDu, Sample};
