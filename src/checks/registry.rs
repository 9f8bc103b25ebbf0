//! Every check tvdr knows, by the name typed on the command line, and which apply to a site.

use super::context::Context;
use super::{calendars, chat, db, fs_sync, Report};
use crate::inventory::Inventory;

/// One check: its name, one line of help, its gather-and-evaluate function, and whether
/// it applies to an inventory (`Err(why not)`).
pub struct CheckDef {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn(&Context) -> Report,
    pub applies: fn(&Inventory) -> Result<(), &'static str>,
}

fn always(_: &Inventory) -> Result<(), &'static str> {
    Ok(())
}

fn cluster(inv: &Inventory) -> Result<(), &'static str> {
    if inv.is_cluster() {
        Ok(())
    } else {
        Err("stand-alone site (no `cluster.node_ip`)")
    }
}

fn vip(cx: &Context) -> Report {
    cx.vip().clone()
}

/// In the order `check all` runs and lists them: who is master first, since the sync
/// checks depend on it.
pub const CHECKS: &[CheckDef] = &[
    CheckDef {
        name: "vip",
        about: "who holds the cluster node IP (the master); CRIT on none or split brain",
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
];

pub fn find(name: &str) -> Option<&'static CheckDef> {
    CHECKS.iter().find(|c| c.name == name)
}

/// The check names, for help and error messages.
pub fn names() -> Vec<&'static str> {
    CHECKS.iter().map(|c| c.name).collect()
}
