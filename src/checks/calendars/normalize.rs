//! Classifies a line that starts a statement in a pg_dump script, and rewrites it to a form
//! that does not depend on the pg_dump version or on dump options.
//!
//! What is dropped differs between dumps of identical databases: comments (version lines,
//! `-- Name: …; Tablespace:` headers that changed over the years), blank lines, `SET` and
//! `set_config` session settings (new ones appear with new versions: `transaction_timeout`
//! in 17), and the `\restrict`/`\unrestrict` lines whose key is random in every dump since
//! 15.14/16.10/17.6. `DROP … IF EXISTS` (`--if-exists`) is folded into plain `DROP …`.

use std::borrow::Cow;

/// What a statement-starting line is.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// Dropped from the hash (blank, comment, session setting).
    Ignored,
    /// `\restrict KEY` / `\unrestrict KEY`: dropped too, but noted.
    Restrict,
    DumpedFrom(String),
    DumpedBy(String),
    /// `-- PostgreSQL database dump complete`.
    Trailer,
    /// `SET search_path = x, pg_catalog;` (pre-10.3 dumps name objects relative to it).
    SearchPath(String),
    /// `COPY name (cols) FROM stdin;`: data lines follow until `\.`.
    Copy {
        table: Name,
        columns: &'a [u8],
    },
    /// `INSERT INTO name … VALUES (…)`; `tuple` is `(…)…`, or empty when the tuples
    /// follow on their own lines (`--rows-per-insert`).
    Insert {
        table: Name,
        tuple: &'a [u8],
    },
    /// `SELECT pg_catalog.setval('name', value, called);`
    Setval {
        sequence: Name,
        value: String,
    },
    /// Anything else: schema, kept (normalized) in the hash.
    Statement(Cow<'a, [u8]>),
}

/// An object name as printed (`public.caldav_data`, `public."Odd name"`), and whether it
/// carried its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Name {
    pub text: String,
    pub qualified: bool,
}

impl Name {
    /// The name with the schema of `search_path` put in front when it had none.
    pub(super) fn qualify(self, schema: Option<&str>) -> String {
        match schema {
            Some(s) if !self.qualified => format!("{s}.{}", self.text),
            _ => self.text,
        }
    }
}

pub(super) fn classify(line: &[u8]) -> Line<'_> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Line::Ignored;
    }
    if let Some(comment) = line.strip_prefix(b"--") {
        return classify_comment(comment);
    }
    if line.starts_with(b"\\restrict ") || line.starts_with(b"\\unrestrict ") {
        return Line::Restrict;
    }
    if let Some(rest) = line.strip_prefix(b"SET search_path = ") {
        let first = rest
            .split(|&b| b == b',' || b == b';')
            .next()
            .unwrap_or_default();
        return Line::SearchPath(text(first.trim_ascii()));
    }
    if line.starts_with(b"SET ") || line.starts_with(b"SELECT pg_catalog.set_config(") {
        return Line::Ignored;
    }
    if let Some(l) = copy(line).or_else(|| insert(line)).or_else(|| setval(line)) {
        return l;
    }
    if line.starts_with(b"DROP ") || line.starts_with(b"ALTER ") {
        return Line::Statement(strip_if_exists(line));
    }
    Line::Statement(Cow::Borrowed(line))
}

fn classify_comment(comment: &[u8]) -> Line<'static> {
    let c = comment.trim_ascii();
    if let Some(v) = c.strip_prefix(b"Dumped from database version ") {
        Line::DumpedFrom(text(v))
    } else if let Some(v) = c.strip_prefix(b"Dumped by pg_dump version ") {
        Line::DumpedBy(text(v))
    } else if c == b"PostgreSQL database dump complete" {
        Line::Trailer
    } else {
        Line::Ignored
    }
}

fn copy(line: &[u8]) -> Option<Line<'_>> {
    let rest = line.strip_prefix(b"COPY ")?;
    let body = rest.strip_suffix(b" FROM stdin;")?;
    let (table, columns) = name(body)?;
    Some(Line::Copy {
        table,
        columns: columns.trim_ascii(),
    })
}

fn insert(line: &[u8]) -> Option<Line<'_>> {
    let (table, rest) = name(line.strip_prefix(b"INSERT INTO ")?)?;
    // `--column-inserts` puts the column list first; the tuple is what follows VALUES.
    let at = find(rest, b"VALUES")?;
    let tuple = rest[at + b"VALUES".len()..].trim_ascii_start();
    Some(Line::Insert { table, tuple })
}

fn setval(line: &[u8]) -> Option<Line<'_>> {
    let args = line
        .strip_prefix(b"SELECT pg_catalog.setval('")?
        .strip_suffix(b");")?;
    // The name is a literal: `'` inside it is doubled; the value follows the closing quote.
    let mut i = 0;
    while i < args.len() {
        match (args[i], args.get(i + 1)) {
            (b'\'', Some(b'\'')) => i += 2,
            (b'\'', _) => break,
            _ => i += 1,
        }
    }
    let literal = text(&args[..i]).replace("''", "'");
    let value = text(args.get(i + 1..)?.strip_prefix(b",")?.trim_ascii());
    let (sequence, rest) = name(literal.as_bytes())?;
    rest.is_empty().then_some(Line::Setval { sequence, value })
}

/// Parses `part(.part)*` where a part is `"…"` (with `""` inside) or a bare word.
fn name(s: &[u8]) -> Option<(Name, &[u8])> {
    let mut i = 0;
    let mut parts = 0;
    loop {
        if s.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match (s.get(i)?, s.get(i + 1)) {
                    (b'"', Some(b'"')) => i += 2,
                    (b'"', _) => break,
                    _ => i += 1,
                }
            }
            i += 1;
        } else {
            let len = s[i..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || matches!(b, b'.' | b'(' | b'"'))
                .unwrap_or(s.len() - i);
            if len == 0 {
                return None;
            }
            i += len;
        }
        parts += 1;
        if s.get(i) != Some(&b'.') {
            break;
        }
        i += 1;
    }
    let name = Name {
        text: text(&s[..i]),
        qualified: parts > 1,
    };
    Some((name, &s[i..]))
}

/// `DROP TABLE IF EXISTS x` → `DROP TABLE x`, also in `ALTER TABLE IF EXISTS ONLY x DROP
/// CONSTRAINT IF EXISTS y`; words inside quoted identifiers are left alone.
fn strip_if_exists(line: &[u8]) -> Cow<'_, [u8]> {
    const WORDS: &[u8] = b" IF EXISTS";
    if find(line, WORDS).is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = Vec::with_capacity(line.len());
    let mut quoted = false;
    let mut i = 0;
    while i < line.len() {
        let at_words = !quoted
            && line[i..].starts_with(WORDS)
            && line
                .get(i + WORDS.len())
                .is_none_or(|&b| b == b' ' || b == b';');
        if at_words {
            i += WORDS.len();
            continue;
        }
        quoted ^= line[i] == b'"';
        out.push(line[i]);
        i += 1;
    }
    Cow::Owned(out)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
#[path = "normalize_tests.rs"]
mod tests;
