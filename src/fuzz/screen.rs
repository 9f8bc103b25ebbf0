//! `check screen`: `screen -ls` of each node, parsed and judged.

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::screen::{evaluate, parse, NodeScreen, Probe};
use crate::checks::Report;

corpus!(seeds, "src/checks/screen/fixtures");

fn report(input: &[u8]) -> Report {
    let listing = text(input);
    parse(&listing);
    evaluate(&[NodeScreen {
        node: "tvox1".into(),
        probe: Probe::Installed {
            path: "/usr/bin/screen".into(),
            listing,
        },
    }])
}

properties!(128, seeds, report: report);
