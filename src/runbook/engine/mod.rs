//! Running a runbook: the step kinds, the technician, the runner that journals every step.

pub mod human;
pub mod kinds;
mod opening;
mod room;
pub mod runner;
pub mod step;
mod takeover;
