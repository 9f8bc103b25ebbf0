//! Gathering for `ports`: the probe runs on the master and on the DR client at once, each
//! towards the other, and on the slave towards the DR client.

use super::{evaluate, probe, Direction, NAME, PORTS};
use crate::checks::context::Context;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::inventory::NodeName;
use crate::msg;
use crate::transport::Output;

pub fn gather(cx: &Context) -> Report {
    let Some(dr) = cx.inventory.node(NodeName::DrClient) else {
        return Report::new(NAME, Status::Unknown, msg!("no-dr-client"))
            .lasting(msg!("no-dr-client"));
    };
    let (master, slave) = match cx.roles() {
        Ok(roles) => (roles.master, roles.slave),
        Err(why) => return Report::new(NAME, Status::Unknown, why),
    };
    // The DR client is configured with the node IP of a cluster: that is what it must reach.
    let (master_address, master_label) = match cx.inventory.node_ip {
        Some(ip) => (ip.to_string(), msg!("ports-node-ip-label", node = &master)),
        None => {
            let address = master
                .parse::<NodeName>()
                .ok()
                .and_then(|n| cx.inventory.node(n))
                .map(|n| n.address.to_string())
                .unwrap_or_default();
            (address, Msg::text(&master))
        }
    };
    let dr_name = NodeName::DrClient.as_str();
    let dr_address = dr.address.to_string();
    // A port that takes longer than an SSH connection may take is as good as closed.
    let timeout = dr.target.connect_timeout;
    let mut askers = vec![master.as_str(), dr_name];
    askers.extend(slave.as_deref());
    let answers = cx.fleet.run_each(&askers, |t| {
        let to = if t.target().name == dr_name {
            &master_address
        } else {
            &dr_address
        };
        let targets: Vec<(String, u16)> = PORTS.iter().map(|(p, _)| (to.clone(), *p)).collect();
        t.output(&probe::command(timeout, &targets))
    });
    let directions: Vec<Direction> = answers
        .into_iter()
        .map(|(from, result)| {
            let (to, address) = if from == dr_name {
                (master_label.clone(), master_address.clone())
            } else {
                (Msg::text(dr_name), dr_address.clone())
            };
            let answer = result.map_err(|e| cx.note(&e)).and_then(printed);
            let standby = slave.as_deref() == Some(from.as_str());
            Direction {
                from,
                to,
                address,
                answer,
                standby,
            }
        })
        .collect();
    evaluate(&directions, timeout)
}

/// The probe's standard output, or what went wrong when it printed nothing.
pub(crate) fn printed(out: Output) -> Result<String, Msg> {
    if out.stdout.is_empty() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(msg!(
            "ports-probe-empty",
            status = out.status,
            error = stderr.trim()
        ))
    } else {
        Ok(out.stdout_lossy())
    }
}
