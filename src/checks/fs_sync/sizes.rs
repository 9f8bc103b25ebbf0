//! The default `fs-sync` verdict: a table of first-level directories, master against
//! slave, from `du` on both nodes (rules in [`judge`](super::judge)).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::common::{hints, push, unusable, NAME};
use super::du::DuListing;
use super::judge::{percent, Judge, FAR_FACTOR};
use super::size::format_bytes;
use crate::checks::{Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

pub use super::common::NodeDu;

/// The slave's sizes at one moment, kept between runs to tell "behind but catching up"
/// from "stuck".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    pub slave_total: u64,
    pub dirs: BTreeMap<String, u64>,
}

impl Sample {
    /// The sample to store after a run (`None` when the slave's `du` listed nothing).
    pub fn of(slave: &DuListing) -> Option<Sample> {
        let root = slave.root.as_ref()?;
        let dirs = slave.dirs.iter().map(|d| (d.name.clone(), d.size.bytes));
        Some(Sample {
            slave_total: root.size.bytes,
            dirs: dirs.collect(),
        })
    }
}

/// Compares the sync directory's first-level sizes on master and slave.
pub fn evaluate_sizes(
    master: &NodeDu,
    slave: &NodeDu,
    tolerance_percent: f64,
    previous: Option<&Sample>,
) -> Report {
    let (m, s) = match (&master.listing, &slave.listing) {
        (Ok(m), Ok(s)) if m.root.is_some() && s.root.is_some() => (m, s),
        _ => return with_facts(unusable(master, slave), master, slave),
    };
    let (m_total, s_total) = (total(m), total(s));
    let judge = Judge {
        tolerance_percent,
        progress: previous.map(|p| s_total > p.slave_total),
    };
    let mut report = Report::new(NAME, Status::Ok, Msg::default());
    let names: BTreeSet<&str> = m
        .dirs
        .iter()
        .chain(&s.dirs)
        .map(|d| d.name.as_str())
        .collect();
    let mut off = Vec::new();
    let mut behind = false;
    for name in &names {
        let size = |l: &DuListing| l.dir(name).map(|d| d.size.bytes);
        let v = judge.judge(size(m), size(s));
        behind |= v.behind;
        let (status, message) = match unreadable(name, [(master, m), (slave, s)]) {
            Some(node) if v.status != Status::Ok => (
                Status::Unknown,
                msg!("fs-unreadable-part", facts = &v.facts, node = node),
            ),
            _ => (v.status, v.message()),
        };
        if status != Status::Ok {
            off.push(format!("`{name}`"));
        }
        push(&mut report, status, None, Msg::text(*name), message);
    }
    let total_verdict = judge.judge(Some(m_total), Some(s_total));
    behind |= total_verdict.behind;
    // With a previous sample the growth itself says more than "running"/"stuck".
    let total_message = match previous {
        Some(p) => {
            let grew = s_total as i128 - p.slave_total as i128;
            msg!(
                "fs-since-previous",
                facts = &total_verdict.facts,
                growth = growth(grew)
            )
        }
        None => total_verdict.message(),
    };
    push(
        &mut report,
        total_verdict.status,
        None,
        msg!("item-total"),
        total_message,
    );
    for (node, listing) in [(&master.node, m), (&slave.node, s)] {
        warnings(&mut report, node, listing);
    }
    if !(m.exact() && s.exact()) {
        let note = msg!("fs-rounded");
        push(&mut report, Status::Ok, None, msg!("item-precision"), note);
    }
    report.status = report.worst_detail(Status::Ok);
    let pct = percent(m_total, s_total);
    let pct_text = format!("{pct:.1}");
    report.summary = match off.is_empty() {
        true => msg!(
            "fs-in-sync",
            master = master.node.as_str(),
            master_size = format_bytes(m_total),
            slave = slave.node.as_str(),
            slave_size = format_bytes(s_total),
            percent = pct_text.as_str(),
            tolerance = tolerance_percent.to_string()
        ),
        false => msg!(
            "fs-differs",
            slave = slave.node.as_str(),
            master = master.node.as_str(),
            off = off.len(),
            count = names.len(),
            dirs = off.join(", "),
            master_size = format_bytes(m_total),
            slave_size = format_bytes(s_total),
            percent = pct_text.as_str()
        ),
    };
    let troubled: Vec<_> = [(&master.node, m), (&slave.node, s)]
        .into_iter()
        .filter(|(_, l)| !l.warnings.is_empty())
        .map(|(n, _)| format!("`{n}`"))
        .collect();
    if !troubled.is_empty() {
        let note = msg!("fs-du-troubled", nodes = troubled.join(", "));
        report.summary = Msg::join([&report.summary, &note], "; ");
    }
    let report = hints(report, &master.node, judge.progress, behind);
    with_facts(report, master, slave)
        .metric("difference_percent", difference(pct, tolerance_percent))
}

fn total(l: &DuListing) -> u64 {
    l.root.as_ref().map_or(0, |r| r.size.bytes)
}

/// The node whose `du` reported an error inside directory `name`, if any.
fn unreadable<'a>(name: &str, sides: [(&'a NodeDu, &DuListing); 2]) -> Option<&'a str> {
    sides.into_iter().find_map(|(node, listing)| {
        let path = &listing.dir(name)?.path;
        let inside = |w: &Msg| {
            [format!("{path}'"), format!("{path}’"), format!("{path}/")]
                .iter()
                .any(|p| w.contains(p.as_str()))
        };
        listing
            .warnings
            .iter()
            .any(inside)
            .then_some(node.node.as_str())
    })
}

fn growth(bytes: i128) -> Msg {
    match bytes {
        0 => msg!("fs-did-not-grow"),
        b if b > 0 => msg!("fs-grew", size = format_bytes(b as u64)),
        b => msg!("fs-shrank", size = format_bytes(b.unsigned_abs() as u64)),
    }
}

fn warnings(report: &mut Report, node: &str, listing: &DuListing) {
    if listing.warnings.is_empty() {
        return;
    }
    let message = msg!(
        "fs-du-problems",
        count = listing.warnings.len(),
        problems = Msg::join(&listing.warnings, "; ")
    );
    push(report, Status::Warn, Some(node), Msg::text("du"), message);
}

fn difference(pct: f64, tolerance: f64) -> Metric {
    Metric {
        value: (pct * 100.0).round() / 100.0,
        unit: "%",
        warn: Some(tolerance),
        crit: Some(tolerance * FAR_FACTOR),
    }
}

/// Node facts and total-size metrics.
fn with_facts(mut report: Report, master: &NodeDu, slave: &NodeDu) -> Report {
    for (role, n) in [("master", master), ("slave", slave)] {
        let facts = match &n.listing {
            Ok(l) => json!({
                "role": role,
                "path": l.root.as_ref().map(|r| r.path.clone()),
                "total_bytes": l.root.as_ref().map(|r| r.size.bytes),
                "dirs": l.dirs.len(),
                "exact": l.exact(),
            }),
            Err(e) => json!({ "role": role, "error": e.trim() }),
        };
        report.nodes.insert(n.node.clone(), facts);
        if let Some(root) = n.listing.as_ref().ok().and_then(|l| l.root.as_ref()) {
            let metric = Metric {
                value: root.size.bytes as f64,
                unit: "B",
                warn: None,
                crit: None,
            };
            report = report.metric(&format!("{role}_bytes"), metric);
        }
    }
    report
}
