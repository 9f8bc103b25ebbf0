//! `master:` of a `vip` check: a node, or the node an earlier step of the same run ran on
//! (`node_of`, `other_than_node_of`) — a step that exists, comes earlier, and runs on one
//! node, so the journal will say which.

use crate::msg;
use serde_saphyr::Spanned;

use super::Validator;
use crate::runbook::master::Master;
use crate::runbook::model::{Kind, Role};
use crate::runbook::raw::{RawMaster, RawRelativeMaster};

/// What validation remembers of a step for the steps after it.
pub(super) struct Seen {
    /// The kind, for messages.
    kind: &'static str,
    /// It runs on one node of the inventory (not `both`, not this machine), and records it.
    one_node: bool,
    /// `Some(stage)` for a rollback step of that stage.
    rollback_of: Option<String>,
}

const FORMS: &str = "`tvox1`, `tvox2`, `{ node_of: STEP }` or `{ other_than_node_of: STEP }`";

impl Validator<'_> {
    pub(super) fn saw(&mut self, id: &str, kind: &Kind) {
        let one_node = match kind {
            Kind::Screen { on, .. }
            | Kind::Reboot { on, .. }
            | Kind::Interactive { on, .. }
            | Kind::Run { on, .. } => on.is_single() && *on != Role::Local,
            _ => false,
        };
        self.seen.insert(
            id.to_string(),
            Seen {
                kind: kind.name(),
                one_node,
                rollback_of: self.rollback_of.clone(),
            },
        );
    }

    pub(super) fn master(&mut self, raw: &Spanned<RawMaster>, checks: &[String]) -> Option<Master> {
        let at = raw.referenced;
        if !checks.iter().any(|c| c == "vip") {
            self.error(&at, msg!("load-master-needs-vip"));
            return None;
        }
        let (step, other) = match &raw.value {
            RawMaster::Node(node) if node == "tvox1" || node == "tvox2" => {
                return Some(Master::Node(node.clone()))
            }
            RawMaster::Node(node) => {
                self.error(
                    &at,
                    msg!("load-master-bad", node = node.as_str(), forms = FORMS),
                );
                return None;
            }
            RawMaster::Relative(RawRelativeMaster {
                node_of: Some(step),
                other_than_node_of: None,
            }) => (step, false),
            RawMaster::Relative(RawRelativeMaster {
                node_of: None,
                other_than_node_of: Some(step),
            }) => (step, true),
            RawMaster::Relative(_) => {
                self.error(&at, msg!("load-master-one", forms = FORMS));
                return None;
            }
        };
        let problem = match self.seen.get(step) {
            None if self.later.contains(step) => Some(msg!("load-master-later", step = step)),
            None => Some(msg!("load-master-no-step", step = step)),
            Some(seen) if !seen.one_node => Some(msg!(
                "load-master-not-one-node",
                step = step,
                kind = seen.kind
            )),
            // A forward step cannot know a rollback step; a rollback step knows the forward
            // run (its journal) and the rollback steps of its own stage before it (rollback
            // runs the stages newest first).
            Some(seen) if seen.rollback_of.is_some() && seen.rollback_of != self.rollback_of => {
                Some(msg!(
                    "load-master-rollback",
                    step = step,
                    stage = seen.rollback_of.as_deref().unwrap_or_default()
                ))
            }
            Some(_) => None,
        };
        if let Some(problem) = problem {
            self.error(&at, problem);
            return None;
        }
        let step = step.clone();
        Some(if other {
            Master::OtherThanNodeOf(step)
        } else {
            Master::NodeOf(step)
        })
    }
}

#[cfg(test)]
mod tests;
