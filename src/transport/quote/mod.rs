//! POSIX shell quoting: turns any byte string into one shell word that every POSIX `sh`
//! (dash, bash, busybox ash) reads back as exactly those bytes.
//!
//! Remote commands travel as one UTF-8 string (the SSH `exec` request), so bytes that are
//! not UTF-8 cannot appear literally: they are produced at run time by `printf` octal
//! escapes inside a command substitution, which is POSIX and byte-exact (a command
//! substitution only strips trailing newlines, and a newline is valid UTF-8, so it never
//! ends up inside one).

mod cmd;
mod root;

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

pub use cmd::Cmd;
pub use root::{is_root_program, ROOT_PROGRAMS};

/// A value that can become one shell word: strings, paths, OS strings and raw bytes.
pub trait Quotable {
    fn shell_bytes(&self) -> &[u8];
}

impl<T: Quotable + ?Sized> Quotable for &T {
    fn shell_bytes(&self) -> &[u8] {
        (**self).shell_bytes()
    }
}

macro_rules! quotable {
    ($($ty:ty: |$v:ident| $bytes:expr),* $(,)?) => {
        $(impl Quotable for $ty {
            fn shell_bytes(&self) -> &[u8] {
                let $v = self;
                $bytes
            }
        })*
    };
}

quotable! {
    str: |s| s.as_bytes(),
    String: |s| s.as_bytes(),
    [u8]: |b| b,
    Vec<u8>: |b| b.as_slice(),
    OsStr: |s| s.as_bytes(),
    OsString: |s| s.as_bytes(),
    Path: |p| p.as_os_str().as_bytes(),
    PathBuf: |p| p.as_os_str().as_bytes(),
}

impl<const N: usize> Quotable for [u8; N] {
    fn shell_bytes(&self) -> &[u8] {
        self
    }
}

/// Quotes `value` as one shell word.
///
/// Words made only of characters no shell treats specially are left bare, so rendered
/// commands stay readable (`pg_dump --clean davical_dba`); everything else is put in
/// single quotes (`'it'\''s'`). Bytes that are not UTF-8 become `"$(printf '\377')"`
/// pieces of the same word. A NUL byte cannot be part of any argument (argv strings are
/// NUL-terminated): shells drop it.
pub fn quote(value: impl Quotable) -> String {
    let bytes = value.shell_bytes();
    if bytes.is_empty() {
        return "''".to_owned();
    }
    if bytes.iter().all(|&b| is_bare(b)) {
        // All ASCII, so this cannot fail.
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let mut word = String::with_capacity(bytes.len() + 2);
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_empty() {
            single_quoted(&mut word, chunk.valid());
        }
        if !chunk.invalid().is_empty() {
            word.push_str("\"$(printf '");
            for b in chunk.invalid() {
                let _ = write!(word, "\\{b:03o}");
            }
            word.push_str("')\"");
        }
    }
    word
}

/// Characters that never need quoting. `=` is left out so a quoted program name can never
/// be read as a variable assignment, `~` because it expands at the start of a word.
fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_@%+:,./-".contains(&b)
}

/// Appends `text` in single quotes; a single quote is written as `'\''` (close, escaped
/// quote, reopen), the only character single quotes cannot hold.
fn single_quoted(word: &mut String, text: &str) {
    word.push('\'');
    for (i, part) in text.split('\'').enumerate() {
        if i > 0 {
            word.push_str("'\\''");
        }
        word.push_str(part);
    }
    word.push('\'');
}

/// Whether `name` can be a shell variable name (`[A-Za-z_][A-Za-z0-9_]*`): names are
/// pasted unquoted into `export NAME=…`, so anything else is refused.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests;
