//! Running a runbook: the step kinds, the technician, the runner that journals every step.

mod abandon;
mod answers_file;
mod from;
pub mod human;
mod journalled;
pub mod kinds;
mod opening;
mod options;
mod room;
pub mod runner;
mod shared;
pub mod step;
mod takeover;
mod undecided;
