//! The exit code after `tvdr check`, per format (DESIGN §5 and the Nagios convention).

use super::{all_ok, mixed};
use crate::checks::{Report, Status};
use crate::output::report::{exit_code, nagios_exit, Format};

fn one(status: Status) -> Vec<Report> {
    vec![Report::new("license", status, "")]
}

#[test]
fn nagios_exit_follows_the_plugin_convention() {
    assert_eq!(nagios_exit(Status::Ok), 0);
    assert_eq!(nagios_exit(Status::Warn), 1);
    assert_eq!(nagios_exit(Status::Crit), 2);
    assert_eq!(nagios_exit(Status::Unknown), 3);
}

#[test]
fn nagios_format_exits_with_the_worst_state() {
    assert_eq!(exit_code(Format::Nagios, &all_ok(), false), 0);
    assert_eq!(exit_code(Format::Nagios, &mixed(), false), 2);
    assert_eq!(exit_code(Format::Nagios, &one(Status::Warn), false), 1);
    assert_eq!(exit_code(Format::Nagios, &one(Status::Unknown), false), 3);
    // CRITICAL outranks UNKNOWN, as in monitoring-plugins' max_state_alt.
    assert_eq!(exit_code(Format::Nagios, &mixed(), true), 2);
}

#[test]
fn nagios_never_says_ok_about_a_node_it_could_not_reach() {
    assert_eq!(exit_code(Format::Nagios, &all_ok(), true), 3);
    assert_eq!(exit_code(Format::Nagios, &[], false), 3);
}

#[test]
fn other_formats_follow_design_section_5() {
    for format in [
        Format::Human,
        Format::Json,
        Format::Junit,
        Format::Prometheus,
    ] {
        assert_eq!(exit_code(format, &all_ok(), false), 0);
        assert_eq!(exit_code(format, &[], false), 0);
        assert_eq!(exit_code(format, &one(Status::Warn), false), 1);
        assert_eq!(exit_code(format, &mixed(), false), 1);
        // A check that could not tell is not a pass.
        assert_eq!(exit_code(format, &one(Status::Unknown), false), 1);
        // Unreachable wins: the other verdicts are incomplete.
        assert_eq!(exit_code(format, &mixed(), true), 3);
        assert_eq!(exit_code(format, &all_ok(), true), 3);
    }
}
