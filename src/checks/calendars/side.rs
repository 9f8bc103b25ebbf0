//! One node's side of the comparison: its name and what its pg_dump produced.

use super::summary::DumpSummary;
use crate::i18n::Msg;

pub(super) const NAME: &str = "calendars";

/// One node's side: its name and what its pg_dump produced, or pg_dump's error text.
#[derive(Debug, Clone)]
pub struct NodeDump {
    pub node: String,
    pub dump: Result<DumpSummary, Msg>,
}

impl NodeDump {
    pub fn new(node: &str, dump: Result<DumpSummary, Msg>) -> NodeDump {
        NodeDump {
            node: node.to_string(),
            dump,
        }
    }
}
