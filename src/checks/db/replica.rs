//! One replication connection as `SHOW SLAVE STATUS` / `SHOW REPLICA STATUS` describes it,
//! and the primary's binlog position from `SHOW MASTER STATUS`.
//!
//! MySQL 8.0.22+ renamed the fields of `SHOW REPLICA STATUS` (`Replica_IO_Running`,
//! `Seconds_Behind_Source`, `Source_Host`…); MariaDB keeps the old names for both
//! statements. Fields are looked up by their old name with the words `Replica`/`Source`
//! read as `Slave`/`Master`, so both spellings meet.

use serde::Serialize;

use super::vertical::Row;

/// One replication connection (MariaDB multi-source and MySQL channels have several).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replica {
    /// `Connection_name` (MariaDB) or `Channel_Name` (MySQL); empty for the default one.
    pub connection: String,
    /// `Master_Host:Master_Port`.
    pub source: String,
    pub io_running: String,
    pub sql_running: String,
    /// `Seconds_Behind_Master`: `None` when the field is missing, `Some(None)` for `NULL`.
    pub seconds_behind: Option<Option<u64>>,
    pub io_state: String,
    pub sql_state: String,
    pub io_error: Option<ThreadError>,
    pub sql_error: Option<ThreadError>,
    /// Binlog file and position the IO thread has read from the master.
    pub read: Option<Position>,
    /// Binlog file and position of the master the SQL thread has applied.
    pub applied: Option<Position>,
    /// `SQL_Delay`: a replica deliberately kept behind (`MASTER_DELAY`).
    pub sql_delay: u64,
}

/// The last error of a replication thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreadError {
    pub errno: u32,
    pub message: String,
    /// `Last_IO_Error_Timestamp` (MySQL only, `YYMMDD hh:mm:ss`).
    pub when: Option<String>,
}

/// A place in the master's binary logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    pub file: String,
    pub offset: u64,
}

impl Replica {
    /// Reads a row; `None` when it has no replication thread fields at all.
    pub fn from_row(row: &Row) -> Option<Replica> {
        let get = |name: &str| field(row, name);
        let text = |name: &str| get(name).unwrap_or_default().to_string();
        if get("Slave_IO_Running").is_none() && get("Slave_SQL_Running").is_none() {
            return None;
        }
        let seconds_behind = get("Seconds_Behind_Master").map(|v| v.trim().parse().ok());
        let source = match (get("Master_Host"), get("Master_Port")) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_string(),
            _ => String::new(),
        };
        Some(Replica {
            connection: get("Connection_name")
                .or_else(|| get("Channel_Name"))
                .unwrap_or_default()
                .to_string(),
            source,
            io_running: text("Slave_IO_Running"),
            sql_running: text("Slave_SQL_Running"),
            seconds_behind,
            io_state: text("Slave_IO_State"),
            sql_state: text("Slave_SQL_Running_State"),
            io_error: thread_error(
                row,
                "Last_IO_Errno",
                "Last_IO_Error",
                "Last_IO_Error_Timestamp",
            ),
            sql_error: thread_error(
                row,
                "Last_SQL_Errno",
                "Last_SQL_Error",
                "Last_SQL_Error_Timestamp",
            )
            .or_else(|| thread_error(row, "Last_Errno", "Last_Error", "")),
            read: position(row, "Master_Log_File", "Read_Master_Log_Pos"),
            applied: position(row, "Relay_Master_Log_File", "Exec_Master_Log_Pos"),
            sql_delay: get("SQL_Delay")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0),
        })
    }

    /// How many of the two threads run (`Yes`; anything else, `Connecting` included, is not).
    pub fn threads_running(&self) -> u8 {
        u8::from(self.io_running == "Yes") + u8::from(self.sql_running == "Yes")
    }
}

/// The primary's current binlog position, from `SHOW MASTER STATUS` (`SHOW BINARY LOG
/// STATUS` on MySQL 8.4, `SHOW BINLOG STATUS` on MariaDB 10.5.2+): `File` and `Position`.
pub fn master_position(row: &Row) -> Option<Position> {
    position(row, "File", "Position")
}

