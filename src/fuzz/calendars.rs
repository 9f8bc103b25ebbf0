//! `check calendars`: the `pg_dump` stream of master and slave (any pg version, COPY or
//! INSERTs, errors instead of a dump), digested in chunks as it arrives, then compared.

use super::corpus::corpus;
use super::props::properties;
use crate::checks::calendars::{evaluate, DumpDigest, NodeDump};
use crate::checks::Report;

corpus!(seeds, "src/checks/calendars/fixtures");

const MASTER: &[u8] = include_bytes!("../checks/calendars/fixtures/pg15-davical.sql");

fn digest(input: &[u8]) -> crate::checks::calendars::DumpSummary {
    // Chunks of an odd size, as an SSH channel hands them over: lines cut anywhere.
    let mut d = DumpDigest::new();
    for chunk in input.chunks(4093) {
        d.feed(chunk);
    }
    d.finish()
}

fn report(input: &[u8]) -> Report {
    let master = NodeDump::new("tvox1", Ok(digest(MASTER)));
    let slave = NodeDump::new("tvox2", Ok(digest(input)));
    evaluate(&slave, &master);
    evaluate(&master, &slave)
}

properties!(128, seeds, report: report);
