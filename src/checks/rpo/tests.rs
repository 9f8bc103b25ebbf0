//! `rpo` on reports made by the real evaluators of `db`, `chat` and `fs-sync` from their
//! fixtures, so a renamed metric breaks here and not in the field.

use std::time::Duration;

use super::*;
use crate::checks::chat::{self, NodeStatus};
use crate::checks::db::{self, NodeReplica};
use crate::checks::fs_sync::{evaluate_sizes, parse_du, DuUnit, NodeDu};

const HOUR: Duration = Duration::from_secs(3600);

macro_rules! text {
    ($path:literal) => {
        include_str!(concat!("../", $path))
    };
}

fn db_report(fixture: &str) -> Report {
    db::evaluate(
        &NodeReplica::new("tvox2", Ok(fixture.to_string())),
        Duration::from_secs(60),
    )
}

fn chat_report(primary: &str, secondary: &str) -> Report {
    chat::evaluate(
        &[
            NodeStatus::new("tvox1", Ok(primary.to_string())),
            NodeStatus::new("tvox2", Ok(secondary.to_string())),
        ],
        &[],
        Duration::from_secs(60),
    )
}

fn healthy_chat() -> Report {
    chat_report(
        text!("chat/fixtures/legacy-4.0-primary-secondary.txt"),
        text!("chat/fixtures/legacy-4.0-secondary-view.txt"),
    )
}

fn fs_report(slave: &str) -> Report {
    let node = |name: &str, out: &str| NodeDu {
        node: name.into(),
        listing: Ok(parse_du(out, "", DuUnit::Bytes)),
    };
    evaluate_sizes(
        &node("tvox1", text!("fs_sync/fixtures/du-b-master.txt")),
        &node("tvox2", slave),
        1.0,
        None,
    )
}

fn in_sync_fs() -> Report {
    fs_report(text!("fs_sync/fixtures/du-b-master.txt"))
}

fn unknown(name: &str, why: &str) -> Report {
    Report::new(name, Status::Unknown, why)
}

#[test]
fn the_worst_delay_is_named_and_within_the_objective() {
    let db = db_report(text!("db/fixtures/mariadb-10.11-delayed-45s-behind.txt"));
    let r = evaluate(&[&db, &healthy_chat(), &in_sync_fs()], HOUR);
    assert_eq!(r.status, Status::Ok, "{r:#?}");
    assert_eq!(r.summary, "worst delay 45s (db), within RPO 1h");
    assert!(r.details[0].message.contains("sets the recovery point"));
    assert_eq!(r.metrics["worst_delay"].value, 45.0);
    assert_eq!(r.metrics["worst_delay"].crit, Some(3600.0));
}

#[test]
fn a_delay_over_the_objective_is_critical() {
    let db = db_report(text!("db/fixtures/mariadb-5.5-lagging-742s.txt"));
    let r = evaluate(
        &[&db, &healthy_chat(), &in_sync_fs()],
        Duration::from_secs(300),
    );
    assert_eq!(r.status, Status::Crit);
    assert_eq!(r.summary, "RPO 5m exceeded: db is 12m 22s behind");
}

#[test]
fn the_chat_lag_can_set_it() {
    // The PRIMARY's view of a SECONDARY 5 minutes behind; tvox2 was not asked.
    let chat = chat::evaluate(
        &[
            NodeStatus::new(
                "tvox1",
                Ok(text!("chat/fixtures/legacy-4.0-secondary-lagging-5min.txt").to_string()),
            ),
            NodeStatus::new("tvox2", Err("not asked".into())),
        ],
        &[],
        Duration::from_secs(60),
    );
    let db = db_report(text!("db/fixtures/mariadb-10.11-healthy.txt"));
    let r = evaluate(&[&db, &chat, &in_sync_fs()], HOUR);
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn a_stopped_replication_is_critical_even_without_a_figure() {
    let db = db_report(text!("db/fixtures/mariadb-10.11-io-stopped.txt"));
    let r = evaluate(&[&db, &healthy_chat(), &in_sync_fs()], HOUR);
    assert_eq!(r.status, Status::Crit);
    assert!(
        r.summary.starts_with("RPO 1h not met: stopped db ("),
        "{}",
        r.summary
    );
}

#[test]
fn files_behind_in_bytes_cannot_be_put_in_time() {
    let fs = fs_report(text!(
        "fs_sync/fixtures/du-b-slave-behind-voicemail-empty.txt"
    ));
    let db = db_report(text!("db/fixtures/mariadb-10.11-healthy.txt"));
    let r = evaluate(&[&db, &healthy_chat(), &fs], HOUR);
    assert_eq!(r.status, Status::Warn);
    assert!(
        r.summary
            .contains("not measurable in time: fs-sync 641.6 MiB behind"),
        "{}",
        r.summary
    );
    let files = r.details.iter().find(|d| d.item == "fs-sync").unwrap();
    assert!(
        files
            .message
            .contains("cannot be put in time without an ETA"),
        "{}",
        files.message
    );
}

#[test]
fn an_eta_turns_bytes_into_time() {
    let fs = Report::new("fs-sync", Status::Warn, "slave lacks 12 file(s)")
        .metric("bytes_to_copy", metric(5e9, "B"))
        .metric("eta_seconds", metric(7200.0, "s"));
    let db = db_report(text!("db/fixtures/mariadb-10.11-healthy.txt"));
    let r = evaluate(&[&db, &healthy_chat(), &fs], HOUR);
    assert_eq!(r.status, Status::Crit);
    assert_eq!(r.summary, "RPO 1h exceeded: fs-sync is 2h behind");
}

#[test]
fn sources_that_cannot_be_read_make_it_unknown_with_the_reason() {
    let r = evaluate(
        &[
            &unknown("db", "tvox2: no mysql client"),
            &unknown(
                "chat",
                "neither `mongosh` nor `mongo` is on the PATH of `tvox1`",
            ),
            &in_sync_fs(),
        ],
        HOUR,
    );
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(
        r.summary,
        "worst measured delay 0s (fs-sync); cannot read db (tvox2: no mysql client); \
         chat (neither `mongosh` nor `mongo` is on the PATH of `tvox1`)"
    );
}

#[test]
fn a_stand_alone_has_nothing_to_measure() {
    let sources = [
        Report::new("db", Status::Ok, "stand-alone: no database replica"),
        Report::new("fs-sync", Status::Ok, "stand-alone: no slave to sync to"),
    ];
    let r = evaluate(&[&sources[0], &sources[1]], HOUR);
    assert_eq!(
        (r.status, r.summary.en()),
        (Status::Ok, "no replication to measure")
    );
}

fn metric(value: f64, unit: &'static str) -> crate::checks::Metric {
    crate::checks::Metric {
        value,
        unit,
        warn: None,
        crit: None,
    }
}

/// The recovery point cannot be told while a source cannot, for as long as it cannot.
#[test]
fn a_source_that_lastingly_cannot_tell_makes_the_rpo_lasting() {
    let denied = db_report(text!(
        "db/fixtures/mariadb-10.11-client-access-denied-1045.txt"
    ));
    let r = evaluate(&[&denied, &healthy_chat(), &in_sync_fs()], HOUR);
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(
        r.lasting.as_deref(),
        Some("db: tvox2: the MySQL login or its privilege is refused")
    );
    let r = evaluate(
        &[&unknown("db", "not asked"), &healthy_chat(), &in_sync_fs()],
        HOUR,
    );
    assert_eq!(r.lasting, None);
}
