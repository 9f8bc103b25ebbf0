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
            let output = match result {
                Ok(Asked::Said(text)) => Ok(text),
                Ok(Asked::NoClient(why)) => {
                    no_client.push(msg!("db-no-client-on", node = node.as_str()));
                    Err(why)
                }
                Ok(Asked::Silent(why)) => Err(why),
                Err(e) => Err(cx.note(&e)),
            };
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

/// What a node's client said.
enum Asked {
    Said(String),
    /// No client on the node (it will not grow one while a `wait` looks again).
    NoClient(Msg),
    /// The client failed without a word: an empty answer that is no evidence of "not a
    /// replica" or "binary logging off" (a crashed or killed client prints nothing too).
    Silent(Msg),
}

/// Runs `statement` with the client the node has, retrying with the newer spelling when
/// the server rejects the older one (MySQL 8.4 dropped `SLAVE`, MariaDB 5.5 lacks `REPLICA`).
fn ask(
    t: &mut dyn Transport,
    defaults: Option<&Path>,
    statement: Statement,
) -> Result<Asked, TransportError> {
    let found = t.output(&probe())?;
    let Some(client) = client_found(&found.stdout_lossy()) else {
        return Ok(Asked::NoClient(msg!(
            "db-no-client-path",
            node = t.target().name.as_str()
        )));
    };
    let mut out = t.output(&status_command(client, defaults, statement))?;
    if let Some(newer) = statement.fallback() {
        if needs_other_statement(&out.stdout_lossy()) {
            out = t.output(&status_command(client, defaults, newer))?;
        }
    }
    let text = out.stdout_lossy();
    if !out.success() && super::answer::client_text(&text).trim().is_empty() {
        return Ok(Asked::Silent(msg!(
            "db-client-silent",
            node = t.target().name.as_str(),
            status = out.status
        )));
    }
    Ok(Asked::Said(text))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::transport::LocalTransport;

    /// This machine, with a stand-in `mysql` (`script`) first on its PATH.
    fn with_client(dir: &Path, script: &str) -> LocalTransport {
        let client = dir.join("mysql");
        std::fs::write(&client, script).unwrap();
        std::fs::set_permissions(&client, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut target = crate::transport::testing::local("tvox2");
        let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap());
        target.env.insert("PATH".into(), path);
        LocalTransport::new(target)
    }

    #[test]
    fn a_client_that_fails_without_a_word_is_no_answer_and_silence_with_0_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut killed = with_client(dir.path(), "#!/bin/sh\nexit 137\n");
        match ask(&mut killed, None, Statement::Slave).unwrap() {
            Asked::Silent(why) => assert!(why.en().contains("exit status 137"), "{why}"),
            _ => panic!("an empty answer with exit status 137 was taken as an answer"),
        }
        // Empty with exit status 0: the server's own answer (no replication configured).
        let mut empty = with_client(dir.path(), "#!/bin/sh\nexit 0\n");
        assert!(matches!(
            ask(&mut empty, None, Statement::Slave).unwrap(),
            Asked::Said(text) if text.is_empty()
        ));
        // A failure that says why is the client's answer, read as before.
        let mut denied = with_client(
            dir.path(),
            "#!/bin/sh\necho \"ERROR 1045 (28000): Access denied for user 'root'@'localhost'\" >&2\nexit 1\n",
        );
        assert!(matches!(
            ask(&mut denied, None, Statement::Slave).unwrap(),
            Asked::Said(text) if text.contains("1045")
        ));
    }
}
