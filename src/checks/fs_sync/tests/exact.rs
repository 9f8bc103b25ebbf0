//! `evaluate_exact` on real and synthetic manifest comparisons.

use std::time::Duration;

use super::super::synthetic::{Synthetic, Tree};
use super::super::{compare_manifests, evaluate_exact, Progress};

const MASTER: &[u8] = include_bytes!("../fixtures/manifest-master.bin");
const BEHIND: &[u8] = include_bytes!("../fixtures/manifest-slave-behind.bin");

/// Found by fuzzing: a modification time past the year 9999 made the report panic.
#[test]
fn a_modification_time_past_the_year_9999_is_shown_in_seconds() {
    let slave = include_bytes!("../fixtures/manifest-mtime-past-year-9999.bin");
    let diff = compare_manifests(MASTER, &slave[..], 20);
    let report = evaluate_exact("tvox1", "tvox2", &diff, 5.0, None);
    let shown: Vec<&str> = report.details.iter().map(|d| d.message.en()).collect();
    assert!(
        shown.contains(
            &"differs: modified master 2024-05-06T12:53:20Z, slave 655361715000000 s after 1970"
        ),
        "{shown:#?}"
    );
}

/// Found by fuzzing: two files of 2^64-1 bytes overflowed the totals.
#[test]
fn sizes_that_add_up_past_u64_saturate() {
    let huge = include_bytes!("../fixtures/manifest-two-files-of-u64-max-bytes.bin");
    let diff = compare_manifests(&huge[..], &b""[..], 20).unwrap();
    assert_eq!(diff.master.bytes, u64::MAX);
    assert_eq!(diff.bytes_to_copy, u64::MAX);
    let report = evaluate_exact("tvox1", "tvox2", &Ok(diff), 5.0, None);
    assert_eq!(report.status, crate::checks::Status::Crit, "{report:?}");
}

#[test]
fn every_file_present() {
    let diff = compare_manifests(MASTER, MASTER, 20);
    insta::assert_yaml_snapshot!(evaluate_exact("tvox1", "tvox2", &diff, 5.0, None));
}

#[test]
fn slave_behind_first_run() {
    let diff = compare_manifests(MASTER, BEHIND, 5);
    insta::assert_yaml_snapshot!(evaluate_exact("tvox1", "tvox2", &diff, 5.0, None));
}

#[test]
fn slave_behind_and_copying_gives_an_eta() {
    let diff = compare_manifests(MASTER, BEHIND, 5);
    let before = diff.as_ref().unwrap().bytes_to_copy + 300 * 1024 * 1024;
    let previous = Progress {
        bytes_to_copy_before: before,
        elapsed: Duration::from_secs(600),
    };
    let r = evaluate_exact("tvox1", "tvox2", &diff, 5.0, Some(&previous));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_behind_and_stuck_hints_setperms() {
    let diff = compare_manifests(MASTER, BEHIND, 5);
    let previous = Progress {
        bytes_to_copy_before: diff.as_ref().unwrap().bytes_to_copy,
        elapsed: Duration::from_secs(900),
    };
    let r = evaluate_exact("tvox1", "tvox2", &diff, 5.0, Some(&previous));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn recent_files_missing_within_tolerance_but_stray_partial_files_on_the_slave() {
    let diff = compare_manifests(
        Synthetic::new(20_000, Tree::Master),
        Synthetic::new(20_000, Tree::Slave),
        3,
    );
    insta::assert_yaml_snapshot!(evaluate_exact("tvox1", "tvox2", &diff, 5.0, None));
}

#[test]
fn unsorted_manifest_cannot_be_compared() {
    let diff = compare_manifests(MASTER, &b"1 1 b\x001 1 a\0"[..], 5);
    insta::assert_yaml_snapshot!(evaluate_exact("tvox1", "tvox2", &diff, 5.0, None));
}
