//! Gathering for `license`: the operator's command on both cluster nodes.

use super::{evaluate, unconfigured, NodeOutput};
use crate::checks::context::Context;
use crate::checks::Report;
use crate::transport::Cmd;

pub fn gather(cx: &Context) -> Report {
    let Some(license) = &cx.inventory.license else {
        return unconfigured();
    };
    // The operator's own text from the inventory they own; stderr is part of the answer
    // ("licence file not found" is what the technician needs to see).
    let cmd = Cmd::operator_script(license.command.clone()).merge_stderr();
    let outputs: Vec<NodeOutput> = cx
        .run_each(&cx.cluster_nodes(), &cmd)
        .into_iter()
        .map(|(node, result)| NodeOutput {
            node,
            result: result.map(|o| (o.status, o.stdout_lossy())),
        })
        .collect();
    evaluate(&license.expect, &outputs)
}
