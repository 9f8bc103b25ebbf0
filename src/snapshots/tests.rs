//! The snapshot store on a real directory: records, replacement, forgetting, torn lines.

use std::time::{Duration, SystemTime};

use super::*;
use crate::time::rfc3339;

fn snap(node: &str, name: &str, days_ago: u64) -> Snapshot {
    Snapshot {
        node: node.into(),
        name: name.into(),
        taken_at: SystemTime::now() - Duration::from_secs(days_ago * 86_400),
        recorded_by: "tester".into(),
        note: None,
    }
}

fn names(dir: &Path) -> Vec<String> {
    list(dir)
        .unwrap()
        .iter()
        .map(|s| format!("{}:{}", s.node, s.name))
        .collect()
}

#[test]
fn no_file_is_no_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    assert!(list(&dir.path().join("missing")).unwrap().is_empty());
}

#[test]
fn records_round_trip_as_one_json_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = snap("tvox1", "pre-upgrade", 2);
    first.note = Some("memory excluded".into());
    first.taken_at = rfc3339::parse("2024-05-06T07:30:00Z").unwrap();
    record(dir.path(), &first).unwrap();
    record(dir.path(), &snap("tvox2", "pre-upgrade", 1)).unwrap();
    let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert_eq!(
        text.lines().next().unwrap(),
        r#"{"node":"tvox1","name":"pre-upgrade","taken_at":"2024-05-06T07:30:00Z","recorded_by":"tester","note":"memory excluded"}"#
    );
    let listed = list(dir.path()).unwrap();
    assert_eq!(listed[0], first);
    assert_eq!(
        names(dir.path()),
        ["tvox1:pre-upgrade", "tvox2:pre-upgrade"]
    );
}

#[test]
fn recording_the_same_node_and_name_again_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    record(dir.path(), &snap("tvox1", "pre-upgrade", 9)).unwrap();
    record(dir.path(), &snap("tvox1", "pre-upgrade", 0)).unwrap();
    let listed = list(dir.path()).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(!listed[0].overdue(SystemTime::now()));
}

#[test]
fn forgetting_by_name_or_by_node_and_name() {
    let dir = tempfile::tempdir().unwrap();
    for node in ["tvox1", "tvox2"] {
        record(dir.path(), &snap(node, "pre-upgrade", 8)).unwrap();
    }
    record(dir.path(), &snap("tvox1", "pre-ft", 8)).unwrap();
    assert_eq!(
        forget(dir.path(), "pre-upgrade", Some("tvox2"), "me").unwrap(),
        1
    );
    assert_eq!(names(dir.path()), ["tvox1:pre-upgrade", "tvox1:pre-ft"]);
    assert_eq!(forget(dir.path(), "pre-upgrade", None, "me").unwrap(), 1);
    assert_eq!(names(dir.path()), ["tvox1:pre-ft"]);
    // Nothing matched: nothing written.
    let before = std::fs::read(dir.path().join(FILE)).unwrap();
    assert_eq!(forget(dir.path(), "nope", None, "me").unwrap(), 0);
    assert_eq!(std::fs::read(dir.path().join(FILE)).unwrap(), before);
    // A snapshot taken again after being forgotten counts again.
    record(dir.path(), &snap("tvox2", "pre-upgrade", 0)).unwrap();
    assert_eq!(names(dir.path()), ["tvox1:pre-ft", "tvox2:pre-upgrade"]);
}

#[test]
fn a_torn_last_line_is_skipped_and_the_next_record_starts_a_new_line() {
    let dir = tempfile::tempdir().unwrap();
    record(dir.path(), &snap("tvox1", "a", 1)).unwrap();
    let path = dir.path().join(FILE);
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.write_all(br#"{"node":"tvox2","name":"b","taken_"#)
        .unwrap();
    drop(file);
    assert_eq!(names(dir.path()), ["tvox1:a"]);
    record(dir.path(), &snap("tvox1", "c", 1)).unwrap();
    assert_eq!(names(dir.path()), ["tvox1:a", "tvox1:c"]);
}

#[test]
fn ages_and_the_week_limit() {
    let now = SystemTime::now();
    assert!(!snap("tvox1", "a", 6).overdue(now));
    assert!(snap("tvox1", "a", 8).overdue(now));
    let future = Snapshot {
        taken_at: now + Duration::from_secs(60),
        ..snap("tvox1", "a", 0)
    };
    assert_eq!(future.age(now), Duration::ZERO);
}

/// Found while fuzzing: a hand-typed time that lands after 9999-12-31 once its zone is
/// applied was read, then writing it (`snapshot list`, the next record) panicked. (jiff
/// holds instants up to 9999-12-30T22:00:00Z, so that every zone can write them.)
#[test]
fn a_time_after_the_year_9999_is_refused_and_its_line_skipped() {
    let err = rfc3339::parse("9999-12-31T23:30:00-01:00").unwrap_err();
    assert!(err.contains("out of range"), "{err}");
    assert!(rfc3339::parse("9999-12-30T22:00:00Z").is_ok());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(FILE),
        include_str!("fixtures/taken-after-the-year-9999.jsonl"),
    )
    .unwrap();
    let kept = list(dir.path()).unwrap();
    assert_eq!(names(dir.path()), ["tvox1:pre-ft"]);
    assert_eq!(
        rfc3339::format_seconds(kept[0].taken_at),
        "2024-05-06T07:30:00Z"
    );
}
