//! Integration tests: one binary, one module per feature (see CONTRIBUTING.md).

// Tests start the lab, ssh-keygen and `script` themselves; only tvdr must go through its
// transport.
#![allow(clippy::disallowed_methods)]

mod browser;
mod channels;
mod checks_dns;
mod checks_dr;
mod checks_node;
mod checks_sync;
mod cli;
mod common;
mod convert;
mod dry_run;
mod exactly_once;
mod exec;
mod faults;
mod field;
mod hidden;
mod honest;
mod injection;
mod inventory;
mod kept;
mod lab;
mod lang;
mod master;
mod modules;
mod monitoring;
mod openssh;
mod package;
mod patch_verdict;
mod rehearsal;
mod report;
mod runbook;
mod screen_handover;
mod secret_ps;
mod site;
mod sites;
mod stalls;
mod status;
mod steps;
mod strict;
mod sudo;
mod terminal;
mod transport;
mod wait;
