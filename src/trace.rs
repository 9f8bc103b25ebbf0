//! `TVDR_TRACE=1`: where a command line's time goes, as lines on stderr — milliseconds since
//! tvdr started, the thread, the moment — for the speed work (`scripts/bench` says how long,
//! this says where). Off, it costs one load of a flag per moment.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// 0 not decided yet, 1 off, 2 on.
static ON: AtomicU8 = AtomicU8::new(0);
static START: OnceLock<Instant> = OnceLock::new();

/// Starts the clock (called first thing); the trace is on when `TVDR_TRACE` is set and not `0`.
pub fn start() {
    START.get_or_init(Instant::now);
    let on = std::env::var_os("TVDR_TRACE").is_some_and(|v| !v.is_empty() && v != "0");
    ON.store(if on { 2 } else { 1 }, Ordering::Relaxed);
}

/// Notes a moment; `what` is only built when the trace is on.
pub fn mark(what: impl FnOnce() -> String) {
    if let Some(line) = line(what) {
        // One write per line, so lines of several threads never mix.
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
}

fn line(what: impl FnOnce() -> String) -> Option<String> {
    if ON.load(Ordering::Relaxed) != 2 {
        return None;
    }
    let since = START.get_or_init(Instant::now).elapsed();
    let thread = std::thread::current();
    Some(format!(
        "tvdr-trace {:8.2} ms [{}] {}\n",
        since.as_secs_f64() * 1000.0,
        thread.name().unwrap_or("-"),
        what()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_builds_nothing_and_on_says_when_where_and_what() {
        // The flag is process-wide: set here, as `start` would from the environment.
        ON.store(1, Ordering::Relaxed);
        assert_eq!(
            line(|| unreachable!("the text of a mark is never built when the trace is off")),
            None
        );
        ON.store(2, Ordering::Relaxed);
        let line = line(|| "a moment".to_owned()).expect("on");
        ON.store(1, Ordering::Relaxed);
        assert!(line.starts_with("tvdr-trace "), "{line}");
        assert!(line.contains(" ms [trace::tests::"), "{line}");
        assert!(line.ends_with("] a moment\n"), "{line}");
    }
}
