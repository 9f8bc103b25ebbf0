//! `tvdr check chat`: the chat's MongoDB replica set, as `rs.status()` shows it on each node.
//!
//! The procedure has the technician open `mongo` on both nodes, type `rs.status()` and look
//! for one PRIMARY and one SECONDARY. This check does the same with every shell form
//! ([`command`] picks the machine-readable one; [`parse`] also reads the literal forms that
//! technicians paste) and judges both nodes' views together in [`evaluate()`].
//!
//! Parts: `literal` reads shell output into JSON (`constructor` maps `ISODate(…)` and the
//! like), `ejson` reads numbers and dates out of it, `status` is the model, `answer`
//! classifies errors, `node`, `view` and `membership` judge one node's answer, the replica set and its members,
//! `verdict` assembles the report.

mod answer;
pub mod command;
mod constructor;
mod ejson;
mod evaluate;
mod gather;
mod literal;
mod membership;
mod names;
mod node;
mod status;
pub(in crate::checks) mod verdict;
mod view;

pub use answer::{parse, Answer};
pub use evaluate::evaluate;
pub use gather::gather;
pub use status::{host_of, Member, ReplStatus, Role};

use crate::i18n::Msg;

/// What one node printed for `rs.status()`, or why nothing could be run there (the
/// transport's error, for a person).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeStatus {
    /// The inventory name of the node (`tvox1`).
    pub node: String,
    /// The shell's stdout and stderr together, or why the command could not run.
    pub output: Result<String, Msg>,
}

impl NodeStatus {
    pub fn new(node: &str, output: Result<String, Msg>) -> NodeStatus {
        NodeStatus {
            node: node.to_string(),
            output,
        }
    }
}

#[cfg(test)]
mod tests;
