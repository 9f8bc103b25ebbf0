//! The nodes of a site and how a command line names them (`tvox1`, `both`, `all`…).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::values::Address;
use crate::transport::Target;

/// One of the machines of a site, by its role in the inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeName {
    Tvox1,
    Tvox2,
    DrClient,
}

impl NodeName {
    pub const ALL: [NodeName; 3] = [NodeName::Tvox1, NodeName::Tvox2, NodeName::DrClient];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeName::Tvox1 => "tvox1",
            NodeName::Tvox2 => "tvox2",
            NodeName::DrClient => "dr_client",
        }
    }
}

impl fmt::Display for NodeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NodeName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        NodeName::ALL
            .into_iter()
            .find(|n| n.as_str() == s)
            .ok_or_else(|| format!("unknown node `{s}`: expected tvox1, tvox2 or dr_client"))
    }
}

/// A resolved node: where it is, how to reach it, where its files are.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: NodeName,
    pub address: Address,
    pub target: Target,
    pub sync_dir: String,
    pub hosts_file: String,
}

/// What a command line may name: one node or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    One(NodeName),
    /// tvox1 and tvox2: the cluster.
    Both,
    /// Every node of the inventory, the DR client included.
    All,
}

impl FromStr for Selection {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "both" => Ok(Selection::Both),
            "all" => Ok(Selection::All),
            other => other
                .parse()
                .map(Selection::One)
                .map_err(|_| crate::t!("node-unknown-selection", node = other)),
        }
    }
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selection::One(name) => name.fmt(f),
            Selection::Both => f.write_str("both"),
            Selection::All => f.write_str("all"),
        }
    }
}
