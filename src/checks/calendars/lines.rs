//! Splits a byte stream fed in arbitrary chunks into lines, without ever holding more than
//! one line, and streams overlong lines instead of buffering them when the consumer can.
//!
//! A trailing `\r` is dropped from every line: pg_dump never writes a bare CR at the end of
//! a line (COPY escapes it as `\r`), so a CRLF copy of a dump must digest like the original.

/// What the splitter hands out.
pub(super) trait LineSink {
    /// One complete line, without its `\n` (and without a trailing `\r`).
    fn line(&mut self, line: &[u8]);
    /// A line grew past the limit: may it be streamed? If yes, it arrives in pieces
    /// through [`LineSink::more`], closed by [`LineSink::end`]; if not, it stays buffered.
    fn stream_start(&mut self) -> bool;
    fn more(&mut self, bytes: &[u8]);
    fn end(&mut self);
}

/// Line splitter with a bounded buffer for lines the sink agrees to stream.
#[derive(Debug, Clone)]
pub(super) struct Splitter {
    buf: Vec<u8>,
    limit: usize,
    /// The current line is being streamed to the sink.
    streaming: bool,
    /// Streaming held back a `\r` that may turn out to be the line's CR.
    pending_cr: bool,
}

impl Splitter {
    pub(super) fn new(limit: usize) -> Splitter {
        Splitter {
            buf: Vec::new(),
            limit: limit.max(2),
            streaming: false,
            pending_cr: false,
        }
    }

    pub(super) fn feed(&mut self, mut chunk: &[u8], sink: &mut impl LineSink) {
        while let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            self.take(&chunk[..i], true, sink);
            chunk = &chunk[i + 1..];
        }
        if !chunk.is_empty() {
            self.take(chunk, false, sink);
        }
    }

    /// Flushes an unterminated last line. Returns whether there was one.
    pub(super) fn finish(&mut self, sink: &mut impl LineSink) -> bool {
        let pending = self.streaming || !self.buf.is_empty();
        if pending {
            self.take(&[], true, sink);
        }
        pending
    }

    fn take(&mut self, part: &[u8], eol: bool, sink: &mut impl LineSink) {
        if self.streaming {
            return self.stream(part, eol, sink);
        }
        if !eol && self.buf.len() + part.len() > self.limit {
            self.buf.extend_from_slice(part);
            if sink.stream_start() {
                // Hand over what was buffered, keeping a final CR back as `stream` does.
                let head = std::mem::take(&mut self.buf);
                self.streaming = true;
                return self.stream(&head, false, sink);
            }
            return;
        }
        if self.buf.is_empty() && eol {
            // Fast path: the whole line is inside this chunk.
            return sink.line(strip_cr(part));
        }
        self.buf.extend_from_slice(part);
        if eol {
            sink.line(strip_cr(&self.buf));
            self.buf.clear();
        }
    }

    fn stream(&mut self, mut part: &[u8], eol: bool, sink: &mut impl LineSink) {
        if self.pending_cr && !(eol && part.is_empty()) {
            sink.more(b"\r");
        }
        self.pending_cr = false;
        if eol {
            part = strip_cr(part);
        } else if let Some(rest) = part.strip_suffix(b"\r") {
            self.pending_cr = true;
            part = rest;
        }
        if !part.is_empty() {
            sink.more(part);
        }
        if eol {
            sink.end();
            self.streaming = false;
        }
    }
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records events; streams only when `stream` is set.
    #[derive(Default)]
    struct Log {
        stream: bool,
        streamed: usize,
        out: Vec<String>,
        cur: Vec<u8>,
    }

    impl LineSink for Log {
        fn line(&mut self, line: &[u8]) {
            self.out.push(String::from_utf8_lossy(line).into_owned());
        }
        fn stream_start(&mut self) -> bool {
            self.streamed += usize::from(self.stream);
            self.stream
        }
        fn more(&mut self, bytes: &[u8]) {
            self.cur.extend_from_slice(bytes);
        }
        fn end(&mut self) {
            let line = std::mem::take(&mut self.cur);
            self.out.push(String::from_utf8_lossy(&line).into_owned());
        }
    }

    /// The lines, and how many were streamed.
    fn split(input: &[u8], limit: usize, stream: bool, chunk: usize) -> (Vec<String>, usize) {
        let mut s = Splitter::new(limit);
        let mut log = Log {
            stream,
            ..Log::default()
        };
        for c in input.chunks(chunk) {
            s.feed(c, &mut log);
        }
        s.finish(&mut log);
        (log.out, log.streamed)
    }

    #[test]
    fn lines_split_across_chunks_come_out_whole_and_without_cr() {
        let input = b"one\r\ntwo\n\nthree";
        for chunk in 1..input.len() {
            assert_eq!(
                split(input, 1024, false, chunk).0,
                ["one", "two", "", "three"]
            );
        }
    }

    #[test]
    fn long_lines_are_streamed_when_the_sink_agrees_with_the_same_result() {
        // A CR held back at a chunk end is dropped only when the newline follows it.
        let input = b"short\nabcdefghij\r\nxy\rz\r\n\r\r\r\r\r\n";
        for chunk in 1..input.len() {
            let (lines, _) = split(input, 4, true, chunk);
            assert_eq!(
                lines,
                ["short", "abcdefghij", "xy\rz", "\r\r\r\r"],
                "chunk {chunk}"
            );
        }
        assert_eq!(split(input, 4, true, 1).1, 4);
    }

    #[test]
    fn long_lines_are_buffered_when_the_sink_refuses() {
        assert_eq!(
            split(b"abcdefghij\n", 4, false, 3),
            (vec!["abcdefghij".into()], 0)
        );
    }
}
