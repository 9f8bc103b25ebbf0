//! One node's answer on its own: its facts, and a finding when it gave no status.

use serde_json::{json, Value};

use super::answer::{self, Answer};
use super::status::ReplStatus;
use super::verdict::Verdict;
use super::NodeStatus;
use crate::checks::Status;
use crate::i18n::Msg;
use crate::msg;

const ITEM: &str = "rs.status()";

/// Reads one node's output. Returns its replica-set status when it gave one, and the
/// node's facts for the report; a node without a status adds its finding to `verdict`.
pub fn judge(sample: &NodeStatus, verdict: &mut Verdict) -> (Option<ReplStatus>, Value) {
    let node = sample.node.as_str();
    let answer = match &sample.output {
        Ok(raw) => answer::parse(raw),
        Err(error) => {
            let message = msg!("chat-shell-failed", error = error);
            verdict.add(
                Status::Unknown,
                Some(node),
                Msg::text(ITEM),
                message.clone(),
                message.map(|m| format!("{node}: {m}")),
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
            verdict.hint(msg!("chat-hint-not-initiated", node = node));
            (
                Status::Crit,
                msg!("chat-not-initiated", error = m),
                msg!("chat-not-initiated-on", node = node),
            )
        }
        Answer::Standalone(m) => {
            verdict.hint(msg!("chat-hint-standalone", node = node));
            (
                Status::Crit,
                msg!("chat-standalone", error = m),
                msg!("chat-standalone-on", node = node),
            )
        }
        Answer::Unreachable(m) => {
            verdict.hint(msg!("chat-hint-running", node = node));
            (
                Status::Crit,
                msg!("chat-down", error = m),
                msg!("chat-down-on", node = node),
            )
        }
        Answer::Denied(m) => {
            verdict.hint(msg!("chat-hint-denied"));
            verdict.lasting(msg!("chat-denied-on", node = node));
            (
                Status::Unknown,
                msg!("chat-denied", error = m),
                msg!("chat-denied-on", node = node),
            )
        }
        Answer::NoShell(m) => {
            verdict.lasting(msg!("chat-no-shell-on", node = node));
            (
                Status::Unknown,
                msg!("chat-no-shell", error = m),
                msg!("chat-no-shell-on", node = node),
            )
        }
        Answer::Failed(m) => {
            let message = msg!("chat-failed", error = m);
            let headline = message.map(|m| format!("{node}: {m}"));
            (Status::Unknown, message, headline)
        }
        Answer::Empty => {
            let message = msg!("chat-empty");
            let headline = message.map(|m| format!("{node}: {m}"));
            (Status::Unknown, message, headline)
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
