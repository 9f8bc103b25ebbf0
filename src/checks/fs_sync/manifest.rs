//! File manifests for `--exact`: one record per file, read one at a time from any
//! [`Read`] (an SSH channel), checked to be sorted.
//!
//! Produced on each node by (`DIR` quoted by the transport):
//!
//! ```sh
//! cd DIR && LC_ALL=C find . -xdev \( -type f -o -type l \) -printf '%s %T@ %P\0' \
//!   | LC_ALL=C sort -z -t ' ' -k 3
//! ```
//!
//! Record: `SIZE MTIME PATH` ended by NUL. `SIZE` in bytes, `MTIME` seconds since the epoch
//! with a fraction (`1715000000.1234567890`; only whole seconds are compared, since copies
//! keep mtimes to the second at best). `PATH` is relative to `DIR` and may hold any byte
//! but NUL, spaces and newlines included. `sort -k 3` with `LC_ALL=C` orders by the path's
//! bytes, the order [`compare_manifests`](super::compare_manifests) needs.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use crate::i18n::Msg;
use crate::msg;

/// One file of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestEntry {
    pub path: Vec<u8>,
    pub size: u64,
    /// Whole seconds since the epoch.
    pub mtime: i64,
}

/// A manifest that cannot be read: I/O error, malformed or unsorted record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// `master` or `slave`, once known.
    pub side: Option<&'static str>,
    /// 1-based record number.
    pub record: u64,
    pub message: Msg,
}

impl ManifestError {
    /// Where and what, in every language.
    pub fn msg(&self) -> Msg {
        match self.side {
            Some(side) => msg!(
                "manifest-error-side",
                side = side,
                record = self.record,
                message = &self.message
            ),
            None => msg!(
                "manifest-error",
                record = self.record,
                message = &self.message
            ),
        }
    }
}

/// English, for logs and tests.
impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg().en())
    }
}

impl std::error::Error for ManifestError {}

/// Iterator over the records of a manifest stream.
pub struct ManifestReader<R> {
    input: BufReader<R>,
    buf: Vec<u8>,
    last: Option<Vec<u8>>,
    record: u64,
    failed: bool,
}

impl<R: Read> ManifestReader<R> {
    pub fn new(input: R) -> ManifestReader<R> {
        ManifestReader {
            input: BufReader::with_capacity(64 * 1024, input),
            buf: Vec::new(),
            last: None,
            record: 0,
            failed: false,
        }
    }

    fn error(&mut self, message: Msg) -> Option<Result<ManifestEntry, ManifestError>> {
        self.failed = true;
        Some(Err(ManifestError {
            side: None,
            record: self.record,
            message,
        }))
    }
}

impl<R: Read> Iterator for ManifestReader<R> {
    type Item = Result<ManifestEntry, ManifestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        self.buf.clear();
        match self.input.read_until(0, &mut self.buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return self.next(),
            Err(e) => return self.error(msg!("manifest-read-failed", error = e.to_string())),
        }
        self.record += 1;
        let Some(record) = self.buf.strip_suffix(b"\0") else {
            return self.error(msg!("manifest-cut-short"));
        };
        let entry = match parse(record) {
            Some(entry) => entry,
            None => {
                let shown = String::from_utf8_lossy(&record[..record.len().min(80)]).into_owned();
                return self.error(msg!("manifest-bad-record", shown = format!("{shown:?}")));
            }
        };
        if let Some(last) = &self.last {
            if entry.path <= *last {
                let (a, b) = (lossy(last), lossy(&entry.path));
                return self.error(msg!(
                    "manifest-not-sorted",
                    path = format!("{b:?}"),
                    after = format!("{a:?}")
                ));
            }
        }
        // Keep the previous path to check the order; reuse its allocation.
        let last = self.last.get_or_insert_with(Vec::new);
        last.clear();
        last.extend_from_slice(&entry.path);
        Some(Ok(entry))
    }
}

fn parse(record: &[u8]) -> Option<ManifestEntry> {
    let mut fields = record.splitn(3, |&b| b == b' ');
    let size = std::str::from_utf8(fields.next()?).ok()?.parse().ok()?;
    let mtime = std::str::from_utf8(fields.next()?).ok()?;
    let whole = mtime.split_once('.').map_or(mtime, |(s, _)| s);
    let mtime = whole.parse().ok()?;
    let path = fields.next()?;
    (!path.is_empty()).then(|| ManifestEntry {
        path: path.to_vec(),
        size,
        mtime,
    })
}

pub(super) fn lossy(path: &[u8]) -> String {
    String::from_utf8_lossy(path).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsorted_manifest_is_said_in_italian_too() {
        let mut err = read(b"1 1.0 b\x001 1.0 a\x00").pop().unwrap().unwrap_err();
        err.side = Some("slave");
        assert_eq!(
            err.to_string(),
            "slave manifest, record 2: not sorted: \"a\" after \"b\" (sort with LC_ALL=C)"
        );
        assert_eq!(
            err.msg().in_lang(crate::i18n::Lang::It),
            "elenco di slave, record 2: non ordinato: \"a\" dopo \"b\" (ordina con LC_ALL=C)"
        );
    }

    fn read(input: &[u8]) -> Vec<Result<ManifestEntry, ManifestError>> {
        ManifestReader::new(input).collect()
    }

    fn entry(path: &str, size: u64, mtime: i64) -> ManifestEntry {
        ManifestEntry {
            path: path.as_bytes().to_vec(),
            size,
            mtime,
        }
    }

    #[test]
    fn records_with_any_name() {
        let input = "5 1715000000.1234567890 a b\0\
                     0 1715000001.0000000000 città/new\nline\0\
                     7 1715000002 tab\there\0";
        let got: Vec<_> = read(input.as_bytes())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let expected = [
            entry("a b", 5, 1_715_000_000),
            entry("città/new\nline", 0, 1_715_000_001),
            entry("tab\there", 7, 1_715_000_002),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn empty_manifest_is_an_empty_tree() {
        assert!(read(b"").is_empty());
    }

    #[test]
    fn unsorted_input_is_refused_and_iteration_stops() {
        let got = read(b"1 1 b\x002 2 a\x003 3 c\0");
        assert_eq!(got.len(), 2);
        let err = got[1].as_ref().unwrap_err();
        assert_eq!(err.record, 2);
        assert_eq!(
            err.message,
            "not sorted: \"a\" after \"b\" (sort with LC_ALL=C)"
        );
    }

    #[test]
    fn cut_and_malformed_records_are_errors() {
        let cut = read(b"1 1 a\x002 2 b");
        assert_eq!(
            cut[1].as_ref().unwrap_err().message,
            "cut short (no final NUL): the listing did not finish"
        );
        let bad = read(b"x 1 a\0");
        assert_eq!(
            bad[0].as_ref().unwrap_err().message,
            "not `SIZE MTIME PATH`: \"x 1 a\""
        );
        assert!(read(b"1 1 \0")[0].is_err());
    }
}
