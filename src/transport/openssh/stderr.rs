//! The standard error of one command run through `ssh`, where ssh's own messages and the
//! command's output share one pipe.
//!
//! Until the pid marker arrives the command has not started, so whatever came before it
//! may be ssh saying why it could not connect: it is held back, to become the error
//! rather than output. After it, the output passes through and its last lines are kept,
//! to tell a lost connection from a command that exited with 255.

use std::io::{self, Write};

use super::super::marker::PidMarker;

/// Held back at most this much before the marker (then it was a chatty login script).
const HOLD: usize = 64 * 1024;
/// Kept of the output after the marker.
const TAIL: usize = 2 * 1024;

pub(super) struct Watch<'a> {
    out: &'a mut dyn Write,
    marker: PidMarker,
    held: Vec<u8>,
    tail: Vec<u8>,
}

impl<'a> Watch<'a> {
    pub(super) fn new(out: &'a mut dyn Write) -> Watch<'a> {
        Watch {
            out,
            marker: PidMarker::default(),
            held: Vec::new(),
            tail: Vec::new(),
        }
    }

    /// The command's pid (and process group) on the node, once it has started.
    pub(super) fn pid(&self) -> Option<u32> {
        self.marker.pid()
    }

    /// What came before the marker (all of it, when the command never started).
    pub(super) fn held(&self) -> String {
        String::from_utf8_lossy(&self.held).into_owned()
    }

    /// The last line the command (or ssh, once it had started) wrote.
    pub(super) fn last_line(&self) -> Option<String> {
        let text = String::from_utf8_lossy(&self.tail);
        text.lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(str::to_owned)
    }

    /// Passes on what is still held (the command ended without the marker, so it was not
    /// ssh failing: a login shell refusing, say).
    pub(super) fn finish(&mut self) -> io::Result<()> {
        let mut rest = std::mem::take(&mut self.held);
        self.marker.finish(&mut rest)?;
        self.out.write_all(&rest)?;
        self.out.flush()
    }
}

impl Write for Watch<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.marker.pid().is_some() {
            self.keep(data);
            self.out.write_all(data)?;
            return Ok(data.len());
        }
        let mut passed = Vec::new();
        self.marker.feed(data, &mut passed)?;
        if self.marker.pid().is_some() || self.held.len() + passed.len() > HOLD {
            let held = std::mem::take(&mut self.held);
            self.out.write_all(&held)?;
            self.keep(&passed);
            self.out.write_all(&passed)?;
        } else {
            self.held.extend_from_slice(&passed);
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Watch<'_> {
    fn keep(&mut self, data: &[u8]) {
        self.tail.extend_from_slice(data);
        if self.tail.len() > TAIL {
            self.tail.drain(..self.tail.len() - TAIL);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch(chunks: &[&[u8]]) -> (Vec<u8>, Option<u32>, String, Option<String>) {
        let mut out = Vec::new();
        let (pid, held, last) = {
            let mut w = Watch::new(&mut out);
            for chunk in chunks {
                w.write_all(chunk).unwrap();
            }
            (w.pid(), w.held(), w.last_line())
        };
        (out, pid, held, last)
    }

    #[test]
    fn ssh_failing_before_the_command_started_is_held_back() {
        let text: &[u8] = b"No ED25519 host key is known for 10.0.0.2 and you have \
              requested strict checking.\r\nHost key verification failed.\r\n";
        let (out, pid, held, _) = watch(&[text]);
        assert_eq!((out, pid), (Vec::new(), None));
        assert!(held.contains("Host key verification failed."), "{held}");
    }

    #[test]
    fn output_after_the_marker_passes_and_its_end_is_kept() {
        let (out, pid, held, last) = watch(&[b"motd\ntvdr-pid 42\nerr", b"or 1\nlast\n"]);
        assert_eq!(out, b"motd\nerror 1\nlast\n");
        assert_eq!(
            (pid, held.as_str(), last.as_deref()),
            (Some(42), "", Some("last"))
        );
    }

    #[test]
    fn a_command_that_never_printed_the_marker_gets_its_output_at_the_end() {
        let mut out = Vec::new();
        let mut w = Watch::new(&mut out);
        w.write_all(b"This account is currently not available.\n")
            .unwrap();
        w.finish().unwrap();
        assert_eq!(out, b"This account is currently not available.\n");
    }

    #[test]
    fn a_chatty_login_script_is_not_held_forever() {
        let noise = vec![b'x'; HOLD + 1];
        let (out, pid, _, _) = watch(&[&noise]);
        assert_eq!((out.len(), pid), (HOLD + 1, None));
    }
}
