//! Benchmark: `fs-sync --exact` comparing two manifests of N files (default a million),
//! generated on the fly, and the peak memory it took. The unit test runs a smaller pair
//! in debug builds; this is the million-file figure.
//!
//! usage: cargo run --release --example bench_fs_manifest [N]

use std::time::Instant;

use tvdr::checks::fs_sync::compare_manifests;
use tvdr::checks::fs_sync::synthetic::{expected_counts, Synthetic, Tree};

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("N must be a number"))
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let diff = compare_manifests(
        Synthetic::new(n, Tree::Master),
        Synthetic::new(n, Tree::Slave),
        20,
    )
    .expect("synthetic manifests are well formed");
    let elapsed = started.elapsed();
    let (missing, different, extra) = expected_counts(n);
    assert_eq!(diff.missing_on_slave.count, missing);
    assert_eq!(diff.different.count, different);
    assert_eq!(diff.extra_on_slave.count, extra);
    println!(
        "{n} files per side: {} missing, {} different, {} extra, {} bytes to copy",
        missing, different, extra, diff.bytes_to_copy
    );
    println!(
        "compared in {elapsed:.2?} ({:.0} files/s per side); peak memory {}",
        n as f64 / elapsed.as_secs_f64(),
        peak_memory()
    );
}

/// `VmHWM` from `/proc/self/status` (Linux), the resident set's high-water mark.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
