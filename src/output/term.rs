//! Facts about the terminal that decide how tvdr talks: colour, width, characters,
//! prompts, progress.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// Colour only on a terminal that shows it: never when `NO_COLOR` is set (no-color.org)
/// nor on `TERM=dumb` (a serial console, an editor's shell).
pub fn color_stdout() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    !set("NO_COLOR") && can_redraw() && std::io::stdout().is_terminal()
}

/// Whether the terminal can move its cursor and clear (not `TERM=dumb`).
pub fn can_redraw() -> bool {
    std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// The width tables wrap to on a terminal. A terminal that does not say its size (a
/// serial line, a pseudo-terminal nobody sized: 0 columns) gets `$COLUMNS` or 100
/// columns, not one character per column.
pub fn stdout_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let told = rustix::termios::tcgetwinsize(std::io::stdout())
        .ok()
        .map(|size| size.ws_col);
    Some(width(told, std::env::var("COLUMNS").ok().as_deref()))
}

/// What a terminal that says `told` columns (`COLUMNS` = `columns`) is taken to have.
fn width(told: Option<u16>, columns: Option<&str>) -> u16 {
    /// Narrower than this, a table cannot show a word per cell: the size is not real.
    const NARROWEST: u16 = 20;
    let columns = columns.and_then(|c| c.trim().parse::<u16>().ok());
    [told, columns]
        .into_iter()
        .flatten()
        .find(|&c| c >= NARROWEST)
        .unwrap_or(100)
}

/// Whether the terminal shows UTF-8: decided once per process by [`detect`] (UTF-8 until
/// then, so that what tvdr renders as a library, and in its unit tests, does not depend on
/// the environment it runs in).
pub fn utf8() -> bool {
    UTF8.load(Ordering::Relaxed)
}

static UTF8: AtomicBool = AtomicBool::new(true);

/// Reads the locale once, at start: only one that says the terminal shows no UTF-8
/// (`LANG=C`, `en_US.ISO-8859-1`: an old console) counts; none set is taken as UTF-8, what
/// every terminal emulator of today shows.
pub fn detect() {
    UTF8.store(
        utf8_from(|name| std::env::var(name).ok()),
        Ordering::Relaxed,
    );
}

fn utf8_from(var: impl Fn(&str) -> Option<String>) -> bool {
    // The first of these that is set decides, as for the C library.
    let Some(locale) = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
    else {
        return true;
    };
    let locale = locale.to_ascii_lowercase();
    locale.contains("utf-8") || locale.contains("utf8")
}

/// `text` in characters the terminal shows: as it is on UTF-8, its marks and rules in
/// ASCII where the locale says otherwise (an old console shows `✓` as mojibake).
pub fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    if utf8() {
        text.into()
    } else {
        ascii(text).into()
    }
}

fn ascii(text: &str) -> String {
    const ASCII: [(char, &str); 8] = [
        ('✓', "+"),
        ('✗', "x"),
        ('▸', ">"),
        ('│', "|"),
        ('•', "*"),
        ('…', "..."),
        ('—', "-"),
        ('·', "-"),
    ];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match ASCII.iter().find(|(glyph, _)| *glyph == c) {
            Some((_, ascii)) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// Can tvdr ask a question? Only when a person is at a terminal on both ends.
pub fn can_prompt() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_that_does_not_say_its_size_is_not_one_column_wide() {
        assert_eq!(width(Some(132), None), 132);
        assert_eq!(width(Some(0), None), 100);
        assert_eq!(width(Some(0), Some("80")), 80);
        assert_eq!(width(None, Some(" 120 ")), 120);
        assert_eq!(width(Some(3), Some("x")), 100);
    }

    #[test]
    fn marks_and_rules_in_ascii_for_an_old_console() {
        assert_eq!(
            ascii("▸ Stage — note\n  │ text…\n  ✓ done · ✗ failed"),
            "> Stage - note\n  | text...\n  + done - x failed"
        );
        assert_eq!(ascii("città: perché"), "città: perché");
    }

    #[test]
    fn only_a_locale_that_says_otherwise_is_not_utf8() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(utf8_from(env(&[])));
        assert!(utf8_from(env(&[("LANG", "it_IT.UTF-8")])));
        assert!(utf8_from(env(&[("LANG", "en_US.utf8")])));
        assert!(!utf8_from(env(&[("LANG", "C")])));
        assert!(!utf8_from(env(&[("LANG", "it_IT.ISO-8859-15")])));
        assert!(!utf8_from(env(&[
            ("LC_ALL", "POSIX"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(utf8_from(env(&[("LC_CTYPE", "C.UTF-8"), ("LANG", "C")])));
    }
}
