//! Benchmark: `calendars` digesting a large pg_dump stream (default 500k calendar objects,
//! about 115 MB, one 2 MB attachment among them), fed in 64 KiB chunks as they would
//! arrive over SSH; prints throughput and peak memory, which must stay flat.
//!
//! usage: cargo run --release --example bench_calendars_digest [ROWS]

use std::time::Instant;

use tvdr::checks::calendars::DumpDigest;

const HEADER: &str = "--\n-- PostgreSQL database dump\n--\n\n\
    -- Dumped from database version 15.18\n-- Dumped by pg_dump version 15.18\n\n\
    SET statement_timeout = 0;\n\n\
    COPY public.caldav_data (user_no, dav_name, dav_etag, caldav_data, dav_id) FROM stdin;\n";
const TRAILER: &str = "\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n";

fn row(i: u64) -> String {
    let body = if i == 1234 {
        // One calendar object with a large inline attachment: streamed, not buffered.
        format!(
            "ATTACH;VALUE=BINARY;ENCODING=BASE64:{}\\r\\n",
            "QUJD".repeat(512 * 1024)
        )
    } else {
        String::new()
    };
    format!(
        "1001\t/mrossi/calendar/{i:08}.ics\t{i:032x}\tBEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n\
         BEGIN:VEVENT\\r\\nUID:{i}\\r\\nDTSTAMP:20240402T080000Z\\r\\nSUMMARY:Riunione {i}\\r\\n\
         {body}END:VEVENT\\r\\nEND:VCALENDAR\\r\\n\t{i}\n"
    )
}

fn main() {
    let rows: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("ROWS must be a number"))
        .unwrap_or(500_000);
    let mut digest = DumpDigest::new();
    let mut chunk = String::with_capacity(128 * 1024);
    let started = Instant::now();
    let feed = |text: &str, chunk: &mut String, digest: &mut DumpDigest| {
        chunk.push_str(text);
        if chunk.len() >= 64 * 1024 {
            digest.feed(chunk.as_bytes());
            chunk.clear();
        }
    };
    feed(HEADER, &mut chunk, &mut digest);
    for i in 0..rows {
        feed(&row(i), &mut chunk, &mut digest);
    }
    feed(TRAILER, &mut chunk, &mut digest);
    digest.feed(chunk.as_bytes());
    let summary = digest.finish();
    let elapsed = started.elapsed();
    assert_eq!(summary.tables["public.caldav_data"].rows, rows);
    assert_eq!(summary.incomplete, None);
    let mb = summary.bytes as f64 / 1e6;
    println!(
        "{rows} rows, {mb:.0} MB in {elapsed:.2?} ({:.0} MB/s, generation included); peak memory {}",
        mb / elapsed.as_secs_f64(),
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
