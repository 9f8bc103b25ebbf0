//! `check db`: the mysql client's `\G` output (`SHOW SLAVE STATUS`, `SHOW MASTER STATUS`,
//! client errors), parsed and judged, the same text standing for the primary's answer too.

use std::time::Duration;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::db::{evaluate_with_primary, needs_other_statement, parse, NodeReplica};
use crate::checks::Report;

corpus!(seeds, "src/checks/db/fixtures");

fn report(input: &[u8]) -> Report {
    let text = text(input);
    parse(&text);
    needs_other_statement(&text);
    let replica = NodeReplica::new("tvox2", Ok(text.clone()));
    let primary = NodeReplica::new("tvox1", Ok(text));
    evaluate_with_primary(&replica, Some(&primary), Duration::from_secs(60))
}

properties!(128, seeds, report: report);
