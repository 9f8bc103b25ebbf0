//! [`Split`]: one node's output of the command that asks who holds the node IP and then
//! dumps (see [`gather`](super::gather)): the addresses up to a status line, the dump after
//! it, streamed on.
//!
//! `ip -o addr show` prints one line per address, each opening with the interface index
//! (`2: eth0 …`), so a line opening with the marker is the status line and never an
//! address.

use std::io::{self, Write};

/// Opens the status line, after the newline the command prints first.
pub(super) const MARKER: &[u8] = b"\ntvdr-ip-status ";

/// Addresses beyond this are not a node's: the head is dropped and the node unknown.
const HEAD_LIMIT: usize = 1 << 20;

/// Holds the head until the status line, then passes the rest on to `rest`.
pub(super) struct Split<W> {
    head: Vec<u8>,
    /// `ip`'s exit status, once its line was read whole.
    status: Option<i32>,
    overflow: bool,
    pub(super) rest: W,
}

/// What came before the dump.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Head {
    /// `ip` said this, with this exit status (its errors are in the text: `2>&1`).
    Said(i32, String),
    /// No status line: the command ended or failed before it.
    Missing,
    /// More than [`HEAD_LIMIT`] bytes before the status line.
    TooLong,
}

impl<W: Write> Split<W> {
    pub(super) fn new(rest: W) -> Split<W> {
        Split {
            head: Vec::new(),
            status: None,
            overflow: false,
            rest,
        }
    }

    pub(super) fn head(&self) -> Head {
        match self.status {
            Some(status) => Head::Said(status, String::from_utf8_lossy(&self.head).into_owned()),
            None if self.overflow => Head::TooLong,
            None => Head::Missing,
        }
    }

    /// Looks for the status line in what the head holds; true once it was read.
    fn take_status(&mut self, from: usize) -> Option<usize> {
        let at = find(&self.head[from..], MARKER)? + from;
        let digits_at = at + MARKER.len();
        let end = self.head[digits_at..].iter().position(|&b| b == b'\n')? + digits_at;
        let status = std::str::from_utf8(&self.head[digits_at..end])
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(-1);
        self.status = Some(status);
        Some(at)
    }
}

impl<W: Write> Write for Split<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.status.is_some() || self.overflow {
            if self.status.is_some() {
                self.rest.write_all(buf)?;
            }
            return Ok(buf.len());
        }
        // The marker may straddle two chunks: search from just before the new bytes.
        let from = self.head.len().saturating_sub(MARKER.len() + 24);
        self.head.extend_from_slice(buf);
        if let Some(at) = self.take_status(from) {
            let line_end = self.head[at + MARKER.len()..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(self.head.len(), |i| at + MARKER.len() + i + 1);
            let after = self.head.split_off(line_end);
            self.head.truncate(at);
            self.rest.write_all(&after)?;
        } else if self.head.len() > HEAD_LIMIT {
            self.overflow = true;
            self.head = Vec::new();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.rest.flush()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT: &[u8] = b"1: lo    inet 127.0.0.1/8 scope host lo\n2: eth0    inet 10.0.0.11/24 brd 10.0.0.255 scope global eth0\n\ntvdr-ip-status 0\n--\n-- PostgreSQL database dump\n";

    fn split_in_chunks(data: &[u8], size: usize) -> (Head, Vec<u8>) {
        let mut split = Split::new(Vec::new());
        for chunk in data.chunks(size) {
            split.write_all(chunk).unwrap();
        }
        (split.head(), split.rest)
    }

    #[test]
    fn the_addresses_and_the_dump_part_at_the_status_line_in_chunks_of_any_size() {
        for size in [1, 2, 3, 7, 16, 17, 64, OUT.len()] {
            let (head, rest) = split_in_chunks(OUT, size);
            let Head::Said(0, text) = head else {
                panic!("chunks of {size}: {head:?}");
            };
            assert!(text.starts_with("1: lo"), "{text}");
            assert!(text.ends_with("scope global eth0\n"), "{text:?}");
            assert_eq!(
                rest, b"--\n-- PostgreSQL database dump\n",
                "chunks of {size}"
            );
        }
    }

    #[test]
    fn a_failed_ip_keeps_its_status_and_its_words() {
        let out = b"Cannot open netlink socket: Permission denied\n\ntvdr-ip-status 255\n--\n";
        let (head, rest) = split_in_chunks(out, 5);
        assert_eq!(
            head,
            Head::Said(
                255,
                "Cannot open netlink socket: Permission denied\n".into()
            )
        );
        assert_eq!(rest, b"--\n");
    }

    #[test]
    fn no_status_line_is_missing_and_passes_nothing_on() {
        let (head, rest) = split_in_chunks(b"2: eth0 inet 10.0.0.11/24\n-- dump", 4);
        assert_eq!(head, Head::Missing);
        assert!(rest.is_empty());
        // A status line cut before its end is not one either.
        let (head, _) = split_in_chunks(b"2: eth0\n\ntvdr-ip-status 0", 4);
        assert_eq!(head, Head::Missing);
    }

    #[test]
    fn an_address_line_never_reads_as_the_status_line() {
        // A label naming the marker sits mid-line, after the index.
        let out =
            b"2: eth0    inet 10.0.0.11/24 scope global tvdr-ip-status\n\ntvdr-ip-status 0\nDUMP";
        let (head, rest) = split_in_chunks(out, 3);
        assert!(matches!(head, Head::Said(0, _)), "{head:?}");
        assert_eq!(rest, b"DUMP");
    }

    proptest::proptest! {
        /// However the channel cuts the stream, the addresses and the dump part at the
        /// status line, and any bytes at all neither panic nor leak into the dump unsplit.
        #[test]
        fn any_cut_of_any_output(
            head in "[ -~\n]{0,200}",
            status in 0i32..300,
            dump in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            sizes in proptest::collection::vec(1usize..40, 1..50),
        ) {
            let head = head.replace("tvdr-ip-status", "tvdr");
            let mut out = head.clone().into_bytes();
            out.extend_from_slice(format!("\ntvdr-ip-status {status}\n").as_bytes());
            out.extend_from_slice(&dump);
            let mut split = Split::new(Vec::new());
            let mut at = 0;
            for size in sizes.iter().cycle() {
                if at >= out.len() {
                    break;
                }
                let end = (at + size).min(out.len());
                split.write_all(&out[at..end]).unwrap();
                at = end;
            }
            proptest::prop_assert_eq!(split.head(), Head::Said(status, head));
            proptest::prop_assert_eq!(split.rest, dump);
        }

        #[test]
        fn never_panics_on_arbitrary_bytes(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600),
            size in 1usize..64,
        ) {
            let mut split = Split::new(Vec::new());
            for chunk in bytes.chunks(size) {
                split.write_all(chunk).unwrap();
            }
            let _ = split.head();
        }
    }

    #[test]
    fn an_endless_head_is_dropped_not_held() {
        let mut split = Split::new(Vec::new());
        let line = [b'x'; 4096];
        for _ in 0..(HEAD_LIMIT / line.len() + 2) {
            split.write_all(&line).unwrap();
        }
        split.write_all(b"\ntvdr-ip-status 0\nDUMP").unwrap();
        assert_eq!(split.head(), Head::TooLong);
        assert!(split.rest.is_empty());
        assert!(split.head.capacity() == 0, "the head is freed");
    }
}
