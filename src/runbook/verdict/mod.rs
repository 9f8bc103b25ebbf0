//! Did the patch succeed? A pure judgment of an updater's output and exit status by its
//! [`Rules`]: a success only when the command exited 0, a success rule matches a line of
//! the final output, and no failure rule matches one; otherwise every reason why not.
//!
//! **The final output** is the last [`FINAL_LINES`] non-empty lines of the cleaned log
//! ([`log::clean`]: escapes, `\r` redraws and backspaces resolved, as the terminal showed
//! it), further cut to the last [`FINAL_BYTES`]. Why lines, and why these numbers: an
//! updater ends with its verdict and, after it, at most a few lines (the log's path, "reboot
//! now", a version); its preflight checks ("previous upgrade completed successfully") come
//! first and the package, database and service phases push them out of the last lines by
//! far. Blank lines do not count, so a trailing newline or the wrapper's blank line cannot
//! push the verdict out. The byte cap keeps one huge line (a dump, a progress bar that
//! never redrew) from hiding the end; a line is judged whole.
//!
//! **Failure rules decide in the final output only.** Earlier lines matching them are
//! errors the updater reported and went on from (a mirror timeout yum retried, a
//! duplicate-key warning of a migration it skipped): they are recorded and shown, but a
//! run that then ends with its success words, exit 0 and no failure near the end is a
//! success. A failure near the end is never outweighed by a success line next to it: the
//! procedure's answer to any doubt is to call support, which costs far less than a
//! half-patched PBX.

pub mod log;
mod rules;

#[cfg(test)]
mod tests;

use std::fmt;

use serde_json::{json, Map, Value};

use crate::i18n::Msg;
use crate::msg;
pub use rules::{Rule, Rules, DEFAULT_SUCCESS};

/// Non-empty lines that make the final output.
pub const FINAL_LINES: usize = 10;
/// At most this many bytes of them (whole lines; the last line always counts).
pub const FINAL_BYTES: usize = 4096;
/// Earlier failure lines kept as evidence.
const EARLIER_KEPT: usize = 5;
/// A line quoted in a message is cut to this many characters.
const QUOTED: usize = 160;

/// A line and the rule it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub line: String,
    pub rule: String,
}

/// Why a patch is not a success, in the words the technician reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// It exited with a status other than 0.
    Exit(i32),
    /// No exit status: killed with its session, or the node went down.
    UnknownExit,
    /// A failure rule matched this line of the final output (the first such line: the
    /// cause, more often than the conclusion after it), and `more` lines after it.
    Says { line: String, more: usize },
    /// No success rule matched the final output.
    NoSuccess,
}

impl Reason {
    /// In every language: the journal keeps the English, the technician reads theirs.
    pub fn msg(&self) -> Msg {
        match self {
            Reason::Exit(code) => msg!("reason-exit-status", code = *code),
            Reason::UnknownExit => msg!("reason-unknown-exit"),
            Reason::Says { line, more } => {
                msg!("reason-output-says", line = quoted(line), more = *more)
            }
            Reason::NoSuccess => msg!("reason-no-success", lines = FINAL_LINES),
        }
    }
}

/// English, as the journal's evidence keeps it.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg().en())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub exit: Option<i32>,
    /// The last line of the final output a success rule matched (and no failure rule).
    pub success: Option<Hit>,
    /// The lines of the final output a failure rule matched, in order.
    pub failures: Vec<Hit>,
    /// Lines before the final output a failure rule matched (the first few).
    pub earlier_failures: Vec<Hit>,
    /// Empty for a success.
    pub reasons: Vec<Reason>,
}

impl Verdict {
    pub fn success(&self) -> bool {
        self.reasons.is_empty()
    }

    /// What decided, for the journal: `result` (`success`/`failed`), `exit`, the success
    /// line and rule, the first failure line and rule (`null` when none), every failure
    /// line of the final output, the earlier ones, and `why` for a failure.
    pub fn evidence(&self) -> Map<String, Value> {
        let line = |hit: Option<&Hit>| json!(hit.map(|h| &h.line));
        let rule = |hit: Option<&Hit>| json!(hit.map(|h| &h.rule));
        let lines = |hits: &[Hit]| json!(hits.iter().map(|h| &h.line).collect::<Vec<_>>());
        let result = if self.success() { "success" } else { "failed" };
        let mut evidence = Map::new();
        evidence.insert("result".into(), json!(result));
        evidence.insert("exit".into(), json!(self.exit));
        evidence.insert("success_line".into(), line(self.success.as_ref()));
        evidence.insert("success_rule".into(), rule(self.success.as_ref()));
        evidence.insert("failure_line".into(), line(self.failures.first()));
        evidence.insert("failure_rule".into(), rule(self.failures.first()));
        evidence.insert("failure_lines".into(), lines(&self.failures));
        evidence.insert(
            "earlier_failure_lines".into(),
            lines(&self.earlier_failures),
        );
        if !self.success() {
            evidence.insert("why".into(), json!(self.why()));
        }
        evidence
    }

    /// Every reason, for one sentence.
    pub fn why(&self) -> Msg {
        let reasons: Vec<Msg> = self.reasons.iter().map(Reason::msg).collect();
        Msg::join(&reasons, "; ")
    }
}

/// Judges `text` (a cleaned log, see [`log::clean`]) and `exit` by `rules`.
pub fn judge(text: &str, exit: Option<i32>, rules: &Rules) -> Verdict {
    let (earlier, last) = final_output(text);
    let hit = |line: &str, rule: &Rule| Hit {
        line: line.to_string(),
        rule: rule.as_str().to_string(),
    };
    let failures: Vec<Hit> = last
        .iter()
        .filter_map(|line| rules.failure_in(line).map(|r| hit(line, r)))
        .collect();
    let success = last.iter().rev().find_map(|line| {
        rules
            .success_in(line)
            .filter(|_| rules.failure_in(line).is_none())
            .map(|r| hit(line, r))
    });
    let earlier_failures = earlier
        .iter()
        .filter_map(|line| rules.failure_in(line).map(|r| hit(line, r)))
        .take(EARLIER_KEPT)
        .collect();
    let mut reasons = Vec::new();
    match exit {
        Some(0) => {}
        Some(code) => reasons.push(Reason::Exit(code)),
        None => reasons.push(Reason::UnknownExit),
    }
    if let Some(first) = failures.first() {
        reasons.push(Reason::Says {
            line: first.line.clone(),
            more: failures.len() - 1,
        });
    }
    if success.is_none() {
        reasons.push(Reason::NoSuccess);
    }
    Verdict {
        exit,
        success,
        failures,
        earlier_failures,
        reasons,
    }
}

/// The lines before the final output, and the final output (see the module's doc),
/// non-empty lines only, trailing blanks trimmed.
pub fn final_output(text: &str) -> (Vec<&str>, Vec<&str>) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut start = lines.len().saturating_sub(FINAL_LINES);
    let mut bytes: usize = lines[start..].iter().map(|l| l.len() + 1).sum();
    while bytes > FINAL_BYTES && start + 1 < lines.len() {
        bytes -= lines[start].len() + 1;
        start += 1;
    }
    let (earlier, last) = lines.split_at(start);
    (earlier.to_vec(), last.to_vec())
}

/// A line as quoted to the technician: trimmed, and cut when very long.
pub fn quoted(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(QUOTED) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}
