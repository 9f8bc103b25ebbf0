//! Saying once that a node logs in slowly, and why it probably does: a stock sshd
//! (`UseDNS yes`, CentOS 7's default) looks up the client's address in the node's DNS
//! before it logs anyone in, and a resolver that does not answer costs its whole timeout
//! on every login.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

use super::super::Target;

/// A healthy login takes well under a second, even over a VPN.
const SLOW: Duration = Duration::from_secs(3);

/// Nodes already reported in this process: once is enough for a technician to act on.
static TOLD: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// Says (once per node) that logging in to `target` took `took`, when that is slow.
pub(super) fn tell(target: &Target, took: Duration) {
    if took < SLOW {
        return;
    }
    let mut told = TOLD.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !told.insert(target.name.clone()) {
        return;
    }
    eprintln!("{}", message(target, took));
}

fn message(target: &Target, took: Duration) -> String {
    let limit = crate::time::duration::format(target.login_timeout);
    format!(
        "  {}",
        crate::t!(
            "ssh-slow-login",
            node = target.name.as_str(),
            seconds = took.as_secs(),
            limit = limit
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::testing::local;

    #[test]
    fn names_the_node_the_likely_cause_and_the_setting() {
        let text = message(&local("tvox2"), Duration::from_millis(8400));
        assert!(text.starts_with("  tvox2: slow login (8 s"), "{text}");
        assert!(text.contains("`UseDNS no`"), "{text}");
        assert!(text.contains("`ssh.login_timeout`, now 30s"), "{text}");
    }
}
