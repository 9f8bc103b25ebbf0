//! Synthetic manifests of any size, generated on the fly as a [`Read`] (never held in
//! memory), for the million-file test and the `fs_manifest` benchmark example.
//!
//! File `i` is `recordings/DDDD/IIIIIII.wav` (`DDDD` = `i / 1000`), so generation order is
//! sorted order. The slave differs from the master in a known pattern, see [`Synthetic`].

use std::io::{self, Read, Write};

/// Which tree to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tree {
    Master,
    /// The master's tree less every file with `i % 100 == 7`, with a different size when
    /// `i % 250 == 3`, a different mtime when `i % 1000 == 11`, and an extra
    /// `….wav.part` after every file with `i % 500 == 0`.
    Slave,
}

/// Counts a comparison of `Synthetic::new(n, Master)` with `Synthetic::new(n, Slave)` must
/// find: `(missing, different, extra)`.
pub fn expected_counts(n: u64) -> (u64, u64, u64) {
    let count = |m: u64, r: u64| (0..n).filter(|i| i % m == r).count() as u64;
    (
        count(100, 7),
        count(250, 3) + count(1000, 11),
        count(500, 0),
    )
}

/// A manifest of `n` files, as `find … -printf '%s %T@ %P\0' | sort -z` would print it.
pub struct Synthetic {
    tree: Tree,
    next: u64,
    n: u64,
    buf: Vec<u8>,
    pos: usize,
}

impl Synthetic {
    pub fn new(n: u64, tree: Tree) -> Synthetic {
        Synthetic {
            tree,
            next: 0,
            n,
            buf: Vec::with_capacity(8 * 1024),
            pos: 0,
        }
    }

    /// Appends the records of file `i` to the buffer.
    fn render(&mut self, i: u64) -> io::Result<()> {
        let (dir, size, mtime) = (i / 1000, 1000 + (i * 7919) % 50_000, 1_700_000_000 + i);
        let slave = self.tree == Tree::Slave;
        if slave && i % 100 == 7 {
            return Ok(());
        }
        let size = if slave && i % 250 == 3 {
            size + 1
        } else {
            size
        };
        let mtime = if slave && i % 1000 == 11 {
            mtime + 60
        } else {
            mtime
        };
        let path = format!("recordings/{dir:04}/{i:07}.wav");
        write!(self.buf, "{size} {mtime}.0000000000 {path}\0")?;
        if slave && i.is_multiple_of(500) {
            write!(self.buf, "4096 {mtime}.5000000000 {path}.part\0")?;
        }
        Ok(())
    }
}

impl Read for Synthetic {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            // Refill in batches: one call renders ~100 records.
            while self.buf.len() < 4 * 1024 && self.next < self.n {
                self.render(self.next)?;
                self.next += 1;
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}
