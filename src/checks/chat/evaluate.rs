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
                "rs.status()",
                "no node to ask",
                "no node to ask",
            );
        }
        return verdict.finish("chat", String::new(), nodes, BTreeMap::new());
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
    let describe = |f: &dyn Fn(&ReplStatus) -> String| -> String {
        let seen: Vec<String> = views
            .iter()
            .map(|(node, s)| format!("{node} sees {}", f(s)))
            .collect();
        seen.join(", ")
    };
    if views.iter().any(|(_, s)| s.set != first.set) {
        let message = format!(
            "nodes are in different replica sets: {}",
            describe(&|s| s.set.clone().unwrap_or_else(|| "none".into()))
        );
        verdict.add_main(Status::Crit, "replica set", &message, message.clone());
    }
    let primaries = |s: &ReplStatus| -> Vec<String> {
        s.primaries()
            .iter()
            .map(|m| m.name.to_ascii_lowercase())
            .collect()
    };
    if views.iter().any(|(_, s)| primaries(s) != primaries(first)) {
        let who = describe(&|s| match s.primaries().as_slice() {
            [] => "no PRIMARY".to_string(),
            list => list
                .iter()
                .map(|m| names.label(&m.name))
                .collect::<Vec<_>>()
                .join(" and "),
        });
        let message = format!("nodes disagree on the PRIMARY: {who}");
        verdict.add_main(Status::Crit, "PRIMARY", &message, message.clone());
        verdict.hint(
            "a node's view is stale or the nodes cannot reach each other: check port 27017 \
             both ways (`tvdr check ports`)",
        );
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
