//! `tvdr check snapshot`: reminders for VM snapshots still kept. The procedures take a
//! snapshot before each risky stage and say to delete it after a week (a kept snapshot
//! grows without bound and slows the VM); the records are those of `tvdr snapshot record`
//! and of runbook steps (`crate::snapshots`). No SSH: it reads the state directory only.

use std::time::SystemTime;

use crate::i18n::Msg;
use crate::msg;
use crate::snapshots::{self, age_msg, Snapshot, MAX_AGE};
use crate::time::rfc3339;

use super::context::Context;
use super::{Metric, Report, Status};

const NAME: &str = "snapshot";

pub fn gather(cx: &Context) -> Report {
    let Some(dir) = cx.options.state_dir.as_deref() else {
        return Report::new(NAME, Status::Unknown, msg!("snapshot-no-state-dir"))
            .lasting(msg!("snapshot-no-state-dir-lasting"));
    };
    match snapshots::list(dir) {
        Ok(kept) => evaluate(&kept, SystemTime::now()),
        // Read on this machine: an unreadable record stays unreadable.
        Err(e) => {
            let why = Msg::text(format!("{e:#}"));
            Report::new(NAME, Status::Unknown, why.clone()).lasting(why)
        }
    }
}

/// OK with no snapshot or only recent ones; WARN for each one kept longer than a week.
pub fn evaluate(kept: &[Snapshot], now: SystemTime) -> Report {
    let mut report = Report::new(NAME, Status::Ok, msg!("snapshot-check-none"));
    let mut overdue = Vec::new();
    for s in kept {
        let age = s.age(now);
        let taken = msg!(
            "snapshot-taken",
            at = rfc3339::format_seconds(s.taken_at),
            by = s.recorded_by.as_str(),
            age = age_msg(age)
        );
        let note = s
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let taken = taken.map(|t| format!("{t}{note}"));
        let (status, message) = if s.overdue(now) {
            let (node, name) = (s.node.as_str(), s.name.as_str());
            overdue.push(age_msg(age).map(|age| format!("{node} `{name}` ({age})")));
            (Status::Warn, msg!("snapshot-overdue", taken = taken))
        } else {
            let due = rfc3339::format_seconds(s.taken_at + MAX_AGE);
            (Status::Ok, msg!("snapshot-due", taken = taken, due = due))
        };
        report = report.detail(status, Some(&s.node), Msg::text(s.name.as_str()), message);
    }
    let oldest = kept.iter().map(|s| s.age(now)).max().unwrap_or_default();
    if !overdue.is_empty() {
        report.status = Status::Warn;
        report.summary = msg!(
            "snapshot-summary-overdue",
            count = overdue.len(),
            snapshots = Msg::join(&overdue, ", ")
        );
        report = report.hint(msg!("snapshot-hint"));
    } else if !kept.is_empty() {
        report.summary = msg!(
            "snapshot-summary-kept",
            count = kept.len(),
            oldest = age_msg(oldest)
        );
    }
    let count = Metric {
        value: kept.len() as f64,
        unit: "",
        warn: None,
        crit: None,
    };
    let age = Metric {
        value: oldest.as_secs() as f64,
        unit: "s",
        warn: Some(MAX_AGE.as_secs() as f64),
        crit: None,
    };
    report
        .metric("snapshots", count)
        .metric("oldest_snapshot_age", age)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::time::rfc3339;

    fn at(text: &str) -> SystemTime {
        rfc3339::parse(text).unwrap()
    }

    fn snap(node: &str, name: &str, taken: &str) -> Snapshot {
        Snapshot {
            node: node.into(),
            name: name.into(),
            taken_at: at(taken),
            recorded_by: "mrossi".into(),
            note: None,
        }
    }

    #[test]
    fn none_is_ok() {
        let r = evaluate(&[], at("2024-05-10T00:00:00Z"));
        assert_eq!(
            (r.status, r.summary.en()),
            (Status::Ok, "no VM snapshot recorded")
        );
    }

    #[test]
    fn a_fresh_snapshot_is_ok_with_its_deadline() {
        let r = evaluate(
            &[snap("tvox1", "pre-ft", "2024-05-08T10:00:00Z")],
            at("2024-05-10T10:00:00Z"),
        );
        assert_eq!(r.status, Status::Ok);
        assert_eq!(
            r.summary,
            "1 VM snapshot(s) kept, the oldest 2 days old (delete within a week)"
        );
        assert!(
            r.details[0]
                .message
                .ends_with("delete it by 2024-05-15T10:00:00Z"),
            "{:?}",
            r.details
        );
    }

    #[test]
    fn each_snapshot_older_than_a_week_warns() {
        let mut old = snap("tvox2", "pre-upgrade", "2024-05-01T09:00:00Z");
        old.note = Some("before 21.3".into());
        let kept = [
            snap("tvox1", "pre-upgrade", "2024-05-02T09:00:00Z"),
            old,
            snap("tvox1", "pre-dr", "2024-05-09T09:00:00Z"),
        ];
        let r = evaluate(&kept, at("2024-05-10T10:00:00Z"));
        insta::assert_yaml_snapshot!(r);
        assert_eq!(
            r.metrics["oldest_snapshot_age"].value,
            Duration::from_secs(9 * 86_400 + 3600).as_secs() as f64
        );
    }
}
