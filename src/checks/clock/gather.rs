//! Gathering for `clock`: `date +%s.%N` a few times on every node at once, each call
//! bracketed by this machine's clock, keeping each node's tightest sample.

use std::time::{SystemTime, UNIX_EPOCH};

use super::{best, evaluate, offset, parse, NodeClock, Offset};
use crate::checks::context::Context;
use crate::checks::Report;
use crate::i18n::Msg;
use crate::msg;
use crate::transport::{Cmd, Transport, TransportError};

/// Samples per node: the first includes the SSH handshake, the others only a round trip.
const SAMPLES: usize = 3;

pub fn gather(cx: &Context) -> Report {
    let nodes: Vec<&str> = cx.inventory.nodes.iter().map(|n| n.name.as_str()).collect();
    let clocks: Vec<NodeClock> = cx
        .fleet
        .run_each(&nodes, sample)
        .into_iter()
        .map(|(node, result)| NodeClock {
            node,
            offset: result.unwrap_or_else(|e| Err(cx.note(&e))),
        })
        .collect();
    evaluate(&clocks, cx.inventory.thresholds.clock_skew)
}

/// The command sampled on each node (also shown by a dry run).
pub fn command() -> Cmd {
    Cmd::new("date").arg("+%s.%N")
}

fn sample(t: &mut dyn Transport) -> Result<Result<Offset, Msg>, TransportError> {
    let date = command();
    let mut offsets = Vec::new();
    for _ in 0..SAMPLES {
        let t0 = now();
        let out = t.output(&date)?;
        let t1 = now();
        if !out.success() {
            return Ok(Err(msg!(
                "clock-date-failed",
                status = out.status,
                error = String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        match parse(&out.stdout_lossy()) {
            Ok(reading) => offsets.push(offset(t0, reading, t1)),
            Err(why) => return Ok(Err(why)),
        }
    }
    Ok(best(offsets).ok_or_else(|| msg!("clock-no-sample")))
}

/// This machine's clock in nanoseconds since the epoch.
fn now() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}
