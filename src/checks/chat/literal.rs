//! A tolerant reader of the JavaScript object literals the mongo shells print, into JSON.
//!
//! Technicians paste what `rs.status()` shows, which is not JSON: the legacy shell writes
//! `ISODate("…")`, `Timestamp(1591264735, 1)`, `NumberLong(8)`, `BinData(0,"…")`; mongosh
//! writes unquoted keys, single-quoted strings, `Long('8')`, `Timestamp({ t: 1, i: 2 })` and
//! trailing commas. Plain JSON and Extended JSON are a subset, so one reader serves every
//! form. Shell constructors become their Extended JSON shape (`{"$date": …}`,
//! `{"$timestamp": {"t", "i"}}`; numbers become numbers) so [`super::ejson`] reads all
//! forms the same way.
//!
//! It never panics: every malformed or truncated input is an [`Error`] with a position.

use std::fmt;

use serde_json::{Map, Value};

use super::constructor;
use crate::i18n::Msg;
use crate::msg;

/// Deeper nesting than any `rs.status()` needs; stops runaway recursion on garbage.
const MAX_DEPTH: usize = 64;

/// Why the text is not a literal, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: Msg,
    pub line: usize,
    pub column: usize,
    /// The input ended in the middle of a value: the output was cut short.
    pub truncated: bool,
}

impl Error {
    /// What is wrong and where, in every language.
    pub fn msg(&self) -> Msg {
        msg!(
            "literal-error-at",
            message = &self.message,
            line = self.line,
            column = self.column
        )
    }
}

/// English, as the fuzz tests and logs read it.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg().en())
    }
}

/// Reads the first value in `text`; whatever follows it is ignored (shells may print
/// more after the document).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut reader = Reader { text, pos: 0 };
    reader.value(0)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn error(&self, message: Msg) -> Error {
        let before = &self.text.as_bytes()[..self.pos.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error {
            message,
            line,
            column: self.text[line_start..self.pos.min(self.text.len())]
                .chars()
                .count()
                + 1,
            truncated: self.pos >= self.text.len(),
        }
    }

    fn unexpected(&self) -> Error {
        match self.text[self.pos..].chars().next() {
            Some(c) => self.error(msg!("literal-unexpected", found = c.to_string())),
            None => self.error(msg!("literal-ends-in-value")),
        }
    }

    /// Skips blanks (CRLF included) and `//` or `/* */` comments.
    fn skip_blank(&mut self) {
        loop {
            let rest = &self.text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if let Some(body) = trimmed.strip_prefix("/*") {
                self.pos += body.find("*/").map_or(trimmed.len(), |end| end + 4);
            } else {
                return;
            }
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Error> {
        self.skip_blank();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error(msg!("literal-too-deep")));
        }
        self.skip_blank();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.sequence(b'[', b']', depth).map(Value::Array),
            Some(b'"' | b'\'') => self.string().map(Value::String),
            Some(b'-' | b'+' | b'.' | b'0'..=b'9') => self.number(),
            Some(b) if is_ident_start(b) => self.word(depth),
            _ => Err(self.unexpected()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        self.pos += 1;
        let mut map = Map::new();
        loop {
            self.skip_blank();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                Some(b'"' | b'\'') => {
                    let key = self.string()?;
                    self.expect(b':')?;
                    map.insert(key, self.value(depth + 1)?);
                }
                Some(b) if is_ident_start(b) || b.is_ascii_digit() => {
                    let key = self.ident().to_string();
                    self.expect(b':')?;
                    map.insert(key, self.value(depth + 1)?);
                }
                _ => return Err(self.unexpected()),
            }
            self.skip_blank();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {}
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// `[a, b,]` or `(a, b)`: values separated by commas, a trailing comma allowed.
    fn sequence(&mut self, open: u8, close: u8, depth: usize) -> Result<Vec<Value>, Error> {
        self.expect(open)?;
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(items);
            }
            items.push(self.value(depth + 1)?);
            self.skip_blank();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b) if b == close => {}
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        let quote = self.text.as_bytes()[self.pos];
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let Some(stop) = rest.find([quote as char, '\\']) else {
                self.pos = self.text.len();
                return Err(self.error(msg!("literal-ends-in-string")));
            };
            out.push_str(&rest[..stop]);
            self.pos += stop + 1;
            if rest.as_bytes()[stop] == quote {
                return Ok(out);
            }
            let Some(escaped) = self.text[self.pos..].chars().next() else {
                return Err(self.error(msg!("literal-ends-in-string")));
            };
            self.pos += escaped.len_utf8();
            match escaped {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                '0' => out.push('\0'),
                'u' => out.push(self.hex_char(4)?),
                'x' => out.push(self.hex_char(2)?),
                // `\/`, `\"`, `\'`, `\\` and any other escaped character stand for themselves.
                other => out.push(other),
            }
        }
    }

    /// The character of a `\uXXXX` or `\xHH` escape; lone surrogates become U+FFFD.
    fn hex_char(&mut self, digits: usize) -> Result<char, Error> {
        if self.pos + digits > self.text.len() {
            self.pos = self.text.len();
            return Err(self.error(msg!("literal-ends-in-string")));
        }
        let hex = self.text.get(self.pos..self.pos + digits).unwrap_or("");
        let code =
            u32::from_str_radix(hex, 16).map_err(|_| self.error(msg!("literal-bad-escape")))?;
        self.pos += digits;
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)))
            .unwrap_or(rest.len());
        self.pos += len;
        let token = &rest[..len];
        if self.pos >= self.text.len() && constructor::number(token).is_none() {
            return Err(self.error(msg!("literal-ends-in-number")));
        }
        constructor::number(token).ok_or_else(|| {
            Reader {
                text: self.text,
                pos: start,
            }
            .error(msg!("literal-bad-number", token = token))
        })
    }

    fn ident(&mut self) -> &str {
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    /// A keyword (`true`, `null`…), a bare word (`[Object]`), or a constructor call such
    /// as `ISODate("…")`, `new Date(…)`, `Binary.createFromBase64('…', 0)`.
    fn word(&mut self, depth: usize) -> Result<Value, Error> {
        let mut name = self.ident().to_string();
        if name == "new" {
            self.skip_blank();
            if !self.peek().is_some_and(is_ident_start) {
                return Err(self.unexpected());
            }
            name = self.ident().to_string();
        }
        while self.peek() == Some(b'.')
            && self.text[self.pos + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            self.pos += 1;
            name = format!("{name}.{}", self.ident());
        }
        self.skip_blank();
        if self.peek() == Some(b'(') {
            let args = self.sequence(b'(', b')', depth)?;
            return Ok(constructor::call(&name, args));
        }
        Ok(match name.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            // JSON has no NaN or infinities: they carry nothing a verdict needs.
            "null" | "undefined" | "NaN" | "Infinity" => Value::Null,
            _ => Value::String(name),
        })
    }
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$'
}

#[cfg(test)]
#[path = "literal_tests.rs"]
mod tests;
