//! The node a `vip` check expects to hold the node IP: named (`master: tvox2`), or known
//! only at run time from what the run's journal recorded (`master: { node_of: STEP }`),
//! since the node patched first is whichever was slave when the run started.

use serde_json::Value;

use super::journal::{Outcome, Record};
use crate::checks::vip::Expected;
use crate::i18n::Msg;
use crate::msg;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Master {
    /// `tvox1` or `tvox2`.
    Node(String),
    /// The node step `STEP` of this run ran on.
    NodeOf(String),
    /// The other cluster node than the one step `STEP` ran on.
    OtherThanNodeOf(String),
}

impl Master {
    /// What the dry run shows: the node, or how the run will know it.
    pub fn describe(&self) -> Msg {
        match self {
            Master::Node(node) => Msg::text(node.as_str()),
            Master::NodeOf(step) => msg!("master-node-of", step = step.as_str()),
            Master::OtherThanNodeOf(step) => {
                msg!("master-other-than-node-of", step = step.as_str())
            }
        }
    }

    /// The step it refers to, if any.
    pub fn step(&self) -> Option<&str> {
        match self {
            Master::Node(_) => None,
            Master::NodeOf(step) | Master::OtherThanNodeOf(step) => Some(step),
        }
    }

    /// The expected node, from the records of the run's journals (a rollback run reads
    /// its own, then its forward run's). What the journals do not tell is `Unresolved`:
    /// the check then says UNKNOWN, never OK.
    pub fn resolve(&self, journals: &[Vec<Record>]) -> Expected {
        let step = match self {
            Master::Node(node) => return Expected::Node(node.clone()),
            Master::NodeOf(step) | Master::OtherThanNodeOf(step) => step,
        };
        let ran_on = match ran_on(journals, step) {
            Ok(node) => node,
            Err(why) => return Expected::Unresolved(why),
        };
        match (self, ran_on.as_str()) {
            (Master::OtherThanNodeOf(_), "tvox1") => Expected::Node("tvox2".into()),
            (Master::OtherThanNodeOf(_), "tvox2") => Expected::Node("tvox1".into()),
            (Master::OtherThanNodeOf(_), other) => Expected::Unresolved(format!(
                "step `{step}` ran on `{other}`, which is not a cluster node"
            )),
            _ => Expected::Node(ran_on),
        }
    }
}

/// The node step `step` ran on, from the last record of it that names one.
pub fn ran_on(journals: &[Vec<Record>], step: &str) -> Result<String, String> {
    let mut ended = None;
    for records in journals {
        for record in records.iter().rev() {
            if let Record::StepFinished {
                step: id,
                outcome,
                evidence,
                ..
            } = record
            {
                if id != step {
                    continue;
                }
                if let Some(node) = node_in(evidence) {
                    return Ok(node);
                }
                ended.get_or_insert(*outcome);
            }
        }
    }
    Err(match ended {
        None => format!("step `{step}` has not run in this run"),
        Some(Outcome::Skipped) => format!("step `{step}` was skipped: it ran on no node"),
        Some(outcome) => format!(
            "step `{step}` ended {} without recording its node",
            format!("{outcome:?}").to_lowercase()
        ),
    })
}

/// `node` (screen, reboot, interactive), or the one host of a `run` step.
fn node_in(evidence: &Value) -> Option<String> {
    if let Some(node) = evidence["node"].as_str() {
        return Some(node.to_string());
    }
    match evidence["hosts"].as_object() {
        Some(hosts) if hosts.len() == 1 => hosts.keys().next().cloned(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Timestamp;
    use serde_json::json;

    fn finished(step: &str, outcome: Outcome, evidence: Value) -> Record {
        Record::StepFinished {
            step: step.into(),
            outcome,
            reason: None,
            reason_it: None,
            evidence,
            at: Timestamp(std::time::SystemTime::UNIX_EPOCH),
            seconds: 1.0,
        }
    }

    #[test]
    fn node_of_reads_the_node_a_step_ran_on() {
        let run = vec![
            finished("patch-first", Outcome::Failed, json!({ "node": "tvox2" })),
            finished("patch-first", Outcome::Done, json!({ "node": "tvox1" })),
        ];
        let of = Master::NodeOf("patch-first".into());
        assert_eq!(
            of.resolve(std::slice::from_ref(&run)),
            Expected::Node("tvox1".into())
        );
        let other = Master::OtherThanNodeOf("patch-first".into());
        assert_eq!(other.resolve(&[run]), Expected::Node("tvox2".into()));
    }

    #[test]
    fn a_run_step_names_its_one_host() {
        let run = vec![finished(
            "fix",
            Outcome::Done,
            json!({ "command": "x", "hosts": { "tvox2": { "exit": 0 } } }),
        )];
        assert_eq!(ran_on(&[run], "fix"), Ok("tvox2".into()));
    }

    #[test]
    fn a_rollback_reads_its_forward_run_after_its_own() {
        let own = vec![finished("other", Outcome::Done, json!({}))];
        let forward = vec![finished(
            "patch-first",
            Outcome::Done,
            json!({ "node": "tvox1" }),
        )];
        let of = Master::NodeOf("patch-first".into());
        assert_eq!(of.resolve(&[own, forward]), Expected::Node("tvox1".into()));
    }

    #[test]
    fn what_the_journal_does_not_tell_is_unresolved() {
        let of = Master::NodeOf("patch-first".into());
        let Expected::Unresolved(why) = of.resolve(&[vec![]]) else {
            panic!("resolved from nothing")
        };
        assert!(why.contains("has not run"), "{why}");
        let skipped = vec![finished("patch-first", Outcome::Skipped, json!({}))];
        let Expected::Unresolved(why) = of.resolve(&[skipped]) else {
            panic!("resolved from a skipped step")
        };
        assert!(why.contains("skipped"), "{why}");
        let local = vec![finished(
            "patch-first",
            Outcome::Done,
            json!({ "node": "local" }),
        )];
        let other = Master::OtherThanNodeOf("patch-first".into());
        assert!(matches!(other.resolve(&[local]), Expected::Unresolved(_)));
    }
}
