//! `check hosts`: hosts(5) as a node's file holds it, parsed and judged.

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::hosts::{evaluate, parse, Fetched, NodeFile};
use crate::checks::Report;

corpus!(seeds, "src/checks/hosts/fixtures");

fn report(input: &[u8]) -> Report {
    let text = text(input);
    parse(&text);
    let file = |node: &str| NodeFile {
        node: node.into(),
        path: "/etc/hosts".into(),
        expected: "10.0.0.10".parse().unwrap(),
        fetched: Fetched::Text(text.clone()),
    };
    evaluate("tvox.example.com", &[file("tvox1"), file("tvox2")])
}

properties!(128, seeds, report: report);
