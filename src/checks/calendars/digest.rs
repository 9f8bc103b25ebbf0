//! [`DumpDigest`]: consumes pg_dump output as it streams off a node, in chunks of any size,
//! and keeps only what [`DumpSummary`] needs.
//!
//! Memory stays flat: one line is buffered at a time, and a COPY row longer than 64 KiB (a
//! calendar object with a large attachment) is hashed as it streams instead of buffered.
//! Schema statements and `--inserts` lines are short in practice and are buffered whole.

use std::io::{self, Read, Write};

use super::lines::Splitter;
use super::parser::Parser;
use super::summary::DumpSummary;

const LINE_LIMIT: usize = 64 * 1024;

/// Incremental digest of one dump: [`feed`](DumpDigest::feed) chunks, then
/// [`finish`](DumpDigest::finish). Also an [`io::Write`], so `io::copy` can fill it.
#[derive(Debug, Clone)]
pub struct DumpDigest {
    splitter: Splitter,
    parser: Parser,
}

impl Default for DumpDigest {
    fn default() -> Self {
        DumpDigest::new()
    }
}

impl DumpDigest {
    pub fn new() -> DumpDigest {
        DumpDigest::with_line_limit(LINE_LIMIT)
    }

    /// A digest that streams COPY rows longer than `limit` bytes (tests use tiny limits to
    /// take that path on small dumps).
    pub(super) fn with_line_limit(limit: usize) -> DumpDigest {
        DumpDigest {
            splitter: Splitter::new(limit.max(4)),
            parser: Parser::default(),
        }
    }

    /// Consumes the next chunk; lines may be split anywhere between chunks.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.parser.count_bytes(chunk.len());
        self.splitter.feed(chunk, &mut self.parser);
    }

    /// Bytes consumed so far (for a progress display).
    pub fn bytes(&self) -> u64 {
        self.parser.bytes()
    }

    pub fn finish(mut self) -> DumpSummary {
        self.splitter.finish(&mut self.parser);
        self.parser.finish()
    }

    /// Digests everything `reader` yields.
    pub fn read_all(mut reader: impl Read) -> io::Result<DumpSummary> {
        let mut digest = DumpDigest::new();
        io::copy(&mut reader, &mut digest)?;
        Ok(digest.finish())
    }
}

impl Write for DumpDigest {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.feed(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
