//! Splitting the stream anywhere, and streaming long COPY rows, give the same summary.

use proptest::prelude::*;

use super::*;

fn digest_in(dump: &[u8], cuts: &[usize], line_limit: usize) -> DumpSummary {
    let mut d = DumpDigest::with_line_limit(line_limit);
    let mut from = 0;
    for &cut in cuts {
        d.feed(&dump[from..cut]);
        from = cut;
    }
    d.feed(&dump[from..]);
    d.finish()
}

#[test]
fn every_split_position_of_a_small_dump_gives_the_same_summary() {
    let dump = SHARED_SMALL.as_bytes();
    let whole = digest(dump);
    for at in 0..=dump.len() {
        assert_eq!(digest_in(dump, &[at], 64 * 1024), whole, "split at {at}");
    }
}

#[test]
fn byte_by_byte_with_tiny_line_limit_gives_the_same_summary() {
    // caldav_data rows are ~400 bytes: with a 16-byte limit they are all streamed.
    for dump in [PG15, INSERTS] {
        let dump = dump.replace('\n', "\r\n");
        let cuts: Vec<usize> = (1..dump.len()).collect();
        assert_eq!(
            digest_in(dump.as_bytes(), &cuts, 16),
            digest(dump.as_bytes())
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_chunking_and_line_limit_gives_the_same_summary(
        mut cuts in proptest::collection::vec(0..PG15.len(), 0..12),
        limit in 4usize..600,
    ) {
        cuts.sort_unstable();
        let whole = digest(PG15.as_bytes());
        prop_assert_eq!(digest_in(PG15.as_bytes(), &cuts, limit), whole);
    }
}
