//! `tvdr check rpo`: the recovery point today. If the master failed now, how much would
//! the slave lack? The worst replication delay over the databases (`db`: seconds behind
//! the master), the chat (`chat`: SECONDARY lag) and the files (`fs-sync`), against the
//! objective agreed with the customer (`objectives.rpo`), naming the one that sets it.
//!
//! The figures are those of the other checks' reports (run once per run through
//! [`Context::report`]), so this check never disagrees with them. Files are measured in
//! bytes, not time: a byte backlog becomes a time only through the ETA of
//! `fs-sync --exact`; otherwise it is shown as bytes and said to be unmeasurable.

mod source;

use std::time::Duration;

pub use source::{read, Delay};

use super::context::Context;
use super::{chat, db, fs_sync, Metric, Report, Status};
use crate::checks::fs_sync::format_bytes;
use crate::i18n::Msg;
use crate::msg;

const NAME: &str = "rpo";

pub fn gather(cx: &Context) -> Report {
    let (db, chat, fs) = std::thread::scope(|s| {
        let db = s.spawn(|| cx.report("db", || db::gather(cx)));
        let chat = s.spawn(|| cx.report("chat", || chat::gather(cx)));
        let fs = cx.report("fs-sync", || fs_sync::gather(cx));
        let join = |h: std::thread::ScopedJoinHandle<'_, Report>| {
            h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
        };
        (join(db), join(chat), fs)
    });
    evaluate(&[&db, &chat, &fs], cx.inventory.objectives.rpo)
}

/// The verdict from the sources' reports: CRIT when a delay exceeds `rpo` or a
/// replication is stopped, UNKNOWN when a source could not be read, WARN when files are
/// behind by an amount that cannot be put in time, OK otherwise.
pub fn evaluate(sources: &[&Report], rpo: Duration) -> Report {
    let rpo_text = words(rpo);
    let delays: Vec<(&str, Delay)> = sources.iter().map(|r| (r.name.as_str(), read(r))).collect();
    let worst = delays
        .iter()
        .filter_map(|(name, d)| match d {
            Delay::Time { delay, .. } => Some((*name, *delay)),
            _ => None,
        })
        .max_by_key(|(_, delay)| *delay);
    let mut report = Report::new(NAME, Status::Ok, Msg::default());
    let mut unread = Vec::new();
    let mut broken = Vec::new();
    let mut unmeasured = Vec::new();
    for (name, delay) in &delays {
        let (status, message) = match delay {
            Delay::Time { delay, what } => {
                let status = if *delay > rpo {
                    Status::Crit
                } else {
                    Status::Ok
                };
                let message = match worst {
                    Some((w, _)) if w == *name => {
                        msg!("rpo-delay-worst", what = what, delay = words(*delay))
                    }
                    _ => msg!("rpo-delay", what = what, delay = words(*delay)),
                };
                (status, message)
            }
            Delay::Bytes { bytes, status } => {
                unmeasured.push(msg!(
                    "rpo-behind",
                    source = *name,
                    size = format_bytes(*bytes)
                ));
                let status = if *status == Status::Ok {
                    Status::Ok
                } else {
                    Status::Warn
                };
                let message = msg!("rpo-bytes", size = format_bytes(*bytes));
                (status, message)
            }
            Delay::Stopped(why) => {
                broken.push(why.map(|why| format!("{name} ({why})")));
                (Status::Crit, msg!("rpo-stopped", why = why))
            }
            Delay::Unreadable(why) => {
                unread.push(why.map(|why| format!("{name} ({why})")));
                (Status::Unknown, msg!("rpo-unreadable", why = why))
            }
            Delay::NotApplicable(why) => (Status::Ok, why.clone()),
        };
        report = report.detail(status, None, Msg::text(*name), message);
    }
    report.status = report.worst_detail(Status::Ok);
    let mut parts = Vec::new();
    if !broken.is_empty() {
        parts.push(msg!(
            "rpo-not-met",
            rpo = rpo_text.as_str(),
            stopped = Msg::join(&broken, ", ")
        ));
    }
    let complete = broken.is_empty() && unread.is_empty();
    match worst {
        Some((name, delay)) if delay > rpo => parts.push(msg!(
            "rpo-exceeded",
            rpo = rpo_text.as_str(),
            source = name,
            delay = words(delay)
        )),
        // Within the objective only if nothing else is stopped or unknown.
        Some((name, delay)) if complete => parts.push(msg!(
            "rpo-within",
            rpo = rpo_text.as_str(),
            source = name,
            delay = words(delay)
        )),
        Some((name, delay)) => parts.push(msg!(
            "rpo-worst-measured",
            source = name,
            delay = words(delay)
        )),
        None => {}
    }
    if !unmeasured.is_empty() {
        parts.push(msg!(
            "rpo-unmeasurable",
            sources = Msg::join(&unmeasured, ", ")
        ));
    }
    if !unread.is_empty() {
        parts.push(msg!("rpo-cannot-read", sources = Msg::join(&unread, "; ")));
    }
    report.summary = if parts.is_empty() {
        msg!("rpo-nothing")
    } else {
        Msg::join(&parts, "; ")
    };
    let mut report = report.metric(
        "rpo",
        Metric {
            value: rpo.as_secs_f64(),
            unit: "s",
            warn: None,
            crit: None,
        },
    );
    // A source that cannot tell for a lasting reason leaves the recovery point unknown for
    // as long.
    for source in sources {
        if let Some(why) = &source.lasting {
            let name = source.name.as_str();
            report = report.lasting(why.map(|why| format!("{name}: {why}")));
        }
    }
    if let Some((_, delay)) = worst {
        let metric = Metric {
            value: delay.as_secs_f64(),
            unit: "s",
            warn: None,
            crit: Some(rpo.as_secs_f64()),
        };
        report = report.metric("worst_delay", metric);
    }
    report
}

/// `45s`, `2h 5m`: whole seconds for a person.
fn words(d: Duration) -> String {
    crate::time::duration::format(Duration::from_secs(d.as_secs())).to_string()
}

#[cfg(test)]
mod tests;
