//! The replica set as one node sees it: one PRIMARY, healthy members, secondaries close
//! behind.

use std::collections::BTreeMap;
use std::time::Duration;

use super::membership;
use super::status::{Member, ReplStatus, Role};
use super::verdict::{seconds, Verdict};
use crate::checks::{Metric, Status};
use crate::i18n::Msg;
use crate::msg;

pub use super::names::Names;

/// What judging a view needs besides the view.
pub struct Judge<'a> {
    pub names: &'a Names,
    pub max_lag: Duration,
    pub verdict: &'a mut Verdict,
    pub metrics: &'a mut BTreeMap<String, Metric>,
}

/// Judges `view`; returns the summary for when all is well.
pub fn judge(view: &ReplStatus, expected: &[String], j: &mut Judge) -> Msg {
    primaries(view, j);
    let primary_optime = match view.primaries().as_slice() {
        [primary] => primary.known_optime(),
        _ => None,
    };
    let parts: Vec<Msg> = view
        .members
        .iter()
        .filter_map(|m| member(m, primary_optime, j))
        .collect();
    membership::judge(view, j.names, expected, j.verdict);
    let healthy = view
        .members
        .iter()
        .filter(|m| matches!(m.role(), Role::Primary | Role::Secondary | Role::Arbiter));
    j.metrics
        .insert("members_healthy".into(), count(healthy.count()));
    j.metrics
        .insert("members".into(), count(view.members.len()));
    Msg::join(&parts, "; ")
}

/// Exactly one PRIMARY, or a finding about the whole set.
fn primaries(view: &ReplStatus, j: &mut Judge) {
    let set = msg!(
        "item-replica-set-named",
        set = view.set.as_deref().unwrap_or("?")
    );
    let primaries = view.primaries();
    let unreachable = view
        .members
        .iter()
        .filter(|m| m.role() == Role::Unreachable)
        .count();
    let message = match primaries.len() {
        1 => return,
        0 if unreachable > 0 => msg!(
            "chat-no-primary-unreachable",
            unreachable = unreachable,
            members = view.members.len()
        ),
        0 => {
            let states: Vec<&str> = view.members.iter().map(|m| m.state_str.as_str()).collect();
            msg!("chat-no-primary-states", states = states.join(", "))
        }
        n => {
            let who: Vec<String> = primaries.iter().map(|m| j.names.label(&m.name)).collect();
            msg!("chat-many-primaries", count = n, who = who.join(", "))
        }
    };
    j.verdict
        .add_main(Status::Crit, set, message.clone(), message);
}

/// The finding about one member; returns its part of the all-is-well summary.
fn member(member: &Member, primary_optime: Option<i64>, j: &mut Judge) -> Option<Msg> {
    let label = j.names.label(&member.name);
    let node = j.names.node_of(&member.name);
    let item = msg!("item-member", name = member.name.as_str());
    match member.role() {
        Role::Primary => {
            j.verdict
                .add(Status::Ok, node, item, Msg::text("PRIMARY"), Msg::default());
            Some(Msg::text(format!("PRIMARY {label}")))
        }
        Role::Secondary => secondary(member, primary_optime, j),
        Role::Arbiter => {
            j.verdict
                .add(Status::Ok, node, item, msg!("chat-arbiter"), Msg::default());
            Some(Msg::text(format!("ARBITER {label}")))
        }
        Role::Unreachable => {
            let headline = msg!("chat-member-unhealthy", member = label.as_str());
            j.verdict.add(
                Status::Crit,
                node,
                item,
                explained(&member.state_str, member),
                headline,
            );
            j.verdict.hint(msg!("chat-hint-unreachable"));
            None
        }
        Role::Other(state) => {
            let message = explained(&state, member);
            j.verdict.add(
                Status::Crit,
                node,
                item,
                message.clone(),
                msg!("chat-member-is", member = label.as_str(), state = message),
            );
            None
        }
    }
}

/// A SECONDARY: how far behind the PRIMARY's optime, against the threshold. Members that
/// cannot be seen report a 1970 optime, which is not a lag: it is left out.
fn secondary(member: &Member, primary_optime: Option<i64>, j: &mut Judge) -> Option<Msg> {
    let label = j.names.label(&member.name);
    let node = j.names.node_of(&member.name);
    let item = msg!("item-member", name = member.name.as_str());
    let Some(lag_ms) = primary_optime
        .zip(member.known_optime())
        .map(|(p, m)| (p - m).max(0))
    else {
        j.verdict.add(
            Status::Ok,
            node,
            item,
            msg!("chat-secondary-lag-unknown"),
            Msg::default(),
        );
        return Some(Msg::text(format!("SECONDARY {label}")));
    };
    let behind = seconds(u64::try_from(lag_ms / 1000).unwrap_or(0));
    let metric = Metric {
        value: lag_ms as f64 / 1000.0,
        unit: "s",
        warn: Some(j.max_lag.as_secs_f64()),
        crit: None,
    };
    j.metrics.insert(
        format!("lag_seconds@{}", node.unwrap_or(&member.name)),
        metric,
    );
    if lag_ms > i64::try_from(j.max_lag.as_millis()).unwrap_or(i64::MAX) {
        let limit = seconds(j.max_lag.as_secs());
        let message = msg!(
            "chat-secondary-over",
            behind = behind.as_str(),
            limit = limit.as_str()
        );
        let headline = msg!(
            "chat-secondary-over-headline",
            member = label.as_str(),
            behind = behind.as_str(),
            limit = limit.as_str()
        );
        j.verdict.add(Status::Warn, node, item, message, headline);
    } else {
        let message = msg!("chat-secondary", behind = behind.as_str());
        j.verdict
            .add(Status::Ok, node, item, message, Msg::default());
    }
    Some(msg!(
        "chat-secondary-part",
        member = label.as_str(),
        behind = behind.as_str()
    ))
}

/// `RECOVERING: <what the member said>`, or the state alone when it said nothing.
/// The member's state and the server's own words about it (free text).
fn explained(state: &str, member: &Member) -> Msg {
    match member.message() {
        Some(message) => Msg::text(format!("{state}: {message}")),
        None => Msg::text(state),
    }
}

fn count(value: usize) -> Metric {
    Metric {
        value: value as f64,
        unit: "",
        warn: None,
        crit: None,
    }
}
