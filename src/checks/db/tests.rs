//! Verdicts of `db` on real and documented outputs, as snapshots a reviewer can read.
//!
//! `mariadb-10.11-*` fixtures were captured from a MariaDB 10.11 primary/replica pair run
//! for the purpose; the others are written from the MySQL/MariaDB documentation (see
//! `fixtures/README.md`).

use crate::i18n::Msg;
use std::time::Duration;

use super::{evaluate, evaluate_with_primary, NodeReplica};
use crate::checks::{Report, Status};

macro_rules! fixture {
    ($name:literal) => {
        Ok(include_str!(concat!("fixtures/", $name, ".txt")).to_string())
    };
}

const LAG: Duration = Duration::from_secs(30);

fn on_tvox2(output: Result<String, String>) -> Report {
    evaluate(&NodeReplica::new("tvox2", output.map_err(Msg::text)), LAG)
}

fn with_primary(replica: Result<String, String>, primary: Result<String, String>) -> Report {
    let primary = NodeReplica::new("tvox1", primary.map_err(Msg::text));
    let replica = NodeReplica::new("tvox2", replica.map_err(Msg::text));
    evaluate_with_primary(&replica, Some(&primary), LAG)
}

fn verdict(report: &Report) -> (Status, &str) {
    (report.status, report.summary.en())
}

#[test]
fn healthy_mariadb_10_11() {
    let report = on_tvox2(fixture!("mariadb-10.11-healthy"));
    assert_eq!(report.status, Status::Ok);
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn healthy_in_every_spelling() {
    let slave = on_tvox2(fixture!("mariadb-10.11-healthy"));
    assert_eq!(
        on_tvox2(fixture!("mariadb-10.11-replica-status-healthy")),
        slave
    );
    assert_eq!(on_tvox2(fixture!("mariadb-10.11-healthy-crlf")), slave);
    assert_eq!(
        on_tvox2(fixture!("mariadb-10.11-all-slaves-healthy")).status,
        Status::Ok
    );
    assert_eq!(
        verdict(&on_tvox2(fixture!("mariadb-10-healthy"))),
        (
            Status::Ok,
            "replication on tvox2 from 172.16.95.70:3306: IO and SQL threads running, 0s behind"
        )
    );
    let mysql8 = on_tvox2(fixture!("mysql-8.0-replica-status-healthy-gtid"));
    assert_eq!(
        verdict(&mysql8),
        verdict(&on_tvox2(fixture!("mariadb-10-healthy")))
    );
}

#[test]
fn delayed_replica_45s_behind_warns() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!("mariadb-10.11-delayed-45s-behind")));
}

#[test]
fn mariadb_5_5_lagging_warns() {
    let report = on_tvox2(fixture!("mariadb-5.5-lagging-742s"));
    assert_eq!(
        verdict(&report),
        (
            Status::Warn,
            "replication on tvox2 is 12m 22s behind 172.16.95.70:3306 (threshold 30s)"
        )
    );
    assert_eq!(report.metrics["seconds_behind@tvox2"].value, 742.0);
}

#[test]
fn io_connecting_master_down_2003() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!(
        "mariadb-10.11-io-connecting-2003-master-down"
    )));
}

#[test]
fn io_connecting_replication_user_refused_1045() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!(
        "mariadb-10.11-io-connecting-1045-repl-password"
    )));
}

#[test]
fn io_connecting_mysql_8_with_error_time() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!(
        "mysql-8.0-replica-status-io-connecting-2003"
    )));
}

#[test]
fn io_stopped_by_hand() {
    let report = on_tvox2(fixture!("mariadb-10.11-io-stopped"));
    assert_eq!(
        verdict(&report),
        (
            Status::Crit,
            "replication on tvox2: IO thread stopped (no error)"
        )
    );
    assert_eq!(report.metrics["threads_running@tvox2"].value, 1.0);
}

#[test]
fn io_error_1236_binlog_purged() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!("mysql-5.7-slave-status-io-error-1236")));
}

#[test]
fn sql_error_1062_duplicate_multi_line() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!("mariadb-10.11-sql-error-1062-duplicate")));
}

#[test]
fn sql_error_1062_mysql_8_applier() {
    let report = on_tvox2(fixture!("mysql-8.0-replica-status-sql-error-1062"));
    assert_eq!(report.status, Status::Crit);
    assert!(report
        .summary
        .starts_with("replication on tvox2: SQL thread stopped (error 1062: Coordinator stopped"));
    assert!(report.details[0].message.contains("at 260302 10:41:17"));
}

#[test]
fn lag_null_with_both_threads_running_is_crit() {
    let report = on_tvox2(fixture!("mariadb-10.11-threads-yes-lag-null"));
    assert_eq!(
        verdict(&report),
        (
            Status::Crit,
            "replication on tvox2: Seconds_Behind_Master is NULL"
        )
    );
}

#[test]
fn not_a_replica() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!("mariadb-10.11-primary-not-a-replica")));
}

#[test]
fn login_refused_is_unknown_and_points_at_the_option_file() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!(
        "mariadb-10.11-client-access-denied-1045"
    )));
    let missing = on_tvox2(fixture!("mariadb-10.11-client-defaults-file-missing"));
    assert_eq!(missing.status, Status::Unknown);
    assert!(missing.hints[0].contains("--defaults-extra-file"));
}

