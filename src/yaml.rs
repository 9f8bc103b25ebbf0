//! Loading YAML files the user owns, with errors that name the file, line and column.
//!
//! serde-saphyr parses without panicking on hostile input (alias bombs are budgeted, to
//! tvdr's own tighter limits here) and gives every error a location; this module adds the file name, a snippet of the lines
//! around it and a "did you mean" for misspelt keys.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::i18n::{Lang, Msg};
use crate::msg;

/// A YAML file that did not parse or did not match its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub path: PathBuf,
    pub line: u64,
    pub column: u64,
    /// What is wrong: tvdr's words in every language, or the YAML library's (English).
    pub message: Msg,
    pub hint: Option<Msg>,
    snippet: String,
}

impl std::error::Error for YamlError {}

/// English, as every machine output and log carries it; a person reads [`YamlError::shown`].
impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl YamlError {
    /// An error at a known place of `text`, for checks made after parsing.
    pub fn at(path: &Path, text: &str, line: u64, column: u64, message: impl Into<Msg>) -> Self {
        let message = message.into();
        let hint = did_you_mean(&message);
        Self {
            path: path.to_path_buf(),
            line,
            column,
            snippet: snippet(text, line, column),
            message,
            hint,
        }
    }
}

impl YamlError {
    /// `file:line:column: message`, the lines around it and the hint, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message.in_lang(lang)
        );
        if !self.snippet.is_empty() {
            out.push('\n');
            out.push_str(&self.snippet);
        }
        if let Some(hint) = &self.hint {
            out.push('\n');
            out.push_str(&crate::t!(in lang, "checks-hint", hint = hint.in_lang(lang)));
        }
        out
    }

    /// As a person reads it: in the language chosen at start.
    pub fn shown(&self) -> String {
        self.render(crate::i18n::lang())
    }
}

/// The most scalar text a file may hold once its aliases are expanded. serde-saphyr's
/// default (64 MiB) let a 10 KiB runbook of aliases of aliases make 64 MiB of strings
/// (found by fuzzing); the largest shipped runbook holds 26 KiB.
pub const MAX_TEXT: usize = 2 << 20;

/// The most nodes (scalars, sequences, maps) a file may hold once expanded; the largest
/// shipped runbook has under a thousand.
pub const MAX_NODES: usize = 50_000;

/// Parses `text` (read from `path`) as a `T`.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, YamlError> {
    let options = serde_saphyr::options! {
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_total_scalar_bytes: MAX_TEXT,
            max_nodes: MAX_NODES,
        },
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|err| {
        let (line, column) = err
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        // The library's own words: English in every language.
        let message = Msg::text(bare_message(&err.to_string()));
        let over_budget = message.contains("budget breached");
        let mut error = YamlError::at(path, text, line, column, message);
        if over_budget {
            error.hint = Some(msg!("yaml-budget", mib = MAX_TEXT >> 20, nodes = MAX_NODES));
        }
        error
    })
}

/// serde-saphyr prefixes its messages with "line L column C: "; we print the location
/// ourselves, in the `file:line:col` form editors and terminals make clickable.
fn bare_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or_default();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let message = match first.find(": ") {
        Some(i) if first.starts_with("line ") => &first[i + 2..],
        _ => first,
    };
    // Errors raised by our own value types get the location appended as well.
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// Two lines before the error, the line itself and a caret under the column.
fn snippet(text: &str, line: u64, column: u64) -> String {
    let line = line.max(1) as usize;
    let lines: Vec<&str> = text.lines().collect();
    if line > lines.len() {
        return String::new();
    }
    let first = line.saturating_sub(2).max(1);
    let width = line.to_string().len();
    let mut out = String::new();
    for n in first..=line {
        out.push_str(&format!("{n:>width$} | {}\n", lines[n - 1]));
    }
    let pad = " ".repeat(column.saturating_sub(1) as usize);
    out.push_str(&format!("{:>width$} | {pad}^", ""));
    out
}

/// For "unknown field `usr`, expected one of user, port" suggest the closest known key.
fn did_you_mean(message: &str) -> Option<Msg> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (given, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected one of ")
        .map(|(_, list)| list)
        .or_else(|| rest.split_once("expected ").map(|(_, list)| list))?;
    expected
        .split(", ")
        .map(|candidate| candidate.trim_matches('`'))
        .map(|candidate| (strsim::jaro_winkler(given, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| msg!("yaml-did-you-mean", candidate = candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Ssh {
        user: Option<String>,
        port: Option<u16>,
    }

    #[test]
    fn unknown_key_names_file_line_column_and_suggests() {
        let err = parse::<Ssh>(Path::new("site.yaml"), "port: 22\nusr: root\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        let shown = err.to_string();
        assert!(
            shown.starts_with("site.yaml:2:1: unknown field `usr`"),
            "{shown}"
        );
        assert!(shown.contains("2 | usr: root\n  | ^"), "{shown}");
        assert!(shown.ends_with("hint: did you mean `user`?"), "{shown}");
    }

    #[test]
    fn syntax_error_is_located_and_does_not_panic() {
        let err = parse::<Ssh>(Path::new("x.yaml"), "user: [\n").unwrap_err();
        assert_eq!(err.path, Path::new("x.yaml"));
        assert!(err.line >= 1);
    }

    #[test]
    fn a_file_expanding_past_the_budget_is_refused_with_a_hint() {
        // Ten aliases of ten aliases of a 30 KiB string: 3 MiB once expanded.
        let text = format!(
            "a: &a \"{}\"\nb: &b [{}]\nc: [{}]\n",
            "x".repeat(30 << 10),
            ["*a"; 10].join(", "),
            ["*b"; 10].join(", ")
        );
        let err = parse::<serde_json::Value>(Path::new("bomb.yaml"), &text).unwrap_err();
        assert!(err.message.contains("budget breached"), "{err}");
        let hint = err.hint.as_deref().unwrap_or_default();
        assert!(hint.starts_with("the file expands past 2 MiB"), "{hint}");
    }

    #[test]
    fn no_suggestion_for_a_key_unlike_any() {
        assert_eq!(
            did_you_mean("unknown field `zzz`, expected one of user, port"),
            None
        );
    }
}
