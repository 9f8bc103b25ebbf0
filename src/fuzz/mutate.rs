//! Structure-aware inputs: a real fixture, then a few edits of the kinds that break
//! parsers — cut anywhere, pieces of another fixture spliced in, lines repeated, numbers
//! too big for any integer, bytes that are not UTF-8, very long lines, tokens that open
//! and close structures.

use proptest::prelude::*;
use proptest::sample::Index;

/// Tokens that mean something to at least one parser here, plus the classic troublemakers.
const TOKENS: &[&[u8]] = &[
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b" ",
    b"\0",
    b"{",
    b"}",
    b"[",
    b"]",
    b"(",
    b")",
    b"'",
    b"\"",
    b"\\",
    b"`",
    b":",
    b",",
    b";",
    b"=",
    b"#",
    b".",
    b"-",
    b"*",
    b"&a ",
    b"*a",
    b"${",
    b"$(",
    b"NumberLong(",
    b"ISODate(\"",
    b"Timestamp(",
    b"ObjectId(\"",
    b"*************************** 1. row ***************************\n",
    b"ERROR 1045 (28000)",
    b"COPY public.t (a, b) FROM stdin;\n",
    b"\\.\n",
    b"\\N",
    b"-- ",
    b"/*",
    b"*/",
    b"$$",
    b"\\restrict ",
    b"There are screens on:\n",
    b"\t12.x\t(Detached)\n",
    b"inet ",
    b"/",
    b"tvdr-pid ",
    b"::1",
    b"0x",
    b"e",
    b"\xc3\xa9",
    b"\xf0\x9f\x98\x80",
    b"\xcc\x81",
    b"\xe2\x80\x8f",
    b"\xef\xbb\xbf",
];

/// Numbers at and past every integer width (the largest that parse overflow sums and
/// products), calendar edges, float oddities and signs.
const NUMBERS: &[&[u8]] = &[
    b"18446744073709551615",
    b"9223372036854775807",
    b"-9223372036854775808",
    b"4294967295",
    b"2147483647",
    b"65535",
    b"255",
    // Calendar edges: the last year most date code can write, year zero, a two-digit year.
    b"9999",
    b"0000",
    b"99",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"340282366920938463463374607431768211456",
    b"99999999999999999999999999999999999999999999999999",
    b"1e999",
    b"-1e-999",
    b"NaN",
    b"inf",
    b"-0",
    b"4294967296",
    b"65536",
    b"256",
    b"-1",
    b"0000000000000000000000001",
    b"1.7976931348623157e309",
];

/// Bytes that are not UTF-8 (lone continuation, truncated sequences, surrogates, overlong).
const INVALID: &[&[u8]] = &[
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf8\x88\x80\x80\x80",
];

#[derive(Debug, Clone)]
pub enum Edit {
    Truncate(Index),
    Delete(Index, usize),
    /// A piece of another (or the same) fixture, inserted.
    Splice {
        at: Index,
        from: Index,
        start: Index,
        len: usize,
    },
    /// One line repeated.
    Repeat {
        line: Index,
        times: usize,
    },
    Insert(Index, &'static [u8]),
    /// The run of digits at or after a place, replaced by another number.
    Number(Index, &'static [u8]),
    /// A run of one byte: a very long line, or a very long token.
    Run {
        at: Index,
        byte: u8,
        len: usize,
    },
    /// Every LF as CRLF, as when the output was pasted from Windows.
    Crlf,
}

fn pick(list: &'static [&'static [u8]]) -> impl Strategy<Value = &'static [u8]> {
    proptest::sample::select(list)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => any::<Index>().prop_map(Edit::Truncate),
        2 => (any::<Index>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        2 => (any::<Index>(), any::<Index>(), any::<Index>(), 1usize..400)
            .prop_map(|(at, from, start, len)| Edit::Splice { at, from, start, len }),
        2 => (any::<Index>(), 2usize..100).prop_map(|(line, times)| Edit::Repeat { line, times }),
        3 => (any::<Index>(), pick(TOKENS)).prop_map(|(at, t)| Edit::Insert(at, t)),
        1 => (any::<Index>(), pick(NUMBERS)).prop_map(|(at, t)| Edit::Insert(at, t)),
        3 => (any::<Index>(), pick(NUMBERS)).prop_map(|(at, t)| Edit::Number(at, t)),
        2 => (any::<Index>(), pick(INVALID)).prop_map(|(at, t)| Edit::Insert(at, t)),
        1 => (any::<Index>(), any::<u8>(), 1usize..5_000)
            .prop_map(|(at, byte, len)| Edit::Run { at, byte, len }),
        1 => Just(Edit::Crlf),
    ]
}

