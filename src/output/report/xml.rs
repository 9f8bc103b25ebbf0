//! XML escaping for the JUnit output.
//!
//! Written here rather than taken from a crate: it is five replacements and one character
//! filter, and no XML crate is otherwise needed. The tests parse the output with a strict
//! XML 1.0 parser and check that every string comes back unchanged.

/// Escapes character data (element content).
pub(super) fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value written between double quotes.
pub(super) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            // Needed only to break a literal `]]>`; escaping every `>` is simpler and valid.
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            // Parsers normalize whitespace in attribute values (newline becomes a space) and
            // `\r\n` everywhere; a character reference survives both.
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            // XML 1.0 forbids these even as references (`&#1;` is an error): a parser would
            // reject the whole report over one control byte from a remote command.
            _ => out.push(char::REPLACEMENT_CHARACTER),
        }
    }
    out
}

/// XML 1.0 `Char`: tab, newline, carriage return, and everything from U+0020 up except
/// U+FFFE and U+FFFF (surrogates cannot occur in a Rust `str`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{fffd}' | '\u{10000}'..)
}
