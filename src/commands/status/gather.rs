//! What the status screen shows, gathered at once: uptimes of every node, the node IP,
//! the four sync checks and the snapshot records, all in parallel over the run's sessions.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;

use super::figure;
use crate::checks::context::Context;
use crate::checks::{overall, registry, snapshot, vip, Report, Status};
use crate::i18n::Msg;
use crate::inventory::NodeName;
use crate::msg;
use crate::runbook::{library, runs};
use crate::snapshots::{self, Snapshot, MAX_AGE};
use crate::time::rfc3339;
use crate::transport::{Cmd, Output};

/// The checks whose state the screen shows, by check name and the word shown for it.
const SYNC: &[(&str, &str)] = &[
    ("db", "db"),
    ("chat", "chat"),
    ("calendars", "calendars"),
    ("fs-sync", "fs"),
];

/// One status screen (also its `--format json`).
#[derive(Debug, Serialize)]
pub struct Screen {
    pub site: String,
    pub tvox_version: u32,
    pub domain: Option<String>,
    /// `cluster` or `stand-alone`.
    pub mode: &'static str,
    pub node_ip: Option<String>,
    /// Who holds the node IP now (`None`: nobody, both, or cannot tell).
    pub master: Option<String>,
    /// The worst of everything below; UNKNOWN at best when a node could not be reached.
    pub status: Status,
    pub generated_at: String,
    pub nodes: Vec<NodeLine>,
    /// The `vip` verdict: who holds the node IP.
    pub node_ip_holder: SyncLine,
    pub sync: Vec<SyncLine>,
    pub snapshots: Vec<SnapshotLine>,
    pub runs: Vec<OpenRun>,
    /// Reports behind the screen, for the exit code (not shown: `tvdr check` shows them).
    #[serde(skip)]
    pub reports: Vec<Report>,
}

#[derive(Debug, Serialize)]
pub struct NodeLine {
    pub name: String,
    pub address: String,
    pub reachable: bool,
    pub uptime_seconds: Option<u64>,
    /// `master`, `slave`, `stand-alone`, `dr client`, or `None` when it cannot be told.
    pub role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Msg>,
}

/// A check's state as one coloured word and a figure.
#[derive(Debug, Serialize)]
pub struct SyncLine {
    pub name: String,
    pub status: Status,
    pub figure: Msg,
    pub summary: Msg,
}

#[derive(Debug, Serialize)]
pub struct SnapshotLine {
    pub node: String,
    pub name: String,
    pub taken_at: String,
    pub age_seconds: u64,
    pub delete_by: String,
    pub overdue: bool,
}

/// A runbook run left open, and the step it would resume at.
#[derive(Debug, Clone, Serialize)]
pub struct OpenRun {
    pub runbook: String,
    pub run_id: String,
    pub next_step: Option<String>,
}

/// Open runbook runs of the site whose state directory is `site_state`, with the next
/// step of each, read against the runbook a run of that id would use: the site copy in
/// `runbooks` when there is one, else the shipped one.
pub fn open_runs(site_state: &Path, runbooks: Option<&Path>) -> Vec<OpenRun> {
    let root = site_state.join("runs");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let run = runs::open_run(&runs::runs_dir(site_state, &name)).ok()??;
            let id = name.strip_suffix(".rollback").unwrap_or(&name);
            let next_step = library::find(id, runbooks).ok().and_then(|runbook| {
                runbook
                    .stages
                    .iter()
                    .flat_map(|s| {
                        if name.ends_with(".rollback") {
                            s.rollback.iter()
                        } else {
                            s.steps.iter()
                        }
                    })
                    .find(|step| !run.is_complete(&step.id))
                    .map(|step| step.id.clone())
            });
            Some(OpenRun {
                runbook: name,
                run_id: run.run_id,
                next_step,
            })
        })
        .collect()
}

