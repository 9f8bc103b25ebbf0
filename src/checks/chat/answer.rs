//! What one node's mongo shell said: a replica-set status, or why there is none.
//!
//! A refusal comes in two ways: as a document (`ok: 0` with `code` and `errmsg`, which is
//! how the legacy shell returns it) or as an error line instead of a document (mongosh
//! throws `MongoServerError[NotYetInitialized]: …`; both shells print connection and login
//! failures). Both are classified by the same rules, so the verdict does not depend on the
//! shell.

use super::literal;
use super::status::ReplStatus;
use crate::i18n::Msg;
use crate::msg;

/// One node's answer to `rs.status()`.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A replica-set status (`ok: 1`).
    Status(ReplStatus),
    /// `no replset config has been received` (code 94 NotYetInitialized).
    NotInitiated(String),
    /// `not running with --replSet` (code 76 NoReplicationEnabled): mongod runs standalone.
    Standalone(String),
    /// The shell could not reach mongod (refused, timed out).
    Unreachable(String),
    /// Login failed or the user may not run `replSetGetStatus`.
    Denied(String),
    /// Neither `mongosh` nor `mongo` on the node.
    NoShell(String),
    /// Any other error the server or the shell reported.
    Failed(String),
    /// The shell printed nothing.
    Empty,
    /// Output that is neither a document nor a known error (truncated, garbled).
    Unreadable(Msg),
}

/// Classifies the raw output (stdout and stderr together) of a shell running `rs.status()`.
pub fn parse(raw: &str) -> Answer {
    let text = raw.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Answer::Empty;
    }
    if let Some(start) = document_start(&text) {
        return match literal::parse(&text[start..]) {
            Ok(value) => match ReplStatus::from_value(&value) {
                Some(status) => from_status(status),
                None => Answer::Unreadable(msg!("chat-not-a-document")),
            },
            Err(e) if e.truncated => Answer::Unreadable(msg!("chat-cut-short", error = e.msg())),
            Err(e) => Answer::Unreadable(msg!("chat-unreadable", error = e.msg())),
        };
    }
    let line = error_line(&text);
    classify(&line, None)
        .unwrap_or_else(|| Answer::Unreadable(msg!("db-unexpected-output", first = line.as_str())))
}

fn from_status(status: ReplStatus) -> Answer {
    if status.ok && !status.members.is_empty() {
        return Answer::Status(status);
    }
    let message = match (&status.errmsg, status.code, &status.code_name) {
        (Some(msg), Some(code), Some(name)) => format!("{msg} (code {code} {name})"),
        (Some(msg), Some(code), None) => format!("{msg} (code {code})"),
        (Some(msg), None, _) => msg.clone(),
        (None, _, _) if status.ok => "`rs.status()` lists no members".to_string(),
        (None, _, _) => "`rs.status()` failed without a message".to_string(),
    };
    classify(&message, status.code).unwrap_or(Answer::Failed(message))
}

/// Where the document starts: the first line that opens with `{`. Lines before it are the
/// shell's chatter (version banners, warnings).
fn document_start(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('{') {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

/// The line that says what went wrong: the first one naming an error, without the legacy
/// shell's log prefix (`2026-03-02T10:25:01.123+0100 E QUERY    [js] `).
fn error_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let line = lines
        .iter()
        .find(|l| l.contains("Error") || l.contains("error") || l.contains("exception"))
        .or(lines.first())
        .copied()
        .unwrap_or_default();
    match line.find("] ") {
        Some(i) if line.starts_with(|c: char| c.is_ascii_digit()) => line[i + 2..].to_string(),
        _ => line.to_string(),
    }
}

/// The answer a known error message (or server error code) stands for.
fn classify(message: &str, code: Option<i64>) -> Option<Answer> {
    let has = |needles: &[&str]| needles.iter().any(|n| message.contains(n));
    let owned = message.to_string();
    Some(
        if code == Some(94) || has(&["no replset config", "NotYetInitialized"]) {
            Answer::NotInitiated(owned)
        } else if code == Some(76) || has(&["not running with --replSet", "NoReplicationEnabled"]) {
            Answer::Standalone(owned)
        } else if matches!(code, Some(13 | 18))
            || has(&[
                "Authentication failed",
                "requires authentication",
                "not authorized",
                "Unauthorized",
            ])
        {
            Answer::Denied(owned)
        } else if has(&["reports maximum wire version"]) {
            // The server answered, but this mongosh is too new to talk to it: no statement
            // about the replica set, and not "unreachable".
            Answer::Failed(owned)
        } else if has(&[
            "ECONNREFUSED",
            "ETIMEDOUT",
            "EHOSTUNREACH",
            "couldn't connect to server",
            "Connection refused",
            "connect failed",
            "MongoNetworkError",
            "MongoServerSelectionError",
        ]) {
            Answer::Unreachable(owned)
        } else if has(&[
            "command not found",
            ": not found",
            "No such file or directory",
            // bash and glibc in an Italian locale.
            "comando non trovato",
            "File o directory non esistente",
        ]) {
            Answer::NoShell(owned)
        } else if code.is_some() || has(&["MongoServerError", "Error:", "exception"]) {
            Answer::Failed(owned)
        } else {
            return None;
        },
    )
}

#[cfg(test)]
#[path = "answer_tests.rs"]
mod tests;
