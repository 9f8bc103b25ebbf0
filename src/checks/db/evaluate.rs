//! The `db` verdict from the replica's `SHOW SLAVE STATUS` (and, optionally, the primary's
//! `SHOW MASTER STATUS`).

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};

use super::answer::{self, Answer};
use super::{binlog, connection, NodeReplica};
use crate::checks::chat::verdict::Verdict;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;

const ITEM: &str = "SHOW SLAVE STATUS";

/// The report `db` for the replica node's output. OK when both threads run and the lag is
/// at most `max_lag`; WARN when it is more; CRIT when a thread is not running, the lag is
/// NULL, the server is down or the node is no replica; UNKNOWN when it cannot tell.
pub fn evaluate(replica: &NodeReplica, max_lag: Duration) -> Report {
    evaluate_with_primary(replica, None, max_lag)
}

/// [`evaluate`], plus the binlog position gap when the primary's `SHOW MASTER STATUS`
/// output is given.
pub fn evaluate_with_primary(
    replica: &NodeReplica,
    primary: Option<&NodeReplica>,
    max_lag: Duration,
) -> Report {
    let node = replica.node.as_str();
    let mut verdict = Verdict::default();
    let mut nodes = BTreeMap::new();
    let mut metrics = BTreeMap::new();
    let answer = match &replica.output {
        Ok(raw) => answer::parse(raw),
        Err(e) => Answer::Unreadable(msg!("db-client-failed", error = e)),
    };
    let mut ok_parts = Vec::new();
    let mut first = None;
    match &answer {
        Answer::Replicas(replicas) => {
            let mut facts = Vec::new();
            for r in replicas {
                let (f, ok) = connection::judge(node, r, max_lag, &mut verdict, &mut metrics);
                facts.push(f);
                ok_parts.push(ok);
            }
            first = replicas
                .iter()
                .find(|r| r.connection.is_empty())
                .or(replicas.first());
            let facts = match <[Value; 1]>::try_from(facts) {
                Ok([one]) => one,
                Err(all) => json!({ "connections": all }),
            };
            nodes.insert(node.to_string(), facts);
        }
        other => {
            let message = failure(node, other, &mut verdict);
            nodes.insert(node.to_string(), json!({ "error": message }));
        }
    }
    if let Some(primary) = primary {
        let facts = binlog::judge(primary, node, first, &mut verdict, &mut metrics);
        nodes.insert(primary.node.clone(), facts);
    }
    verdict.finish("db", Msg::join(&ok_parts, "; "), nodes, metrics)
}

/// Adds the finding for an answer without replication rows; returns its message.
fn failure(node: &str, answer: &Answer, verdict: &mut Verdict) -> Msg {
    let (status, message, headline) = match answer {
        Answer::Replicas(_) => return Msg::default(),
        Answer::NotReplica => {
            verdict.hint(msg!("db-hint-not-replica", node = node));
            (
                Status::Crit,
                msg!("db-not-replica"),
                msg!("db-not-replica-on", node = node),
            )
        }
        Answer::Denied(e) => {
            if matches!(e.code, 1227 | 1044) {
                verdict.hint(msg!("db-hint-privilege"));
            } else {
                verdict.hint(msg!("db-hint-credentials"));
            }
            verdict.lasting(msg!("db-refused-lasting", node = node));
            (
                Status::Unknown,
                Msg::text(&e.line),
                msg!("db-cannot-read", node = node, line = e.line.as_str()),
            )
        }
        Answer::ServerDown(e) => {
            verdict.hint(msg!("db-hint-running", node = node));
            (
                Status::Crit,
                msg!("db-down", line = e.line.as_str()),
                msg!("db-down-on", node = node),
            )
        }
        Answer::Unsupported(e) => {
            verdict.lasting(msg!("db-unsupported-lasting", node = node));
            (
                Status::Unknown,
                msg!("db-unsupported", line = e.line.as_str()),
                msg!("db-unsupported-on", node = node),
            )
        }
        Answer::Failed(e) => (
            Status::Unknown,
            Msg::text(&e.line),
            Msg::text(format!("{node}: {}", e.line)),
        ),
        Answer::NoClient(line) => {
            verdict.lasting(msg!("db-no-client-on", node = node));
            (
                Status::Unknown,
                msg!("db-no-client", line = line.as_str()),
                msg!("db-no-client-on", node = node),
            )
        }
        Answer::Unreadable(m) => (
            Status::Unknown,
            m.clone(),
            m.map(|m| format!("{node}: {m}")),
        ),
    };
    verdict.add(
        status,
        Some(node),
        Msg::text(ITEM),
        message.clone(),
        headline,
    );
    message
}
