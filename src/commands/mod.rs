//! One module per subcommand: each turns its arguments into work and output.

pub mod check;
pub mod exec;
pub mod generate;
pub mod init;
pub mod inventory;
pub mod keep;
pub mod lint;
pub mod operator;
pub mod runbook;
pub mod snapshot;
pub mod standalone;
pub mod status;
pub mod trust;
