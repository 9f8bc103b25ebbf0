//! Gathering for `hosts`: `cat` each cluster node's hosts file (the inventory's
//! `paths.hosts_file`), both nodes at once, and the address each node's line must give.

use std::net::IpAddr;

use super::{evaluate, Fetched, Form, NodeFile};
use crate::checks::context::Context;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::inventory::{Address, Inventory, NodeName};
use crate::msg;
use crate::transport::Cmd;

pub fn gather(cx: &Context) -> Report {
    // The procedure: "if you set a domain name, make sure /etc/hosts maps it".
    let Some(domain) = cx.inventory.tvox.domain.as_deref() else {
        return Report::new("hosts", Status::Ok, msg!("hosts-no-domain"));
    };
    if domain.parse::<IpAddr>().is_ok() {
        return Report::new(
            "hosts",
            Status::Ok,
            msg!("hosts-domain-is-address", domain = domain),
        );
    }
    let nodes = cx.cluster_nodes();
    let mut expected = Vec::new();
    for node in &nodes {
        match expected_address(cx.inventory, cx.options.hosts_form, node) {
            Ok(ip) => expected.push(ip),
            Err(why) => return Report::new("hosts", Status::Unknown, why),
        }
    }
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
            Fetched::Failed(msg!(
                "hosts-unreadable",
                path = path.as_str(),
                error = stderr
            ))
        };
        Ok((path, fetched))
    });
    let files: Vec<NodeFile> = answers
        .into_iter()
        .zip(expected)
        .map(|((node, result), expected)| {
            let (path, fetched) = result.unwrap_or_else(|e| {
                let path = hosts_file(cx.inventory, &node);
                (path, Fetched::Failed(cx.note(&e)))
            });
            NodeFile {
                node,
                path,
                expected,
                fetched,
            }
        })
        .collect();
    evaluate(domain, &files)
}

/// The address `node`'s line must give in `form`; without a form, as the inventory
/// describes the site ([`tvox_address`]).
pub fn expected_address(inv: &Inventory, form: Option<Form>, node: &str) -> Result<IpAddr, Msg> {
    match form {
        None => tvox_address(inv),
        Some(Form::Ft) => inv.node_ip.ok_or_else(|| msg!("hosts-ft-needs-node-ip")),
        Some(Form::Standalone) => {
            let name: NodeName = node.parse().map_err(Msg::text)?;
            physical(inv, name)
        }
    }
}

/// The TVox address: the node IP of a cluster, tvox1's own address when stand-alone.
pub fn tvox_address(inv: &Inventory) -> Result<IpAddr, Msg> {
    match inv.node_ip {
        Some(ip) => Ok(ip),
        None => physical(inv, NodeName::Tvox1),
    }
}

/// A node's own (physical) address, which must be an IP to be compared with a hosts line.
fn physical(inv: &Inventory, name: NodeName) -> Result<IpAddr, Msg> {
    match inv.node(name).map(|n| &n.address) {
        Some(Address::Ip(ip)) => Ok(*ip),
        Some(Address::Name(address)) => Err(msg!(
            "hosts-node-by-name",
            node = name.as_str(),
            address = address.as_str()
        )),
        None => Err(msg!("hosts-no-node", node = name.as_str())),
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
