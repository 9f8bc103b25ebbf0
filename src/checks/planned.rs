//! What a check would run, and where, without connecting: the commands its gather side
//! builds, for a dry run. What only the nodes can tell (which client is installed, who is
//! master) is said, not guessed.

use serde::Serialize;

use super::{calendars, chat, clock, db, fs_sync, hosts, screen, vip};
use crate::i18n::Msg;
use crate::inventory::{Inventory, NodeName};
use crate::msg;
use crate::transport::Cmd;

/// One command of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Planned {
    /// Where it runs: node names, or `master`/`slave` (resolved at run time).
    pub on: String,
    pub command: String,
}

/// The commands of one check, and what about them only the run will tell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckPlan {
    pub check: String,
    pub commands: Vec<Planned>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_run_time: Option<Msg>,
}

impl CheckPlan {
    fn run(mut self, on: &str, cmd: &Cmd) -> CheckPlan {
        self.commands.push(Planned {
            on: on.to_string(),
            command: cmd.render(),
        });
        self
    }

    fn later(mut self, why: Msg) -> CheckPlan {
        self.at_run_time = Some(why);
        self
    }
}

/// The plan of check `name` against `inventory`; `exact` is fs-sync's `--exact`.
pub fn plan(name: &str, inventory: &Inventory, exact: bool) -> CheckPlan {
    let p = CheckPlan {
        check: name.to_string(),
        ..CheckPlan::default()
    };
    let cluster = inventory.is_cluster();
    let nodes = if cluster { "tvox1, tvox2" } else { "tvox1" };
    match name {
        // Stand-alone, tvox1 alone is asked: it answers, and holds its address.
        "vip" => p.run(nodes, &Cmd::new(vip::COMMAND[0]).args(&vip::COMMAND[1..])),
        "db" | "chat" | "calendars" | "fs-sync" | "rpo" if !cluster => {
            p.later(msg!("plan-standalone"))
        }
        "db" => {
            let defaults = inventory
                .db
                .defaults_file
                .as_deref()
                .map(std::path::Path::new);
            let client = db::command::Client::Mysql;
            p.run("master, slave", &db::command::probe())
                .run(
                    "slave",
                    &db::command::status_command(client, defaults, db::command::Statement::Slave),
                )
                .run(
                    "master",
                    &db::command::status_command(client, defaults, db::command::Statement::Master),
                )
                .later(msg!("plan-db"))
        }
        "chat" => p
            .run(nodes, &chat::command::probe())
            .run(
                nodes,
                &chat::command::status_command(&[chat::command::Shell::Mongosh])
                    .expect("a shell is given"),
            )
            .later(msg!("plan-chat")),
        // Who holds the node IP is asked in the same command (see `calendars::gather`).
        "calendars" => p.run(nodes, &calendars::roles_and_dump_command(inventory)),
        "fs-sync" if exact => p.later(msg!("plan-fs-exact")),
        "fs-sync" => [NodeName::Tvox1, NodeName::Tvox2]
            .into_iter()
            .filter_map(|n| inventory.node(n))
            .fold(p, |p, n| {
                p.run(n.name.as_str(), &fs_sync::du_command(&n.sync_dir))
            })
            .later(msg!("plan-fs")),
        "hosts" => [NodeName::Tvox1, NodeName::Tvox2]
            .into_iter()
            .filter_map(|n| inventory.node(n))
            .fold(p, |p, n| {
                p.run(
                    n.name.as_str(),
                    &hosts::cat_command(&hosts::hosts_file(inventory, n.name.as_str())),
                )
            }),
        "clock" => p.run(nodes, &clock::sample_command()),
        "screen" => {
            let [which, list] = screen::commands();
            p.run(nodes, &which).run(nodes, &list)
        }
        "license" => match &inventory.license {
            Some(license) => p.run(nodes, &Cmd::operator_script(license.command.clone())),
            None => p.later(msg!("plan-license")),
        },
        "rpo" => p.later(msg!("plan-rpo")),
        "snapshot" => p.later(msg!("plan-snapshot")),
        "ports" | "dr-isolated" => p.later(msg!("plan-ports")),
        "dns" => p.later(msg!("plan-dns")),
        _ => p.later(msg!("plan-other")),
    }
}
