//! What one source report says about the delay of its replication, read from its metrics
//! (`seconds_behind@node`, `lag_seconds@node`, `eta_seconds`, `bytes_to_copy`,
//! `master_bytes`/`slave_bytes`) and, when they are missing, from its status.

use std::time::Duration;

use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// One source's contribution to the recovery point.
#[derive(Debug, Clone, PartialEq)]
pub enum Delay {
    /// Measured in time; `what` says what was measured.
    Time { delay: Duration, what: Msg },
    /// Files behind by this many bytes, with no ETA; `status` is the fs-sync verdict.
    Bytes { bytes: u64, status: Status },
    /// The replication is broken (CRIT without a figure): the gap grows with time.
    Stopped(Msg),
    /// The source could not be read: its summary.
    Unreadable(Msg),
    /// Nothing to replicate (stand-alone).
    NotApplicable(Msg),
}

pub fn read(report: &Report) -> Delay {
    let measured = match report.name.as_str() {
        "db" => report
            .largest_metric("seconds_behind")
            .map(|s| time(s, msg!("rpo-db-what"))),
        "chat" => report
            .largest_metric("lag_seconds")
            .map(|s| time(s, msg!("rpo-chat-what"))),
        "fs-sync" => files(report),
        _ => None,
    };
    if let Some(delay) = measured {
        return delay;
    }
    let summary = report.summary.clone();
    match report.status {
        Status::Crit => Delay::Stopped(summary),
        Status::Ok if summary.starts_with("stand-alone") => Delay::NotApplicable(summary),
        Status::Ok | Status::Warn => Delay::Unreadable(msg!("rpo-no-figure", summary = summary)),
        Status::Unknown => Delay::Unreadable(summary),
    }
}

fn time(seconds: f64, what: Msg) -> Delay {
    Delay::Time {
        delay: Duration::from_secs_f64(seconds.max(0.0)),
        what,
    }
}

/// The files: an ETA is a time; a byte backlog is not; nothing behind is zero.
fn files(report: &Report) -> Option<Delay> {
    let metric = |name: &str| report.metrics.get(name).map(|m| m.value);
    if let Some(eta) = metric("eta_seconds") {
        return Some(time(eta, msg!("rpo-files-eta")));
    }
    let behind = metric("bytes_to_copy").or_else(|| {
        let (master, slave) = (metric("master_bytes")?, metric("slave_bytes")?);
        Some((master - slave).max(0.0))
    })?;
    if behind <= 0.0 {
        return Some(time(0.0, msg!("rpo-files-none")));
    }
    Some(Delay::Bytes {
        bytes: behind as u64,
        status: report.status,
    })
}
