//! `check chat`: what `mongo`/`mongosh` print for `rs.status()` (shell literals, EJSON,
//! errors and banners), parsed and judged for two nodes that saw the same thing.

use std::time::Duration;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::checks::chat::{evaluate, parse, NodeStatus};
use crate::checks::Report;

corpus!(seeds, "src/checks/chat/fixtures");

fn report(input: &[u8]) -> Report {
    let text = text(input);
    parse(&text);
    let samples = [
        NodeStatus::new("tvox1", Ok(text.clone())),
        NodeStatus::new("tvox2", Ok(text)),
    ];
    let expected = ["10.0.0.1".to_string(), "10.0.0.2".to_string()];
    evaluate(&samples, &expected, Duration::from_secs(30))
}

properties!(128, seeds, report: report);
