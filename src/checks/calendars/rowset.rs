//! An order-independent digest of a table's rows.
//!
//! pg_dump writes rows in physical (heap) order, and that order differs between two
//! databases holding the same rows as soon as one of them has seen an `UPDATE` or a
//! `VACUUM FULL`. So the rows are hashed one by one and the hashes are *added* (as 256-bit
//! numbers, wrapping): the sum is the same in any order, and unlike XOR a duplicated row
//! does not cancel out. With the row count next to it, equal sums mean equal row sets
//! for any data that was not crafted to collide.

use sha2::{Digest, Sha256};

/// Rows of one table seen so far.
#[derive(Debug, Clone, Default)]
pub(super) struct RowSet {
    /// The `(col, …)` list from the COPY header, so a column order change shows.
    columns: Vec<u8>,
    rows: u64,
    sum: [u64; 4],
}

impl RowSet {
    pub(super) fn new(columns: &[u8]) -> RowSet {
        RowSet {
            columns: columns.to_vec(),
            ..RowSet::default()
        }
    }

    /// Adds the hash of one finished row.
    pub(super) fn add(&mut self, row: Sha256) {
        let digest = row.finalize();
        let mut carry = false;
        for (lane, bytes) in self.sum.iter_mut().zip(digest.chunks_exact(8)) {
            let word = u64::from_le_bytes(bytes.try_into().expect("8-byte lane"));
            let (s1, c1) = lane.overflowing_add(word);
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            *lane = s2;
            carry = c1 || c2;
        }
        self.rows += 1;
    }

    pub(super) fn rows(&self) -> u64 {
        self.rows
    }

    /// The table's digest: columns, row count and the sum of row hashes.
    pub(super) fn digest(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update((self.columns.len() as u64).to_le_bytes());
        h.update(&self.columns);
        h.update(self.rows.to_le_bytes());
        for lane in self.sum {
            h.update(lane.to_le_bytes());
        }
        h.finalize().into()
    }
}

/// Lower-case hex of a digest.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(rows: &[&str]) -> RowSet {
        let mut s = RowSet::new(b"(a, b)");
        for r in rows {
            s.add(Sha256::new_with_prefix(r));
        }
        s
    }

    #[test]
    fn order_does_not_matter() {
        assert_eq!(
            set(&["1\tx", "2\ty"]).digest(),
            set(&["2\ty", "1\tx"]).digest()
        );
    }

    #[test]
    fn duplicates_and_changed_rows_do_matter() {
        assert_ne!(set(&["1", "1"]).digest(), set(&["2", "2"]).digest());
        assert_ne!(set(&["1", "2"]).digest(), set(&["1", "3"]).digest());
        assert_ne!(set(&["1"]).digest(), set(&["1", "1"]).digest());
    }

    #[test]
    fn columns_matter() {
        let mut other = RowSet::new(b"(b, a)");
        other.add(Sha256::new_with_prefix("1"));
        assert_ne!(set(&["1"]).digest(), other.digest());
    }
}
