//! The verdict on one replication connection: threads running, lag under the threshold.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};

use super::replica::{Position, Replica, ThreadError};
use crate::checks::chat::verdict::{seconds, Verdict};
use crate::checks::{Metric, Status};
use crate::i18n::Msg;
use crate::msg;

/// Judges `replica` on `node` into `verdict` and `metrics`; returns its facts and the
/// summary for when all is well.
pub fn judge(
    node: &str,
    replica: &Replica,
    max_lag: Duration,
    verdict: &mut Verdict,
    metrics: &mut BTreeMap<String, Metric>,
) -> (Value, Msg) {
    let (item, suffix) = match replica.connection.as_str() {
        "" => (msg!("item-replication"), String::new()),
        name => (
            msg!("item-connection", name = name),
            format!("_{}", metric_safe(name)),
        ),
    };
    let what = match replica.connection.as_str() {
        "" => msg!("db-replication-on", node = node),
        name => msg!("db-replication-named-on", name = name, node = node),
    };
    let source = if replica.source.is_empty() {
        msg!("db-the-master")
    } else {
        Msg::text(&replica.source)
    };
    for (thread, running, error) in [
        ("IO", &replica.io_running, &replica.io_error),
        ("SQL", &replica.sql_running, &replica.sql_error),
    ] {
        if running != "Yes" {
            let state = match running.as_str() {
                "No" => msg!("db-thread-stopped"),
                "" => msg!("db-thread-missing"),
                other => Msg::text(other.to_ascii_lowercase()),
            };
            let field = format!("Slave_{thread}_Running: {running}");
            let (detail, short) = describe(error.as_ref());
            verdict.add(
                Status::Crit,
                Some(node),
                item.clone(),
                msg!(
                    "db-thread-detail",
                    thread = thread,
                    state = &state,
                    field = field,
                    detail = detail
                ),
                msg!(
                    "db-thread-headline",
                    what = &what,
                    thread = thread,
                    state = &state,
                    short = short
                ),
            );
            hint(verdict, thread, error.as_ref(), &source);
        }
    }
    let delay = match replica.sql_delay {
        0 => Msg::default(),
        d => msg!("db-master-delay", delay = seconds(d)),
    };
    if replica.threads_running() == 2 {
        let limit = seconds(max_lag.as_secs());
        match replica.seconds_behind {
            Some(Some(lag)) if lag > max_lag.as_secs() => verdict.add(
                Status::Warn,
                Some(node),
                item.clone(),
                msg!(
                    "db-lag-over",
                    lag = seconds(lag),
                    source = &source,
                    limit = limit.as_str(),
                    delay = &delay
                ),
                msg!(
                    "db-lag-over-headline",
                    what = &what,
                    lag = seconds(lag),
                    source = &source,
                    limit = limit.as_str()
                ),
            ),
            Some(Some(lag)) => verdict.add(
                Status::Ok,
                Some(node),
                item.clone(),
                msg!(
                    "db-lag",
                    lag = seconds(lag),
                    source = &source,
                    delay = &delay
                ),
                Msg::default(),
            ),
            Some(None) => verdict.add(
                Status::Crit,
                Some(node),
                item.clone(),
                msg!("db-lag-null"),
                msg!("db-lag-null-headline", what = &what),
            ),
            None => verdict.add(
                Status::Unknown,
                Some(node),
                item.clone(),
                msg!("db-lag-missing"),
                msg!("db-lag-missing-headline", what = &what),
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
        Some(Some(lag)) => msg!("db-behind", lag = seconds(lag)),
        _ => msg!("db-lag-unknown"),
    };
    (
        facts(replica),
        msg!("db-ok-part", what = what, source = source, lag = lag_text),
    )
}

/// ` — error 2003 at 260302 10:44:02: <text>` for the detail, and the short form
/// ` (error 2003: <what the server said>)` for the summary.
fn describe(error: Option<&ThreadError>) -> (Msg, Msg) {
    let Some(e) = error else {
        return (msg!("db-no-error"), msg!("db-no-error-short"));
    };
    let when = e
        .when
        .as_deref()
        .map_or_else(Msg::default, |w| msg!("db-error-at", when = w));
    // MariaDB and MySQL put the server's own words after `message:` / `Message:`.
    let lower = e.message.to_ascii_lowercase();
    let said = lower
        .find("message: ")
        .map_or(e.message.as_str(), |i| &e.message[i + 9..]);
    let mut lines = said.lines();
    let first_line = lines.next().unwrap_or_default();
    let more = if lines.next().is_some() { " …" } else { "" };
    (
        msg!(
            "db-error",
            errno = e.errno.to_string(),
            when = when,
            message = e.message.as_str()
        ),
        msg!(
            "db-error-short",
            errno = e.errno.to_string(),
            line = format!("{first_line}{more}")
        ),
    )
}

fn hint(verdict: &mut Verdict, thread: &str, error: Option<&ThreadError>, source: &Msg) {
    let errno = error.map_or(0, |e| e.errno);
    let text = match (thread, errno) {
        ("IO", 2003 | 2005 | 2013) => msg!("db-hint-unreachable", source = source),
        ("IO", 1045) => msg!("db-hint-replication-user"),
        ("IO", 1236) => msg!("db-hint-binlog-gone"),
        ("SQL", 1062 | 1032) => msg!("db-hint-data-differs"),
        (_, 0) => msg!("db-hint-stopped"),
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
