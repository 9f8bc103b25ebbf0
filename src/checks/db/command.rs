//! The commands the gather side runs for `db`, with credentials from an option file.
//!
//! The password never appears on a command line (where `ps` on the node would show it):
//! the client reads it from the option file the inventory names, e.g. `/root/.my.cnf`:
//!
//! ```ini
//! [client]
//! user=monitor
//! password=…
//! ```
//!
//! On the replica, [`status_command`] with [`Statement::Slave`] first:
//!
//! ```sh
//! mysql '--defaults-extra-file=/root/.my.cnf' -e 'SHOW SLAVE STATUS\G' 2>&1
//! ```
//!
//! and when [`super::needs_other_statement`] says so (ERROR 1064: MySQL 8.4 dropped `SLAVE`),
//! the same with [`Statement::Replica`] (`SHOW REPLICA STATUS\G`: MySQL 8.0.22+, MariaDB
//! 10.5.1+; older servers, such as MariaDB 5.5 on CentOS 7, know only `SLAVE`). Optionally,
//! on the primary, [`Statement::Master`] (`SHOW MASTER STATUS\G`; `SHOW BINARY LOG STATUS\G`
//! on MySQL 8.4 after a 1064) for the binlog position gap. `--defaults-extra-file` must be
//! the client's first option. Standard error is merged so `ERROR …` lines reach the parser.

use std::path::Path;

use crate::transport::Cmd;

/// A MySQL-compatible command-line client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    /// `mysql`: MySQL, and MariaDB up to 10.x (a symlink to `mariadb` from 10.5).
    Mysql,
    /// `mariadb`: MariaDB 10.4+; some 11.x packages ship no `mysql` name.
    Mariadb,
}

impl Client {
    pub fn program(self) -> &'static str {
        match self {
            Client::Mysql => "mysql",
            Client::Mariadb => "mariadb",
        }
    }
}

/// The statements `db` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statement {
    /// `SHOW SLAVE STATUS\G`, on the replica.
    Slave,
    /// `SHOW REPLICA STATUS\G`, on the replica when `SLAVE` is unknown.
    Replica,
    /// `SHOW MASTER STATUS\G`, on the primary.
    Master,
    /// `SHOW BINARY LOG STATUS\G`, on the primary when `MASTER` is unknown (MySQL 8.4).
    BinaryLog,
}

impl Statement {
    pub fn sql(self) -> &'static str {
        match self {
            Statement::Slave => r"SHOW SLAVE STATUS\G",
            Statement::Replica => r"SHOW REPLICA STATUS\G",
            Statement::Master => r"SHOW MASTER STATUS\G",
            Statement::BinaryLog => r"SHOW BINARY LOG STATUS\G",
        }
    }

    /// The statement to try after this one failed with ERROR 1064.
    pub fn fallback(self) -> Option<Statement> {
        match self {
            Statement::Slave => Some(Statement::Replica),
            Statement::Master => Some(Statement::BinaryLog),
            Statement::Replica | Statement::BinaryLog => None,
        }
    }
}

/// Lists which clients are on the node's `PATH`.
pub fn probe() -> Cmd {
    Cmd::shell("command -v mysql mariadb")
}

/// The client to use from [`probe`]'s output: `mysql` when present (every version has
/// it), else `mariadb`.
pub fn client_found(probe_output: &str) -> Option<Client> {
    let names: Vec<&str> = probe_output
        .lines()
        .map(|l| l.trim().rsplit('/').next().unwrap_or(""))
        .collect();
    [Client::Mysql, Client::Mariadb]
        .into_iter()
        .find(|c| names.contains(&c.program()))
}

/// `CLIENT --defaults-extra-file=FILE -e 'STATEMENT' 2>&1`.
/// `defaults_file` `None`: the client reads its own defaults (`~/.my.cnf` of the SSH user).
/// A named option file holds credentials and is root's (`/root/.my.cnf`, mode 0600): the
/// client runs as root to read it (through sudo for a `become: sudo` login).
pub fn status_command(client: Client, defaults_file: Option<&Path>, statement: Statement) -> Cmd {
    let mut cmd = Cmd::new(client.program());
    if let Some(file) = defaults_file {
        let mut option = std::ffi::OsString::from("--defaults-extra-file=");
        option.push(file);
        cmd = cmd.arg(option).as_root();
    }
    cmd.args(["-e", statement.sql()]).merge_stderr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_come_from_the_option_file() {
        let cmd = status_command(
            Client::Mysql,
            Some(Path::new("/root/.my.cnf")),
            Statement::Slave,
        );
        assert_eq!(
            cmd.render(),
            r"mysql '--defaults-extra-file=/root/.my.cnf' -e 'SHOW SLAVE STATUS\G' 2>&1"
        );
        assert!(cmd.needs_root(), "root's option file is read as root");
        assert!(!status_command(Client::Mysql, None, Statement::Slave).needs_root());
        let cmd = status_command(
            Client::Mariadb,
            Some(Path::new("/etc/tvdr/my cnf")),
            Statement::Replica,
        );
        assert_eq!(
            cmd.render(),
            r"mariadb '--defaults-extra-file=/etc/tvdr/my cnf' -e 'SHOW REPLICA STATUS\G' 2>&1"
        );
    }

    #[test]
    fn fallbacks() {
        assert_eq!(Statement::Slave.fallback(), Some(Statement::Replica));
        assert_eq!(Statement::Master.fallback(), Some(Statement::BinaryLog));
        assert_eq!(Statement::Replica.fallback(), None);
    }

    #[test]
    fn client_choice() {
        assert_eq!(
            client_found("/usr/bin/mysql\n/usr/bin/mariadb\n"),
            Some(Client::Mysql)
        );
        assert_eq!(client_found("/usr/bin/mariadb\n"), Some(Client::Mariadb));
        assert_eq!(client_found(""), None);
        assert_eq!(probe().render(), "command -v mysql mariadb");
    }
}
