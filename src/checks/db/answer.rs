//! What the mysql client printed for `SHOW SLAVE STATUS\G`: rows, nothing, or an error.

use super::replica::Replica;
use super::vertical;
use crate::i18n::Msg;
use crate::msg;

/// One node's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// One row per replication connection.
    Replicas(Vec<Replica>),
    /// Empty output: the server has no replication configured.
    NotReplica,
    /// The client could not log in or may not read the status (1045, 1698, 1227, 1044),
    /// or found no option file.
    Denied(ClientError),
    /// The server does not answer (2002, 2003, 2005, 2006, 2013).
    ServerDown(ClientError),
    /// The statement is unknown to this server (1064 for `SHOW REPLICA STATUS` before
    /// MySQL 8.0.22 / MariaDB 10.5.1, for `SHOW SLAVE STATUS` from MySQL 8.4): run the other.
    Unsupported(ClientError),
    /// Another error from the client or the server.
    Failed(ClientError),
    /// No `mysql` client on the node.
    NoClient(String),
    /// Rows without replication fields, or text that is none of the above.
    Unreadable(Msg),
}

/// An error line of the client, such as `ERROR 1045 (28000): Access denied for user …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientError {
    /// The MySQL error number; 0 when the line has none.
    pub code: u32,
    /// The line as printed, for a person.
    pub line: String,
}

/// Classifies the output (stdout and stderr together) of the status statement.
pub fn parse(raw: &str) -> Answer {
    let text = client_text(raw);
    if text.trim().is_empty() {
        return Answer::NotReplica;
    }
    if let Some(error) = error_line(&text) {
        return match error.code {
            1044 | 1045 | 1227 | 1698 => Answer::Denied(error),
            2002 | 2003 | 2005 | 2006 | 2013 => Answer::ServerDown(error),
            1064 => Answer::Unsupported(error),
            _ => Answer::Failed(error),
        };
    }
    if let Some(line) = text.lines().find(|l| l.contains("defaults file")) {
        return Answer::Denied(ClientError {
            code: 0,
            line: line.trim().to_string(),
        });
    }
    if let Some(line) = text.lines().find(|l| {
        l.contains("command not found")
            || l.contains("comando non trovato")
            || l.ends_with(": not found")
    }) {
        return Answer::NoClient(line.trim().to_string());
    }
    let rows = vertical::parse(&text);
    if rows.is_empty() {
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        return Answer::Unreadable(msg!("db-unexpected-output", first = first));
    }
    match rows
        .iter()
        .map(Replica::from_row)
        .collect::<Option<Vec<_>>>()
    {
        Some(replicas) => Answer::Replicas(replicas),
        None => Answer::Unreadable(msg!("db-no-thread-fields")),
    }
}

