//! The process-id marker: how tvdr learns which process group to end on the node when a
//! command times out (both SSH transports use it).
//!
//! The SSH protocol has no portable way to signal a remote command (libssh2 does not
//! expose the `signal` request, OpenSSH's client does not send it, and closing the channel
//! leaves a quiet command running),
//! so every command line starts with `printf 'tvdr-pid %s\n' "$$" >&2`: `sshd` starts each
//! command in its own session, whose id is that shell's pid. The line is taken out of
//! the standard error before anything reaches the caller; lines a login script printed
//! before it are passed on untouched.

use std::io::{self, Write};

/// Put in front of every command line.
pub(crate) const PRINT_PID: &str = "printf 'tvdr-pid %s\\n' \"$$\" >&2; ";
const PREFIX: &[u8] = b"tvdr-pid ";

/// Filters the standard error of one command, removing the marker line.
#[derive(Debug, Default)]
pub(crate) struct PidMarker {
    /// The start of the current line, held back while it could still be the marker.
    line: Vec<u8>,
    /// Passing on the rest of a line that cannot be the marker.
    mid_line: bool,
    pid: Option<u32>,
}

impl PidMarker {
    /// The remote shell's pid (and process group), once its marker line has been seen.
    pub(crate) fn pid(&self) -> Option<u32> {
        self.pid
    }

    /// Passes `data` on to `out`, minus the marker line.
    pub(crate) fn feed(&mut self, mut data: &[u8], out: &mut dyn Write) -> io::Result<()> {
        while self.pid.is_none() && !data.is_empty() {
            let newline = data.iter().position(|&b| b == b'\n');
            let (piece, rest) = data.split_at(newline.map_or(data.len(), |i| i + 1));
            data = rest;
            if self.mid_line {
                out.write_all(piece)?;
                self.mid_line = newline.is_none();
                continue;
            }
            self.line.extend_from_slice(piece);
            if newline.is_some() {
                match parse(&self.line) {
                    Some(pid) => self.pid = Some(pid),
                    None => out.write_all(&self.line)?,
                }
                self.line.clear();
            } else if !could_become_marker(&self.line) {
                out.write_all(&self.line)?;
                self.line.clear();
                self.mid_line = true;
            }
        }
        out.write_all(data)
    }

    /// Passes on a last line without newline that was held back.
    pub(crate) fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&std::mem::take(&mut self.line))
    }
}

/// The line that ends the process group of a timed-out command on the node: TERM now,
/// KILL to whatever is left two seconds later, without keeping the session open meanwhile.
pub(crate) fn kill_line(pid: u32) -> String {
    format!(
        "kill -s TERM -- -{pid} 2>/dev/null; \
         (sleep 2; kill -s KILL -- -{pid}) </dev/null >/dev/null 2>&1 &"
    )
}

fn parse(line: &[u8]) -> Option<u32> {
    let digits = line.strip_prefix(PREFIX)?.strip_suffix(b"\n")?;
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

fn could_become_marker(partial: &[u8]) -> bool {
    match partial.strip_prefix(PREFIX) {
        Some(digits) => digits.len() <= 10 && digits.iter().all(u8::is_ascii_digit),
        None => PREFIX.starts_with(partial),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(chunks: &[&[u8]]) -> (Vec<u8>, Option<u32>) {
        let mut marker = PidMarker::default();
        let mut out = Vec::new();
        for chunk in chunks {
            marker.feed(chunk, &mut out).unwrap();
        }
        marker.finish(&mut out).unwrap();
        (out, marker.pid())
    }

    #[test]
    fn removes_the_marker_and_keeps_the_rest() {
        assert_eq!(
            filter(&[b"tvdr-pid 4242\nwarning: x\n"]),
            (b"warning: x\n".to_vec(), Some(4242))
        );
    }

    #[test]
    fn marker_split_across_reads() {
        assert_eq!(
            filter(&[b"tvdr-", b"pid 42", b"42\nerr", b"or"]),
            (b"error".to_vec(), Some(4242))
        );
    }

    #[test]
    fn login_script_noise_before_the_marker_is_kept() {
        assert_eq!(
            filter(&[b"welcome to tvox\ntvdr-pid 7\n", b"late\n"]),
            (b"welcome to tvox\nlate\n".to_vec(), Some(7))
        );
    }

    #[test]
    fn lookalike_lines_pass_through() {
        let (out, pid) = filter(&[b"tvdr-pid x\ntvdr-pi", b"d 12 \n", b"tvdr"]);
        assert_eq!(out, b"tvdr-pid x\ntvdr-pid 12 \ntvdr");
        assert_eq!(pid, None);
    }

    #[test]
    fn only_the_first_marker_is_removed() {
        let (out, pid) = filter(&[b"tvdr-pid 1\ntvdr-pid 2\n"]);
        assert_eq!((out.as_slice(), pid), (&b"tvdr-pid 2\n"[..], Some(1)));
    }
}
