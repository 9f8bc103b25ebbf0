//! Shared by the `du` and the manifest verdicts: the check's name, detail rows, the hints
//! about a sync that does not move, and listings that cannot be compared at all.

use super::du::DuListing;
use crate::checks::{Detail, Report, Status};
use crate::i18n::Msg;
use crate::msg;

/// One node's `du`, or the reason there is none (command failed, node unreachable).
#[derive(Debug, Clone)]
pub struct NodeDu {
    pub node: String,
    pub listing: Result<DuListing, Msg>,
}

pub(super) const NAME: &str = "fs-sync";

pub(super) fn push(
    report: &mut Report,
    status: Status,
    node: Option<&str>,
    item: Msg,
    message: Msg,
) {
    report.details.push(Detail {
        status,
        node: node.map(str::to_string),
        item,
        message,
    });
}

/// What to do when the slave is short of the master, by what the previous sample showed.
pub(super) fn hints(report: Report, master: &str, progress: Option<bool>, behind: bool) -> Report {
    if !behind {
        return report;
    }
    match progress {
        Some(false) => report.hint(msg!("fs-hint-stuck", master = master)),
        Some(true) => report.hint(msg!("fs-hint-catching-up")),
        None => report.hint(msg!("fs-hint-again", master = master)),
    }
}

/// One or both `du` listings cannot be compared: say why, per node. A sync directory
/// missing on the slave is CRIT; on the master it is more likely a wrong path (UNKNOWN).
pub(super) fn unusable(master: &NodeDu, slave: &NodeDu) -> Report {
    let mut report = Report::new(NAME, Status::Unknown, Msg::default());
    for (role, n) in [("master", master), ("slave", slave)] {
        let (status, message) = match &n.listing {
            Err(e) => (
                Status::Unknown,
                msg!("fs-du-failed", role = role, error = e.trim()),
            ),
            Ok(l) => match (&l.root, &l.missing) {
                (Some(_), _) => continue,
                (None, Some(why)) if role == "slave" => {
                    (Status::Crit, msg!("fs-missing-on-slave", why = why))
                }
                (None, Some(why)) => (Status::Unknown, msg!("fs-missing-on-master", why = why)),
                (None, None) => (Status::Unknown, msg!("fs-du-silent", role = role)),
            },
        };
        push(&mut report, status, Some(&n.node), Msg::text("du"), message);
    }
    let worst = report
        .details
        .iter()
        .rev()
        .max_by_key(|d| d.status)
        .cloned();
    if let Some(worst) = worst {
        report.status = worst.status;
        let node = worst.node.unwrap_or_default();
        report.summary = worst.message.map(|m| format!("`{node}`: {m}"));
    }
    report
}
