//! The verdict on one replication connection: threads running, lag under the threshold.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};

use super::replica::{Position, Replica, ThreadError};
use crate::checks::chat::verdict::{seconds, Verdict};
use crate::checks::{Metric, Status};

/// Judges `replica` on `node` into `verdict` and `metrics`; returns its facts and the
/// summary for when all is well.
pub fn judge(
    node: &str,
    replica: &Replica,
    max_lag: Duration,
    verdict: &mut Verdict,
    metrics: &mut BTreeMap<String, Metric>,
) -> (Value, String) {
    let (item, suffix) = match replica.connection.as_str() {
        "" => ("replication".to_string(), String::new()),
        name => (
            format!("connection '{name}'"),
            format!("_{}", metric_safe(name)),
        ),
    };
    let what = match replica.connection.as_str() {
        "" => format!("replication on {node}"),
        name => format!("replication '{name}' on {node}"),
    };
    let source = if replica.source.is_empty() {
        "the master"
    } else {
        replica.source.as_str()
    };
    for (thread, running, error) in [
        ("IO", &replica.io_running, &replica.io_error),
        ("SQL", &replica.sql_running, &replica.sql_error),
    ] {
        if running != "Yes" {
            let state = match running.as_str() {
                "No" => "stopped".to_string(),
                "" => "missing from the output".to_string(),
                other => other.to_ascii_lowercase(),
            };
            let field = format!("Slave_{thread}_Running: {running}");
            let (detail, short) = describe(error.as_ref());
            verdict.add(
                Status::Crit,
                Some(node),
                &item,
                format!("{thread} thread {state} ({field}){detail}"),
                format!("{what}: {thread} thread {state}{short}"),
            );
            hint(verdict, thread, error.as_ref(), source);
        }
    }
    let delay = match replica.sql_delay {
        0 => String::new(),
        d => format!(" (MASTER_DELAY {} configured)", seconds(d)),
    };
    if replica.threads_running() == 2 {
        let limit = seconds(max_lag.as_secs());
        match replica.seconds_behind {
            Some(Some(lag)) if lag > max_lag.as_secs() => verdict.add(
                Status::Warn,
                Some(node),
                &item,
                format!(
                    "IO and SQL threads running, {} behind {source} (threshold {limit}){delay}",
                    seconds(lag)
                ),
                format!(
                    "{what} is {} behind {source} (threshold {limit})",
                    seconds(lag)
                ),
            ),
            Some(Some(lag)) => verdict.add(
                Status::Ok,
                Some(node),
                &item,
                format!(
                    "IO and SQL threads running, {} behind {source}{delay}",
                    seconds(lag)
                ),
                "",
            ),
            Some(None) => verdict.add(
                Status::Crit,
                Some(node),
                &item,
                "both threads running but Seconds_Behind_Master is NULL",
                format!("{what}: Seconds_Behind_Master is NULL"),
            ),
            None => verdict.add(
                Status::Unknown,
                Some(node),
                &item,
                "no Seconds_Behind_Master in the output (cut short?)",
                format!("{what}: no Seconds_Behind_Master in the output"),
            ),
        }
    }
    let running = replica.threads_running();
    let count = Metric {
        value: f64::from(running),
        unit: "",
        warn: None,
        crit: None,
    };
    metrics.insert(format!("threads_running{suffix}@{node}"), count);
    if let Some(Some(lag)) = replica.seconds_behind {
        let lag_metric = Metric {
            value: lag as f64,
            unit: "s",
            warn: Some(max_lag.as_secs_f64()),
            crit: None,
        };
        metrics.insert(format!("seconds_behind{suffix}@{node}"), lag_metric);
    }
    let lag_text = match replica.seconds_behind {
        Some(Some(lag)) => format!("{} behind", seconds(lag)),
        _ => "lag unknown".to_string(),
    };
    (
        facts(replica),
        format!("{what} from {source}: IO and SQL threads running, {lag_text}"),
    )
}

/// ` — error 2003 at 260302 10:44:02: <text>` for the detail, and the short form
/// ` (error 2003: <what the server said>)` for the summary.
fn describe(error: Option<&ThreadError>) -> (String, String) {
    let Some(e) = error else {
        return (", no error".into(), " (no error)".into());
    };
    let when = e
        .when
        .as_deref()
        .map(|w| format!(" at {w}"))
        .unwrap_or_default();
    // MariaDB and MySQL put the server's own words after `message:` / `Message:`.
    let lower = e.message.to_ascii_lowercase();
    let said = lower
        .find("message: ")
        .map_or(e.message.as_str(), |i| &e.message[i + 9..]);
    let mut lines = said.lines();
    let first_line = lines.next().unwrap_or_default();
    let more = if lines.next().is_some() { " …" } else { "" };
    (
        format!(": error {}{when}: {}", e.errno, e.message),
        format!(" (error {}: {first_line}{more})", e.errno),
    )
}

fn hint(verdict: &mut Verdict, thread: &str, error: Option<&ThreadError>, source: &str) {
    let errno = error.map_or(0, |e| e.errno);
    let text = match (thread, errno) {
        ("IO", 2003 | 2005 | 2013) => format!(
            "the replica cannot reach the master {source}: check MySQL there and port 3306 \
             between the nodes (`tvdr check ports`)"
        ),
        ("IO", 1045) => "the master refuses the replication user: check its password \
                         (CHANGE MASTER TO … MASTER_PASSWORD) and its REPLICATION SLAVE grant"
            .to_string(),
        ("IO", 1236) => "the master no longer has the binary log the replica needs: the replica \
                         must be rebuilt from a fresh dump of the master"
            .to_string(),
        ("SQL", 1062 | 1032) => "the replica's data differs from the master's (duplicate or \
                                 missing row): resynchronise it from the master rather than \
                                 skipping the error"
            .to_string(),
        (_, 0) => "replication was stopped without an error (STOP SLAVE?): START SLAVE on the \
                   replica once you know why"
            .to_string(),
        _ => return,
    };
    verdict.hint(text);
}

fn facts(replica: &Replica) -> Value {
    let at = |p: &Option<Position>| p.as_ref().map(|p| format!("{}:{}", p.file, p.offset));
    json!({
        "connection": replica.connection,
        "source": replica.source,
        "io_running": replica.io_running,
        "sql_running": replica.sql_running,
        "seconds_behind": replica.seconds_behind.flatten(),
        "read": at(&replica.read),
        "applied": at(&replica.applied),
        "sql_delay": replica.sql_delay,
    })
}

/// A connection name usable inside a metric name.
fn metric_safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}
