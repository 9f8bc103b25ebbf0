//! How long and how big: the proptest configuration every fuzz property shares, and the
//! guard the big-input tests run under.
//!
//! No test here asserts a duration. The big inputs are sized so that a linear parser
//! takes a fraction of the deadline even in a debug build on a loaded machine, while a
//! quadratic one on the same input would need hours: the deadline only ever catches
//! pathological complexity, never a slow day.

use std::sync::mpsc;
use std::time::Duration;

use proptest::test_runner::Config;

use super::alloc;

/// Cases per property in a suite run, unless `PROPTEST_CASES` asks for more (a soak).
pub fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        // A failing case is shrunk, but not for longer than a suite run can afford.
        max_shrink_iters: 512,
        // The corpus lives in the fixtures, not in `proptest-regressions` files beside
        // the sources: a crash found is turned into a named fixture and a test by hand.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Far above what any parser here needs for the inputs generated (at most a few hundred
/// KiB; tests assert tighter bounds themselves), far below what would hurt the machine.
/// Passing it aborts the test binary (see `alloc`): the machine is shared.
pub const CEILING: usize = 512 << 20;

/// Runs `f` under the memory ceiling; what it held at its peak is returned.
pub fn case<T>(f: impl FnOnce() -> T) -> (T, usize) {
    alloc::peak(CEILING, f)
}

/// Runs `f(input)` on its own thread, with at most `ceiling` bytes held beyond the input
/// and `deadline` to finish; returns the peak bytes held. Panics (failing the test) on a
/// deadline passed; a ceiling passed aborts the binary (see `alloc`).
pub fn bounded<I, F>(input: I, ceiling: usize, deadline: Duration, f: F) -> usize
where
    I: Send + 'static,
    F: FnOnce(&I) + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("fuzz-bounded".into())
        .spawn(move || {
            let ((), held) = alloc::peak(ceiling, || f(&input));
            let _ = tx.send(held);
        })
        .expect("a thread for the parse");
    match rx.recv_timeout(deadline) {
        Ok(held) => held,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("the parse did not finish within {deadline:?}: pathological complexity")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the parse panicked"),
    }
}

/// The deadline of a big-input test: about a hundred times what a linear parse of a
/// few MiB takes in a debug build.
pub const DEADLINE: Duration = Duration::from_secs(60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "did not finish")]
    fn a_parse_that_never_ends_fails_at_the_deadline() {
        bounded((), usize::MAX, Duration::from_millis(50), |()| {
            std::thread::sleep(Duration::from_secs(5))
        });
    }

    #[test]
    fn the_peak_is_what_the_parse_held() {
        let held = bounded(3usize, usize::MAX, DEADLINE, |n| {
            std::hint::black_box(vec![0u8; *n << 20]);
        });
        assert!(held >= 3 << 20, "{held}");
    }
}
