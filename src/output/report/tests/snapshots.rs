//! Snapshots of every format on every report set: a reviewer sees any change in the output.

use super::{all_ok, hostile, mixed, time, HOSTILE_SITE};
use crate::checks::{Report, Status};
use crate::output::report::{render, Format};

const FORMATS: [(Format, &str); 5] = [
    (Format::Human, "human"),
    (Format::Json, "json"),
    (Format::Junit, "junit"),
    (Format::Nagios, "nagios"),
    (Format::Prometheus, "prometheus"),
];

/// One snapshot per format, named `<set>_<format>`.
fn snapshot_all(set: &str, site: &str, reports: &[Report], with_time: bool) {
    for (format, name) in FORMATS {
        let output = render(format, site, reports, with_time.then(time), false);
        insta::assert_snapshot!(format!("{set}_{name}"), output);
    }
}

#[test]
fn all_ok_without_time() {
    snapshot_all("all_ok", "acme", &all_ok(), false);
}

#[test]
fn mixed_with_time() {
    snapshot_all("mixed", "acme", &mixed(), true);
}

#[test]
fn hostile_strings() {
    snapshot_all("hostile", HOSTILE_SITE, &hostile(), true);
}

#[test]
fn no_reports() {
    snapshot_all("empty", "acme", &[], false);
}

#[test]
fn human_colours_only_the_status_word_when_asked() {
    let reports = mixed();
    let plain = render(Format::Human, "acme", &reports, None, false);
    assert!(
        !plain.contains('\u{1b}'),
        "no escape sequences without colour:\n{plain}"
    );

    let coloured = render(Format::Human, "acme", &reports, None, true);
    assert!(
        coloured.contains("\u{1b}[38;5;9mCRIT"),
        "CRIT in red:\n{coloured:?}"
    );
    assert!(
        coloured.contains("\u{1b}[38;5;11mWARN"),
        "WARN in yellow:\n{coloured:?}"
    );
    assert!(
        coloured.contains("\u{1b}[38;5;10mOK"),
        "OK in green:\n{coloured:?}"
    );
    assert!(
        coloured.contains("\u{1b}[38;5;13mUNKNOWN"),
        "UNKNOWN in magenta"
    );
    assert!(!coloured.contains("\u{1b}[38;5;9mchat"), "names stay plain");
}

#[test]
fn human_fits_in_100_columns() {
    let long = "x".repeat(300);
    let reports = [Report::new("fs-sync", Status::Warn, long.clone()).detail(
        Status::Warn,
        Some("tvox2"),
        "recordings",
        long,
    )];
    let output = render(Format::Human, "acme", &reports, None, false);
    for line in output.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}
