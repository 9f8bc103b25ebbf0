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
use crate::i18n::Msg;
use crate::msg;

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
            let summary = msg!("fs-manifest-error", error = e.msg());
            let mut report = Report::new(NAME, Status::Unknown, summary);
            let node = match e.side {
                Some("slave") => slave,
                _ => master,
            };
            push(
                &mut report,
                Status::Unknown,
                Some(node),
                msg!("item-manifest"),
                e.msg(),
            );
            return report.hint(msg!("fs-manifest-hint"));
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
    let mut report = Report::new(NAME, Status::Ok, Msg::default());
    let pct_text = format!("{pct:.1}");
    let copy_msg = msg!(
        "fs-to-copy",
        missing = d.missing_on_slave.count,
        different = d.different.count,
        size = format_bytes(to_copy),
        percent = pct_text.as_str(),
        master_size = format_bytes(d.master.bytes)
    );
    let copy_msg = match &verdict.why {
        Some(why) => Msg::join([&copy_msg, why], "; "),
        None => copy_msg,
    };
    push(
        &mut report,
        verdict.status,
        None,
        msg!("item-to-copy"),
        copy_msg,
    );
    let eta = previous.and_then(|p| eta(&mut report, p, to_copy));
    let listed = verdict.status.min(Status::Warn);
    list(
        &mut report,
        listed,
        (msg!("fs-missing-on-slave-label"), msg!("fs-missing-more")),
        &d.missing_on_slave,
    );
    list(
        &mut report,
        listed,
        (msg!("fs-differs-label"), msg!("fs-differing-more")),
        &d.different,
    );
    list(
        &mut report,
        Status::Warn,
        (msg!("fs-only-slave-label"), msg!("fs-only-slave-more")),
        &d.extra_on_slave,
    );
    report.status = report.worst_detail(Status::Ok);
    report.summary = match (to_copy, d.missing_on_slave.count + d.different.count) {
        (0, 0) => msg!(
            "fs-exact-ok",
            slave = slave,
            master = master,
            files = d.master.files,
            size = format_bytes(d.master.bytes)
        ),
        _ => msg!(
            "fs-exact-lacks",
            slave = slave,
            master = master,
            count = d.missing_on_slave.count + d.different.count,
            size = format_bytes(to_copy),
            percent = pct_text.as_str()
        ),
    };
    if d.extra_on_slave.count > 0 {
        let extra = msg!("fs-exact-extra", count = d.extra_on_slave.count);
        report.summary = Msg::join([&report.summary, &extra], "; ");
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
        let text = match now {
            0 => msg!(
                "fs-nothing-left",
                before = format_bytes(p.bytes_to_copy_before)
            ),
            _ => msg!(
                "fs-no-progress",
                over = over.as_str(),
                size = format_bytes(now)
            ),
        };
        push(report, Status::Ok, None, msg!("item-progress"), text);
        return None;
    }
    let rate = done as f64 / secs;
    let left = Duration::from_secs((now as f64 / rate).ceil() as u64);
    let text = msg!(
        "fs-copied",
        done = format_bytes(done),
        over = over.as_str(),
        rate = format_bytes(rate as u64),
        left = crate::time::duration::format(left)
    );
    push(report, Status::Ok, None, msg!("item-progress"), text);
    Some(left)
}

/// The first files of one category, then how many more. `labels`: for one file, and for
/// the rest.
fn list(report: &mut Report, status: Status, labels: (Msg, Msg), listed: &Listed) {
    let (what, rest) = labels;
    for f in &listed.first {
        push(
            report,
            status,
            None,
            Msg::text(f.path.as_str()),
            describe(&what, f),
        );
    }
    let more = listed.count - listed.first.len() as u64;
    if more > 0 {
        let text = msg!(
            "fs-and-more",
            count = more,
            rest = rest,
            size = format_bytes(listed.bytes)
        );
        push(report, status, None, Msg::text("…"), text);
    }
}

fn describe(what: &Msg, f: &FileDiff) -> Msg {
    // A manifest's mtime can be anything a node's clock or `touch` said, years past 9999
    // too (found by fuzzing): those are written as plain seconds.
    let when = |t: i64| {
        crate::time::rfc3339::format_epoch(t).unwrap_or_else(|| format!("{t} s after 1970"))
    };
    match (&f.master, &f.slave) {
        (Some(m), Some(s)) if m.size != s.size => msg!(
            "fs-file-size",
            what = what,
            master = m.size.to_string(),
            slave = s.size.to_string()
        ),
        (Some(m), Some(s)) => msg!(
            "fs-file-mtime",
            what = what,
            master = when(m.mtime),
            slave = when(s.mtime)
        ),
        (Some(m), None) | (None, Some(m)) => msg!(
            "fs-file",
            what = what,
            size = format_bytes(m.size),
            modified = when(m.mtime)
        ),
        (None, None) => what.clone(),
    }
}
