//! `fs-sync` (work in progress).
pub mod size;
