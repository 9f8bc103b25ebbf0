//! `tvdr check clock`: clock skew between the nodes (the DR client included), measured
//! NTP-style against this machine's clock and judged against `thresholds.clock_skew`
//! (CRIT at five times it). Replication and TLS certificates depend on agreeing clocks.

mod gather;
mod measure;
mod parse;
#[cfg(test)]
mod tests;

use std::time::Duration;

use serde_json::json;

pub use gather::{command as sample_command, gather};
pub use measure::{best, offset, Offset};
pub use parse::{parse, Reading};

use super::{Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// How many times the warning threshold is critical.
pub const CRIT_FACTOR: f64 = 5.0;

/// One node's clock against this machine's (`Err`: why it could not be read).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeClock {
    pub node: String,
    pub offset: Result<Offset, Msg>,
}

pub fn evaluate(clocks: &[NodeClock], warn: Duration) -> Report {
    let warn = warn.as_secs_f64();
    let crit = warn * CRIT_FACTOR;
    let mut report = Report::new("clock", Status::Ok, Msg::default());
    let mut read = Vec::new();
    for clock in clocks {
        let node = clock.node.as_str();
        match &clock.offset {
            Ok(o) => {
                read.push((node, *o));
                report.nodes.insert(
                    clock.node.clone(),
                    json!({ "offset_s": o.seconds, "uncertainty_s": o.uncertainty }),
                );
                report = report
                    .detail(
                        Status::Ok,
                        Some(node),
                        msg!("item-clock"),
                        msg!(
                            "clock-offset",
                            offset = format!("{:+.3}", o.seconds),
                            uncertainty = format!("{:.3}", o.uncertainty)
                        ),
                    )
                    .metric(
                        &format!("clock_offset_seconds@{node}"),
                        Metric {
                            value: o.seconds,
                            unit: "s",
                            warn: None,
                            crit: None,
                        },
                    );
            }
            Err(why) => {
                report = report.detail(Status::Unknown, Some(node), msg!("item-clock"), why.clone())
            }
        }
    }
    let unread = read.len() < clocks.len();
    let (verdict, message) = match read.as_slice() {
        [] => (Status::Unknown, msg!("clock-none-read")),
        [(node, o)] if !unread => {
            // Nothing to compare with but this machine, whose clock may be the wrong one.
            let status = judge(o.seconds.abs(), o.uncertainty, warn, crit);
            let message = msg!(
                "clock-only-node",
                node = *node,
                offset = format!("{:+.3}", o.seconds),
                uncertainty = format!("{:.3}", o.uncertainty)
            );
            (status.min(Status::Warn), message)
        }
        [_] => (Status::Unknown, msg!("clock-one-read")),
        many => {
            let by = |a: &&(&str, Offset), b: &&(&str, Offset)| a.1.seconds.total_cmp(&b.1.seconds);
            let (late, lo) = many.iter().min_by(by).expect("two or more");
            let (early, hi) = many.iter().max_by(by).expect("two or more");
            let skew = hi.seconds - lo.seconds;
            let bound = hi.uncertainty + lo.uncertainty;
            report = report.metric(
                "clock_skew_seconds",
                Metric {
                    value: skew,
                    unit: "s",
                    warn: Some(warn),
                    crit: Some(crit),
                },
            );
            let status = judge(skew, bound, warn, crit);
            let names: Vec<&str> = many.iter().map(|(n, _)| *n).collect();
            let (skew, bound) = (format!("{skew:.3}"), format!("{bound:.3}"));
            let message = if status == Status::Ok {
                msg!(
                    "clock-skew-ok",
                    skew = skew,
                    bound = bound,
                    nodes = names.join(", ")
                )
            } else {
                msg!(
                    "clock-ahead",
                    early = *early,
                    skew = skew,
                    bound = bound,
                    late = *late
                )
            };
            (status, message)
        }
    };
    report = report.detail(verdict, None, msg!("item-skew"), message.clone());
    report.status = report.worst_detail(Status::Unknown);
    report.summary = msg!(
        "clock-summary",
        message = message,
        warn = warn.to_string(),
        crit = crit.to_string()
    );
    match verdict {
        Status::Warn | Status::Crit => report = report.hint(msg!("clock-hint-ntp")),
        Status::Unknown if !read.is_empty() && !unread => {
            report = report.hint(msg!("clock-hint-slow"))
        }
        _ => {}
    }
    report
}

/// A skew known to within `± bound`: flagged only when it surely crosses a threshold,
/// UNKNOWN when it may or may not.
fn judge(skew: f64, bound: f64, warn: f64, crit: f64) -> Status {
    let lower = (skew - bound).max(0.0);
    if lower > crit {
        Status::Crit
    } else if lower > warn {
        Status::Warn
    } else if skew + bound > warn {
        Status::Unknown
    } else {
        Status::Ok
    }
}
