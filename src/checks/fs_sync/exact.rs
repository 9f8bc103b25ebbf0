//! The `--exact` verdict: what the manifest comparison found, bytes still to copy, and an
//! estimate of the time left when a previous run's figure is known.
//!
//! The status follows the same rule as the `du` table ([`judge`](super::judge)), applied to
//! the bytes still to copy: a live PBX writes recordings all the time, so a few recent
//! files missing on the slave are normal and within tolerance.

use std::time::Duration;

use serde_json::json;

use super::common::{hints, push, NAME};
use super::judge::{percent, Judge};
use super::manifest::ManifestError;
use super::merge::{FileDiff, Listed, ManifestDiff};
use super::size::format_bytes;
use crate::checks::{Metric, Report, Status};

/// The previous `--exact` run, for progress and an ETA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub bytes_to_copy_before: u64,
    /// Time between that run and this one.
    pub elapsed: Duration,
}

/// Reports a manifest comparison between `master` and `slave` (node names).
pub fn evaluate_exact(
    master: &str,
    slave: &str,
    diff: &Result<ManifestDiff, ManifestError>,
    tolerance_percent: f64,
    previous: Option<&Progress>,
) -> Report {
    let d = match diff {
        Ok(d) => d,
        Err(e) => {
            let summary = format!("cannot compare file manifests: {e}");
            let mut report = Report::new(NAME, Status::Unknown, summary);
            let node = match e.side {
                Some("slave") => slave,
                _ => master,
            };
            push(
                &mut report,
                Status::Unknown,
                Some(node),
                "manifest",
                e.to_string(),
            );
            return report.hint(
                "the manifest must be `SIZE MTIME PATH` records ended by NUL and sorted by \
                 `LC_ALL=C sort -z -t ' ' -k 3`",
            );
        }
    };
    let to_copy = d.bytes_to_copy;
    let judge = Judge {
        tolerance_percent,
        progress: previous.map(|p| to_copy < p.bytes_to_copy_before),
    };
    let have = d.master.bytes.saturating_sub(to_copy);
    let verdict = judge.judge(Some(d.master.bytes), Some(have));
    let pct = percent(d.master.bytes, have);
    let mut report = Report::new(NAME, Status::Ok, String::new());
    let copy_msg = format!(
        "{} missing and {} differing file(s) on the slave: {} still to copy ({pct:.1}% of the \
         master's {})",
        d.missing_on_slave.count,
        d.different.count,
        format_bytes(to_copy),
        format_bytes(d.master.bytes)
    );
    let copy_msg = match verdict.why {
        Some(why) => format!("{copy_msg}; {why}"),
        None => copy_msg,
    };
    push(&mut report, verdict.status, None, "to copy", copy_msg);
    let eta = previous.and_then(|p| eta(&mut report, p, to_copy));
    let listed = verdict.status.min(Status::Warn);
    list(
        &mut report,
        listed,
        ("missing on the slave", "missing"),
        &d.missing_on_slave,
    );
    list(&mut report, listed, ("differs", "differing"), &d.different);
    list(
        &mut report,
        Status::Warn,
        ("only on the slave", "only on the slave"),
        &d.extra_on_slave,
    );
    report.status = report.worst_detail(Status::Ok);
    report.summary = match (to_copy, d.missing_on_slave.count + d.different.count) {
        (0, 0) => format!(
            "slave `{slave}` has every file of master `{master}` ({} files, {})",
            d.master.files,
            format_bytes(d.master.bytes)
        ),
        _ => format!(
            "slave `{slave}` lacks {} file(s) of master `{master}`: {} to copy ({pct:.1}%)",
            d.missing_on_slave.count + d.different.count,
            format_bytes(to_copy)
        ),
    };
    if d.extra_on_slave.count > 0 {
        let extra = format!("; {} file(s) only on the slave", d.extra_on_slave.count);
        report.summary.push_str(&extra);
    }
    let mut report = hints(report, master, judge.progress, verdict.behind);
    for (name, role, totals) in [(master, "master", d.master), (slave, "slave", d.slave)] {
        let facts = json!({ "role": role, "files": totals.files, "bytes": totals.bytes });
        report.nodes.insert(name.to_string(), facts);
    }
    let metric = |value: f64, unit| Metric {
        value,
        unit,
        warn: None,
        crit: None,
    };
    let mut report = report
        .metric("bytes_to_copy", metric(to_copy as f64, "B"))
        .metric("files_missing", metric(d.missing_on_slave.count as f64, ""))
        .metric("files_different", metric(d.different.count as f64, ""))
        .metric("files_extra", metric(d.extra_on_slave.count as f64, ""));
    if let Some(eta) = eta {
        report = report.metric("eta_seconds", metric(eta.as_secs() as f64, "s"));
    }
    report
}

/// Adds the progress row; returns the estimated time left when the slave is catching up.
fn eta(report: &mut Report, p: &Progress, now: u64) -> Option<Duration> {
    let secs = p.elapsed.as_secs_f64();
    let done = p.bytes_to_copy_before.saturating_sub(now);
    let over = crate::time::duration::format(Duration::from_secs(p.elapsed.as_secs()));
    if now == 0 || done == 0 || secs <= 0.0 {
        let msg = match now {
            0 => format!(
                "nothing left to copy (was {})",
                format_bytes(p.bytes_to_copy_before)
            ),
            _ => format!(
                "no progress in the last {over}: {} still to copy",
                format_bytes(now)
            ),
        };
        push(report, Status::Ok, None, "progress", msg);
        return None;
    }
    let rate = done as f64 / secs;
    let left = Duration::from_secs((now as f64 / rate).ceil() as u64);
    let msg = format!(
        "copied {} in the last {over} ({}/s): about {} left",
        format_bytes(done),
        format_bytes(rate as u64),
        crate::time::duration::format(left)
    );
    push(report, Status::Ok, None, "progress", msg);
    Some(left)
}

/// The first files of one category, then how many more. `labels`: for one file, and for
/// the rest.
fn list(report: &mut Report, status: Status, labels: (&str, &str), listed: &Listed) {
    let (what, rest) = labels;
    for f in &listed.first {
        push(report, status, None, &f.path, describe(what, f));
    }
    let more = listed.count - listed.first.len() as u64;
    if more > 0 {
        let msg = format!(
            "… and {more} more {rest} ({} in all)",
            format_bytes(listed.bytes)
        );
        push(report, status, None, "…", msg);
    }
}

fn describe(what: &str, f: &FileDiff) -> String {
    // A manifest's mtime can be anything a node's clock or `touch` said, years past 9999
    // too (found by fuzzing): those are written as plain seconds.
    let when = |t: i64| {
        crate::time::rfc3339::format_epoch(t).unwrap_or_else(|| format!("{t} s after 1970"))
    };
    match (&f.master, &f.slave) {
        (Some(m), Some(s)) if m.size != s.size => {
            format!("{what}: size master {} B, slave {} B", m.size, s.size)
        }
        (Some(m), Some(s)) => {
            format!(
                "{what}: modified master {}, slave {}",
                when(m.mtime),
                when(s.mtime)
            )
        }
        (Some(m), None) | (None, Some(m)) => {
            format!(
                "{what} ({}, modified {})",
                format_bytes(m.size),
                when(m.mtime)
            )
        }
        (None, None) => what.to_string(),
    }
}