pub fn gather(cx: &Context, site_state: &Path, runbooks: Option<&Path>) -> Screen {
    let inv = cx.inventory;
    let names: Vec<&str> = inv.nodes.iter().map(|n| n.name.as_str()).collect();
    let cluster = inv.is_cluster();
    let (uptimes, sync, kept) = std::thread::scope(|s| {
        let sync: Vec<_> = SYNC
            .iter()
            .filter(|_| cluster)
            .map(|(name, _)| s.spawn(move || sync_report(cx, name)))
            .collect();
        let kept = s.spawn(|| snapshots::list(site_state));
        let uptimes = cx.run_each(&names, &Cmd::new("cat").arg("/proc/uptime"));
        let sync: Vec<Report> = sync.into_iter().map(joined).collect();
        (uptimes, sync, joined(kept))
    });
    let vip = cx.vip().clone();
    let master = match inv.node_ip {
        Some(_) => vip::master_of(&vip),
        None => Some(NodeName::Tvox1.to_string()),
    };
    let now = SystemTime::now();
    let (snapshot_report, kept) = match kept {
        Ok(kept) => (snapshot::evaluate(&kept, now), kept),
        Err(e) => (
            Report::new("snapshot", Status::Unknown, Msg::text(format!("{e:#}"))),
            Vec::new(),
        ),
    };
    let nodes = uptimes
        .into_iter()
        .map(|(name, out)| node_line(cx, &name, out, master.as_deref()))
        .collect();
    let unreachable = cx.unreachable();
    let sync_lines = sync
        .iter()
        .map(|r| {
            let mut l = line(r);
            if let Some(why) = blocked(r, &unreachable) {
                l.figure = why;
            }
            l
        })
        .collect();
    let mut reports = vec![vip.clone()];
    reports.extend(sync);
    reports.push(snapshot_report);
    let mut status = overall(&reports);
    if status == Status::Ok && !unreachable.is_empty() {
        status = Status::Unknown;
    }
    Screen {
        site: inv.site.clone(),
        tvox_version: inv.tvox.version,
        domain: inv.tvox.domain.clone(),
        mode: if cluster { "cluster" } else { "stand-alone" },
        node_ip: inv.node_ip.map(|ip| ip.to_string()),
        master,
        status,
        generated_at: rfc3339::format_seconds(now),
        nodes,
        node_ip_holder: line(&vip),
        sync: sync_lines,
        snapshots: kept.iter().map(|s| snapshot_line(s, now)).collect(),
        runs: open_runs(site_state, runbooks),
        reports,
    }
}

/// A thread's result; its panic goes on in this thread.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A sync check's report, through the run's cache.
fn sync_report(cx: &Context, name: &str) -> Report {
    match registry::find(name) {
        Some(check) => cx.report(name, || (check.run)(cx)),
        None => Report::new(name, Status::Unknown, msg!("check-unknown")),
    }
}

/// `tvox2 unreachable` when the check could not judge because a node it needed was
/// not reached: on a five-second screen that is the fact, and the node's error is shown
/// once below the states.
fn blocked(report: &Report, unreachable: &BTreeMap<String, Msg>) -> Option<Msg> {
    if report.status == Status::Ok {
        return None;
    }
    let mut down: Vec<&str> = report
        .details
        .iter()
        .filter_map(|d| d.node.as_deref())
        .filter(|n| unreachable.contains_key(*n))
        .collect();
    down.dedup();
    (!down.is_empty()).then(|| msg!("status-blocked", nodes = down.join(", ")))
}

fn line(report: &Report) -> SyncLine {
    let name = SYNC
        .iter()
        .find(|(check, _)| *check == report.name)
        .map_or(report.name.as_str(), |(_, word)| word);
    SyncLine {
        name: name.to_string(),
        status: report.status,
        figure: figure(report),
        summary: report.summary.clone(),
    }
}

fn node_line(cx: &Context, name: &str, out: Result<Output, Msg>, master: Option<&str>) -> NodeLine {
    let address = cx
        .fleet
        .target(name)
        .map(|t| t.address.clone())
        .unwrap_or_default();
    let role = match name {
        "dr_client" => Some("dr client"),
        _ if !cx.inventory.is_cluster() => Some("stand-alone"),
        _ => match master {
            Some(m) if m == name => Some("master"),
            Some(_) => Some("slave"),
            None => None,
        },
    };
    let (reachable, uptime_seconds, error) = match out {
        Ok(out) => match parse_uptime(&out.stdout_lossy()) {
            Some(secs) => (true, Some(secs), None),
            None => {
                let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
                (true, None, Some(msg!("status-no-uptime", why = why)))
            }
        },
        Err(why) => (false, None, Some(why)),
    };
    NodeLine {
        name: name.to_string(),
        address,
        reachable,
        uptime_seconds,
        role,
        error,
    }
}

/// The first field of `/proc/uptime`: seconds since boot.
fn parse_uptime(text: &str) -> Option<u64> {
    let first = text.split_whitespace().next()?;
    first.parse::<f64>().ok().map(|s| s as u64)
}

fn snapshot_line(s: &Snapshot, now: SystemTime) -> SnapshotLine {
    SnapshotLine {
        node: s.node.clone(),
        name: s.name.clone(),
        taken_at: rfc3339::format_seconds(s.taken_at),
        age_seconds: s.age(now).as_secs(),
        delete_by: rfc3339::format_seconds(s.taken_at + MAX_AGE),
        overdue: s.overdue(now),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_uptime;

    #[test]
    fn uptime_is_the_first_field() {
        assert_eq!(parse_uptime("350735.47 234388.90\n"), Some(350_735));
        assert_eq!(parse_uptime(""), None);
        assert_eq!(parse_uptime("cat: /proc/uptime: No such file"), None);
    }
}
