//! Gathering for `fs-sync`: `du` of the sync dir on master and slave (default), or full
//! file manifests of both streamed into one merge (`--exact`). Samples are kept in the
//! state directory so the next run can tell "catching up" from "stuck" and give an ETA.

use crate::msg;
use std::io::{self, Read, Write};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::{compare_manifests, evaluate_exact, evaluate_sizes, parse_du, DuUnit, NodeDu};
use super::{Progress, Sample};
use crate::checks::context::{Context, Roles};
use crate::checks::{Report, Status};
use crate::inventory::NodeName;
use crate::transport::Cmd;

const NAME: &str = "fs-sync";
/// How many files of each kind (missing, extra, different) the report lists.
const LISTED: usize = 20;

pub fn gather(cx: &Context) -> Report {
    let roles = match cx.roles() {
        Ok(roles) => roles,
        Err(why) => return Report::new(NAME, Status::Unknown, why),
    };
    if roles.slave.is_none() {
        return Report::new(NAME, Status::Ok, msg!("fs-standalone"));
    }
    if cx.options.exact {
        exact(cx, &roles)
    } else {
        sizes(cx, &roles)
    }
}

fn sync_dir(cx: &Context, node: &str) -> String {
    node.parse::<NodeName>()
        .ok()
        .and_then(|n| cx.inventory.node(n))
        .map(|n| n.sync_dir.clone())
        .unwrap_or_else(|| crate::inventory::DEFAULT_SYNC_DIR.to_string())
}

/// The sizes asked of master and slave (also shown by a dry run).
pub fn du_command(dir: &str) -> Cmd {
    Cmd::new("du")
        .env("LC_ALL", "C")
        .args(["-0", "-b", "--max-depth=1"])
        .arg(dir)
}

fn sizes(cx: &Context, roles: &Roles) -> Report {
    let slave = roles.slave.as_deref().unwrap_or_default();
    let nodes = [roles.master.as_str(), slave];
    let answers = cx.fleet.run_each(&nodes, |t| {
        let dir = sync_dir(cx, &t.target().name);
        t.output(&du_command(&dir))
    });
    let mut listed: Vec<NodeDu> = answers
        .into_iter()
        .map(|(node, out)| {
            let listing = out.map_err(|e| cx.note(&e)).map(|o| {
                parse_du(
                    &String::from_utf8_lossy(&o.stdout),
                    &String::from_utf8_lossy(&o.stderr),
                    DuUnit::Bytes,
                )
            });
            NodeDu { node, listing }
        })
        .collect();
    let slave_du = listed.pop().expect("two nodes asked");
    let master_du = listed.pop().expect("two nodes asked");
    let path = cx.state_file("fs-sync-sample.json");
    let previous: Option<Sample> = path.as_deref().and_then(crate::state::load);
    let report = evaluate_sizes(
        &master_du,
        &slave_du,
        cx.inventory.thresholds.fs_tolerance,
        previous.as_ref(),
    );
    if let (Some(path), Ok(listing)) = (path, &slave_du.listing) {
        if let Some(sample) = Sample::of(listing) {
            // A lost sample only costs the growth verdict of the next run.
            let _ = crate::state::save(&path, &sample);
        }
    }
    report
}

/// What the previous `--exact` run left to copy, and when.
#[derive(Debug, Serialize, Deserialize)]
struct ExactSample {
    bytes_to_copy: u64,
    at: SystemTime,
}

fn exact(cx: &Context, roles: &Roles) -> Report {
    let slave = roles.slave.as_deref().unwrap_or_default();
    // Two sessions stream their manifests through bounded channels into one merge join:
    // memory stays flat whatever the number of files.
    let (master_tx, master_rx) = sync_channel::<Vec<u8>>(16);
    let (slave_tx, slave_rx) = sync_channel::<Vec<u8>>(16);
    let diff = std::thread::scope(|scope| {
        let streams = [(roles.master.as_str(), master_tx), (slave, slave_tx)].map(|(node, tx)| {
            scope.spawn(move || {
                let dir = sync_dir(cx, node);
                let cmd = Cmd::new("cd").arg(&dir).and(Cmd::shell(
                    "LC_ALL=C find . -xdev \\( -type f -o -type l \\) -printf '%s %T@ %P\\0' \
                         | LC_ALL=C sort -z -t ' ' -k 3",
                ));
                let mut sink = ChannelWriter(tx);
                cx.stream(node, &cmd, &mut sink)
            })
        });
        let diff = compare_manifests(
            ChannelReader::new(master_rx),
            ChannelReader::new(slave_rx),
            LISTED,
        );
        let ended: Vec<_> = streams
            .into_iter()
            .map(|s| s.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect();
        (diff, ended)
    });
    let (diff, ended) = diff;
    for ((node, _), result) in [(roles.master.as_str(), 0), (slave, 1)].iter().zip(&ended) {
        let failed = match result {
            Err(why) => Some(why.clone()),
            Ok((0, _)) => None,
            Ok((status, stderr)) => Some(msg!(
                "fs-manifest-exit",
                status = *status,
                error = String::from_utf8_lossy(stderr).trim()
            )),
        };
        if let Some(why) = failed {
            return Report::new(
                NAME,
                Status::Unknown,
                msg!("fs-no-manifest", node = node, why = &why),
            )
            .detail(Status::Unknown, Some(node), msg!("item-manifest"), why);
        }
    }
    let path = cx.state_file("fs-sync-exact.json");
    let previous: Option<ExactSample> = path.as_deref().and_then(crate::state::load);
    let progress = previous.map(|p| Progress {
        bytes_to_copy_before: p.bytes_to_copy,
        elapsed: SystemTime::now()
            .duration_since(p.at)
            .unwrap_or(Duration::ZERO),
    });
    let report = evaluate_exact(
        &roles.master,
        slave,
        &diff,
        cx.inventory.thresholds.fs_tolerance,
        progress.as_ref(),
    );
    if let (Some(path), Ok(diff)) = (path, &diff) {
        let sample = ExactSample {
            bytes_to_copy: diff.bytes_to_copy,
            at: SystemTime::now(),
        };
        let _ = crate::state::save(&path, &sample);
    }
    report
}

/// The writing end of a manifest stream: chunks go to the merge thread.
struct ChannelWriter(SyncSender<Vec<u8>>);

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .send(buf.to_vec())
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "manifest reader stopped"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reading end: the merge pulls chunks as the nodes send them.
struct ChannelReader {
    rx: Receiver<Vec<u8>>,
    chunk: Vec<u8>,
    at: usize,
}

impl ChannelReader {
    fn new(rx: Receiver<Vec<u8>>) -> ChannelReader {
        ChannelReader {
            rx,
            chunk: Vec::new(),
            at: 0,
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.chunk.len() {
            match self.rx.recv() {
                Ok(chunk) => {
                    self.chunk = chunk;
                    self.at = 0;
                }
                // The writer is gone: end of stream.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
