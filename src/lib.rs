//! tvdr: checkable, resumable runbooks and cross-node health checks for TVox PBX clusters.
//!
//! The binary is a thin shell around [`run`]; everything lives here so tests can call it.

pub mod cli;
pub mod exit_code;
pub mod inventory;
pub mod transport;
