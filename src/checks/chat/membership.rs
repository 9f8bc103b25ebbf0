//! The replica set's members must be the inventory's nodes.

use super::names::Names;
use super::status::{host_of, ReplStatus};
use super::verdict::Verdict;
use crate::checks::Status;
use crate::msg;

/// Compares the host part of every member name with the inventory's node addresses
/// (case-insensitively; nothing to compare when `expected` is empty). A member that is no
/// inventory node is WARN: an extra member, often an arbiter, does not stop replication.
/// An inventory node that is no member is CRIT: it does not get the chat's data.
pub fn judge(view: &ReplStatus, names: &Names, expected: &[String], verdict: &mut Verdict) {
    if expected.is_empty() {
        return;
    }
    // An inventory address written with the port (`172.31.21.175:27017`) compares by host.
    let wanted: Vec<String> = expected
        .iter()
        .map(|a| host_of(a.trim()).to_ascii_lowercase())
        .collect();
    for member in &view.members {
        if !wanted.contains(&member.host().to_ascii_lowercase()) {
            let label = names.label(&member.name);
            let inventory = expected.join(", ");
            let message = msg!(
                "chat-not-inventory",
                state = member.state_str.as_str(),
                member = label.as_str(),
                inventory = inventory
            );
            let headline = msg!("chat-not-inventory-headline", member = label.as_str());
            verdict.add(
                Status::Warn,
                None,
                msg!("item-member", name = member.name.as_str()),
                message,
                headline,
            );
        }
    }
    let set = view.set.as_deref().unwrap_or("?");
    for (address, original) in wanted.iter().zip(expected) {
        if !view
            .members
            .iter()
            .any(|m| m.host().eq_ignore_ascii_case(address))
        {
            let message = msg!("chat-not-member", node = original.as_str(), set = set);
            verdict.add(
                Status::Crit,
                None,
                msg!("item-node", node = original.as_str()),
                message.clone(),
                message,
            );
        }
    }
}
