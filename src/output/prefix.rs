//! Output of several nodes at once, one line at a time, each line prefixed by its node.

use std::io::{self, Write};
use std::sync::Mutex;

/// A writer that prefixes every complete line with `name | ` and writes it to a shared
/// sink under a lock, so lines of parallel nodes interleave but never mix.
pub struct PrefixWriter<'a, W: Write> {
    prefix: String,
    sink: &'a Mutex<W>,
    partial: Vec<u8>,
}

impl<'a, W: Write> PrefixWriter<'a, W> {
    pub fn new(name: &str, width: usize, sink: &'a Mutex<W>) -> Self {
        Self {
            prefix: format!("{name:<width$} | "),
            sink,
            partial: Vec::new(),
        }
    }

    fn emit(&mut self, line: &[u8]) -> io::Result<()> {
        let mut sink = self.sink.lock().unwrap_or_else(|e| e.into_inner());
        sink.write_all(self.prefix.as_bytes())?;
        sink.write_all(line)?;
        sink.write_all(b"\n")?;
        sink.flush()
    }
}

impl<W: Write> Write for PrefixWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(pos) = rest.iter().position(|&b| b == b'\n') {
            if self.partial.is_empty() {
                self.emit(&rest[..pos])?;
            } else {
                self.partial.extend_from_slice(&rest[..pos]);
                let line = std::mem::take(&mut self.partial);
                self.emit(&line)?;
            }
            rest = &rest[pos + 1..];
        }
        self.partial.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<W: Write> Drop for PrefixWriter<'_, W> {
    /// A last line without a newline is still shown.
    fn drop(&mut self) {
        if !self.partial.is_empty() {
            let line = std::mem::take(&mut self.partial);
            let _ = self.emit(&line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_whole_lines_and_flushes_the_last_partial_one() {
        let sink = Mutex::new(Vec::new());
        {
            let mut w = PrefixWriter::new("tvox1", 6, &sink);
            w.write_all(b"a\nb").unwrap();
            w.write_all(b"c\n\nd").unwrap();
        }
        assert_eq!(
            String::from_utf8(sink.into_inner().unwrap()).unwrap(),
            "tvox1  | a\ntvox1  | bc\ntvox1  | \ntvox1  | d\n"
        );
    }
}
