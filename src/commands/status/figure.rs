//! The one figure the status screen shows next to a check's state word: the lag, the
//! size difference, the tables that differ — read from the report's metrics. When the
//! check is not OK its summary is shown instead: the reason matters more than a number.

use std::time::Duration;

use crate::checks::fs_sync::format_bytes;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

pub fn figure(report: &Report) -> Msg {
    if report.status != Status::Ok {
        return report.summary.clone();
    }
    measured(report).unwrap_or_else(|| report.summary.clone())
}

fn measured(report: &Report) -> Option<Msg> {
    let metric = |name: &str| report.metrics.get(name).map(|m| m.value);
    match report.name.as_str() {
        "db" => report
            .largest_metric("seconds_behind")
            .map(|s| msg!("status-figure-replica", behind = secs(s))),
        "chat" => report
            .largest_metric("lag_seconds")
            .map(|s| msg!("status-figure-secondary", behind = secs(s))),
        "calendars" => metric("tables_differing").map(|n| match n as u64 {
            0 => msg!("status-figure-identical"),
            n => msg!("status-figure-tables", count = n),
        }),
        "fs-sync" => metric("bytes_to_copy")
            .map(|b| msg!("status-figure-to-copy", size = format_bytes(b as u64)))
            .or_else(|| {
                let pct = format!("{:.1}", metric("difference_percent")?);
                Some(match metric("master_bytes") {
                    Some(b) => msg!(
                        "status-figure-apart-of",
                        percent = pct,
                        size = format_bytes(b as u64)
                    ),
                    None => msg!("status-figure-apart", percent = pct),
                })
            }),
        "vip" => None,
        _ => None,
    }
}

fn secs(value: f64) -> String {
    crate::time::duration::format(Duration::from_secs(value.max(0.0) as u64)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Metric;

    fn metric(value: f64) -> Metric {
        Metric {
            value,
            unit: "",
            warn: None,
            crit: None,
        }
    }

    #[test]
    fn ok_checks_show_their_figure() {
        let db = Report::new("db", Status::Ok, "long summary")
            .metric("seconds_behind@tvox2", metric(3.0))
            .metric("threads_running@tvox2", metric(2.0));
        assert_eq!(figure(&db), "replica 3s behind");
        let chat = Report::new("chat", Status::Ok, "").metric("lag_seconds@tvox2", metric(125.0));
        assert_eq!(figure(&chat), "secondary 2m 5s behind");
        let cal = Report::new("calendars", Status::Ok, "").metric("tables_differing", metric(0.0));
        assert_eq!(figure(&cal), "master and slave identical");
        let fs = Report::new("fs-sync", Status::Ok, "")
            .metric("difference_percent", metric(0.31))
            .metric("master_bytes", metric(1_213_310_843.0));
        assert_eq!(figure(&fs), "0.3% apart of 1.1 GiB");
    }

    #[test]
    fn other_states_show_the_reason() {
        let db = Report::new("db", Status::Crit, "MySQL on tvox2 does not answer")
            .metric("threads_running@tvox2", metric(0.0));
        assert_eq!(figure(&db), "MySQL on tvox2 does not answer");
        let none = Report::new("vip", Status::Ok, "tvox1 is master");
        assert_eq!(figure(&none), "tvox1 is master");
    }
}
