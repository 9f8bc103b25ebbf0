//! Gathering for `hosts`: `cat` each cluster node's hosts file (the inventory's
//! `paths.hosts_file`), both nodes at once.

use std::net::IpAddr;

use super::{evaluate, Fetched, NodeFile};
use crate::checks::context::Context;
use crate::checks::{Report, Status};
use crate::inventory::{Address, Inventory, NodeName};
use crate::transport::Cmd;

pub fn gather(cx: &Context) -> Report {
    let domain = &cx.inventory.tvox.domain;
    if domain.parse::<IpAddr>().is_ok() {
        return Report::new(
            "hosts",
            Status::Ok,
            format!("`tvox.domain` is an address ({domain}): there is no name to map"),
        );
    }
    let expected = match tvox_address(cx.inventory) {
        Ok(ip) => ip,
        Err(why) => return Report::new("hosts", Status::Unknown, why),
    };
    let nodes = cx.cluster_nodes();
    let answers = cx.fleet.run_each(&nodes, |t| {
        let path = hosts_file(cx.inventory, &t.target().name);
        let cat = cat_command(&path);
        let out = t.output(&cat)?;
        let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let fetched = if out.success() {
            Fetched::Text(out.stdout_lossy())
        } else if stderr.contains("No such file") {
            Fetched::Missing
        } else {
            Fetched::Failed(format!("cannot read `{path}`: {stderr}"))
        };
        Ok((path, fetched))
    });
    let files: Vec<NodeFile> = answers
        .into_iter()
        .map(|(node, result)| {
            let (path, fetched) = result.unwrap_or_else(|e| {
                let path = hosts_file(cx.inventory, &node);
                (path, Fetched::Failed(cx.note(&e)))
            });
            NodeFile {
                node,
                path,
                fetched,
            }
        })
        .collect();
    evaluate(domain, expected, &files)
}

/// The TVox address: the node IP of a cluster, tvox1's own address when stand-alone.
pub fn tvox_address(inv: &Inventory) -> Result<IpAddr, String> {
    if let Some(ip) = inv.node_ip {
        return Ok(ip);
    }
    match inv.node(NodeName::Tvox1).map(|n| &n.address) {
        Some(Address::Ip(ip)) => Ok(*ip),
        Some(Address::Name(name)) => Err(format!(
            "stand-alone tvox1 is given by name (`{name}`): write its IP address in \
             `nodes.tvox1.address` so the hosts line can be checked"
        )),
        None => Err("no `nodes.tvox1` in the inventory".into()),
    }
}

/// Reads a node's hosts file (also shown by a dry run).
pub fn cat_command(path: &str) -> Cmd {
    // C locale: "No such file" is then the text to look for, whatever the node's language.
    Cmd::new("cat").env("LC_ALL", "C").arg("--").arg(path)
}

pub fn hosts_file(inv: &Inventory, node: &str) -> String {
    node.parse::<NodeName>()
        .ok()
        .and_then(|n| inv.node(n))
        .map_or_else(
            || crate::inventory::DEFAULT_HOSTS_FILE.to_string(),
            |n| n.hosts_file.clone(),
        )
}
