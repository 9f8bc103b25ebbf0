//! The names a runbook may refer to in `when:` conditions and `{{ … }}` templates: facts of
//! the inventory (`tvox.version`, `nodes.tvox1.address`…) and answers given at earlier
//! steps (a bare name such as `release`).

use crate::i18n::Msg;
use crate::msg;
use std::fmt;

use crate::inventory::{Inventory, NodeName};
use crate::runbook::answers::Answers;

/// A value a name stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Num(f64),
    Str(String),
    Bool(bool),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Num(n) if n.fract() == 0.0 => write!(f, "{}", *n as i64),
            Value::Num(n) => write!(f, "{n}"),
            Value::Str(s) => f.write_str(s),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// The inventory facts a runbook may name, with what they mean (for `tvdr lint` errors).
pub const FACTS: &[(&str, &str)] = &[
    ("site", "the site name"),
    ("tvox.version", "the TVox major version"),
    ("tvox.domain", "the domain clients use"),
    (
        "cluster",
        "true for a Fault Tolerance cluster (a node IP is set)",
    ),
    ("cluster.node_ip", "the cluster node IP"),
    ("dr_client", "true when the site has a DR client"),
    ("nodes.tvox1.address", "TVOX 1's physical address"),
    ("nodes.tvox2.address", "TVOX 2's physical address"),
    ("nodes.dr_client.address", "the DR client's address"),
    ("paths.sync_dir", "the sync directory (tvox1's)"),
    ("calendars.database", "the calendar database"),
    ("calendars.user", "the calendar database user"),
];

/// A name as written: a known fact, or an answer (a bare identifier).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    Fact(String),
    Answer(String),
}

impl Name {
    /// Classifies `text`; `Err` says why it is no usable name.
    pub fn parse(text: &str) -> Result<Name, Msg> {
        let text = text.trim();
        if FACTS.iter().any(|(fact, _)| *fact == text) {
            return Ok(Name::Fact(text.to_string()));
        }
        let identifier = !text.is_empty()
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !text.starts_with(|c: char| c.is_ascii_digit());
        if identifier {
            return Ok(Name::Answer(text.to_string()));
        }
        let known: Vec<&str> = FACTS.iter().map(|(f, _)| *f).collect();
        Err(msg!(
            "condition-not-a-name",
            name = text,
            facts = known.join(", ")
        ))
    }
}

/// Everything known now: the inventory, and the answers given so far.
pub struct Facts<'a> {
    pub inventory: &'a Inventory,
    pub answers: &'a Answers,
}

impl Facts<'_> {
    /// The value of `name`, or `None` when it is not known (yet): an answer not given, a
    /// node the inventory lacks.
    pub fn get(&self, name: &Name) -> Option<Value> {
        let inv = self.inventory;
        let address = |n: NodeName| inv.node(n).map(|n| Value::Str(n.address.to_string()));
        match name {
            // A copy for the condition or the command being filled, dropped with it.
            Name::Answer(answer) => self.answers.get(answer).map(|v| Value::Str(v.to_string())),
            Name::Fact(fact) => match fact.as_str() {
                "site" => Some(Value::Str(inv.site.clone())),
                "tvox.version" => Some(Value::Num(f64::from(inv.tvox.version))),
                "tvox.domain" => inv.tvox.domain.clone().map(Value::Str),
                "cluster" => Some(Value::Bool(inv.is_cluster())),
                "cluster.node_ip" => inv.node_ip.map(|ip| Value::Str(ip.to_string())),
                "dr_client" => Some(Value::Bool(inv.node(NodeName::DrClient).is_some())),
                "nodes.tvox1.address" => address(NodeName::Tvox1),
                "nodes.tvox2.address" => address(NodeName::Tvox2),
                "nodes.dr_client.address" => address(NodeName::DrClient),
                "paths.sync_dir" => inv.nodes.first().map(|n| Value::Str(n.sync_dir.clone())),
                "calendars.database" => Some(Value::Str(inv.calendars.database.clone())),
                "calendars.user" => Some(Value::Str(inv.calendars.user.clone())),
                _ => None,
            },
        }
    }
}
