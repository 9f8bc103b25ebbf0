//! Integration tests: one binary, one module per feature (see CONTRIBUTING.md).

mod lab;
mod transport;
