//! Helpers for the unit tests of the transport.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::time::Duration;

use super::Target;

/// A target run on this machine.
pub(crate) fn local(name: &str) -> Target {
    Target {
        name: name.to_owned(),
        address: "localhost".to_owned(),
        port: 22,
        user: "root".to_owned(),
        identity: None,
        known_hosts: Vec::new(),
        connect_timeout: Duration::from_secs(2),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: Duration::from_secs(20),
        env: BTreeMap::new(),
        kind: super::TransportKind::Local,
    }
}

/// Counts bytes and keeps none: shows output is streamed, not collected.
#[derive(Debug, Default)]
pub(crate) struct Counter {
    pub(crate) bytes: u64,
    pub(crate) writes: u64,
    pub(crate) largest: usize,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.writes += 1;
        self.largest = self.largest.max(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
