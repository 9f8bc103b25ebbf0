//! Gathering for `calendars`: `pg_dump` on master and slave at once, each streamed into a
//! [`DumpDigest`] (nothing is written on the nodes, nothing held in memory), with a byte
//! counter per node while it runs.

use crate::i18n::Msg;
use crate::msg;
use std::io::{self, Write};

use indicatif::ProgressBar;

use super::split::{Head, Split};
use super::{evaluate, DumpDigest, NodeDump};
use crate::checks::context::Context;
use crate::checks::vip::NodeAddrs;
use crate::checks::{Report, Status};
use crate::transport::Cmd;

pub fn gather(cx: &Context) -> Report {
    let nodes = cx.cluster_nodes();
    // A cluster whose master is not known yet in this run: each node is asked who holds
    // the node IP and dumped in one command (one channel and one shell per node, not
    // two), and the addresses then name the sides. The dumps of a cluster whose master
    // cannot be told are dropped.
    let mut dumps = Vec::new();
    if cx.inventory.node_ip.is_some() && nodes.len() == 2 && !cx.vip_known() {
        let cmd = roles_and_dump_command(cx.inventory);
        let (answers, both) = dump_on(cx, &nodes, &cmd, true);
        cx.vip_from(&answers.into_iter().flatten().collect::<Vec<_>>());
        dumps = both;
    }
    let roles = match cx.roles() {
        Ok(roles) => roles,
        Err(why) => return Report::new("calendars", Status::Unknown, why),
    };
    let Some(slave) = roles.slave.as_deref() else {
        return Report::new("calendars", Status::Ok, msg!("cal-standalone"));
    };
    let cmd = dump_command(cx.inventory);
    if dumps.is_empty() {
        dumps = dump_on(cx, &[roles.master.as_str(), slave], &cmd, false).1;
    }
    // A side not dumped yet (the master is not one of the two asked) is dumped now.
    let mut side = |name: &str| match dumps.iter().position(|d| d.node == name) {
        Some(at) => dumps.remove(at),
        None => dump_on(cx, &[name], &cmd, false).1.remove(0),
    };
    let master_dump = side(&roles.master);
    let slave_dump = side(slave);
    evaluate(&master_dump, &slave_dump)
}

/// `cmd` on `nodes` at once, each output streamed into a digest; `with_addrs`: `cmd` is
/// [`roles_and_dump_command`], and each node's addresses come back too.
fn dump_on(
    cx: &Context,
    nodes: &[&str],
    cmd: &Cmd,
    with_addrs: bool,
) -> (Vec<Option<NodeAddrs>>, Vec<NodeDump>) {
    let dumps = cx.fleet.run_each(nodes, |t| {
        let node = t.target().name.clone();
        let bar = cx.progress.add(ProgressBar::new_spinner());
        bar.set_style(crate::output::progress::style(&format!(
            "{{spinner}} {} {{prefix}}: {{bytes}} ({{bytes_per_sec}})",
            crate::t!("cal-spinner-dump-on")
        )));
        bar.set_prefix(node);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        let counted = Counted {
            digest: DumpDigest::new(),
            bar: &bar,
        };
        let mut sink = Split::new(counted);
        let mut stderr = Vec::new();
        let status = if with_addrs {
            t.exec(cmd, &mut sink, &mut stderr, None)
        } else {
            t.exec(cmd, &mut sink.rest, &mut stderr, None)
        };
        bar.finish_and_clear();
        let head = sink.head();
        Ok((status?, sink.rest.digest.finish(), stderr, head))
    });
    let mut answers = Vec::new();
    let mut out = Vec::new();
    for (node, result) in dumps {
        let (dump, addrs) = match result {
            Ok((status, summary, stderr, head)) => {
                let addrs = with_addrs.then(|| addresses(&node, head, &stderr));
                let dump = match status {
                    0 => Ok(summary),
                    _ => Err(failure(status, &stderr)),
                };
                (dump, addrs)
            }
            Err(err) => {
                let why = cx.note(&err);
                let addrs = with_addrs.then(|| NodeAddrs {
                    node: node.clone(),
                    output: Err(why.clone()),
                });
                (Err(why), addrs)
            }
        };
        answers.push(addrs);
        out.push(NodeDump::new(&node, dump));
    }
    (answers, out)
}

/// What `ip -o addr show` answered on `node`, from the head of the combined command.
fn addresses(node: &str, head: Head, stderr: &[u8]) -> NodeAddrs {
    let output = match head {
        Head::Said(0, text) => Ok(text),
        Head::Said(_, text) => Err(msg!("vip-ip-failed", error = text.trim())),
        Head::Missing => Err(msg!(
            "vip-ip-failed",
            error = String::from_utf8_lossy(stderr).trim()
        )),
        Head::TooLong => Err(msg!("cal-addresses-too-long")),
    };
    NodeAddrs {
        node: node.to_owned(),
        output,
    }
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

/// Who holds the node IP, then the dump, in one command: `ip -o addr show` and its errors,
/// its status on a line of its own ([`MARKER`](super::split::MARKER)), then the dump (`exec`: the
/// command's status is pg_dump's).
pub fn roles_and_dump_command(inventory: &crate::inventory::Inventory) -> Cmd {
    let cal = &inventory.calendars;
    Cmd::shell(
        "ip -o addr show 2>&1; printf '\\ntvdr-ip-status %s\\n' \"$?\"; \
         PGTZ=UTC exec pg_dump --clean -U",
    )
    .args([&cal.user, &cal.database])
}

/// The dump run on master and slave once the master is known (also shown by a dry run).
pub fn dump_command(inventory: &crate::inventory::Inventory) -> Cmd {
    let cal = &inventory.calendars;
    // PGTZ=UTC: timestamptz values print in the server's zone, which may differ per node.
    Cmd::new("pg_dump")
        .env("PGTZ", "UTC")
        .args(["--clean", "-U", &cal.user, &cal.database])
}
