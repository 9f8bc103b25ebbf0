//! `tvdr check db`: MySQL/MariaDB replication on the replica node, as `SHOW SLAVE STATUS`
//! shows it ("DB sincronizzati" on the TVox monitor).
//!
//! [`command`] says what the gather side runs (credentials from an option file, never on a
//! command line); [`parse`] classifies the output (rows, empty = not a replica, client
//! errors); [`evaluate()`] gives the verdict. Parts: `vertical` reads the client's `\G`
//! layout, `replica` the fields by name in either spelling, `connection` judges one
//! replication connection, `binlog` the gap to the primary's binlog position.

mod answer;
mod binlog;
pub mod command;
mod connection;
mod evaluate;
mod gather;
mod replica;
mod vertical;

pub use answer::{needs_other_statement, parse, Answer, ClientError};
pub use evaluate::{evaluate, evaluate_with_primary};
pub use gather::gather;
pub use replica::{Position, Replica, ThreadError};

use crate::i18n::Msg;

/// What the mysql client printed on one node (stdout and stderr together), or why it could
/// not run there (the transport's error, for a person).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeReplica {
    /// The inventory name of the node (`tvox2`).
    pub node: String,
    pub output: Result<String, Msg>,
}

impl NodeReplica {
    pub fn new(node: &str, output: Result<String, Msg>) -> NodeReplica {
        NodeReplica {
            node: node.to_string(),
            output,
        }
    }
}

#[cfg(test)]
mod tests;
