//! `check fs-sync --exact`: the NUL-separated `find` manifests of master and slave
//! (`SIZE MTIME PATH\0`, sorted), merge-joined and judged.

use std::time::Duration;

use super::corpus::corpus;
use super::props::properties;
use crate::checks::fs_sync::{compare_manifests, evaluate_exact, ManifestReader, Progress};
use crate::checks::Report;

corpus!(seeds, "src/checks/fs_sync/fixtures/*.bin");

const MASTER: &[u8] = include_bytes!("../checks/fs_sync/fixtures/manifest-master.bin");

fn report(input: &[u8]) -> Report {
    for entry in ManifestReader::new(input) {
        if entry.is_err() {
            break;
        }
    }
    let previous = Progress {
        bytes_to_copy_before: u64::MAX / 2,
        elapsed: Duration::from_secs(60),
    };
    // The hostile manifest on either side, and on both.
    for (master, slave) in [(input, MASTER), (input, input)] {
        let diff = compare_manifests(master, slave, 20);
        evaluate_exact("tvox1", "tvox2", &diff, 1.0, Some(&previous));
    }
    let diff = compare_manifests(MASTER, input, 20);
    evaluate_exact("tvox1", "tvox2", &diff, 1.0, Some(&previous))
}

properties!(128, seeds, report: report);
