//! Gathering for `chat`: on both nodes, find the mongo shell and print `rs.status()` in
//! its machine-readable form.

use super::command::{fallback, preferred, probe, shells_found, status_command};
use super::{evaluate, NodeStatus};
use crate::checks::context::Context;
use crate::checks::Report;
use crate::msg;

pub fn gather(cx: &Context) -> Report {
    let nodes = cx.cluster_nodes();
    let answers = cx.fleet.run_each(&nodes, |t| {
        let found = t.output(&probe())?;
        let shells = shells_found(&found.stdout_lossy());
        match (preferred(&shells), status_command(&shells)) {
            // stdout and stderr merged: the shell's error text is the answer to judge.
            (Some(shell), Some(cmd)) => {
                let said = t.output(&cmd)?.stdout_lossy();
                match fallback(shell, &said, &shells).and_then(|s| status_command(&[s])) {
                    Some(older) => Ok(Ok(t.output(&older)?.stdout_lossy())),
                    None => Ok(Ok(said)),
                }
            }
            _ => Ok(Err(msg!(
                "chat-no-shell-path",
                node = t.target().name.as_str()
            ))),
        }
    });
    let samples: Vec<NodeStatus> = answers
        .into_iter()
        .map(|(node, result)| {
            let output = result.map_err(|e| cx.note(&e)).and_then(|inner| inner);
            NodeStatus::new(&node, output)
        })
        .collect();
    let expected: Vec<String> = nodes
        .iter()
        .filter_map(|n| n.parse().ok())
        .filter_map(|n| cx.inventory.node(n))
        .map(|n| n.address.to_string())
        .collect();
    evaluate(&samples, &expected, cx.inventory.thresholds.chat_lag)
}
