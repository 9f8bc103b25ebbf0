//! A report built from hostile output must still render in every format, and the
//! machine formats must still parse: a quote or a control character in a node's output
//! must not break the JSON or the JUnit XML a pipeline reads.

use crate::checks::Report;
use crate::output::report::{render, Format};

pub fn every_format(report: &Report) {
    let reports = std::slice::from_ref(report);
    for format in [Format::Human, Format::Nagios, Format::Prometheus] {
        render(format, "site", reports, None, false);
    }
    let json = render(Format::Json, "site", reports, None, false);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the JSON report does not parse ({e}):\n{json}");
    }
    let junit = render(Format::Junit, "site", reports, None, false);
    if let Err(e) = roxmltree::Document::parse(&junit) {
        panic!("the JUnit report does not parse ({e}):\n{junit}");
    }
}
