//! Property: the JUnit output is well-formed XML for any reports, and every string comes
//! back from a parser exactly as it went in (characters XML 1.0 cannot hold become U+FFFD).
//!
//! roxmltree is a strict XML 1.0 parser (no dependencies, dev-only): it rejects unescaped
//! markup, unbalanced tags and forbidden characters, and it applies attribute-value
//! normalization, so the round trip also proves the escaping, not just the balance.

use proptest::prelude::*;

use super::exposition::reports;
use super::{hostile, mixed, time, HOSTILE_SITE};
use crate::checks::{Report, Status};
use crate::output::report::{render, Format};

/// What a string becomes in XML 1.0: forbidden characters replaced.
fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' => c,
            '\u{10000}'.. => c,
            _ => char::REPLACEMENT_CHARACTER,
        })
        .collect()
}

fn check(site: &str, reports: &[Report]) -> Result<(), String> {
    let text = render(Format::Junit, site, reports, Some(time()), false);
    let doc = roxmltree::Document::parse(&text).map_err(|e| format!("{e}\n{text}"))?;
    let suite = doc.root_element();
    let count = |pred: fn(Status) -> bool| reports.iter().filter(|r| pred(r.status)).count();
    let expected = [
        ("name", "tvdr".to_string()),
        ("tests", reports.len().to_string()),
        (
            "failures",
            count(|s| matches!(s, Status::Warn | Status::Crit)).to_string(),
        ),
        ("errors", count(|s| s == Status::Unknown).to_string()),
    ];
    for (attribute, value) in expected {
        if suite.attribute(attribute) != Some(value.as_str()) {
            return Err(format!("testsuite {attribute} is not {value}:\n{text}"));
        }
    }
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    if cases.len() != reports.len() {
        return Err(format!(
            "{} test cases for {} reports",
            cases.len(),
            reports.len()
        ));
    }
    for (case, report) in cases.iter().zip(reports) {
        let classname = xml_safe(&format!("tvdr.{site}"));
        let name = xml_safe(&report.name);
        if case.attribute("classname") != Some(&classname) || case.attribute("name") != Some(&name)
        {
            return Err(format!("test case names differ:\n{text}"));
        }
        let child = case
            .children()
            .find(|n| n.is_element())
            .ok_or("empty test case")?;
        let tag = match report.status {
            Status::Ok => "system-out",
            Status::Unknown => "error",
            Status::Warn | Status::Crit => "failure",
        };
        if child.tag_name().name() != tag {
            return Err(format!("expected <{tag}>, got {child:?}"));
        }
        let summary = xml_safe(&report.summary);
        if tag != "system-out" && child.attribute("message") != Some(&summary) {
            return Err(format!("message is not the summary:\n{text}"));
        }
        let body = child.text().unwrap_or_default();
        if !body.contains(&summary) {
            return Err(format!("body {body:?} lacks the summary {summary:?}"));
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn junit_output_is_well_formed(site in any::<String>(), reports in reports()) {
        check(&site, &reports).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn fixture_outputs_are_well_formed() {
    check("acme", &mixed()).unwrap();
    check(HOSTILE_SITE, &hostile()).unwrap();
}
