//! Property: the Prometheus output is valid text exposition for any reports, whatever the
//! names, labels and values.
//!
//! The checker below follows the text format's grammar line by line (HELP, TYPE, samples
//! with escaped label values, Go float syntax), and also what makes node_exporter reject a
//! file as a whole: a TYPE after its samples, a family split in two, a duplicate series.

use std::collections::HashSet;

use proptest::prelude::*;

use super::{hostile, mixed};
use crate::checks::{Metric, Report, Status};
use crate::output::report::{render, Format};

/// Decoded `(name, value)` pairs of one sample.
type Labels = Vec<(String, String)>;

/// Returns the decoded label sets of all samples, or what is wrong.
fn check(text: &str) -> Result<Vec<Labels>, String> {
    if !text.is_empty() && !text.ends_with('\n') {
        return Err("no final newline".into());
    }
    let (mut typed, mut closed, mut series) = (HashSet::new(), HashSet::new(), HashSet::new());
    let mut current: Option<String> = None;
    let mut samples = Vec::new();
    for line in text.split_terminator('\n') {
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let (name, help) = rest.split_once(' ').ok_or("HELP without text")?;
            metric_name(name)?;
            unescape(help, false)?;
        } else if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').ok_or("TYPE without kind")?;
            metric_name(name)?;
            if kind != "gauge" || !typed.insert(name.to_string()) {
                return Err(format!("bad or repeated TYPE: {line}"));
            }
            if let Some(previous) = current.replace(name.to_string()) {
                closed.insert(previous);
            }
        } else {
            let (name, labels, value) = sample(line)?;
            if current.as_deref() != Some(name) || closed.contains(name) {
                return Err(format!("sample outside its family: {line}"));
            }
            if !series.insert((name.to_string(), labels.clone())) {
                return Err(format!("duplicate series: {line}"));
            }
            float(value)?;
            samples.push(labels);
        }
    }
    Ok(samples)
}

fn metric_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || "_:".contains(c));
    if first_ok && chars.all(|c| c.is_ascii_alphanumeric() || "_:".contains(c)) {
        Ok(())
    } else {
        Err(format!("bad metric name {name:?}"))
    }
}

/// `name{label="value",…} value` → (name, decoded labels, value).
fn sample(line: &str) -> Result<(&str, Labels, &str), String> {
    let end = line
        .find(['{', ' '])
        .ok_or_else(|| format!("not a sample: {line:?}"))?;
    let name = &line[..end];
    metric_name(name)?;
    let mut rest = &line[end..];
    let mut labels = Vec::new();
    if let Some(mut inner) = rest.strip_prefix('{') {
        while !inner.starts_with('}') {
            let (label, after) = inner.split_once("=\"").ok_or("label without =\"")?;
            let valid = label
                .chars()
                .enumerate()
                .all(|(i, c)| c.is_ascii_alphabetic() || c == '_' || (i > 0 && c.is_ascii_digit()));
            if !valid || label.is_empty() {
                return Err(format!("bad label name {label:?}"));
            }
            let (value, after) = quoted(after)?;
            labels.push((label.to_string(), value));
            inner = match after.strip_prefix(',') {
                Some(next) => next,
                None if after.starts_with('}') => after,
                None => return Err(format!("junk after a label value: {after:?}")),
            };
        }
        rest = &inner[1..];
    }
    let value = rest.strip_prefix(' ').ok_or("no space before the value")?;
    Ok((name, labels, value))
}

/// A label value up to its closing quote → (decoded, rest after the quote).
fn quoted(text: &str) -> Result<(String, &str), String> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match (escaped, c) {
            (false, '\\') => escaped = true,
            (false, '"') => return Ok((unescape(&text[..i], true)?, &text[i + 1..])),
            _ => escaped = false,
        }
    }
    Err(format!("unterminated label value {text:?}"))
}

/// Label values allow `\\`, `\"`, `\n`; HELP text `\\` and `\n`.
fn unescape(text: &str, label: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('"') if label => out.push('"'),
            other => return Err(format!("bad escape {other:?} in {text:?}")),
        }
    }
    Ok(out)
}

/// Go's ParseFloat as the collector uses it: NaN, ±Inf, or a plain decimal.
fn float(value: &str) -> Result<(), String> {
    let plain = value
        .chars()
        .all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
    let special = matches!(value, "NaN" | "+Inf" | "-Inf");
    if special || (plain && value.parse::<f64>().is_ok()) {
        Ok(())
    } else {
        Err(format!("bad value {value:?}"))
    }
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Ok),
        Just(Status::Unknown),
        Just(Status::Warn),
        Just(Status::Crit)
    ]
}

fn metric() -> impl Strategy<Value = Metric> {
    let unit = prop_oneof![Just("s"), Just("B"), Just("%"), Just(""), Just("ms")];
    (
        any::<f64>(),
        unit,
        any::<Option<f64>>(),
        any::<Option<f64>>(),
    )
        .prop_map(|(value, unit, warn, crit)| Metric {
            value,
            unit,
            warn,
            crit,
        })
}

/// Reports with any text at all in names, summaries and metric keys (node part included).
pub(super) fn reports() -> impl Strategy<Value = Vec<Report>> {
    let report = (
        "(?s).{0,8}|chat|fs-sync",
        status(),
        any::<String>(),
        prop::collection::btree_map("(?s).{0,6}(@.{0,4})?", metric(), 0..4),
    )
        .prop_map(|(name, status, summary, metrics)| {
            let mut report = Report::new(&name, status, summary);
            report.metrics = metrics;
            report
        });
    prop::collection::vec(report, 0..5)
}

proptest! {
    #[test]
    fn prometheus_output_is_always_valid(site in any::<String>(), reports in reports()) {
        let text = render(Format::Prometheus, &site, &reports, Some(super::time()), false);
        let samples = check(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        for labels in samples {
            prop_assert_eq!(&labels[0], &("site".to_string(), site.clone()));
        }
    }
}

#[test]
fn fixture_outputs_are_valid() {
    for (site, reports) in [("acme", mixed()), (super::HOSTILE_SITE, hostile())] {
        let text = render(Format::Prometheus, site, &reports, None, false);
        check(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    }
}

#[test]
fn the_checker_rejects_broken_lines() {
    for bad in [
        "x{a=\"1\"} 1",
        "# TYPE x gauge\nx{a=\"\"\"} 1\n",
        "# TYPE x gauge\nx{a=\"\\t\"} 1\n",
        "# TYPE x gauge\nx 1e\n",
        "# TYPE x gauge\nx 1\nx 1\n",
        "# TYPE x gauge\n# TYPE y gauge\nx 1\n",
        "# TYPE 1x gauge\n",
    ] {
        assert!(check(bad).is_err(), "accepted {bad:?}");
    }
}
