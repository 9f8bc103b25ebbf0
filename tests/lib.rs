//! Integration tests: one binary, one module per feature (see CONTRIBUTING.md).

mod cli;
mod common;
mod exec;
mod inventory;
mod lab;
mod transport;
