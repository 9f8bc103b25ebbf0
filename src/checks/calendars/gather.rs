//! Gathering for `calendars`: `pg_dump` on master and slave at once, each streamed into a
//! [`DumpDigest`] (nothing is written on the nodes, nothing held in memory), with a byte
//! counter per node while it runs.

use crate::i18n::Msg;
use crate::msg;
use std::io::{self, Write};

use indicatif::{ProgressBar, ProgressStyle};

use super::{evaluate, DumpDigest, NodeDump};
use crate::checks::context::Context;
use crate::checks::{Report, Status};
use crate::transport::Cmd;

pub fn gather(cx: &Context) -> Report {
    let cmd = dump_command(cx.inventory);
    let nodes = cx.cluster_nodes();
    // A cluster's two nodes are dumped whoever is master: the dumps start at once, beside
    // the question of who is master, which then only names the sides (one round trip
    // less before the verdict; dumps of a cluster whose master cannot be told are
    // dropped).
    let (roles, mut dumps) = if cx.inventory.node_ip.is_some() && nodes.len() == 2 {
        std::thread::scope(|scope| {
            let roles = scope.spawn(|| cx.roles());
            let dumps = dump_on(cx, &nodes, &cmd);
            let roles = roles
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (roles, dumps)
        })
    } else {
        (cx.roles(), Vec::new())
    };
    let roles = match roles {
        Ok(roles) => roles,
        Err(why) => return Report::new("calendars", Status::Unknown, why),
    };
    let Some(slave) = roles.slave.as_deref() else {
        return Report::new("calendars", Status::Ok, msg!("cal-standalone"));
    };
    if dumps.is_empty() {
        dumps = dump_on(cx, &[roles.master.as_str(), slave], &cmd);
    }
    // A side not dumped yet (the master is not one of the two asked) is dumped now.
    let mut side = |name: &str| match dumps.iter().position(|d| d.node == name) {
        Some(at) => dumps.remove(at),
        None => dump_on(cx, &[name], &cmd).remove(0),
    };
    let master_dump = side(&roles.master);
    let slave_dump = side(slave);
    evaluate(&master_dump, &slave_dump)
}

/// `cmd` on `nodes` at once, each output streamed into a digest.
fn dump_on(cx: &Context, nodes: &[&str], cmd: &Cmd) -> Vec<NodeDump> {
    let dumps = cx.fleet.run_each(nodes, |t| {
        let node = t.target().name.clone();
        let bar = cx.progress.add(ProgressBar::new_spinner());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} pg_dump on {prefix}: {bytes} ({bytes_per_sec})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_prefix(node);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        let mut sink = Counted {
            digest: DumpDigest::new(),
            bar: &bar,
        };
        let mut stderr = Vec::new();
        let status = t.exec(cmd, &mut sink, &mut stderr, None);
        bar.finish_and_clear();
        Ok((status?, sink.digest.finish(), stderr))
    });
    dumps
        .into_iter()
        .map(|(node, result)| {
            let dump = match result {
                Ok((0, summary, _)) => Ok(summary),
                Ok((status, _, stderr)) => Err(failure(status, &stderr)),
                Err(err) => Err(cx.note(&err)),
            };
            NodeDump::new(&node, dump)
        })
        .collect()
}

/// What pg_dump said when it failed: its error lines, or its exit status.
fn failure(status: i32, stderr: &[u8]) -> Msg {
    let text = String::from_utf8_lossy(stderr);
    let text = text.trim();
    if text.is_empty() {
        msg!("cal-exit-status", status = status)
    } else {
        Msg::text(text)
    }
}

/// Feeds the digest and moves the byte counter.
struct Counted<'a> {
    digest: DumpDigest,
    bar: &'a ProgressBar,
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.digest.feed(buf);
        self.bar.set_position(self.digest.bytes());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The dump run on master and slave (also shown by a dry run).
pub fn dump_command(inventory: &crate::inventory::Inventory) -> Cmd {
    let cal = &inventory.calendars;
    // PGTZ=UTC: timestamptz values print in the server's zone, which may differ per node.
    Cmd::new("pg_dump")
        .env("PGTZ", "UTC")
        .args(["--clean", "-U", &cal.user, &cal.database])
}