#[test]
fn missing_privilege_is_unknown() {
    let report = on_tvox2(fixture!("mariadb-10.11-client-no-privilege-1227"));
    assert_eq!(report.status, Status::Unknown);
    assert!(
        report.hints[0].contains("REPLICATION CLIENT"),
        "{:?}",
        report.hints
    );
}

#[test]
fn server_down_is_crit() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!("mysql-5.7-client-socket-2002")));
    assert_eq!(
        on_tvox2(fixture!("mariadb-10.11-client-tcp-refused-2002")).status,
        Status::Crit
    );
}

#[test]
fn unknown_statement_truncated_output_and_no_client_are_unknown() {
    for output in [
        fixture!("mysql-8.4-show-slave-status-syntax-error"),
        fixture!("mariadb-10.11-healthy-truncated"),
        fixture!("client-not-found"),
        fixture!("mariadb-10.11-master-status"),
        Err("ssh: connection refused".to_string()),
    ] {
        let report = on_tvox2(output);
        assert_eq!(report.status, Status::Unknown, "{report:#?}");
    }
    assert_eq!(
        on_tvox2(fixture!("mariadb-10.11-healthy-truncated")).summary,
        "replication on tvox2: no Seconds_Behind_Master in the output"
    );
}

#[test]
fn multi_source_one_connection_down() {
    insta::assert_yaml_snapshot!(on_tvox2(fixture!(
        "mariadb-10.11-all-slaves-two-connections-one-connecting"
    )));
}

#[test]
fn binlog_gap_with_the_primary() {
    insta::assert_yaml_snapshot!(with_primary(
        fixture!("mariadb-10.11-healthy"),
        fixture!("mariadb-10.11-master-status")
    ));
    let report = with_primary(
        fixture!("mariadb-10.11-delayed-45s-behind"),
        fixture!("mariadb-10.11-master-status-after-insert"),
    );
    assert_eq!(report.metrics["binlog_gap_bytes@tvox2"].value, 177.0);
    let report = with_primary(
        fixture!("mariadb-10.11-healthy"),
        fixture!("mariadb-10.11-master-status-next-file"),
    );
    assert!(
        report.details[1]
            .message
            .ends_with("(2 binlog files behind)"),
        "{}",
        report.details[1].message
    );
    assert_eq!(report.status, Status::Ok);
}

#[test]
fn primary_without_binlog_or_unreadable() {
    let report = with_primary(
        fixture!("mariadb-10.11-healthy"),
        fixture!("mariadb-10.11-master-status-no-binlog"),
    );
    assert_eq!(report.status, Status::Crit);
    assert!(report.summary.starts_with("tvox1: binary logging is off"));
    let report = with_primary(
        fixture!("mariadb-10.11-healthy"),
        fixture!("mariadb-10.11-client-access-denied-1045"),
    );
    assert_eq!(report.status, Status::Unknown);
    let report = with_primary(
        fixture!("mysql-8.0-replica-status-healthy-gtid"),
        fixture!("mysql-8.0-master-status"),
    );
    assert_eq!(report.metrics["binlog_gap_bytes@tvox2"].value, 0.0);
}

/// MariaDB 11 called as `mysql` says so on standard error, which the gather merges: that
/// line is no answer from the server (it read as an unreadable status or binlog position).
#[test]
fn mariadb_11_deprecated_name_notice() {
    let replica = fixture!("mariadb-11.4-mysql-deprecated-healthy");
    let notice_only = fixture!("mariadb-11.4-mysql-deprecated-not-a-replica");
    assert_eq!(
        on_tvox2(replica.clone()),
        on_tvox2(fixture!("mariadb-10.11-healthy"))
    );
    let report = with_primary(replica.clone(), notice_only.clone());
    assert_eq!(report.status, Status::Crit);
    assert!(report.summary.starts_with("tvox1: binary logging is off"));
    let master = format!(
        "{}{}",
        notice_only.clone().unwrap(),
        include_str!("fixtures/mariadb-10.11-master-status.txt")
    );
    let report = with_primary(replica, Ok(master));
    assert_eq!(report.status, Status::Ok, "{}", report.summary.en());
    assert_eq!(on_tvox2(notice_only).status, Status::Crit);
}

/// A `wait` stops at once only on what waiting cannot change: a refused login, a missing
/// client; a server still starting or a node not answering is looked at again.
#[test]
fn only_a_refused_login_or_a_missing_client_lasts() {
    let lasting = |output| on_tvox2(output).lasting;
    assert!(lasting(fixture!("mariadb-10.11-client-access-denied-1045")).is_some());
    assert!(lasting(fixture!("mariadb-10.11-client-defaults-file-missing")).is_some());
    assert!(lasting(fixture!("mariadb-10.11-client-no-privilege-1227")).is_some());
    assert!(lasting(fixture!("client-not-found")).is_some());
    assert_eq!(lasting(fixture!("mysql-5.7-client-socket-2002")), None);
    assert_eq!(lasting(fixture!("mariadb-10.11-healthy-truncated")), None);
    assert_eq!(lasting(Err("cannot reach `tvox2`".into())), None);
    assert_eq!(lasting(fixture!("mariadb-10.11-healthy")), None);
}
