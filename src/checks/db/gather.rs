//! Gathering for `db`: the replica's `SHOW SLAVE STATUS` (the slave is the replica), and
//! the primary's binlog position to show the gap.

use std::path::Path;

use super::command::{client_found, probe, status_command, Statement};
use super::{evaluate_with_primary, needs_other_statement, NodeReplica};
use crate::checks::context::Context;
use crate::checks::{Report, Status};
use crate::i18n::Msg;
use crate::msg;
use crate::transport::{Transport, TransportError};

pub fn gather(cx: &Context) -> Report {
    let roles = match cx.roles() {
        Ok(roles) => roles,
        Err(why) => return Report::new("db", Status::Unknown, why),
    };
    let Some(slave) = roles.slave.as_deref() else {
        return Report::new("db", Status::Ok, msg!("db-standalone"));
    };
    let defaults = cx.inventory.db.defaults_file.as_deref().map(Path::new);
    let asked = cx.fleet.run_each(&[slave, roles.master.as_str()], |t| {
        let statement = if t.target().name == slave {
            Statement::Slave
        } else {
            Statement::Master
        };
        ask(t, defaults, statement)
    });
    // A node without a client will not grow one while a `wait` looks again.
    let mut no_client = Vec::new();
    let mut answers: Vec<NodeReplica> = asked
        .into_iter()
        .map(|(node, result)| {
            if matches!(result, Ok(Err(_))) {
                no_client.push(msg!("db-no-client-on", node = node.as_str()));
            }
            let output = result.map_err(|e| cx.note(&e)).and_then(|inner| inner);
            NodeReplica::new(&node, output)
        })
        .collect();
    let primary = answers.pop();
    let replica = answers.pop().expect("the replica was asked");
    no_client.into_iter().fold(
        evaluate_with_primary(&replica, primary.as_ref(), cx.inventory.thresholds.db_lag),
        Report::lasting,
    )
}

/// Runs `statement` with the client the node has, retrying with the newer spelling when
/// the server rejects the older one (MySQL 8.4 dropped `SLAVE`, MariaDB 5.5 lacks `REPLICA`).
fn ask(
    t: &mut dyn Transport,
    defaults: Option<&Path>,
    statement: Statement,
) -> Result<Result<String, Msg>, TransportError> {
    let found = t.output(&probe())?;
    let Some(client) = client_found(&found.stdout_lossy()) else {
        return Ok(Err(msg!(
            "db-no-client-path",
            node = t.target().name.as_str()
        )));
    };
    let text = t
        .output(&status_command(client, defaults, statement))?
        .stdout_lossy();
    match statement.fallback() {
        Some(newer) if needs_other_statement(&text) => Ok(Ok(t
            .output(&status_command(client, defaults, newer))?
            .stdout_lossy())),
        _ => Ok(Ok(text)),
    }
}
