//! Benchmark workload: the time of one command on an open session, from the exec request
//! to the exit status (the first command after login apart), on every cluster node in
//! turn. Driven by `scripts/bench`; prints one line per node.
//!
//! usage: bench_latency INVENTORY N

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tvdr::inventory::{Inventory, Selection};
use tvdr::transport::{connect, Cmd, NoSecrets};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: bench_latency INVENTORY N";
    let inventory = PathBuf::from(args.next().expect(usage));
    let count: usize = args.next().expect(usage).parse()?;
    let inv = Inventory::load(&inventory)?;
    for node in inv.select(Selection::Both)? {
        let mut transport = connect(&node.target, &NoSecrets)?;
        // A command with output on both streams, as checks run them.
        let cmd = Cmd::shell("echo out; echo err >&2");
        let timed = |t: &mut dyn tvdr::transport::Transport| -> anyhow::Result<Duration> {
            let start = Instant::now();
            t.output(&cmd)?;
            Ok(start.elapsed())
        };
        let first = timed(transport.as_mut())?;
        let mut times = (0..count)
            .map(|_| timed(transport.as_mut()))
            .collect::<anyhow::Result<Vec<_>>>()?;
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{}: first command {:.1} ms; then p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms ({count} runs)",
            node.name,
            ms(first),
            ms(at(0.5)),
            ms(at(0.95)),
            ms(at(1.0)),
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
