//! Gathering for `screen`: `command -v screen`, then `screen -ls`, on every node at once.

use super::{evaluate, NodeScreen, Probe};
use crate::checks::context::Context;
use crate::checks::Report;
use crate::transport::{Cmd, Transport, TransportError};

pub fn gather(cx: &Context) -> Report {
    let nodes: Vec<&str> = cx.inventory.nodes.iter().map(|n| n.name.as_str()).collect();
    let probes: Vec<NodeScreen> = cx
        .fleet
        .run_each(&nodes, probe)
        .into_iter()
        .map(|(node, result)| NodeScreen {
            node,
            probe: result.unwrap_or_else(|e| Probe::Failed(cx.note(&e))),
        })
        .collect();
    evaluate(&probes)
}

/// Is screen installed, then which sessions are open (also shown by a dry run).
pub fn commands() -> [Cmd; 2] {
    [
        Cmd::shell("command -v screen"),
        Cmd::new("screen").arg("-ls").merge_stderr(),
    ]
}

fn probe(t: &mut dyn Transport) -> Result<Probe, TransportError> {
    // `command -v` is POSIX and a builtin: it works where `which` is not installed.
    let [which, list] = commands();
    let found = t.output(&which)?;
    let path = found.stdout_lossy().trim().to_string();
    if !found.success() || path.is_empty() {
        return Ok(Probe::Missing);
    }
    // The exit status says nothing reliable across versions; the text is judged.
    let ls = t.output(&list)?;
    Ok(Probe::Installed {
        path,
        listing: ls.stdout_lossy(),
    })
}