/// The value of field `name` (old spelling) in either spelling.
fn field<'a>(row: &'a Row, name: &str) -> Option<&'a str> {
    row.fields
        .iter()
        .find(|(n, _)| old_spelling(n) == name)
        .map(|(_, v)| v.as_str())
}

/// `Seconds_Behind_Source` → `Seconds_Behind_Master`, `Replica_IO_Running` →
/// `Slave_IO_Running`; `Replicate_Do_DB` stays.
fn old_spelling(name: &str) -> String {
    name.split('_')
        .map(|word| match word {
            "Replica" => "Slave",
            "Source" => "Master",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("_")
}

fn thread_error(row: &Row, errno: &str, message: &str, timestamp: &str) -> Option<ThreadError> {
    let number: u32 = field(row, errno)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let text = field(row, message).unwrap_or_default().trim();
    if number == 0 && text.is_empty() {
        return None;
    }
    Some(ThreadError {
        errno: number,
        message: text.to_string(),
        when: field(row, timestamp)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string),
    })
}

fn position(row: &Row, file: &str, offset: &str) -> Option<Position> {
    let file = field(row, file)?.trim();
    let offset = field(row, offset)?.trim().parse().ok()?;
    (!file.is_empty()).then(|| Position {
        file: file.to_string(),
        offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::db::vertical::parse;

    fn replica(raw: &str) -> Replica {
        Replica::from_row(&parse(raw)[0]).unwrap()
    }

    #[test]
    fn both_spellings_read_the_same() {
        let old = replica(include_str!("fixtures/mariadb-10-healthy.txt"));
        let new = replica(include_str!(
            "fixtures/mysql-8.0-replica-status-healthy-gtid.txt"
        ));
        for r in [&old, &new] {
            assert_eq!(
                (r.io_running.as_str(), r.sql_running.as_str()),
                ("Yes", "Yes")
            );
            assert_eq!(r.seconds_behind, Some(Some(0)));
            assert_eq!(r.source, "172.16.95.70:3306");
            assert_eq!(
                r.applied,
                Some(Position {
                    file: "mysql-bin.000042".into(),
                    offset: 98_231_177
                })
            );
            assert_eq!((r.io_error.as_ref(), r.sql_error.as_ref()), (None, None));
        }
    }

    #[test]
    fn errors_with_number_and_time() {
        let r = replica(include_str!(
            "fixtures/mysql-8.0-replica-status-io-connecting-2003.txt"
        ));
        let io = r.io_error.unwrap();
        assert_eq!(
            (io.errno, io.when.as_deref()),
            (2003, Some("260302 10:44:02"))
        );
        assert!(io
            .message
            .starts_with("Error connecting to source 'repl@172.16.95.70:3306'"));
        assert_eq!(r.seconds_behind, Some(None));
        let r = replica(include_str!(
            "fixtures/mariadb-10.11-sql-error-1062-duplicate.txt"
        ));
        assert_eq!(
            (r.sql_error.unwrap().errno, r.sql_running.as_str()),
            (1062, "No")
        );
    }

    #[test]
    fn delay_and_missing_lag() {
        assert_eq!(
            replica(include_str!(
                "fixtures/mariadb-10.11-delayed-45s-behind.txt"
            ))
            .sql_delay,
            3600
        );
        let truncated = replica(include_str!("fixtures/mariadb-10.11-healthy-truncated.txt"));
        assert_eq!(truncated.seconds_behind, None);
    }

    #[test]
    fn a_row_without_threads_is_not_a_replica() {
        let rows = parse(include_str!("fixtures/mariadb-10.11-master-status.txt"));
        assert_eq!(Replica::from_row(&rows[0]), None);
        assert_eq!(
            master_position(&rows[0]),
            Some(Position {
                file: "mysql-bin.000001".into(),
                offset: 1493
            })
        );
    }

    #[test]
    fn spelling() {
        assert_eq!(
            old_spelling("Seconds_Behind_Source"),
            "Seconds_Behind_Master"
        );
        assert_eq!(
            old_spelling("Relay_Source_Log_File"),
            "Relay_Master_Log_File"
        );
        assert_eq!(old_spelling("Replicate_Do_DB"), "Replicate_Do_DB");
    }
}
