//! `check fs-sync`: `du --max-depth=1` of the sync dir on master and slave (sizes in
//! bytes, blocks or `-h`, records ended by NUL or newline, errors mixed in), compared.

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::fs_sync::{evaluate_sizes, parse_du, DuUnit, NodeDu, Sample};
use crate::checks::Report;

corpus!(seeds, "src/checks/fs_sync/fixtures/*.txt");

fn report(input: &[u8]) -> Report {
    let text = text(input);
    // The same text read in every unit, and as stdout then as stderr: the unit decides
    // how sizes parse, the stream how errors are told from records.
    for unit in [DuUnit::Bytes, DuUnit::Kibibytes, DuUnit::Human] {
        parse_du("", &text, unit);
    }
    let master = parse_du(
        include_str!("../checks/fs_sync/fixtures/du-b-master.txt"),
        "",
        DuUnit::Bytes,
    );
    let slave = parse_du(&text, "", DuUnit::Human);
    // A previous sample with the slave's directories, so growth is computed too.
    let previous = Sample {
        slave_total: slave.root.as_ref().map_or(0, |r| r.size.bytes / 2),
        dirs: slave
            .dirs
            .iter()
            .map(|d| (d.name.clone(), d.size.bytes / 2))
            .collect(),
    };
    let node = |name: &str, listing| NodeDu {
        node: name.into(),
        listing: Ok(listing),
    };
    evaluate_sizes(
        &node("tvox2", slave.clone()),
        &node("tvox1", master.clone()),
        1.0,
        None,
    );
    evaluate_sizes(
        &node("tvox1", master),
        &node("tvox2", slave),
        1.0,
        Some(&previous),
    )
}

properties!(128, seeds, report: report);
