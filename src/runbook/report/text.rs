//! Text for the report: escaping user text for Markdown, masking secrets, times and
//! durations in one stable format.

use std::time::Duration;

use crate::time::Timestamp;

pub use crate::runbook::secret::{is_secret_name, MASK};

/// Removes secret values from any text (a command or an output tail may repeat a masked
/// answer) and control characters (terminal escapes from command output).
#[derive(Debug, Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

impl Redactor {
    /// Values shorter than 4 characters are masked as answers but not hunted for in other
    /// text: replacing every `yes` of a report because `key_copied` was `yes` would ruin it
    /// and protect nothing.
    pub fn add(&mut self, value: &str) {
        if value.chars().count() >= 4 && !self.secrets.iter().any(|s| s == value) {
            self.secrets.push(value.to_string());
            // Longest first, so a secret containing another is replaced whole.
            self.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    pub fn clean(&self, text: &str) -> String {
        let mut text = text.replace("\r\n", "\n");
        for secret in &self.secrets {
            text = text.replace(secret.as_str(), MASK);
        }
        text.chars()
            .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
            .collect()
    }

    /// User text for inline Markdown or a table cell: cleaned, escaped, one line.
    pub fn md(&self, text: &str) -> String {
        escape(&self.clean(text))
    }

    /// An identifier in a code span when it is plain, else escaped text (a backtick in a
    /// code span cannot be escaped).
    pub fn code(&self, text: &str) -> String {
        let text = self.clean(text);
        if !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:/@+=,".contains(c))
        {
            format!("`{text}`")
        } else {
            escape(&text)
        }
    }

    /// A fenced block holding `text` verbatim: the fence is longer than any run of
    /// backticks inside, so nothing can close it early.
    pub fn block(&self, text: &str) -> String {
        let text = self.clean(text);
        let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        format!("{fence}text\n{}\n{fence}\n", text.trim_end_matches('\n'))
    }
}

/// Escapes every character Markdown could read as markup inside a line, including the
/// table pipe and HTML's `<`; newlines become `<br>` so one value stays in one cell.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim_end_matches('\n').chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Shortens to `max` characters, saying so with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// UTC, RFC 3339, to the second: stable and sortable.
pub fn time(at: Timestamp) -> String {
    crate::time::rfc3339::format_seconds(at.0)
}

/// `4m 12s`, `2h 5s`, `0s`; under a second is `<1s` (a step that ran, however briefly).
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64().round() as u64;
    if secs == 0 {
        return if d.is_zero() {
            "0s".into()
        } else {
            "<1s".into()
        };
    }
    let parts = [
        (secs / 86_400, "d"),
        (secs % 86_400 / 3600, "h"),
        (secs % 3600 / 60, "m"),
        (secs % 60, "s"),
    ];
    parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn seconds(secs: f64) -> String {
    duration(Duration::from_secs_f64(secs.max(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_person_wrote_them() {
        assert_eq!(duration(Duration::from_secs(252)), "4m 12s");
        assert_eq!(duration(Duration::from_secs(7205)), "2h 5s");
        assert_eq!(duration(Duration::ZERO), "0s");
        assert_eq!(duration(Duration::from_millis(300)), "<1s");
        assert_eq!(duration(Duration::from_secs(90_061)), "1d 1h 1m 1s");
    }

    #[test]
    fn hostile_text_stays_text_on_one_line() {
        assert_eq!(
            escape("a|b `c` <script>\nx"),
            "a\\|b \\`c\\` \\<script\\><br>x"
        );
    }

    #[test]
    fn a_fence_outlasts_the_backticks_inside() {
        let r = Redactor::default();
        assert_eq!(r.block("a ```` b"), "`````text\na ```` b\n`````\n");
    }

    #[test]
    fn secrets_are_removed_everywhere_and_short_ones_only_as_answers() {
        let mut r = Redactor::default();
        r.add("s3cret-pw");
        r.add("yes");
        assert_eq!(
            r.clean("pw=s3cret-pw yes\x1b[0m"),
            format!("pw={MASK} yes [0m")
        );
        assert!(is_secret_name("Admin_PASSWORD") && is_secret_name("api_token"));
        assert!(!is_secret_name("release"));
    }
}
