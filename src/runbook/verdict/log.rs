//! The log of a `screen` step as tvdr's wrapper writes it, read back as what a person
//! watching the terminal saw: the text to judge and the exit status of its marker line.

use std::sync::OnceLock;

use regex::Regex;

/// The wrapper's last line, `tvdr-exit:<status>` (written by `screen/handover.rs`'s `INNER`).
pub const EXIT_MARKER: &str = "tvdr-exit:";

/// The wrapper's only line when the command never reached its session (`INNER` again):
/// nothing ran, so it may start again.
pub const NO_COMMAND_MARKER: &str = "tvdr-no-command";

/// The log as text to judge and show: terminal escape sequences removed, a line redrawn
/// with `\r` (a progress bar) or backspaces (a spinner) reduced to what it showed last,
/// CRLF ends and other control characters dropped, the wrapper's markers left out. Bytes that
/// are not UTF-8 (an updater writing Latin-1 Italian) become `�` and do not stop judging.
pub fn clean(log: &[u8]) -> String {
    static ESCAPES: OnceLock<Regex> = OnceLock::new();
    let escapes = ESCAPES.get_or_init(|| {
        Regex::new(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
            .expect("constant regex")
    });
    let text = String::from_utf8_lossy(log);
    let text = escapes.replace_all(&text, "");
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        // A line redrawn with `\r` shows what it said last.
        let shown = line.trim_end_matches(['\n', '\r']);
        let shown = shown.rsplit('\r').find(|s| !s.is_empty()).unwrap_or("");
        let shown = visible(shown);
        if shown.starts_with(EXIT_MARKER) || shown == NO_COMMAND_MARKER {
            continue;
        }
        out.push_str(&shown);
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// A line as the terminal shows it: a backspace erases the character before it, other
/// control characters (bell, NUL) show nothing; tabs stay.
fn visible(line: &str) -> String {
    let mut shown = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\u{8}' => {
                shown.pop();
            }
            '\t' => shown.push(c),
            c if c.is_control() => {}
            c => shown.push(c),
        }
    }
    shown
}

/// The exit status the marker line gives, if the command got to write it (a command
/// killed with its session, or a node that rebooted, leaves none).
pub fn exit_status(log: &[u8]) -> Option<i32> {
    String::from_utf8_lossy(log)
        .lines()
        .rev()
        .find_map(|l| l.trim_end_matches('\r').strip_prefix(EXIT_MARKER))
        .and_then(|code| code.trim().parse().ok())
}

/// Whether the session ended without ever getting its command: its whole log is
/// [`NO_COMMAND_MARKER`]. Only the whole log: a command that printed the marker itself
/// and was then killed did run, and must not start again.
pub fn never_started(log: &[u8]) -> bool {
    String::from_utf8_lossy(log).trim() == NO_COMMAND_MARKER
}
