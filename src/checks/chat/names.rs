//! Which inventory node a replica-set member is, for findings people can read.

use std::collections::BTreeMap;

use super::status::host_of;

/// Member hosts (lowercase) mapped to inventory node names, learnt from each node's
/// `self` member, so findings can say `172.31.21.106:27017 (tvox2)`.
#[derive(Default)]
pub struct Names(BTreeMap<String, String>);

impl Names {
    pub fn learn(&mut self, member_name: &str, node: &str) {
        self.0
            .insert(host_of(member_name).to_ascii_lowercase(), node.to_string());
    }

    pub fn node_of(&self, member_name: &str) -> Option<&str> {
        self.0
            .get(&host_of(member_name).to_ascii_lowercase())
            .map(String::as_str)
    }

    pub fn label(&self, member_name: &str) -> String {
        match self.node_of(member_name) {
            Some(node) => format!("{member_name} ({node})"),
            None => member_name.to_string(),
        }
    }
}
