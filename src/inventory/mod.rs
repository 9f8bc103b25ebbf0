//! The site inventory (`tvdr.yaml`): loading, validation, and the resolved model.
//!
//! The file is parsed into [`raw`] structures (exactly what was written), then resolved:
//! defaults applied, per-node overrides merged, paths made absolute, cross-field rules
//! checked. Every error names the file, line and column.

mod locate;
mod node;
mod raw;
mod resolve;
pub mod values;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use serde::Serialize;

pub use locate::locate;
pub use node::{Node, NodeName, Selection};
pub use resolve::{DEFAULT_HOSTS_FILE, DEFAULT_SYNC_DIR};
pub use values::Address;

use crate::yaml::YamlError;

/// A loaded, validated inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct Inventory {
    /// The file it was read from.
    pub path: PathBuf,
    pub site: String,
    pub tvox: Tvox,
    /// The cluster address clients use; `None` for a stand-alone TVox.
    pub node_ip: Option<IpAddr>,
    /// The nodes present, in the order tvox1, tvox2, dr_client.
    pub nodes: Vec<Node>,
    pub calendars: Calendars,
    pub db: Db,
    pub thresholds: Thresholds,
    pub objectives: Objectives,
    /// Receipts on the nodes are kept this long after their run (`retention.receipts`).
    pub receipts_kept: Duration,
    /// `ssh.persist`: how long a node's session outlives the command that used it last.
    pub persist: Option<Duration>,
    /// How to ask a node whether its licence is in place; `None`: not configured.
    pub license: Option<License>,
    pub dns: Dns,
}

/// The customer's DNS servers, which `tvdr check dns` asks from the nodes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Dns {
    /// Empty: each node's /etc/resolv.conf nameservers.
    pub servers: Vec<IpAddr>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tvox {
    pub version: u32,
    /// The name clients use, when the site set one.
    pub domain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calendars {
    pub database: String,
    pub user: String,
}

/// How the db check logs in to MySQL/MariaDB on the nodes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Db {
    /// Option file passed as `--defaults-extra-file`; `None`: the client's own defaults
    /// (`~/.my.cnf` of the SSH user).
    pub defaults_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    pub chat_lag: Duration,
    pub db_lag: Duration,
    /// Allowed difference between master and slave sync dirs, in percent.
    pub fs_tolerance: f64,
    /// Clock difference between nodes that WARNs; five times it is CRIT.
    pub clock_skew: Duration,
}

/// The operator's licence probe: shell text run on each cluster node, and a regular
/// expression (checked when the inventory is loaded) its output must match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct License {
    pub command: String,
    pub expect: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Objectives {
    pub rpo: Duration,
    pub rto: Duration,
}

/// Why an inventory could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error(transparent)]
    Invalid(#[from] YamlError),
    #[error("cannot read inventory `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no inventory found: pass `--inventory FILE`, set `TVDR_INVENTORY`, or create `./tvdr.yaml` with `tvdr init`")]
    NotFound,
}

impl Inventory {
    /// Reads and validates the inventory at `path`.
    pub fn load(path: &Path) -> Result<Inventory, InventoryError> {
        let text = std::fs::read_to_string(path).map_err(|source| InventoryError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Self::parse(path, &text)?)
    }

    /// Validates inventory `text` as if read from `path` (relative paths in it are taken
    /// relative to `path`'s directory).
    pub fn parse(path: &Path, text: &str) -> Result<Inventory, YamlError> {
        let raw: raw::RawInventory = crate::yaml::parse(path, text)?;
        // Relative paths inside the file are relative to the file, wherever tvdr runs from.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut inventory = resolve::resolve(&absolute, text, raw)?;
        inventory.path = path.to_path_buf();
        Ok(inventory)
    }

    /// Is this a Fault Tolerance cluster (it has a node IP) or a stand-alone TVox?
    pub fn is_cluster(&self) -> bool {
        self.node_ip.is_some()
    }

    pub fn node(&self, name: NodeName) -> Option<&Node> {
        self.nodes.iter().find(|n| n.name == name)
    }

    /// The nodes a command line selection names, or an error saying which is missing.
    pub fn select(&self, selection: Selection) -> anyhow::Result<Vec<&Node>> {
        let names: Vec<NodeName> = match selection {
            Selection::One(name) => vec![name],
            Selection::Both => vec![NodeName::Tvox1, NodeName::Tvox2],
            Selection::All => return Ok(self.nodes.iter().collect()),
        };
        names
            .into_iter()
            .map(|name| {
                self.node(name).with_context(|| {
                    format!(
                        "node `{name}` is not in inventory `{}`",
                        self.path.display()
                    )
                })
            })
            .collect()
    }
}
