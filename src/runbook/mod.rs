//! Runbooks: the vendor procedures as ordered stages of checkable steps.
//!
//! A file is parsed into [`raw`] structures, validated by [`load`] into a [`Runbook`]
//! ([`model`]); conditions ([`condition`]) and command templates ([`template`]) refer to
//! inventory facts and earlier answers ([`facts`]). The shipped runbooks are embedded in
//! the binary ([`library`]).

pub mod answers;
pub mod condition;
pub mod decided;
pub mod engine;
pub mod facts;
pub mod journal;
pub mod library;
pub mod load;
pub mod lock;
pub mod master;
pub mod mirror;
pub mod model;
pub mod plan;
pub mod preflight;
pub mod raw;
pub mod reason;
pub mod receipt;
pub mod report;
pub mod runs;
pub mod secret;
pub mod template;
pub mod text;
#[cfg(test)]
mod trace;
pub mod verdict;

pub use load::{load, Invalid};
pub use model::{Kind, Role, Runbook, Stage, Step};
pub use text::Text;
