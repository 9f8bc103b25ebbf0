//! `--master NODE`: after a node switch it is not enough that *some* node holds the node
//! IP — it must be the node the procedure switched to, and no other.

use super::super::{Report, Status};

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
            out.summary = format!(
                "cannot tell which node must be master: {why} ({})",
                report.summary
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
            format!("`{node}` is not a cluster node here: it cannot be master"),
        )
    } else {
        match holders.as_slice() {
            [one] if *one == node => (Status::Ok, format!("{}, as expected", report.summary)),
            [] if holds(node).is_none() => (
                Status::Unknown,
                format!(
                    "{node} (expected master) could not be asked: {}",
                    report.summary
                ),
            ),
            [] => (
                Status::Crit,
                format!("{} (expected on {node})", report.summary),
            ),
            [_] => (
                Status::Crit,
                format!("expected {node} as master, but {}", report.summary),
            ),
            _ => (
                Status::Crit,
                format!("{} (expected: {node} alone)", report.summary),
            ),
        }
    };
    out.status = status;
    out.summary = summary;
    // The expected node answered and the other one holds the node IP alone: a node switch
    // has happened or not, it does not undo itself. Waiting longer cannot change it (a wait
    // stops at once); nobody holding it may still be a switch in progress.
    if status == Status::Crit && holders.len() == 1 && holds(node) == Some(false) {
        out = out.lasting(format!(
            "{} holds the node IP and {node} answered without it: the switch is over",
            holders[0]
        ));
    }
    if status == Status::Crit && !holders.contains(&node) {
        out.hints.push(format!(
            "the node switch did not make {node} master: find out why (`tvdr status`, the FT \
             configuration) before patching or testing anything"
        ));
    }
    out.detail(status, Some(node), "expected master", expected_line(status))
}

fn expected_line(status: Status) -> &'static str {
    match status {
        Status::Ok => "holds the node IP, alone",
        Status::Unknown => "cannot be told",
        _ => "does not hold the node IP alone",
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
            out.summary = format!("expected {node} as master, but this is a stand-alone site: tvox1 serves the clients");
            out
        }
        Expected::Unresolved(why) => {
            out.status = Status::Unknown;
            out.summary = format!("cannot tell which node must be master: {why}");
            out
        }
    }
}

#[cfg(test)]
mod tests;
