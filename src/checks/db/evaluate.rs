//! The `db` verdict from the replica's `SHOW SLAVE STATUS` (and, optionally, the primary's
//! `SHOW MASTER STATUS`).

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};

use super::answer::{self, Answer};
use super::{binlog, connection, NodeReplica};
use crate::checks::chat::verdict::Verdict;
use crate::checks::{Report, Status};

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
        Err(e) => Answer::Unreadable(format!("could not run the mysql client: {e}")),
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
    verdict.finish("db", ok_parts.join("; "), nodes, metrics)
}

/// Adds the finding for an answer without replication rows; returns its message.
fn failure(node: &str, answer: &Answer, verdict: &mut Verdict) -> String {
    let credentials = "tvdr reads MySQL credentials from an option file on the node \
                       (`--defaults-extra-file`, e.g. /root/.my.cnf with a [client] user and \
                       password), never from the command line: check that file and its user";
    let (status, message, headline) = match answer {
        Answer::Replicas(_) => return String::new(),
        Answer::NotReplica => {
            verdict.hint(format!(
                "{node} has no replication configured: set it up (CHANGE MASTER TO …; START \
                 SLAVE) or check which node the inventory names as replica"
            ));
            let message = "not configured as a replica (SHOW SLAVE STATUS is empty)".to_string();
            (
                Status::Crit,
                message,
                format!("{node} is not configured as a replica"),
            )
        }
        Answer::Denied(e) => {
            if matches!(e.code, 1227 | 1044) {
                verdict.hint(
                    "the MySQL user of the option file needs the REPLICATION CLIENT privilege \
                     (SLAVE MONITOR on MariaDB 10.5.9+)",
                );
            } else {
                verdict.hint(credentials);
            }
            verdict.lasting(format!(
                "{node}: the MySQL login or its privilege is refused"
            ));
            (
                Status::Unknown,
                e.line.clone(),
                format!("cannot read the replication status on {node}: {}", e.line),
            )
        }
        Answer::ServerDown(e) => {
            verdict.hint(format!(
                "is MariaDB/MySQL running on {node}? (`systemctl status mariadb`)"
            ));
            (
                Status::Crit,
                format!("MySQL does not answer: {}", e.line),
                format!("MySQL on {node} does not answer"),
            )
        }
        Answer::Unsupported(e) => {
            verdict.lasting(format!("{node}: the server knows neither status statement"));
            (
            Status::Unknown,
            format!("the server does not know this statement (retry with SHOW REPLICA STATUS / SHOW SLAVE STATUS): {}", e.line),
            format!("{node}: the server does not know the status statement"),
        )
        }
        Answer::Failed(e) => (
            Status::Unknown,
            e.line.clone(),
            format!("{node}: {}", e.line),
        ),
        Answer::NoClient(line) => {
            verdict.lasting(format!("{node}: no mysql client"));
            (
                Status::Unknown,
                format!("no mysql client on the node: {line}"),
                format!("{node}: no mysql client"),
            )
        }
        Answer::Unreadable(m) => (Status::Unknown, m.clone(), format!("{node}: {m}")),
    };
    verdict.add(status, Some(node), ITEM, &message, headline);
    message
}
