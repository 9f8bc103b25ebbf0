//! Knows, line by line, whether pg_dump's SQL text is inside a string literal, a quoted
//! identifier or a dollar-quoted function body.
//!
//! Only a line that starts outside all of them can be a statement: DAViCal's PL/pgSQL
//! bodies contain `INSERT INTO …` and `SET …` lines, and with `--inserts` a calendar
//! object's text spans many lines inside one literal. Treating those as statements would
//! miscount rows or drop content from the hash.

/// Quoting state between lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) enum Lexer {
    #[default]
    Neutral,
    /// Inside `'…'`; `escapes` for `E'…'`, where a backslash escapes the next byte.
    Single { escapes: bool },
    /// Inside `"…"`.
    Double,
    /// Inside `$tag$…$tag$`; holds the whole delimiter.
    Dollar(Vec<u8>),
}

impl Lexer {
    pub(super) fn is_neutral(&self) -> bool {
        *self == Lexer::Neutral
    }

    /// Advances over one complete line (its newline implied).
    pub(super) fn scan_line(&mut self, line: &[u8]) {
        let mut i = 0;
        while i < line.len() {
            i = match self {
                Lexer::Neutral => self.neutral(line, i),
                Lexer::Single { escapes } => single(line, i, *escapes, self),
                Lexer::Double => match find(&line[i..], b"\"") {
                    Some(at) => {
                        *self = Lexer::Neutral;
                        i + at + 1
                    }
                    None => line.len(),
                },
                Lexer::Dollar(tag) => match find(&line[i..], tag) {
                    Some(at) => {
                        let next = i + at + tag.len();
                        *self = Lexer::Neutral;
                        next
                    }
                    None => line.len(),
                },
            };
        }
    }

    /// One step outside any quote; returns the next index to look at.
    fn neutral(&mut self, line: &[u8], i: usize) -> usize {
        let prev = i.checked_sub(1).map(|p| line[p]);
        match line[i] {
            // A comment runs to the end of the line (`-- Name: it's…` has a stray quote).
            b'-' if line.get(i + 1) == Some(&b'-') => line.len(),
            b'\'' => {
                let escapes = matches!(prev, Some(b'E' | b'e'))
                    && !i.checked_sub(2).is_some_and(|p| is_ident(line[p]));
                *self = Lexer::Single { escapes };
                i + 1
            }
            b'"' => {
                *self = Lexer::Double;
                i + 1
            }
            // `$tag$` opens a body unless the `$` ends an identifier (`a$b`) or is `$1`.
            b'$' if !prev.is_some_and(is_ident) => match dollar_tag(&line[i..]) {
                Some(len) => {
                    *self = Lexer::Dollar(line[i..i + len].to_vec());
                    i + len
                }
                None => i + 1,
            },
            _ => i + 1,
        }
    }
}

/// Inside `'…'` from `i`; doubled quotes stay inside.
fn single(line: &[u8], mut i: usize, escapes: bool, state: &mut Lexer) -> usize {
    while i < line.len() {
        match line[i] {
            b'\\' if escapes => i += 2,
            b'\'' if line.get(i + 1) == Some(&b'\'') => i += 2,
            b'\'' => {
                *state = Lexer::Neutral;
                return i + 1;
            }
            _ => i += 1,
        }
    }
    line.len()
}

/// Length of a `$tag$` delimiter at the start of `s` (`$$` included).
fn dollar_tag(s: &[u8]) -> Option<usize> {
    let body = &s[1..];
    let end = body.iter().position(|&b| !is_ident(b))?;
    let starts_ok = end == 0 || !body[0].is_ascii_digit();
    (body[end] == b'$' && starts_ok).then_some(end + 2)
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(lines: &[&str]) -> Lexer {
        let mut lx = Lexer::default();
        for l in lines {
            lx.scan_line(l.as_bytes());
        }
        lx
    }

    #[test]
    fn literals_spanning_lines_keep_the_state() {
        let lx = after(&["INSERT INTO public.caldav_data VALUES (1, 'BEGIN:VCALENDAR"]);
        assert_eq!(lx, Lexer::Single { escapes: false });
        assert!(after(&["INSERT INTO t VALUES (1, 'a", "b'', c', 2);"]).is_neutral());
    }

    #[test]
    fn comments_and_identifiers_hide_quotes() {
        assert!(after(&["-- Name: it's a comment"]).is_neutral());
        assert!(after(&["COPY public.\"it's\" (a) FROM stdin;"]).is_neutral());
        assert!(after(&["SELECT 1; -- don't"]).is_neutral());
    }

    #[test]
    fn dollar_bodies_end_only_at_their_own_tag() {
        let body = [
            "    AS $_$",
            "  SELECT $1 || 'x$$y';",
            "INSERT INTO t VALUES ('a');",
        ];
        assert_eq!(after(&body), Lexer::Dollar(b"$_$".to_vec()));
        assert!(after(&["AS $$", "BEGIN", "$$;"]).is_neutral());
        assert!(after(&["SELECT a$b, $1 FROM t;"]).is_neutral());
    }

    #[test]
    fn escape_strings_skip_backslashed_quotes() {
        assert!(after(&["SELECT E'it\\'s', 'c:\\';"]).is_neutral());
        assert_eq!(after(&["SELECT E'a\\'"]), Lexer::Single { escapes: true });
    }
}
