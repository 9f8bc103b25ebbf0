//! One node's answer on its own: its facts, and a finding when it gave no status.

use serde_json::{json, Value};

use super::answer::{self, Answer};
use super::status::ReplStatus;
use super::verdict::Verdict;
use super::NodeStatus;
use crate::checks::Status;

const ITEM: &str = "rs.status()";

/// Reads one node's output. Returns its replica-set status when it gave one, and the
/// node's facts for the report; a node without a status adds its finding to `verdict`.
pub fn judge(sample: &NodeStatus, verdict: &mut Verdict) -> (Option<ReplStatus>, Value) {
    let node = sample.node.as_str();
    let answer = match &sample.output {
        Ok(raw) => answer::parse(raw),
        Err(error) => {
            let message = format!("could not run the mongo shell: {error}");
            verdict.add(
                Status::Unknown,
                Some(node),
                ITEM,
                &message,
                format!("{node}: {message}"),
            );
            return (None, json!({ "error": message }));
        }
    };
    let (status, message, headline) = match answer {
        Answer::Status(status) => {
            let facts = facts(&status);
            return (Some(status), facts);
        }
        Answer::NotInitiated(m) => {
            verdict.hint(format!(
                "the chat replica set was never initiated on {node}: the cluster setup \
                 should have done it; `rs.status()` must list both nodes"
            ));
            (
                Status::Crit,
                format!("replica set not initiated: {m}"),
                format!("replica set not initiated on {node}"),
            )
        }
        Answer::Standalone(m) => {
            verdict.hint(format!(
                "mongod on {node} runs without a replica set: set `replication.replSetName` \
                 in /etc/mongod.conf and restart mongod"
            ));
            (
                Status::Crit,
                format!("mongod runs standalone: {m}"),
                format!("mongod on {node} runs standalone, not in a replica set"),
            )
        }
        Answer::Unreachable(m) => {
            verdict.hint(format!(
                "is mongod running on {node}? (`systemctl status mongod`)"
            ));
            (
                Status::Crit,
                format!("mongod does not answer: {m}"),
                format!("mongod on {node} does not answer"),
            )
        }
        Answer::Denied(m) => {
            verdict.hint(
                "`rs.status()` needs a user allowed to run replSetGetStatus (role clusterMonitor)",
            );
            verdict.lasting(format!("{node}: not allowed to run rs.status()"));
            (
                Status::Unknown,
                format!("not allowed to read the replica-set status: {m}"),
                format!("{node}: not allowed to run rs.status()"),
            )
        }
        Answer::NoShell(m) => {
            verdict.lasting(format!("{node}: no mongo shell"));
            (
                Status::Unknown,
                format!("no mongo shell (mongosh or mongo) on the node: {m}"),
                format!("{node}: no mongo shell"),
            )
        }
        Answer::Failed(m) => (
            Status::Unknown,
            format!("rs.status() failed: {m}"),
            format!("{node}: rs.status() failed: {m}"),
        ),
        Answer::Empty => (
            Status::Unknown,
            "the mongo shell printed nothing".to_string(),
            format!("{node}: the mongo shell printed nothing"),
        ),
        Answer::Unreadable(m) => (Status::Unknown, m.clone(), format!("{node}: {m}")),
    };
    verdict.add(status, Some(node), ITEM, &message, headline);
    (None, json!({ "error": message }))
}

/// What a node's own view says: its set, itself, and whom it sees as PRIMARY.
fn facts(status: &ReplStatus) -> Value {
    let own = status.own();
    json!({
        "set": status.set,
        "member": own.map(|m| &m.name),
        "state": own.map(|m| &m.state_str),
        "primary": status.primaries().iter().map(|m| &m.name).collect::<Vec<_>>(),
    })
}
