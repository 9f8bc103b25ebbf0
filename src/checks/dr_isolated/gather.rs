//! Gathering for `dr-isolated`: one probe command on the DR client, towards every address
//! of the main site.

use super::{evaluate, Target, NAME, SERVICES};
use crate::checks::context::Context;
use crate::checks::ports::probe;
use crate::checks::{Report, Status};
use crate::inventory::NodeName;
use crate::msg;

pub fn gather(cx: &Context) -> Report {
    let Some(dr) = cx.inventory.node(NodeName::DrClient) else {
        return Report::new(NAME, Status::Unknown, msg!("no-dr-client"))
            .lasting(msg!("no-dr-client"));
    };
    let targets = targets(cx);
    let pairs: Vec<(String, u16)> = targets
        .iter()
        .flat_map(|t| SERVICES.iter().map(|(port, _)| (t.address.clone(), *port)))
        .collect();
    let timeout = dr.target.connect_timeout;
    let cmd = probe::command(timeout, &pairs);
    let answer = cx
        .run_each(&[NodeName::DrClient.as_str()], &cmd)
        .pop()
        .map(|(_, out)| out.and_then(crate::checks::ports::printed))
        .unwrap_or_else(|| Err(msg!("dr-isolated-not-asked")));
    evaluate(&targets, &answer, timeout)
}

/// The node IP (in a cluster), then each cluster node's physical address.
fn targets(cx: &Context) -> Vec<Target> {
    let mut targets: Vec<Target> = cx
        .inventory
        .node_ip
        .map(|ip| Target {
            node: None,
            address: ip.to_string(),
        })
        .into_iter()
        .collect();
    for name in [NodeName::Tvox1, NodeName::Tvox2] {
        if let Some(node) = cx.inventory.node(name) {
            let address = node.address.to_string();
            if targets.iter().all(|t| t.address != address) {
                targets.push(Target {
                    node: Some(name.to_string()),
                    address,
                });
            }
        }
    }
    targets
}
