//! The keeper's wire: tagged, length-prefixed frames over a Unix socket, so a command's
//! output may hold any bytes and a reader always knows where a frame ends.

use std::io::{self, Read, Write};

/// The largest frame either side accepts: more than any chunk of output the keeper
/// passes on, small enough that a garbled length cannot make a reader allocate much.
pub(super) const MAX: usize = 1 << 20;

/// What a frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    /// Keeper → client, first: the login environment's raw output (see `login_env`).
    Learned,
    /// Keeper → client, first: the login environment could not be learned; why.
    NotLearned,
    /// Client → keeper: the line to run (already holding the node's `env:`).
    Line,
    /// Client → keeper: the standard input of the line just sent.
    Input,
    /// Client → keeper: the command's deadline, in milliseconds from now (8 bytes).
    Timeout,
    /// Client → keeper: stop keeping the session.
    Stop,
    /// Keeper → client: output.
    Stdout,
    Stderr,
    /// Keeper → client: the exit status (4 bytes, big-endian).
    Done,
    /// Keeper → client: the deadline passed; the command was ended on the node.
    Deadline,
    /// Keeper → client: the session to the node is gone; why.
    Lost,
    /// Keeper → client: the command could not be run; why.
    Failed,
}

const TAGS: [(Tag, u8); 12] = [
    (Tag::Learned, b'H'),
    (Tag::NotLearned, b'h'),
    (Tag::Line, b'R'),
    (Tag::Input, b'I'),
    (Tag::Timeout, b'T'),
    (Tag::Stop, b'S'),
    (Tag::Stdout, b'O'),
    (Tag::Stderr, b'E'),
    (Tag::Done, b'D'),
    (Tag::Deadline, b'X'),
    (Tag::Lost, b'L'),
    (Tag::Failed, b'F'),
];

impl Tag {
    fn byte(self) -> u8 {
        TAGS.iter().find(|(t, _)| *t == self).map_or(0, |(_, b)| *b)
    }

    fn from_byte(byte: u8) -> Option<Tag> {
        TAGS.iter().find(|(_, b)| *b == byte).map(|(t, _)| *t)
    }
}

/// Writes one frame (header and payload in one write, so frames from two threads never
/// interleave on a shared socket).
pub(super) fn write(to: &mut impl Write, tag: Tag, payload: &[u8]) -> io::Result<()> {
    if payload.len() > MAX {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "frame too large",
        ));
    }
    let mut frame = Vec::with_capacity(5 + payload.len());
    frame.push(tag.byte());
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    frame.extend_from_slice(payload);
    to.write_all(&frame)?;
    to.flush()
}

/// Reads one frame; `None` at a clean end of the stream (between frames).
pub(super) fn read(from: &mut impl Read) -> io::Result<Option<(Tag, Vec<u8>)>> {
    let mut header = [0u8; 5];
    match from.read(&mut header[..1])? {
        0 => return Ok(None),
        _ => from.read_exact(&mut header[1..])?,
    }
    let tag = Tag::from_byte(header[0])
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "unknown frame"))?;
    let len = u32::from_be_bytes([header[1], header[2], header[3], header[4]]) as usize;
    if len > MAX {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "frame too large",
        ));
    }
    let mut payload = vec![0u8; len];
    from.read_exact(&mut payload)?;
    Ok(Some((tag, payload)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_with_any_bytes() {
        let mut buffer = Vec::new();
        write(&mut buffer, Tag::Stdout, b"\0\xff\nbinary").unwrap();
        write(&mut buffer, Tag::Done, &7i32.to_be_bytes()).unwrap();
        let mut reader = &buffer[..];
        assert_eq!(
            read(&mut reader).unwrap(),
            Some((Tag::Stdout, b"\0\xff\nbinary".to_vec()))
        );
        assert_eq!(
            read(&mut reader).unwrap(),
            Some((Tag::Done, 7i32.to_be_bytes().to_vec()))
        );
        assert_eq!(read(&mut reader).unwrap(), None);
    }

    #[test]
    fn garbled_frames_are_errors_not_allocations() {
        let mut huge = vec![b'O'];
        huge.extend_from_slice(&u32::MAX.to_be_bytes());
        assert!(read(&mut &huge[..]).is_err());
        assert!(read(&mut &b"?\0\0\0\0"[..]).is_err());
        // Cut inside a header or a payload.
        assert!(read(&mut &b"O\0\0"[..]).is_err());
        assert!(read(&mut &b"O\0\0\0\x09abc"[..]).is_err());
    }

    #[test]
    fn every_tag_has_its_own_byte() {
        let mut bytes: Vec<u8> = TAGS.iter().map(|(_, b)| *b).collect();
        bytes.sort_unstable();
        bytes.dedup();
        assert_eq!(bytes.len(), TAGS.len());
        for (tag, byte) in TAGS {
            assert_eq!(Tag::from_byte(byte), Some(tag));
        }
    }
}
