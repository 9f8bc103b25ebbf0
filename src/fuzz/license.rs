//! `check license`: whatever the configured licence command prints, matched and tailed.

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::license::{evaluate, NodeOutput};
use crate::checks::Report;

corpus!(seeds, "src/checks/license/fixtures");

fn report(input: &[u8]) -> Report {
    let output = |node: &str, code| NodeOutput {
        node: node.into(),
        result: Ok((code, text(input))),
    };
    evaluate(
        r"(?m)^Licen[sz]e:\s+valid",
        &[output("tvox1", 0), output("tvox2", 1)],
    )
}

properties!(128, seeds, report: report);
