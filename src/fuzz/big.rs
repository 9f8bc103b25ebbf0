//! Big inputs: a couple of MiB shaped to make a non-linear or hoarding parser show itself
//! (a fixture repeated, one endless line, only line ends, only openers, one huge number).

use super::guard;

/// Large enough that a quadratic parser needs many minutes (half a million lines, each
/// scanning the others), small enough that a debug build of a linear one takes a fraction
/// of a second (the suite runs unoptimised).
pub const SIZE: usize = 512 << 10;

/// What a parser may hold at its peak: a generous multiple of its input (a lossy UTF-8
/// copy triples invalid bytes, two nodes get the same text, the report quotes lines) but
/// not an expansion: anything super-linear passes it by orders of magnitude.
pub const FACTOR: usize = 64;

/// The shapes, each `SIZE` bytes.
pub fn inputs(corpus: &[Vec<u8>]) -> Vec<(&'static str, Vec<u8>)> {
    let largest = corpus.iter().max_by_key(|f| f.len()).expect("a fixture");
    let fill = |unit: &[u8]| unit.iter().copied().cycle().take(SIZE).collect::<Vec<u8>>();
    vec![
        ("the largest fixture repeated", fill(largest)),
        ("one line", fill(b"a")),
        ("line ends only", fill(b"\n")),
        ("carriage returns only", fill(b"\r")),
        ("openers only", fill(b"{[(\"'")),
        ("one number", fill(b"9")),
        ("words and tabs", fill(b"x \t")),
        ("not UTF-8", fill(b"\xff\xc3")),
    ]
}

/// Runs `exercise` on every big input, under the deadline and `FACTOR` times the input
/// in memory.
pub fn check(corpus: &[Vec<u8>], exercise: fn(&[u8])) {
    for (shape, input) in inputs(corpus) {
        let start = std::time::Instant::now();
        let held = guard::bounded(input, guard::CEILING, guard::DEADLINE, move |i| exercise(i));
        // Shown with `--nocapture`, to see which shape costs what in a soak.
        eprintln!("{shape}: held {held} bytes, {:?}", start.elapsed());
        assert!(
            held <= FACTOR * SIZE,
            "{shape}: held {held} bytes for {SIZE}"
        );
    }
}
