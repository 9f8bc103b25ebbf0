//! One passive check result per site, in the Nagios external command syntax, which Nagios
//! reads from its command file and Icinga 2 from its command pipe:
//!
//! ```text
//! [1700000000] PROCESS_SERVICE_CHECK_RESULT;acme;tvdr;2;TVDR CRITICAL - chat: no PRIMARY | …\n[CRIT] chat: …
//! ```
//! The host is the site's name, the service `tvdr`, the code the site's state, and the
//! output the one-site plugin output with its long output on `\n` escapes (Nagios 3+ and
//! Icinga keep them as lines). A site that could not be checked is UNKNOWN with the reason.

use std::fmt::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use super::super::nagios::render_as;
use super::super::nagios_exit;
use super::super::outcome::SiteOutcome;

/// The service every site's result is filed under.
pub const SERVICE: &str = "tvdr";

pub(super) fn render(sites: &[SiteOutcome], generated_at: Option<SystemTime>) -> String {
    let when = generated_at
        .unwrap_or_else(SystemTime::now)
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut out = String::new();
    for site in sites {
        let notes = site.problems();
        let output = render_as(site.status(), &site.reports, &notes);
        let _ = writeln!(
            out,
            "[{when}] PROCESS_SERVICE_CHECK_RESULT;{};{SERVICE};{};{}",
            field(&site.site),
            nagios_exit(site.status()),
            escape(output.trim_end())
        );
    }
    out
}

/// A host name field: a `;` would shift the fields, a control character break the line.
fn field(text: &str) -> String {
    text.chars()
        .map(|c| if c == ';' || c.is_control() { '_' } else { c })
        .collect()
}

/// The output on one line: newlines as the two characters `\n`, which Nagios turns back
/// into lines; a backslash doubled so that it is not read as one.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}
