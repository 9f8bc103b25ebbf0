//! Verdicts on fixture pairs, snapshotted so a reviewer sees every change of wording.

use super::super::evaluate;
use super::*;
use crate::checks::Status;
use crate::i18n::Msg;

const NO_SERVER: &str = include_str!("../fixtures/pg-dump-error-no-server.txt");
const ROLE_MISSING: &str = include_str!("../fixtures/pg-dump-error-role-missing.txt");
const DB_MISSING: &str = include_str!("../fixtures/pg-dump-error-database-missing.txt");

/// pg_dump 15 with `LANGUAGE=it` against a server whose messages are Italian (captured).
const ITALIAN: [(&str, Status, bool); 4] = [
    (
        include_str!("../fixtures/pg-dump-error-italian-database-missing.txt"),
        Status::Crit,
        false,
    ),
    (
        include_str!("../fixtures/pg-dump-error-italian-role-missing.txt"),
        Status::Crit,
        false,
    ),
    (
        include_str!("../fixtures/pg-dump-error-italian-password-failed.txt"),
        Status::Unknown,
        true,
    ),
    (
        include_str!("../fixtures/pg-dump-error-italian-no-server.txt"),
        Status::Unknown,
        false,
    ),
];

/// In Italian too, a missing database or role is CRIT (no calendars there), a refused
/// login lasts, and a missing socket ("File o directory non esistente") is not a missing
/// database.
#[test]
fn italian_server_and_client_messages() {
    for (error, status, lasting) in ITALIAN {
        let r = evaluate(&ok("tvox1", PG15), &failed("tvox2", error));
        assert_eq!(r.status, status, "{error}");
        assert_eq!(r.lasting.is_some(), lasting, "{error}");
    }
}

fn failed(node: &str, error: &str) -> NodeDump {
    NodeDump::new(node, Err(Msg::text(error)))
}

#[test]
fn identical_dumps_with_different_restrict_keys() {
    let r = evaluate(&ok("tvox1", PG15), &ok("tvox2", PG15_AGAIN));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn pg92_master_and_pg15_slave_with_the_same_data() {
    let r = evaluate(&ok("tvox1", PG92), &ok("tvox2", PG15));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_missing_rows_in_caldav_data() {
    let r = evaluate(&ok("tvox1", PG15), &ok("tvox2", SLAVE_MISSING));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn same_size_but_a_changed_event() {
    let r = evaluate(&ok("tvox1", PG15), &ok("tvox2", CHANGED));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn same_versions_but_a_schema_change() {
    let altered = PG15.replace(
        "    weak_etag text\n",
        "    weak_etag text,\n    extra text\n",
    );
    let r = evaluate(&ok("tvox1", PG15), &ok("tvox2", &altered));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn table_and_sequence_missing_on_the_slave() {
    let slave = PG15
        .replace("COPY public.principal ", "COPY public.principal_old ")
        .replace(
            "SELECT pg_catalog.setval('public.usr_user_no_seq', 1003, true);",
            "",
        );
    let r = evaluate(&ok("tvox1", PG15), &ok("tvox2", &slave));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_dump_cut_inside_copy_data() {
    let cut = cut_before(
        SLAVE_MISSING,
        "\\.\n\n\n--\n-- Data for Name: calendar_item",
    );
    let r = evaluate(&ok("tvox1", PG15), &ok("tvox2", &cut));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn master_printed_nothing() {
    let r = evaluate(&ok("tvox1", ""), &ok("tvox2", PG15));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_has_no_davical_role() {
    let r = evaluate(&ok("tvox1", PG15), &failed("tvox2", ROLE_MISSING));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_postgres_not_running() {
    let r = evaluate(&ok("tvox1", PG15), &failed("tvox2", NO_SERVER));
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn both_fail_worst_wins() {
    let r = evaluate(&failed("tvox1", NO_SERVER), &failed("tvox2", DB_MISSING));
    insta::assert_yaml_snapshot!(r);
}

/// A `wait` stops at once without pg_dump or with a refused login, and goes on looking
/// while the server is not up yet.
#[test]
fn a_missing_pg_dump_or_a_refused_login_lasts_a_server_not_up_does_not() {
    let lasting = |error: &str| evaluate(&ok("tvox1", PG15), &failed("tvox2", error)).lasting;
    assert_eq!(lasting(NO_SERVER), None);
    assert_eq!(
        lasting("bash: line 1: pg_dump: command not found").as_deref(),
        Some("tvox2: no pg_dump")
    );
    assert_eq!(
        lasting("bash: riga 1: pg_dump: comando non trovato").as_deref(),
        Some("tvox2: no pg_dump")
    );
    assert_eq!(
        lasting("pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication failed for user \"davical_dba\"").as_deref(),
        Some("tvox2: the PostgreSQL login is refused")
    );
}
