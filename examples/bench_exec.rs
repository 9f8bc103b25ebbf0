//! Benchmark workload: N commands on every cluster node over tvdr's transport (one SSH
//! session per node, nodes in parallel). Driven by `scripts/bench`, next to plain `ssh`
//! and Ansible doing the same work.
//!
//! usage: bench_exec INVENTORY N

use std::path::PathBuf;

use tvdr::inventory::{Inventory, Selection};
use tvdr::transport::{Cmd, Fleet, NoSecrets};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let inventory = PathBuf::from(args.next().expect("usage: bench_exec INVENTORY N"));
    let count: usize = args
        .next()
        .expect("usage: bench_exec INVENTORY N")
        .parse()?;
    let inv = Inventory::load(&inventory)?;
    let nodes = inv.select(Selection::Both)?;
    let fleet = Fleet::new(
        nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(NoSecrets),
    );
    let names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
    for (node, result) in fleet.run_each(&names, |t| {
        for _ in 0..count {
            t.output(&Cmd::new("true"))?;
        }
        Ok(())
    }) {
        result.map_err(|e| anyhow::anyhow!("{node}: {e}"))?;
    }
    Ok(())
}
