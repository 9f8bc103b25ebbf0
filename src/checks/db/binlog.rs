//! How far the replica's applied position is from the primary's binlog position.
//!
//! `Seconds_Behind_Master` only measures the relay log the replica already has: a replica
//! whose IO thread silently stopped receiving shows 0. Comparing with the primary's own
//! `SHOW MASTER STATUS` catches that. The two are read a moment apart, so a small gap on a
//! busy server is normal: the gap is reported (detail and metric), not judged.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::answer::client_text;
use super::replica::{master_position, Position, Replica};
use super::vertical;
use super::NodeReplica;
use crate::checks::chat::verdict::Verdict;
use crate::checks::{Metric, Status};
use crate::i18n::Msg;
use crate::msg;

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
    let output = primary.output.as_ref().map(|raw| client_text(raw));
    let master = match &output {
        Err(e) => Err(msg!("db-client-failed", error = *e)),
        Ok(raw) if raw.trim().is_empty() => {
            let message = msg!("db-binlog-off");
            verdict.add(
                Status::Crit,
                Some(node),
                msg!("item-binlog-position"),
                message.clone(),
                message.map(|m| format!("{node}: {m}")),
            );
            return json!({ "error": message });
        }
        Ok(raw) => match raw.lines().map(str::trim).find(|l| l.starts_with("ERROR ")) {
            Some(line) => Err(Msg::text(line)),
            None => vertical::parse(raw)
                .first()
                .and_then(master_position)
                .ok_or_else(|| msg!("db-no-position")),
        },
    };
    let master = match master {
        Ok(position) => position,
        Err(message) => {
            let message = msg!("db-binlog-unreadable", why = message);
            verdict.add(
                Status::Unknown,
                Some(node),
                msg!("item-binlog-position"),
                message.clone(),
                message.map(|m| format!("{node}: {m}")),
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
        msg!("db-gap-bytes", bytes = bytes.to_string())
    } else {
        match (sequence(&master.file), sequence(&applied.file)) {
            (Some(m), Some(a)) if m > a => msg!("db-gap-files", count = m - a),
            _ => msg!("db-gap-other-file", file = applied.file.as_str()),
        }
    };
    let message = match read {
        Some(r) => msg!(
            "db-binlog-read",
            node = node,
            master = at(&master),
            read = at(r),
            applied = at(applied),
            gap = gap
        ),
        None => msg!(
            "db-binlog",
            node = node,
            master = at(&master),
            applied = at(applied),
            gap = gap
        ),
    };
    verdict.add(
        Status::Ok,
        Some(replica_node),
        msg!("item-binlog-position"),
        message,
        Msg::default(),
    );
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
