//! `check clock`: the node's `date` output, parsed, turned into an offset and judged.

use std::time::Duration;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::clock::{evaluate, offset, parse, NodeClock};
use crate::checks::Report;

corpus!(seeds, "src/checks/clock/fixtures");

fn report(input: &[u8]) -> Report {
    // Around the fixtures' own time, as if asked then, so the offsets stay near zero and
    // the hostile part is the number itself.
    let t0: i128 = 1_700_000_000_000_000_000;
    let offset = parse(&text(input)).map(|reading| offset(t0, reading, t0 + 5_000_000));
    evaluate(
        &[NodeClock {
            node: "tvox1".into(),
            offset,
        }],
        Duration::from_secs(2),
    )
}

properties!(128, seeds, report: report);
