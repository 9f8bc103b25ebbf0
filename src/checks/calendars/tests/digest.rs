//! What [`DumpDigest`] extracts from each fixture, and which dumps normalize equal.

use super::*;

fn rows(s: &DumpSummary) -> Vec<(&str, u64)> {
    s.tables.iter().map(|(k, v)| (k.as_str(), v.rows)).collect()
}

const DAVICAL_ROWS: [(&str, u64); 5] = [
    ("public.caldav_data", 4),
    ("public.calendar_item", 4),
    ("public.collection", 3),
    ("public.principal", 4),
    ("public.usr", 4),
];

#[test]
fn pg15_dump_gives_tables_rows_sequences_and_versions() {
    let s = digest(PG15.as_bytes());
    assert_eq!(rows(&s), DAVICAL_ROWS);
    assert_eq!(s.bytes, PG15.len() as u64);
    assert_eq!(
        s.pg_dump_version.as_deref(),
        Some("15.18 (Debian 15.18-0+deb12u1)")
    );
    assert_eq!(s.server_major().as_deref(), Some("15"));
    assert!(s.restrict_key);
    assert_eq!(s.incomplete, None);
    assert_eq!(s.sequences["public.caldav_data_dav_id_seq"], "3004, true");
    assert_eq!(s.sequences.len(), 4);
}

#[test]
fn a_second_dump_differs_in_bytes_only_by_its_restrict_key() {
    assert_ne!(PG15, PG15_AGAIN);
    assert_eq!(digest(PG15.as_bytes()), digest(PG15_AGAIN.as_bytes()));
}

#[test]
fn pg92_dump_of_the_same_data_has_the_same_tables_and_sequences() {
    let (old, new) = (digest(PG92.as_bytes()), digest(PG15.as_bytes()));
    // 9.2 names tables relative to `SET search_path`; they are qualified the same way.
    assert_eq!(old.tables, new.tables);
    assert_eq!(old.sequences, new.sequences);
    assert!(!old.restrict_key);
    assert_eq!(old.pg_dump_major().as_deref(), Some("9.2"));
    // The schema is printed differently by 9.2: not equal, and not compared (see verdict).
    assert_ne!(old.schema_hash, new.schema_hash);
}

#[test]
fn pg17_transaction_timeout_and_restrict_key_are_ignored() {
    let (p17, p15) = (digest(PG17.as_bytes()), digest(PG15.as_bytes()));
    assert_eq!(p17.hash, p15.hash);
    assert_eq!(p17.pg_dump_major().as_deref(), Some("17"));
}

#[test]
fn rows_in_another_physical_order_are_the_same_rows() {
    assert_ne!(
        PG15.replace("\\restrict", ""),
        REORDERED.replace("\\restrict", "")
    );
    assert_eq!(
        digest(REORDERED.as_bytes()).hash,
        digest(PG15.as_bytes()).hash
    );
}

#[test]
fn if_exists_drops_normalize_to_plain_drops() {
    assert_eq!(
        digest(IF_EXISTS.as_bytes()).hash,
        digest(PG15.as_bytes()).hash
    );
}

#[test]
fn crlf_copy_of_a_dump_is_the_same_dump() {
    let crlf = PG15.replace('\n', "\r\n");
    let s = digest(crlf.as_bytes());
    assert_eq!(s.hash, digest(PG15.as_bytes()).hash);
    assert_eq!(s.bytes, crlf.len() as u64);
}

#[test]
fn missing_rows_change_only_that_table() {
    let (m, s) = (digest(PG15.as_bytes()), digest(SLAVE_MISSING.as_bytes()));
    assert_eq!(s.tables["public.caldav_data"].rows, 2);
    let differing: Vec<_> = m
        .tables
        .keys()
        .filter(|k| m.tables[*k] != s.tables[*k])
        .collect();
    assert_eq!(differing, ["public.caldav_data"]);
    assert_eq!(m.schema_hash, s.schema_hash);
}

#[test]
fn a_changed_row_of_the_same_length_changes_the_table_hash() {
    let (m, s) = (digest(PG15.as_bytes()), digest(CHANGED.as_bytes()));
    assert_eq!(m.bytes, s.bytes);
    let (a, b) = (
        &m.tables["public.calendar_item"],
        &s.tables["public.calendar_item"],
    );
    assert_eq!(a.rows, b.rows);
    assert_ne!(a.hash, b.hash);
}

#[test]
fn timestamps_follow_the_dumping_session_time_zone() {
    // Why gather sets PGTZ=UTC: the same data dumped with another TimeZone differs.
    let (utc, rome) = (digest(PG15.as_bytes()), digest(ROME.as_bytes()));
    assert_ne!(
        utc.tables["public.usr"].hash,
        rome.tables["public.usr"].hash
    );
    assert_eq!(
        utc.tables["public.principal"],
        rome.tables["public.principal"]
    );
}

#[test]
fn inserts_span_lines_inside_literals_and_function_bodies_are_not_rows() {
    let s = digest(INSERTS.as_bytes());
    assert_eq!(rows(&s), DAVICAL_ROWS);
    assert_eq!(s.incomplete, None);
    // One tuple per INSERT or several per INSERT: the same rows.
    assert_eq!(s.hash, digest(ROWS_PER_INSERT.as_bytes()).hash);
}

#[test]
fn shared_sample_from_the_fixtures_folder() {
    let s = digest(SHARED_SMALL.as_bytes());
    assert_eq!(rows(&s), [("public.principal", 3)]);
    assert_eq!(s.sequences["public.principal_id_seq"], "3, true");
    assert_eq!(s.incomplete, None);
}

#[test]
fn a_dump_cut_inside_copy_data_says_where() {
    let cut = cut_before(PG15, "1002\t/lbianchi/calendar/cena.ics");
    let s = digest(cut.as_bytes());
    assert_eq!(
        s.incomplete.as_deref(),
        Some("cut inside the data of `public.caldav_data` (no `\\.`)")
    );
    assert_eq!(s.tables["public.caldav_data"].rows, 3);
}

#[test]
fn a_dump_cut_before_its_trailer_is_incomplete() {
    let cut = cut_before(PG15, "--\n-- PostgreSQL database dump complete");
    let s = digest(cut.as_bytes());
    assert_eq!(
        s.incomplete.as_deref(),
        Some("no `PostgreSQL database dump complete` trailer")
    );
    // Everything before the cut is there: this is why completeness must be checked.
    assert_eq!(s.tables, digest(PG15.as_bytes()).tables);
}

#[test]
fn a_dump_cut_inside_a_literal_is_incomplete() {
    let cut = cut_before(INSERTS, "UID:d4e5f6");
    let s = digest(cut.as_bytes());
    assert_eq!(
        s.incomplete.as_deref(),
        Some("cut inside a quoted literal or function body")
    );
}

#[test]
fn empty_output_is_incomplete() {
    let s = digest(b"");
    assert_eq!(s.incomplete.as_deref(), Some("empty output"));
    assert!(s.tables.is_empty());
}

#[test]
fn read_all_and_write_feed_the_same_digest() {
    let from_reader = DumpDigest::read_all(PG15.as_bytes()).unwrap();
    assert_eq!(from_reader, digest(PG15.as_bytes()));
}
