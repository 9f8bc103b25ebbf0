//! After a program that moves the node to its inventory address (`network_reset` on
//! TVOX 1): wait until the node answers there with the host key it had at its old address,
//! and record that key. The session that ran the program freezing or dropping is expected.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::super::progress::Progress;
use crate::transport::{accept_moved, trusted_key, Fleet, HostKey, Moved, TransportError};

/// The node's move: where it answers before, how long it may take to answer after.
#[derive(Debug, Clone)]
pub struct Moving {
    pub from: String,
    pub timeout: Duration,
}

/// How often to look at the new address.
const INTERVAL: Duration = Duration::from_secs(1);

/// The key `node` presents at `from`, which known_hosts must trust there: the only key
/// accepted at the new address afterwards.
pub fn key_before(fleet: &Fleet, node: &str, from: &str) -> Result<HostKey, TransportError> {
    let mut target = fleet
        .target(node)
        .ok_or_else(|| TransportError::UnknownNode {
            node: node.to_string(),
        })?
        .clone();
    target.address = from.to_string();
    trusted_key(&target)
}

/// Waits until `node` answers at its inventory address with `key`, recording it there.
pub fn wait(
    fleet: &Fleet,
    node: &str,
    moving: &Moving,
    key: &HostKey,
) -> Result<Moved, TransportError> {
    let target = fleet
        .target(node)
        .ok_or_else(|| TransportError::UnknownNode {
            node: node.to_string(),
        })?
        .clone();
    let started = Instant::now();
    let mut progress = Progress::new(Some(moving.timeout), Duration::ZERO);
    progress.status(&crate::t!(
        "interactive-waiting-moved",
        node = node,
        address = target.address.as_str(),
        key = key.fingerprint.as_str()
    ));
    let result = loop {
        match accept_moved(&target, &moving.from, key) {
            Ok(Some(moved)) => break Ok(moved),
            Ok(None) if started.elapsed() < moving.timeout => {}
            Ok(None) => {
                break Err(TransportError::Unreachable {
                    node: node.to_string(),
                    address: target.address.clone(),
                    port: target.port,
                    reason: crate::msg!(
                        "interactive-no-answer-moved",
                        within = crate::time::duration::format(moving.timeout).to_string()
                    ),
                })
            }
            Err(e) => break Err(e),
        }
        let next = Instant::now() + INTERVAL;
        while Instant::now() < next {
            std::thread::sleep(Duration::from_millis(200));
            progress.tick();
        }
    };
    progress.finish();
    // Later steps connect afresh, at the new address.
    fleet.reset(node);
    result
}

/// The journal's record of the move: which key, from where, to where, written where.
pub fn evidence(moved: &Moved) -> Value {
    json!({
        "key_type": moved.key.key_type,
        "fingerprint": moved.key.fingerprint,
        "from": moved.from,
        "to": moved.to,
        "recorded_in": moved.recorded_in.as_ref().map(|f| f.display().to_string()),
    })
}
