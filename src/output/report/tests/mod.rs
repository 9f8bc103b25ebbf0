//! Tests of the report formats, on report sets shaped like real check results.

mod exit;
mod exposition;
mod italian;
mod junit_xml;
mod snapshots;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::checks::{Metric, Report, Status};

/// A fixed "now" so snapshots do not change: 2024-05-06T12:53:20Z.
fn time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_715_000_000)
}

fn metric(value: f64, unit: &'static str, warn: Option<f64>, crit: Option<f64>) -> Metric {
    Metric {
        value,
        unit,
        warn,
        crit,
    }
}

/// A healthy cluster.
fn all_ok() -> Vec<Report> {
    vec![
        Report::new("calendars", Status::Ok, "dumps identical (1.2 MiB on both)"),
        Report::new("chat", Status::Ok, "tvox1 PRIMARY, tvox2 SECONDARY, lag 0s").metric(
            "lag_seconds@tvox2",
            metric(0.0, "s", Some(10.0), Some(60.0)),
        ),
        Report::new("db", Status::Ok, "replica running, 0s behind"),
    ]
}

/// A bad day, in the caller's order (not severity order): the calendars agree, the chat
/// replica set lost a member and has no PRIMARY, the slave's files lag behind, and the
/// licence check could not tell.
fn mixed() -> Vec<Report> {
    let calendars = Report::new("calendars", Status::Ok, "dumps identical (1234567 bytes)");
    let mut calendars = calendars.metric("dump_bytes", metric(1_234_567.0, "B", None, None));
    calendars.nodes.insert(
        "tvox1".into(),
        json!({"role": "master", "bytes": 1_234_567}),
    );
    calendars
        .nodes
        .insert("tvox2".into(), json!({"role": "slave", "bytes": 1_234_567}));

    let chat = Report::new(
        "chat",
        Status::Crit,
        "no PRIMARY: 1 of 3 members unreachable",
    )
    .detail(
        Status::Warn,
        Some("tvox1"),
        "tvox1:27017",
        "SECONDARY, health 1",
    )
    .detail(
        Status::Warn,
        Some("tvox2"),
        "tvox2:27017",
        "SECONDARY, health 1",
    )
    .detail(
        Status::Crit,
        Some("dr"),
        "dr:27017",
        "(not reachable/healthy), lastHeartbeatMessage: Connection refused",
    )
    .metric("members_healthy", metric(2.0, "", Some(2.0), Some(1.0)))
    .hint("start mongod on `dr` (systemctl start mongod) and look at `rs.status()` again");

    let fs_sync = Report::new(
        "fs-sync",
        Status::Warn,
        "slave 3.2 GiB behind (2.1%), growing",
    )
    .detail(
        Status::Ok,
        Some("tvox2"),
        "voicemail",
        "master 1.0 GiB, slave 1.0 GiB",
    )
    .detail(
        Status::Warn,
        Some("tvox2"),
        "recordings",
        "master 150.3 GiB, slave 147.1 GiB",
    )
    .metric(
        "behind_bytes@tvox2",
        metric(3_435_973_837.0, "B", Some(1e9), Some(1e10)),
    )
    .metric(
        "behind_percent@tvox2",
        metric(2.1, "%", Some(1.0), Some(10.0)),
    )
    .metric("sample_interval", metric(30.0, "s", None, None))
    .hint("the first sync of voice recordings can take hours")
    .hint("if the slave does not grow between samples, run setperms.sh on the master");

    let license = Report::new("license", Status::Unknown, "could not read the licence").detail(
        Status::Unknown,
        Some("tvox1"),
        "license",
        "no `license.command` in tvdr.yaml",
    );

    vec![calendars, chat, fs_sync, license]
}

/// Strings that break naive formats: quotes, markup, newlines, pipes, control characters,
/// unicode, a CDATA terminator, and numbers JSON and perfdata cannot hold.
fn hostile() -> Vec<Report> {
    let summary =
        "dump differs: <usr> & \"collection\" 'x'\nsecond line | pipe ✓ naïve 日本 \u{1b}[31mred";
    vec![
        Report::new("chat", Status::Crit, summary)
            .detail(
                Status::Crit,
                Some("tvox\"2\"<&>"),
                "]]> item\ttab",
                "bell\u{7} nul\u{0} end",
            )
            .metric(
                "lag \"p95\" μs='x'@tvox 2\n",
                metric(f64::NAN, "s", None, Some(f64::INFINITY)),
            )
            .metric("ratio%", metric(-12.5, "%", None, None))
            .hint("quote \\ backslash \"and\" <b>tags</b>"),
        Report::new("fs_sync", Status::Warn, "")
            .metric("behind", metric(1.5, "B", Some(0.0), None)),
        // Sanitizes to the same Prometheus name as the one above: one series must go.
        Report::new("fs-sync", Status::Unknown, "café\r\n")
            .metric("behind", metric(2.5, "B", None, None)),
    ]
}

/// The site name hostile too: it lands in JUnit classnames and Prometheus labels.
const HOSTILE_SITE: &str = "acme \"prod\" <eu> & co\\\n";
