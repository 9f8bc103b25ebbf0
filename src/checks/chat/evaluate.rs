//! The `chat` verdict from every node's `rs.status()`.
//!
//! Members, health and lag are judged on one view: the PRIMARY's own (it has the freshest
//! optimes of the others), else the first node that answered. The other views only have to
//! agree with it on the set and on who is PRIMARY; a node that sees another PRIMARY is a
//! split view (stale heartbeats or a partition) and is CRIT.

use std::collections::BTreeMap;
use std::time::Duration;

use super::node;
use super::status::ReplStatus;
use super::verdict::Verdict;
use super::view::{self, Names};
use super::NodeStatus;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// The report `chat` for the nodes' samples. `expected_members` are the inventory nodes'
/// addresses (compared with the host part of the member names; empty skips the
/// comparison); a SECONDARY further than `max_lag` behind the PRIMARY is WARN.
pub fn evaluate(samples: &[NodeStatus], expected_members: &[String], max_lag: Duration) -> Report {
    let mut verdict = Verdict::default();
    let mut nodes = BTreeMap::new();
    let mut views: Vec<(&str, ReplStatus)> = Vec::new();
    for sample in samples {
        let (status, facts) = node::judge(sample, &mut verdict);
        nodes.insert(sample.node.clone(), facts);
        views.extend(status.map(|s| (sample.node.as_str(), s)));
    }
    let mut names = Names::default();
    for (node, status) in &views {
        if let Some(own) = status.own() {
            names.learn(&own.name, node);
        }
    }
    let Some((_, reference)) = views
        .iter()
        .find(|(_, s)| {
            s.own()
                .is_some_and(|m| s.primaries().iter().any(|p| p.name == m.name))
        })
        .or(views.first())
    else {
        if samples.is_empty() {
            verdict.add(
                Status::Unknown,
                None,
                Msg::text("rs.status()"),
                msg!("chat-no-node"),
                msg!("chat-no-node"),
            );
        }
        return verdict.finish("chat", Msg::default(), nodes, BTreeMap::new());
    };
    agreement(&views, &names, &mut verdict);
    let reference = with_own_messages(reference, &views);
    let mut metrics = BTreeMap::new();
    let mut judge = view::Judge {
        names: &names,
        max_lag,
        verdict: &mut verdict,
        metrics: &mut metrics,
    };
    let ok_summary = view::judge(&reference, expected_members, &mut judge);
    verdict.finish("chat", ok_summary, nodes, metrics)
}

/// Every view must name the same set and the same PRIMARY.
fn agreement(views: &[(&str, ReplStatus)], names: &Names, verdict: &mut Verdict) {
    let Some((_, first)) = views.first() else {
        return;
    };
    let describe = |f: &dyn Fn(&ReplStatus) -> Msg| -> Msg {
        let seen: Vec<Msg> = views
            .iter()
            .map(|(node, s)| msg!("chat-sees", node = *node, seen = f(s)))
            .collect();
        Msg::join(&seen, ", ")
    };
    if views.iter().any(|(_, s)| s.set != first.set) {
        let message = msg!(
            "chat-different-sets",
            seen = describe(&|s| match &s.set {
                Some(set) => Msg::text(set),
                None => msg!("chat-no-set"),
            })
        );
        verdict.add_main(
            Status::Crit,
            msg!("item-replica-set"),
            message.clone(),
            message,
        );
    }
    let primaries = |s: &ReplStatus| -> Vec<String> {
        s.primaries()
            .iter()
            .map(|m| m.name.to_ascii_lowercase())
            .collect()
    };
    if views.iter().any(|(_, s)| primaries(s) != primaries(first)) {
        let who = describe(&|s| match s.primaries().as_slice() {
            [] => msg!("chat-no-primary-seen"),
            list => {
                let labels: Vec<String> = list.iter().map(|m| names.label(&m.name)).collect();
                Msg::and_list(&labels)
            }
        });
        let message = msg!("chat-disagree", who = who);
        verdict.add_main(Status::Crit, Msg::text("PRIMARY"), message.clone(), message);
        verdict.hint(msg!("chat-hint-stale"));
    }
}

/// `reference` where a member that gave no message there takes the one it gives about
/// itself: a RECOVERING node explains why (`too stale…`) only in its own view.
fn with_own_messages(reference: &ReplStatus, views: &[(&str, ReplStatus)]) -> ReplStatus {
    let mut enriched = reference.clone();
    for member in enriched
        .members
        .iter_mut()
        .filter(|m| m.message().is_none())
    {
        let own = views
            .iter()
            .filter_map(|(_, s)| s.own())
            .find(|own| own.name == member.name);
        if let Some(message) = own.and_then(|own| own.message()) {
            member.info_message = message.to_string();
        }
    }
    enriched
}
