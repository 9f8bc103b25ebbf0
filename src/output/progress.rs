//! Spinners and bars with the same look everywhere, in characters the terminal shows:
//! braille dots and blocks where the locale says UTF-8, `|/-\` and `#` where it does not
//! (an old console, `LANG=C`), instead of mojibake on every tick.

use indicatif::ProgressStyle;

use super::term;

/// A spinner or bar drawn from indicatif's `template`.
pub fn style(template: &str) -> ProgressStyle {
    if term::utf8() {
        return from(template);
    }
    // The last tick is shown once finished.
    from(&ascii(template))
        .tick_chars("|/-\\ ")
        .progress_chars("#>-")
}

fn from(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner())
}

/// The template's own punctuation in ASCII.
fn ascii(template: &str) -> String {
    template.replace('…', "...").replace('·', "-")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_punctuation_for_an_old_console() {
        assert_eq!(
            super::ascii("{spinner} checking {msg}… · {elapsed}"),
            "{spinner} checking {msg}... - {elapsed}"
        );
    }
}
