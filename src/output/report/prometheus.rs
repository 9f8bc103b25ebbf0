//! Reports in the Prometheus text exposition format, for node_exporter's textfile collector.
//!
//! ```text
//! # HELP tvdr_check_status Check status: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN.
//! # TYPE tvdr_check_status gauge
//! tvdr_check_status{site="acme",check="chat"} 2
//! tvdr_check_up{site="acme",check="chat"} 1
//! tvdr_chat_lag_seconds{site="acme",node="tvox2"} 12.5
//! ```
//! With `--sites`, one exposition holds every site, each family once, plus
//! `tvdr_site_up{site}` (every node reached, every check ended in time) and
//! `tvdr_site_check_duration_seconds{site}`.
//!
//! `tvdr_check_status` uses the Nagios numbers (0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN), which
//! monitoring people already know; alert on `== 2` or `> 0`. `tvdr_check_up` is 1 when the
//! check reached a verdict and 0 when it could not tell (UNKNOWN), so "broken check" and
//! "broken cluster" alert apart. `tvdr_last_run_timestamp_seconds` appears when the caller
//! passes the time of the run, for staleness alerts.
//!
//! A metric `name` of check `check` becomes the gauge `tvdr_<check>_<name>` with the unit
//! in the name (`_seconds`, `_bytes`; percentages become `_ratio` from 0 to 1), labels
//! `site` and, for `name@node` keys, `node`. Families come in a fixed order (the check
//! families, then metrics by name) and series in the caller's order.

