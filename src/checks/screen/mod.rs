//! `tvdr check screen`: GNU screen is installed on every node (a TVox patch must run
//! inside it, so a dropped SSH link does not kill it halfway), and which sessions are
//! open — a detached session may be a patch still running.
//!
//! `screen -ls` lists the sessions of the SSH user only: a patch started by another
//! account is not seen.

mod gather;
mod parse;
#[cfg(test)]
mod tests;

use serde_json::json;

pub use gather::{commands, gather};
pub use parse::{parse, Listing, Session, State};

use super::{Metric, Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// What a node said about screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Probe {
    /// `command -v screen` found nothing on the PATH.
    Missing,
    /// Where screen is, and what `screen -ls` printed (standard output and error).
    Installed { path: String, listing: String },
    /// Could not ask (unreachable node): why.
    Failed(Msg),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeScreen {
    pub node: String,
    pub probe: Probe,
}

pub fn evaluate(nodes: &[NodeScreen]) -> Report {
    let mut report = Report::new("screen", Status::Ok, Msg::default());
    let mut missing = Vec::new();
    let mut open = Vec::new();
    let mut dead = false;
    for n in nodes {
        let node = n.node.as_str();
        let (status, message) = match &n.probe {
            Probe::Missing => {
                missing.push(node);
                report
                    .nodes
                    .insert(n.node.clone(), json!({ "installed": false }));
                (Status::Crit, msg!("screen-missing"))
            }
            Probe::Failed(why) => (Status::Unknown, why.clone()),
            Probe::Installed { path, listing } => {
                let listing = parse(listing);
                let sessions: Vec<_> = listing
                    .sessions
                    .iter()
                    .map(|s| json!({ "id": s.id, "state": s.state.as_str(), "started": s.started }))
                    .collect();
                report.nodes.insert(
                    n.node.clone(),
                    json!({ "installed": true, "path": path, "sessions": sessions }),
                );
                report = report.metric(
                    &format!("screen_sessions@{node}"),
                    Metric {
                        value: listing.sessions.len() as f64,
                        unit: "",
                        warn: None,
                        crit: None,
                    },
                );
                judge(node, path, &listing, &mut open, &mut dead)
            }
        };
        report = report.detail(status, Some(node), Msg::text("screen"), message);
    }
    report.status = report.worst_detail(Status::Unknown);
    report.summary = if report.status == Status::Ok {
        let names: Vec<&str> = nodes.iter().map(|n| n.node.as_str()).collect();
        msg!("screen-ok", nodes = names.join(", "))
    } else {
        report.worst_messages()
    };
    if !missing.is_empty() {
        report = report.hint(msg!("screen-hint-install", nodes = Msg::and_list(&missing)));
    }
    for (node, id) in &open {
        report = report.hint(msg!("screen-hint-look", node = *node, id = id));
    }
    if dead {
        report = report.hint(msg!("screen-hint-wipe"));
    }
    report
}

fn judge<'a>(
    node: &'a str,
    path: &str,
    listing: &Listing,
    open: &mut Vec<(&'a str, String)>,
    dead: &mut bool,
) -> (Status, Msg) {
    if !listing.recognized {
        let said = if listing.other.is_empty() {
            msg!("screen-printed-nothing")
        } else {
            Msg::text(format!("`{}`", listing.other.join(" ")))
        };
        return (
            Status::Unknown,
            msg!("screen-unrecognised", path = path, said = said),
        );
    }
    if listing.sessions.is_empty() {
        if !listing.unread.is_empty() {
            let lines: Vec<String> = listing.unread.iter().map(|l| format!("`{l}`")).collect();
            return (
                Status::Unknown,
                msg!("screen-unread", path = path, lines = lines.join(" ")),
            );
        }
        if !listing.complete() {
            return (
                Status::Unknown,
                msg!("screen-cut-short", path = path, count = listing.announced),
            );
        }
        return (Status::Ok, msg!("screen-installed", path = path));
    }
    let described: Vec<Msg> = listing
        .sessions
        .iter()
        .map(|s| match &s.started {
            Some(when) => msg!(
                "screen-session-since",
                id = s.id.as_str(),
                state = s.state.as_str(),
                since = when.as_str()
            ),
            None => Msg::text(format!("{} ({})", s.id, s.state.as_str())),
        })
        .collect();
    for s in &listing.sessions {
        if s.state == State::Dead {
            *dead = true;
        } else {
            open.push((node, s.id.clone()));
        }
    }
    let count = listing.sessions.len();
    (
        Status::Warn,
        msg!(
            "screen-open",
            path = path,
            count = count,
            sessions = Msg::join(&described, ", ")
        ),
    )
}