/// The output without what the client says about itself: a byte-order mark, CRLF line
/// ends, and its notices on standard error (`mysql: [Warning] Using a password …`; MariaDB
/// 11 called by its old name: `mysql: Deprecated program name. It will be removed in a
/// future release, use '/usr/bin/mariadb' instead`). A notice alone is not an answer: the
/// server said nothing, which is what an empty output means.
pub(super) fn client_text(raw: &str) -> String {
    raw.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .lines()
        .filter(|line| !is_client_notice(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `mysql: [Warning] …`, `/usr/bin/mysql: Deprecated program name. …`.
fn is_client_notice(line: &str) -> bool {
    line.split_once(": ").is_some_and(|(program, said)| {
        let name = program.rsplit('/').next().unwrap_or(program);
        ["mysql", "mariadb"].contains(&name)
            && (said.starts_with("[Warning] ") || said.starts_with("Deprecated program name."))
    })
}

/// Whether the gather side should run the other spelling of the statement (`SHOW SLAVE
/// STATUS` ↔ `SHOW REPLICA STATUS`): this server does not know the one it ran.
pub fn needs_other_statement(raw: &str) -> bool {
    matches!(parse(raw), Answer::Unsupported(_))
}

/// The first `ERROR nnnn (SQLSTATE)…: message` line.
fn error_line(text: &str) -> Option<ClientError> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("ERROR "))?;
    let code = line["ERROR ".len()..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .unwrap_or(0);
    Some(ClientError {
        code,
        line: line.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("fixtures/", $name, ".txt"))
        };
    }

    fn code(answer: Answer) -> (&'static str, u32) {
        match answer {
            Answer::Denied(e) => ("denied", e.code),
            Answer::ServerDown(e) => ("down", e.code),
            Answer::Unsupported(e) => ("unsupported", e.code),
            Answer::Failed(e) => ("failed", e.code),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn client_errors() {
        assert_eq!(
            code(parse(fixture!("mariadb-10.11-client-access-denied-1045"))),
            ("denied", 1045)
        );
        assert_eq!(
            code(parse(fixture!("mysql-5.7-client-access-denied-1045"))),
            ("denied", 1045)
        );
        assert_eq!(
            code(parse(fixture!("mariadb-10.11-client-no-privilege-1227"))),
            ("denied", 1227)
        );
        assert_eq!(
            code(parse(fixture!(
                "mariadb-10.11-client-defaults-file-missing"
            ))),
            ("denied", 0)
        );
        assert_eq!(
            code(parse(fixture!("mariadb-10.11-client-socket-2002"))),
            ("down", 2002)
        );
        assert_eq!(
            code(parse(fixture!("mariadb-10.11-client-tcp-refused-2002"))),
            ("down", 2002)
        );
        assert_eq!(
            code(parse(fixture!("mysql-5.7-client-socket-2002"))),
            ("down", 2002)
        );
        assert_eq!(
            code(parse(
                "ERROR 1146 (42S02) at line 1: Table 'x' doesn't exist"
            )),
            ("failed", 1146)
        );
    }

    #[test]
    fn the_other_statement_is_needed_on_a_syntax_error() {
        assert!(needs_other_statement(fixture!(
            "mysql-8.4-show-slave-status-syntax-error"
        )));
        assert!(needs_other_statement(fixture!(
            "mariadb-5.5-show-replica-status-syntax-error"
        )));
        assert!(!needs_other_statement(fixture!("mariadb-10.11-healthy")));
        assert!(!needs_other_statement(fixture!(
            "mariadb-10.11-primary-not-a-replica"
        )));
    }

    #[test]
    fn empty_means_not_a_replica() {
        assert_eq!(
            parse(fixture!("mariadb-10.11-primary-not-a-replica")),
            Answer::NotReplica
        );
        assert_eq!(parse("\r\n"), Answer::NotReplica);
    }

    #[test]
    fn rows_become_replicas() {
        let Answer::Replicas(all) = parse(fixture!(
            "mariadb-10.11-all-slaves-two-connections-one-connecting"
        )) else {
            panic!()
        };
        let names: Vec<&str> = all.iter().map(|r| r.connection.as_str()).collect();
        assert_eq!(names, ["", "dr"]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_random_output(text in ".*") {
            let _ = parse(&text);
        }

        #[test]
        fn never_panics_on_vertical_like_output(text in r"(\*+ [0-9]+\. row \*+|ERROR [0-9]* \(|[A-Za-z_]+:|: | |\r?\n|[a-z0-9'])*") {
            let _ = parse(&text);
        }
    }

    #[test]
    fn client_notices_are_not_an_answer() {
        assert_eq!(
            parse(fixture!("mariadb-11.4-mysql-deprecated-not-a-replica")),
            Answer::NotReplica
        );
        assert_eq!(
            parse(fixture!("mariadb-11.4-mysql-deprecated-healthy")),
            parse(fixture!("mariadb-10.11-healthy"))
        );
        let warned =
            "mysql: [Warning] Using a password on the command line interface can be insecure.\n";
        assert_eq!(parse(warned), Answer::NotReplica);
        // Another line of the client is still read as output.
        assert!(matches!(
            parse("mysql: unknown variable 'foo=1'\n"),
            Answer::Unreadable(_)
        ));
    }

    #[test]
    fn no_client_and_garbage() {
        assert!(matches!(
            parse(fixture!("client-not-found")),
            Answer::NoClient(_)
        ));
        assert!(matches!(
            parse(fixture!("client-not-found-bash-italian")),
            Answer::NoClient(_)
        ));
        assert_eq!(
            parse("hello"),
            Answer::Unreadable(crate::msg!("db-unexpected-output", first = "hello"))
        );
        assert!(matches!(
            parse(fixture!("mariadb-10.11-master-status")),
            Answer::Unreadable(_)
        ));
    }
}
