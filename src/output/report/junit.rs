//! Reports as a JUnit XML test suite, so CI (GitLab, Jenkins) shows each check as a test.
//!
//! One `<testsuite name="tvdr">`, one `<testcase classname="tvdr.<site>" name="<check>">` per
//! report in the caller's order. WARN and CRIT are `<failure>` (the cluster is not as it
//! should be); UNKNOWN is `<error>` (the check could not tell, like a test that crashed).
//! The failure message is the summary; its body, and `<system-out>` for passing checks, is
//! the detail lines and hints. With `--sites`, a `<testsuites>` of one suite per site.

use std::time::SystemTime;

use super::outcome::SiteOutcome;
use super::{detail_line, rfc3339, xml};
use crate::checks::{Report, Status};

pub(super) fn render(site: &str, reports: &[Report], generated_at: Option<SystemTime>) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&suite("tvdr", site, reports, &[], generated_at));
    out
}

/// Many sites (`--sites`): a `<testsuites>` with one suite per site, named `tvdr.<site>`; a
/// site without a verdict (unreadable inventory, a node not reached, no answer in time)
/// has an erroring test case `site` saying why.
pub(super) fn render_sites(sites: &[SiteOutcome], generated_at: Option<SystemTime>) -> String {
    let mut out = String::from(HEADER);
    out.push_str("<testsuites name=\"tvdr\">\n");
    for site in sites {
        let problems = site.problems();
        let name = format!("tvdr.{}", site.site);
        let text = suite(&name, &site.site, &site.reports, &problems, generated_at);
        for line in text.lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("</testsuites>\n");
    out
}

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// One `<testsuite>`: a test case per report, then one erroring case `site` when there are
/// `problems`.
fn suite(
    name: &str,
    site: &str,
    reports: &[Report],
    problems: &[String],
    generated_at: Option<SystemTime>,
) -> String {
    let count = |pred: fn(Status) -> bool| reports.iter().filter(|r| pred(r.status)).count();
    let failures = count(|s| matches!(s, Status::Warn | Status::Crit));
    let errors = count(|s| s == Status::Unknown) + usize::from(!problems.is_empty());
    let tests = reports.len() + usize::from(!problems.is_empty());

    let mut out = format!(
        "<testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" \
         skipped=\"0\"",
        xml::attr(name)
    );
    if let Some(time) = generated_at {
        // The JUnit schema's timestamp has no zone designator; the time is UTC.
        let stamp = rfc3339(time);
        out.push_str(&format!(" timestamp=\"{}\"", stamp.trim_end_matches('Z')));
    }
    out.push_str(">\n");

    let classname = xml::attr(&format!("tvdr.{site}"));
    for report in reports {
        out.push_str(&format!(
            "  <testcase classname=\"{classname}\" name=\"{}\">\n",
            xml::attr(&report.name)
        ));
        let body = xml::text(&body(report));
        match report.status {
            Status::Ok => {
                out.push_str(&format!("    <system-out>{body}</system-out>\n"));
            }
            status => {
                let element = if status == Status::Unknown {
                    "error"
                } else {
                    "failure"
                };
                out.push_str(&format!(
                    "    <{element} message=\"{}\" type=\"{status}\">{body}</{element}>\n",
                    xml::attr(&report.summary)
                ));
            }
        }
        out.push_str("  </testcase>\n");
    }
    if let Some(first) = problems.first() {
        out.push_str(&format!(
            "  <testcase classname=\"{classname}\" name=\"site\">\n    \
             <error message=\"{}\" type=\"UNKNOWN\">{}</error>\n  </testcase>\n",
            xml::attr(first),
            xml::text(&problems.join("\n"))
        ));
    }
    out.push_str("</testsuite>\n");
    out
}

/// The summary, then one line per finding, then the hints: what a CI log viewer shows.
fn body(report: &Report) -> String {
    let mut lines = vec![format!("{}: {}", report.status, report.summary.en())];
    lines.extend(report.details.iter().map(detail_line));
    lines.extend(report.hints.iter().map(|h| format!("hint: {}", h.en())));
    lines.join("\n")
}
