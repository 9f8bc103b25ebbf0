//! What a check would run, and where, without connecting: the commands its gather side
//! builds, for a dry run. What only the nodes can tell (which client is installed, who is
//! master) is said, not guessed.

use serde::Serialize;

use super::{calendars, chat, clock, db, fs_sync, hosts, screen, vip};
use crate::inventory::{Inventory, NodeName};
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
    pub at_run_time: Option<String>,
}

impl CheckPlan {
    fn run(mut self, on: &str, cmd: &Cmd) -> CheckPlan {
        self.commands.push(Planned {
            on: on.to_string(),
            command: cmd.render(),
        });
        self
    }

    fn later(mut self, why: impl Into<String>) -> CheckPlan {
        self.at_run_time = Some(why.into());
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
        "vip" if !cluster => p.later("stand-alone: nothing to ask, tvox1 serves"),
        "vip" => p.run(nodes, &Cmd::new(vip::COMMAND[0]).args(&vip::COMMAND[1..])),
        "db" | "chat" | "calendars" | "fs-sync" | "rpo" if !cluster => {
            p.later("stand-alone: nothing to compare, the check is OK without a command")
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
                .later(
                    "`mariadb` instead of `mysql` when only it is installed; SHOW REPLICA / \
                     BINARY LOG STATUS when the server refuses the older statement",
                )
        }
        "chat" => p
            .run(nodes, &chat::command::probe())
            .run(
                nodes,
                &chat::command::status_command(&[chat::command::Shell::Mongosh])
                    .expect("a shell is given"),
            )
            .later("the legacy `mongo` shell (JSON.stringify) when `mongosh` is not installed"),
        "calendars" => p.run("master, slave", &calendars::dump_command(inventory)),
        "fs-sync" if exact => p.later(
            "`--exact` streams a manifest of every file of the sync dir from master and slave",
        ),
        "fs-sync" => [NodeName::Tvox1, NodeName::Tvox2]
            .into_iter()
            .filter_map(|n| inventory.node(n))
            .fold(p, |p, n| {
                p.run(n.name.as_str(), &fs_sync::du_command(&n.sync_dir))
            })
            .later("which node is master decides which side is the reference"),
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
            None => {
                p.later("not configured (`license.command`): the check is UNKNOWN and runs nothing")
            }
        },
        "rpo" => p.later("reads the reports of `db`, `chat` and `fs-sync`: their commands"),
        "snapshot" => p.later("reads the snapshot records on this machine: no command on a node"),
        "ports" | "dr-isolated" => p.later(
            "a TCP probe on master, slave and DR client towards each other's addresses, built \
             once the master is known",
        ),
        "dns" => p.later("the lookups depend on the resolvers the nodes use"),
        _ => p.later("this check's commands are known only at run time"),
    }
}
