//! `check ports` and `check dr-isolated`: the port probe's output (bash, nc or perl on the
//! node), parsed and judged by both checks.

use std::time::Duration;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::ports::{self, probe, Direction};
use crate::checks::{dr_isolated, Report};

corpus!(
    seeds,
    "src/checks/ports/fixtures",
    "src/checks/dr_isolated/fixtures"
);

fn report(input: &[u8]) -> Report {
    let text = text(input);
    let _ = probe::parse(&text);
    let timeout = Duration::from_secs(3);
    let isolated = dr_isolated::evaluate(
        &[dr_isolated::Target {
            node: Some("tvox1".into()),
            address: "10.0.0.1".into(),
        }],
        &Ok(text.clone()),
        timeout,
    );
    super::render::every_format(&isolated);
    ports::evaluate(
        &[Direction {
            from: "tvox1".into(),
            to: "dr_client".into(),
            address: "10.0.0.9".into(),
            answer: Ok(text),
            standby: false,
        }],
        timeout,
    )
}

properties!(128, seeds, report: report);
