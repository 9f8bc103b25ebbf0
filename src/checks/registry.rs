//! Every check tvdr knows, by the name typed on the command line, and which apply to a site.

use super::context::Context;
use super::{
    calendars, chat, clock, db, dns, dr_isolated, fs_sync, hosts, license, ports, rpo, screen,
    snapshot, vip, Report,
};
use crate::i18n::Msg;
use crate::inventory::Inventory;
use crate::msg;

/// One check: its name, one line of help, its gather-and-evaluate function, and whether
/// it applies to an inventory (`Err(why not)`).
pub struct CheckDef {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn(&Context) -> Report,
    pub applies: fn(&Inventory) -> Result<(), Msg>,
}

fn always(_: &Inventory) -> Result<(), Msg> {
    Ok(())
}

fn cluster(inv: &Inventory) -> Result<(), Msg> {
    if inv.is_cluster() {
        Ok(())
    } else {
        Err(msg!("check-standalone-site"))
    }
}

/// The plain `vip` report is shared (master/slave resolve through it); an expected
/// master (`--master`) only changes what this check says.
fn vip(cx: &Context) -> Report {
    match &cx.options.master {
        None => cx.vip().clone(),
        Some(expected) if cx.inventory.node_ip.is_none() => {
            vip::expect_standalone(cx.vip(), expected)
        }
        Some(expected) => vip::expect_master(cx.vip(), &cx.cluster_nodes(), expected),
    }
}

/// In the order `check all` runs and lists them: who is master first, since the sync
/// checks depend on it.
pub const CHECKS: &[CheckDef] = &[
    CheckDef {
        name: "vip",
        about: "who holds the cluster node IP (the master); CRIT on none or split brain \
                (--master NODE: CRIT unless NODE holds it)",
        run: vip,
        applies: always,
    },
    CheckDef {
        name: "db",
        about: "MySQL/MariaDB replication on the slave: threads running, lag under db_lag",
        run: db::gather,
        applies: cluster,
    },
    CheckDef {
        name: "chat",
        about: "MongoDB replica set (rs.status()): one PRIMARY, members healthy, lag",
        run: chat::gather,
        applies: cluster,
    },
    CheckDef {
        name: "calendars",
        about: "pg_dump of the calendar database on master and slave, compared",
        run: calendars::gather,
        applies: cluster,
    },
    CheckDef {
        name: "fs-sync",
        about: "sync dir sizes (or, with --exact, every file) on master and slave",
        run: fs_sync::gather,
        applies: cluster,
    },
    CheckDef {
        name: "ports",
        about: "DR ports 22, 873, 3306, 27017 open both ways between master and DR client",
        run: ports::gather,
        applies: dr_client,
    },
    CheckDef {
        name: "dr-isolated",
        about: "before DR activation: nothing of the main site answers the DR client (on demand)",
        run: dr_isolated::gather,
        applies: dr_client,
    },
    CheckDef {
        name: "snapshot",
        about: "VM snapshots recorded with `tvdr snapshot record`: WARN when kept over a week",
        run: snapshot::gather,
        applies: always,
    },
    CheckDef {
        name: "rpo",
        about: "the worst replication delay (db, chat, fs-sync) against objectives.rpo",
        run: rpo::gather,
        applies: cluster,
    },
    CheckDef {
        name: "hosts",
        about: "the hosts file maps the TVox address to the domain on both nodes",
        run: hosts::gather,
        applies: always,
    },
    CheckDef {
        name: "dns",
        about: "the customer's DNS answers the node IP (--expect dr: the DR client) for the domain",
        run: dns::gather,
        applies: always,
    },
    CheckDef {
        name: "clock",
        about: "clock skew between the nodes under thresholds.clock_skew",
        run: clock::gather,
        applies: always,
    },
    CheckDef {
        name: "screen",
        about: "GNU screen installed on every node; open sessions (a running patch?)",
        run: screen::gather,
        applies: always,
    },
    CheckDef {
        name: "license",
        about: "the inventory's licence command matches its regex on both nodes",
        run: license::gather,
        applies: always,
    },
];

fn dr_client(inv: &Inventory) -> Result<(), Msg> {
    match inv.node(crate::inventory::NodeName::DrClient) {
        Some(_) => Ok(()),
        None => Err(msg!("no-dr-client")),
    }
}

/// Checks `check all` leaves out, with why: they judge a moment of a procedure, not the
/// steady state (`dr-isolated` is CRIT whenever the main site runs).
pub fn on_demand(name: &str) -> Option<Msg> {
    match name {
        "dr-isolated" => Some(msg!("check-dr-isolated-on-demand")),
        _ => None,
    }
}

pub fn find(name: &str) -> Option<&'static CheckDef> {
    CHECKS.iter().find(|c| c.name == name)
}

/// The check names, for help and error messages.
pub fn names() -> Vec<&'static str> {
    CHECKS.iter().map(|c| c.name).collect()
}
