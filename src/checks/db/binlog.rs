//! How far the replica's applied position is from the primary's binlog position.
//!
//! `Seconds_Behind_Master` only measures the relay log the replica already has: a replica
//! whose IO thread silently stopped receiving shows 0. Comparing with the primary's own
//! `SHOW MASTER STATUS` catches that. The two are read a moment apart, so a small gap on a
//! busy server is normal: the gap is reported (detail and metric), not judged.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::replica::{master_position, Position, Replica};
use super::vertical;
use super::NodeReplica;
use crate::checks::chat::verdict::Verdict;
use crate::checks::{Metric, Status};

const ITEM: &str = "binlog position";

/// Compares `replica` (the replica node's default connection) with the primary's output.
/// Returns the primary's facts.
pub fn judge(
    primary: &NodeReplica,
    replica_node: &str,
    replica: Option<&Replica>,
    verdict: &mut Verdict,
    metrics: &mut BTreeMap<String, Metric>,
) -> Value {
    let node = primary.node.as_str();
    let master = match &primary.output {
        Err(e) => Err(format!("could not run the mysql client: {e}")),
        Ok(raw) if raw.trim().is_empty() => {
            let message =
                "binary logging is off (SHOW MASTER STATUS is empty): it cannot feed a replica";
            verdict.add(
                Status::Crit,
                Some(node),
                ITEM,
                message,
                format!("{node}: {message}"),
            );
            return json!({ "error": message });
        }
        Ok(raw) => match raw.lines().map(str::trim).find(|l| l.starts_with("ERROR ")) {
            Some(line) => Err(line.to_string()),
            None => vertical::parse(raw)
                .first()
                .and_then(master_position)
                .ok_or_else(|| "no File/Position in SHOW MASTER STATUS".to_string()),
        },
    };
    let master = match master {
        Ok(position) => position,
        Err(message) => {
            let message = format!("cannot read the master's binlog position: {message}");
            verdict.add(
                Status::Unknown,
                Some(node),
                ITEM,
                &message,
                format!("{node}: {message}"),
            );
            return json!({ "error": message });
        }
    };
    let facts = json!({ "binlog": format!("{}:{}", master.file, master.offset) });
    let Some(applied) = replica.and_then(|r| r.applied.as_ref()) else {
        return facts;
    };
    let read = replica.and_then(|r| r.read.as_ref());
    let gap = if applied.file == master.file {
        let bytes = master.offset.saturating_sub(applied.offset);
        let metric = Metric {
            value: bytes as f64,
            unit: "B",
            warn: None,
            crit: None,
        };
        metrics.insert(format!("binlog_gap_bytes@{replica_node}"), metric);
        format!("{bytes} bytes behind")
    } else {
        match (sequence(&master.file), sequence(&applied.file)) {
            (Some(m), Some(a)) if m > a => format!("{} binlog files behind", m - a),
            _ => format!("on another binlog file ({})", applied.file),
        }
    };
    let read = read
        .map(|r| format!(" read up to {} and", at(r)))
        .unwrap_or_default();
    let message = format!(
        "master {node} at {}; replica{read} applied up to {} ({gap})",
        at(&master),
        at(applied)
    );
    verdict.add(Status::Ok, Some(replica_node), ITEM, message, "");
    facts
}

fn at(p: &Position) -> String {
    format!("{}:{}", p.file, p.offset)
}

/// `42` from `mysql-bin.000042`.
fn sequence(file: &str) -> Option<u64> {
    file.rsplit('.').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binlog_sequence() {
        assert_eq!(sequence("mysql-bin.000042"), Some(42));
        assert_eq!(sequence("binlog"), None);
    }
}
