//! Merge join on small hand-made manifests and on a large synthetic pair.

use std::time::Instant;

use super::super::synthetic::{expected_counts, Synthetic, Tree};
use super::*;

const MASTER: &[u8] = include_bytes!("fixtures/manifest-master.bin");
const SLAVE: &[u8] = include_bytes!("fixtures/manifest-slave-behind.bin");

fn paths(l: &Listed) -> Vec<&str> {
    l.first.iter().map(|f| f.path.as_str()).collect()
}

#[test]
fn identical_manifests_have_nothing_to_copy() {
    let d = compare_manifests(MASTER, MASTER, 20).unwrap();
    assert_eq!(d.master, d.slave);
    assert_eq!(
        (
            d.missing_on_slave.count,
            d.extra_on_slave.count,
            d.different.count
        ),
        (0, 0, 0)
    );
    assert_eq!(d.bytes_to_copy, 0);
}

#[test]
fn real_find_output_of_a_slave_behind() {
    let d = compare_manifests(MASTER, SLAVE, 5).unwrap();
    insta::assert_yaml_snapshot!(d);
}

#[test]
fn each_kind_of_difference_is_counted_and_listed() {
    let master = b"10 100 a\x0020 200 b c\x0030 300 d\x0040 400 e\0";
    let slave = b"10 100 a\x0021 200 b c\x0030 301 d\x005 500 da\0";
    let d = compare_manifests(&master[..], &slave[..], 20).unwrap();
    assert_eq!(paths(&d.missing_on_slave), ["e"]);
    assert_eq!(paths(&d.extra_on_slave), ["da"]);
    assert_eq!(paths(&d.different), ["b c", "d"]);
    assert_eq!(d.bytes_to_copy, 40 + 20 + 30);
    assert_eq!(
        (d.master.files, d.master.bytes, d.slave.files, d.slave.bytes),
        (4, 100, 4, 66)
    );
}

#[test]
fn only_the_first_n_are_listed_but_all_are_counted() {
    let master: Vec<u8> = (0..50)
        .flat_map(|i| format!("1 1 f{i:03}\0").into_bytes())
        .collect();
    let d = compare_manifests(&master[..], &b""[..], 3).unwrap();
    assert_eq!(d.missing_on_slave.count, 50);
    assert_eq!(paths(&d.missing_on_slave), ["f000", "f001", "f002"]);
}

#[test]
fn empty_slave_manifest_means_everything_is_missing() {
    let d = compare_manifests(MASTER, &b""[..], 0).unwrap();
    assert_eq!(d.missing_on_slave.count, d.master.files);
    assert_eq!(d.bytes_to_copy, d.master.bytes);
}

#[test]
fn an_unsorted_side_is_named_in_the_error() {
    let err = compare_manifests(MASTER, &b"1 1 b\x001 1 a\0"[..], 20).unwrap_err();
    assert_eq!(
        err.to_string(),
        "slave manifest, record 2: not sorted: \"a\" after \"b\" (sort with LC_ALL=C)"
    );
}

/// Million files in debug builds take too long for the test suite; the million runs in
/// the `fs_manifest` example (`cargo run --release --example fs_manifest`).
#[test]
fn large_synthetic_pair_streams_in_one_pass() {
    let n = if cfg!(debug_assertions) {
        200_000
    } else {
        1_000_000
    };
    let started = Instant::now();
    let d = compare_manifests(
        Synthetic::new(n, Tree::Master),
        Synthetic::new(n, Tree::Slave),
        20,
    )
    .unwrap();
    let (missing, different, extra) = expected_counts(n);
    assert_eq!(d.master.files, n);
    assert_eq!(d.missing_on_slave.count, missing);
    assert_eq!(d.different.count, different);
    assert_eq!(d.extra_on_slave.count, extra);
    assert_eq!(d.slave.files, n - missing + extra);
    assert_eq!(d.missing_on_slave.first.len(), 20);
    assert_eq!(
        d.missing_on_slave.first[0].path,
        "recordings/0000/0000007.wav"
    );
    eprintln!("{n} files per side compared in {:?}", started.elapsed());
}
