//! What tvdr shows: tables for people, JSON for machines, terminal-aware styling.

pub mod closed;
pub mod hidden;
pub mod prefix;
pub mod progress;
pub mod prompt;
pub mod report;
pub mod table;
pub mod term;
