//! `check vip`: `ip -o addr show` of each node, parsed and judged.

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::vip::{evaluate, parse, NodeAddrs};
use crate::checks::Report;

corpus!(seeds, "src/checks/vip/fixtures");

fn report(input: &[u8]) -> Report {
    let text = text(input);
    parse(&text);
    let node = |name: &str| NodeAddrs {
        node: name.into(),
        output: Ok(text.clone()),
    };
    evaluate(
        "10.0.0.10".parse().unwrap(),
        &[node("tvox1"), node("tvox2")],
    )
}

properties!(128, seeds, report: report);
