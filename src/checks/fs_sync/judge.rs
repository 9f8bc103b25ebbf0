//! The rule for one size comparison (a directory, or the total), shared by the `du` table
//! and the `--exact` manifests.
//!
//! - Within tolerance: OK. Tolerance is `tolerance_percent` of the master's size, but never
//!   less than [`SLACK_BYTES`]: directory entries themselves have sizes that differ between
//!   two copies of the same files (a directory that once held many files stays large).
//! - Slave behind, and the slave's total grew since the previous sample: WARN (a sync is
//!   running; the first sync of voice recordings takes hours).
//! - Slave behind, and the total did not grow since the previous sample: CRIT (nothing is
//!   syncing).
//! - Slave behind, no previous sample: WARN, or CRIT when *far* behind: more than
//!   [`FAR_FACTOR`] × the tolerance.
//! - Missing on the slave: CRIT (WARN if the master's copy is within the slack: an empty
//!   directory). Slave ahead, or only on the slave: WARN (deletions not propagated?).

use super::size::format_bytes;
use crate::checks::Status;
use crate::i18n::Msg;
use crate::msg;

/// Differences up to this many bytes never count.
pub const SLACK_BYTES: u64 = 64 * 1024;
/// "Far behind" = more than this many times the tolerance.
pub const FAR_FACTOR: f64 = 10.0;

/// The context of a comparison.
#[derive(Debug, Clone, Copy)]
pub(super) struct Judge {
    pub tolerance_percent: f64,
    /// Did the slave progress since the previous sample (its total grew, or fewer bytes
    /// are left to copy)? `None`: no previous sample.
    pub progress: Option<bool>,
}

/// A verdict on one comparison.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Verdict {
    pub status: Status,
    /// What was seen (sizes, difference).
    pub facts: Msg,
    /// Why a slave that is behind gets its status (progress, distance).
    pub why: Option<Msg>,
    /// The slave is short of the master here (missing or behind).
    pub behind: bool,
}

impl Verdict {
    pub(super) fn message(&self) -> Msg {
        match &self.why {
            Some(why) => Msg::join([&self.facts, why], "; "),
            None => self.facts.clone(),
        }
    }
}

impl Judge {
    pub(super) fn judge(&self, master: Option<u64>, slave: Option<u64>) -> Verdict {
        let verdict = |status, facts: Msg, behind| Verdict {
            status,
            facts,
            why: None,
            behind,
        };
        let (m, s) = match (master, slave) {
            (Some(m), Some(s)) => (m, s),
            (Some(m), None) => {
                let status = if m <= SLACK_BYTES {
                    Status::Warn
                } else {
                    Status::Crit
                };
                let text = msg!("fs-missing-slave", size = format_bytes(m));
                return verdict(status, text, true);
            }
            (None, Some(s)) => {
                let text = msg!("fs-only-slave", size = format_bytes(s));
                return verdict(Status::Warn, text, false);
            }
            (None, None) => return verdict(Status::Ok, msg!("fs-absent"), false),
        };
        let sizes = msg!(
            "fs-sizes",
            master = format_bytes(m),
            slave = format_bytes(s)
        );
        let pct = percent(m, s);
        let pct_text = format!("{pct:.1}");
        let diff = m.abs_diff(s);
        let allowed = (m as f64 * self.tolerance_percent / 100.0).max(SLACK_BYTES as f64);
        if diff as f64 <= allowed {
            return verdict(
                Status::Ok,
                msg!("fs-within", sizes = &sizes, percent = pct_text.as_str()),
                false,
            );
        }
        if s > m {
            let text = msg!(
                "fs-slave-more",
                sizes = &sizes,
                more = format_bytes(diff),
                percent = pct_text.as_str()
            );
            return verdict(Status::Warn, text, false);
        }
        let behind = msg!(
            "fs-slave-behind",
            sizes = &sizes,
            behind = format_bytes(diff),
            percent = pct_text.as_str()
        );
        let far = pct > FAR_FACTOR * self.tolerance_percent;
        let (status, why) = match self.progress {
            Some(true) => (Status::Warn, msg!("fs-why-progress")),
            Some(false) => (Status::Crit, msg!("fs-why-no-progress")),
            None if far => (Status::Crit, msg!("fs-why-far")),
            None => (Status::Warn, msg!("fs-why-again")),
        };
        Verdict {
            why: Some(why),
            ..verdict(status, behind, true)
        }
    }
}

/// `|master − slave|` as a percentage of the master (100% when the master is empty).
pub(super) fn percent(master: u64, slave: u64) -> f64 {
    match master {
        0 if slave == 0 => 0.0,
        0 => 100.0,
        m => m.abs_diff(slave) as f64 * 100.0 / m as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIB: u64 = 1 << 30;

    fn status(progress: Option<bool>, m: Option<u64>, s: Option<u64>) -> Status {
        let judge = Judge {
            tolerance_percent: 5.0,
            progress,
        };
        judge.judge(m, s).status
    }

    #[test]
    fn the_rules_in_a_table() {
        use Status::*;
        let cases = [
            (None, Some(GIB), Some(GIB - GIB / 50), Ok),
            (None, Some(4096), Some(40), Ok),
            (None, Some(GIB), Some(GIB / 2), Warn),
            (None, Some(GIB), Some(GIB / 3), Crit),
            (Some(true), Some(GIB), Some(GIB / 3), Warn),
            (Some(false), Some(GIB), Some(GIB / 2), Crit),
            (None, Some(GIB), Some(2 * GIB), Warn),
            (Some(false), Some(GIB), Some(2 * GIB), Warn),
            (None, Some(GIB), None, Crit),
            (None, Some(40), None, Warn),
            (None, None, Some(GIB), Warn),
        ];
        for (progress, m, s, expected) in cases {
            assert_eq!(status(progress, m, s), expected, "{progress:?} {m:?} {s:?}");
        }
    }

    #[test]
    fn percent_of_the_master() {
        assert_eq!(percent(200, 150), 25.0);
        assert_eq!(percent(0, 0), 0.0);
        assert_eq!(percent(0, 5), 100.0);
    }
}
