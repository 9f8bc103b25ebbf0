//! `--master NODE`: after a node switch it is not enough that *some* node holds the node
//! IP — it must be the node the procedure switched to, and no other.

use super::super::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// The node that must hold the node IP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Node(String),
    /// A runbook named the node relative to the run (`node_of: STEP`) and the run cannot
    /// tell which node that is: why.
    Unresolved(String),
}

/// Judges the plain `vip` report over the cluster nodes `asked` against the expected
/// master. OK only on positive evidence: the expected node answered and holds the node
/// IP, and no node that answered holds it too (a node not asked shows as UNKNOWN in the
/// details, as in the plain check: right after a reboot the old master may still be away).
pub fn expect_master(report: &Report, asked: &[&str], expected: &Expected) -> Report {
    let mut out = report.clone();
    let node = match expected {
        Expected::Node(node) => node.as_str(),
        Expected::Unresolved(why) => {
            out.status = Status::Unknown;
            out.summary = msg!(
                "vip-expected-unresolved-was",
                why = why,
                summary = &report.summary
            );
            return out;
        }
    };
    let holds = |name: &str| {
        report
            .nodes
            .get(name)
            .and_then(|facts| facts["holds_node_ip"].as_bool())
    };
    let holders: Vec<&str> = asked
        .iter()
        .copied()
        .filter(|n| holds(n) == Some(true))
        .collect();
    let (status, summary) = if !asked.contains(&node) {
        (
            Status::Unknown,
            msg!("vip-expected-not-cluster", node = node),
        )
    } else {
        match holders.as_slice() {
            [one] if *one == node => (
                Status::Ok,
                msg!("vip-expected-ok", summary = &report.summary),
            ),
            [] if holds(node).is_none() => (
                Status::Unknown,
                msg!(
                    "vip-expected-not-asked",
                    node = node,
                    summary = &report.summary
                ),
            ),
            [] => (
                Status::Crit,
                msg!("vip-expected-on", node = node, summary = &report.summary),
            ),
            [_] => (
                Status::Crit,
                msg!("vip-expected-other", node = node, summary = &report.summary),
            ),
            _ => (
                Status::Crit,
                msg!("vip-expected-alone", node = node, summary = &report.summary),
            ),
        }
    };
    out.status = status;
    out.summary = summary;
    // The expected node answered and the other one holds the node IP alone: a node switch
    // has happened or not, it does not undo itself. Waiting longer cannot change it (a wait
    // stops at once); nobody holding it may still be a switch in progress.
    if status == Status::Crit && holders.len() == 1 && holds(node) == Some(false) {
        out = out.lasting(msg!("vip-switch-over", holder = holders[0], node = node));
    }
    if status == Status::Crit && !holders.contains(&node) {
        out.hints.push(msg!("vip-switch-hint", node = node));
    }
    out.detail(
        status,
        Some(node),
        msg!("item-expected-master"),
        expected_line(status),
    )
}

fn expected_line(status: Status) -> Msg {
    match status {
        Status::Ok => msg!("vip-expected-line-ok"),
        Status::Unknown => msg!("vip-expected-line-unknown"),
        _ => msg!("vip-expected-line-crit"),
    }
}

/// A stand-alone site has no node IP: tvox1 serves the clients, so only tvox1 can be the
/// expected master.
pub fn expect_standalone(report: &Report, expected: &Expected) -> Report {
    let mut out = report.clone();
    match expected {
        Expected::Node(node) if node == "tvox1" => out,
        Expected::Node(node) => {
            out.status = Status::Crit;
            out.summary = msg!("vip-expected-standalone", node = node);
            out
        }
        Expected::Unresolved(why) => {
            out.status = Status::Unknown;
            out.summary = msg!("vip-expected-unresolved", why = why);
            out
        }
    }
}

#[cfg(test)]
mod tests;
