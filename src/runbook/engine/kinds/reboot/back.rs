//! Waiting for a rebooted node: down first (a look fails), then up with a different
//! boot id — never "up" on the old boot id, which would be a node that ignored the reboot.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::i18n::Msg;
use crate::msg;
use crate::runbook::engine::kinds::host::{self, Probe};
use crate::runbook::engine::kinds::progress::Progress;
use crate::runbook::engine::step::StepCx;
use crate::time::Timestamp;

const LOOK_EVERY: Duration = Duration::from_secs(1);

pub(super) struct Waited {
    /// The new boot id, once back.
    pub(super) after: Option<String>,
    /// From the reboot to the first failed look.
    pub(super) down_after: Option<Duration>,
    /// From the first failed look to the first good one.
    pub(super) down_for: Option<Duration>,
    /// What the last look found.
    pub(super) last: Msg,
}

pub(super) fn wait_back(
    cx: &StepCx,
    node: &str,
    before: &str,
    issued: Timestamp,
    allowed: Duration,
) -> Result<Waited> {
    let already = Timestamp::now().since(issued);
    let mut progress = Progress::new(Some(allowed), already);
    let mut down_at: Option<(Instant, Duration)> = None;
    let mut last;
    progress.status(&crate::t!("reboot-waiting-down", node = node));
    let result = loop {
        match host::probe(cx.fleet, node)? {
            Probe::Up(id) if rebooted(&id, before) => {
                progress.status(&crate::t!("reboot-back", node = node));
                break Waited {
                    after: Some(id),
                    down_after: down_at.map(|(_, d)| d),
                    down_for: down_at.map(|(at, _)| at.elapsed()),
                    last: msg!("reason-reboot-new-boot"),
                };
            }
            // An answer without a boot id (`cat` failed, printed nothing) is no evidence
            // of a new boot: look again.
            Probe::Up(id) if id.is_empty() => last = msg!("reason-reboot-no-boot-id"),
            Probe::Up(_) => last = msg!("reason-reboot-same-boot"),
            Probe::Down(why) => {
                if down_at.is_none() {
                    down_at = Some((Instant::now(), progress.elapsed()));
                }
                progress.status(&crate::t!("reboot-down-waiting", node = node));
                last = msg!("reason-reboot-down", why = why);
            }
        }
        if progress.elapsed() >= allowed {
            break Waited {
                after: None,
                down_after: down_at.map(|(_, d)| d),
                down_for: None,
                last,
            };
        }
        std::thread::sleep(LOOK_EVERY);
        progress.tick();
    };
    progress.finish();
    Ok(result)
}

/// Whether the node answered with a boot id, and another than before the reboot.
fn rebooted(id: &str, before: &str) -> bool {
    !id.is_empty() && id != before
}

#[cfg(test)]
mod tests {
    use super::rebooted;

    #[test]
    fn only_another_boot_id_is_a_reboot() {
        let before = "7f1c2a9e-5b1d-4c7e-9a0e-3d2f1b6c8e41";
        assert!(rebooted("0b6e3c1d-2a4f-4e8b-8c7d-9f1a2b3c4d5e", before));
        assert!(!rebooted(before, before));
        // `cat` printed nothing: the node answers, but that says nothing of a reboot.
        assert!(!rebooted("", before));
    }
}