/// Applies `edit` to `text`; `corpus` supplies splices.
pub fn apply(text: &mut Vec<u8>, edit: &Edit, corpus: &[Vec<u8>]) {
    let at = |i: &Index, len: usize| i.index(len + 1);
    match edit {
        Edit::Truncate(i) => text.truncate(at(i, text.len())),
        Edit::Delete(i, n) => {
            let from = at(i, text.len());
            let to = (from + n).min(text.len());
            text.drain(from..to);
        }
        Edit::Splice {
            at: i,
            from,
            start,
            len,
        } => {
            let source = &corpus[from.index(corpus.len())];
            let start = at(start, source.len());
            let piece = source[start..(start + len).min(source.len())].to_vec();
            let i = at(i, text.len());
            text.splice(i..i, piece);
        }
        Edit::Repeat { line, times } => {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(
                    text.iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .filter(|&s| s < text.len())
                .collect();
            if starts.is_empty() {
                return;
            }
            let start = starts[line.index(starts.len())];
            let end = text[start..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(text.len(), |e| start + e + 1);
            let mut one = text[start..end].to_vec();
            if !one.ends_with(b"\n") {
                one.push(b'\n');
            }
            let copies = one.repeat(*times);
            text.splice(end..end, copies);
        }
        Edit::Insert(i, token) => {
            let i = at(i, text.len());
            text.splice(i..i, token.iter().copied());
        }
        Edit::Number(i, number) => {
            let from = at(i, text.len());
            let Some(start) = text[from..].iter().position(u8::is_ascii_digit) else {
                return;
            };
            let start = from + start;
            let len = text[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            text.splice(start..start + len, number.iter().copied());
        }
        Edit::Run { at: i, byte, len } => {
            let i = at(i, text.len());
            text.splice(i..i, std::iter::repeat_n(*byte, *len));
        }
        Edit::Crlf => {
            let mut out = Vec::with_capacity(text.len() + text.len() / 16);
            for &b in text.iter() {
                if b == b'\n' {
                    out.push(b'\r');
                }
                out.push(b);
            }
            *text = out;
        }
    }
}

/// One fixture of `corpus`, edited up to five times.
pub fn mutated(corpus: &'static [Vec<u8>]) -> impl Strategy<Value = Vec<u8>> {
    (any::<Index>(), proptest::collection::vec(edit(), 0..6)).prop_map(move |(which, edits)| {
        let mut text = corpus[which.index(corpus.len())].clone();
        for e in &edits {
            apply(&mut text, e, corpus);
        }
        text
    })
}

/// Arbitrary bytes, up to a KiB: size is the big-input tests' business.
pub fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..1024)
}

/// Text as the transport hands it to a parser: bytes read lossily as UTF-8.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_turns_every_line_end_into_a_windows_one() {
        let mut text = b"a\nb\n".to_vec();
        apply(&mut text, &Edit::Crlf, &[]);
        assert_eq!(text, b"a\r\nb\r\n");
    }

    proptest! {
        #[test]
        fn edits_keep_their_promise(
            edit in edit(),
            text in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            let corpus = vec![b"one\ntwo\n".to_vec()];
            let mut edited = text.clone();
            apply(&mut edited, &edit, &corpus);
            match edit {
                Edit::Truncate(_) => prop_assert!(text.starts_with(&edited)),
                Edit::Delete(..) => prop_assert!(edited.len() <= text.len()),
                Edit::Insert(_, token) => prop_assert_eq!(edited.len(), text.len() + token.len()),
                Edit::Run { len, .. } => prop_assert_eq!(edited.len(), text.len() + len),
                Edit::Repeat { times, .. } if !text.is_empty() => {
                    let lines = |t: &[u8]| t.iter().filter(|b| **b == b'\n').count();
                    prop_assert!(lines(&edited) >= lines(&text) + times);
                }
                _ => prop_assert!(edited.len() >= text.len()),
            }
        }
    }
}