use std::collections::{BTreeMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::checks::{Metric, Report, Status};

use super::metric_key;
use super::outcome::SiteOutcome;

const STATUS_HELP: &str = "Check status: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN.";
const UP_HELP: &str = "1 when the check reached a verdict, 0 when it could not tell (UNKNOWN).";
const RUN_HELP: &str = "When tvdr ran the checks, in seconds since the Unix epoch.";

/// One metric family: its help text and its series (rendered labels, value).
struct Family {
    help: String,
    series: Vec<(String, f64)>,
}

/// The families being built. Fixed families first, metric families sorted by name; a
/// series whose name and labels were already written is dropped, because a duplicate makes
/// the whole file unreadable to the collector (two checks whose names differ only in
/// punctuation sanitize to the same name).
struct Exposition {
    fixed: Vec<(&'static str, Family)>,
    metrics: BTreeMap<String, Family>,
    seen: HashSet<(String, String)>,
}

impl Family {
    fn new(help: &str) -> Family {
        Family {
            help: help.to_string(),
            series: Vec::new(),
        }
    }
}

impl Exposition {
    fn new(fixed: &[(&'static str, &str)]) -> Exposition {
        Exposition {
            fixed: fixed
                .iter()
                .map(|&(n, help)| (n, Family::new(help)))
                .collect(),
            metrics: BTreeMap::new(),
            seen: HashSet::new(),
        }
    }

    fn add(&mut self, name: &str, help: &str, labels: &[(&str, &str)], value: f64) {
        let labels = render_labels(labels);
        if !self.seen.insert((name.to_string(), labels.clone())) {
            return;
        }
        let family = match self.fixed.iter_mut().find(|(n, _)| *n == name) {
            Some((_, family)) => family,
            None => self
                .metrics
                .entry(name.to_string())
                .or_insert_with(|| Family::new(help)),
        };
        family.series.push((labels, value));
    }

    fn render(self) -> String {
        let mut out = String::new();
        let fixed = self.fixed.into_iter().map(|(n, f)| (n.to_string(), f));
        for (name, family) in fixed.chain(self.metrics) {
            if family.series.is_empty() {
                continue;
            }
            out.push_str(&format!("# HELP {name} {}\n", escape_help(&family.help)));
            out.push_str(&format!("# TYPE {name} gauge\n"));
            for (labels, value) in family.series {
                out.push_str(&format!("{name}{{{labels}}} {}\n", number(value)));
            }
        }
        out
    }
}

const SITE_UP_HELP: &str =
    "1 when the site was checked, every node reached and every check ended in time, else 0.";
const SITE_SECONDS_HELP: &str = "How long the checks of the site took, in seconds.";

/// The families every exposition starts with, in this order.
const FIXED: &[(&str, &str)] = &[
    ("tvdr_check_status", STATUS_HELP),
    ("tvdr_check_up", UP_HELP),
    ("tvdr_last_run_timestamp_seconds", RUN_HELP),
    ("tvdr_site_up", SITE_UP_HELP),
    ("tvdr_site_check_duration_seconds", SITE_SECONDS_HELP),
];

pub(super) fn render(site: &str, reports: &[Report], generated_at: Option<SystemTime>) -> String {
    let mut exposition = Exposition::new(FIXED);
    add_site(&mut exposition, site, reports, generated_at);
    exposition.render()
}

/// One exposition for many sites (`--sites`): each family once, a series per site, as the
/// textfile collector requires (a family split in two makes the whole file unreadable).
pub(super) fn render_sites(sites: &[SiteOutcome], generated_at: Option<SystemTime>) -> String {
    let mut exposition = Exposition::new(FIXED);
    for outcome in sites {
        let site = outcome.site.as_str();
        add_site(&mut exposition, site, &outcome.reports, generated_at);
        let up = if outcome.up() { 1.0 } else { 0.0 };
        exposition.add("tvdr_site_up", SITE_UP_HELP, &[("site", site)], up);
        exposition.add(
            "tvdr_site_check_duration_seconds",
            SITE_SECONDS_HELP,
            &[("site", site)],
            outcome.elapsed.as_secs_f64(),
        );
    }
    exposition.render()
}

fn add_site(
    exposition: &mut Exposition,
    site: &str,
    reports: &[Report],
    generated_at: Option<SystemTime>,
) {
    for report in reports {
        let labels = [("site", site), ("check", report.name.as_str())];
        let status = super::nagios_exit(report.status);
        exposition.add("tvdr_check_status", STATUS_HELP, &labels, f64::from(status));
        let up = if report.status == Status::Unknown {
            0.0
        } else {
            1.0
        };
        exposition.add("tvdr_check_up", UP_HELP, &labels, up);
    }
    if let Some(time) = generated_at {
        let seconds = time
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        exposition.add(
            "tvdr_last_run_timestamp_seconds",
            RUN_HELP,
            &[("site", site)],
            seconds,
        );
    }
    for report in reports {
        for (key, metric) in &report.metrics {
            let (name, node) = metric_key(key);
            let (family, value) = family_name(&report.name, name, metric);
            let help = format!("{name} measured by the {} check.", report.name);
            let mut labels = vec![("site", site)];
            labels.extend(node.map(|node| ("node", node)));
            exposition.add(&family, &help, &labels, value);
        }
    }
}

/// `tvdr_<check>_<metric>` with the unit as the name's last word, and the value in the
/// base unit that name promises.
fn family_name(check: &str, metric: &str, m: &Metric) -> (String, f64) {
    let mut name = format!("tvdr_{}_{}", sanitize(check), sanitize(metric));
    let (suffix, value) = match m.unit {
        "s" => ("_seconds", m.value),
        "B" => ("_bytes", m.value),
        "%" => {
            for word in ["_percentage", "_percent", "_pct"] {
                if let Some(stem) = name.strip_suffix(word) {
                    name.truncate(stem.len());
                }
            }
            ("_ratio", m.value / 100.0)
        }
        _ => ("", m.value),
    };
    if !name.ends_with(suffix) {
        name.push_str(suffix);
    }
    (name, value)
}

/// One word of a metric name: lowercase ASCII letters, digits and single underscores.
/// Colons are valid in names but reserved for recording rules, so they go too.
fn sanitize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        };
        if !(c == '_' && (out.is_empty() || out.ends_with('_'))) {
            out.push(c);
        }
    }
    let trimmed = out.trim_end_matches('_');
    if trimmed.is_empty() {
        "unnamed".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `{a="x",b="y"}` without the braces, values escaped as the format requires.
fn render_labels(labels: &[(&str, &str)]) -> String {
    let pairs: Vec<String> = labels
        .iter()
        .map(|(name, value)| format!("{name}=\"{}\"", escape_label(value)))
        .collect();
    pairs.join(",")
}

fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn escape_help(help: &str) -> String {
    help.replace('\\', "\\\\").replace('\n', "\\n")
}

/// Go's float syntax, which the collector parses: `NaN`, `+Inf`, `-Inf`, or a decimal.
fn number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "+Inf" } else { "-Inf" }.to_string()
    } else {
        value.to_string()
    }
}
