//! The one figure the status screen shows next to a check's state word: the lag, the
//! size difference, the tables that differ — read from the report's metrics. When the
//! check is not OK its summary is shown instead: the reason matters more than a number.

use std::time::Duration;

use crate::checks::fs_sync::format_bytes;
use crate::checks::{Report, Status};

pub fn figure(report: &Report) -> String {
    if report.status != Status::Ok {
        return report.summary.clone();
    }
    measured(report).unwrap_or_else(|| report.summary.clone())
}

fn measured(report: &Report) -> Option<String> {
    let metric = |name: &str| report.metrics.get(name).map(|m| m.value);
    match report.name.as_str() {
        "db" => report
            .largest_metric("seconds_behind")
            .map(|s| format!("replica {} behind", secs(s))),
        "chat" => report
            .largest_metric("lag_seconds")
            .map(|s| format!("secondary {} behind", secs(s))),
        "calendars" => metric("tables_differing").map(|n| match n as u64 {
            0 => "master and slave identical".to_string(),
            n => format!("{n} table(s) differ"),
        }),
        "fs-sync" => metric("bytes_to_copy")
            .map(|b| format!("{} to copy", format_bytes(b as u64)))
            .or_else(|| {
                let pct = metric("difference_percent")?;
                let size =
                    metric("master_bytes").map(|b| format!(" of {}", format_bytes(b as u64)));
                Some(format!("{pct:.1}% apart{}", size.unwrap_or_default()))
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
