//! Shared by the `du` and the manifest verdicts: the check's name, detail rows, the hints
//! about a sync that does not move, and listings that cannot be compared at all.

use super::du::DuListing;
use crate::checks::{Detail, Report, Status};

/// One node's `du`, or the reason there is none (command failed, node unreachable).
#[derive(Debug, Clone)]
pub struct NodeDu {
    pub node: String,
    pub listing: Result<DuListing, String>,
}

pub(super) const NAME: &str = "fs-sync";

pub(super) fn push(
    report: &mut Report,
    status: Status,
    node: Option<&str>,
    item: &str,
    message: String,
) {
    report.details.push(Detail {
        status,
        node: node.map(str::to_string),
        item: item.to_string(),
        message,
    });
}

/// What to do when the slave is short of the master, by what the previous sample showed.
pub(super) fn hints(report: Report, master: &str, progress: Option<bool>, behind: bool) -> Report {
    if !behind {
        return report;
    }
    match progress {
        Some(false) => report.hint(format!(
            "nothing is syncing: run `setperms.sh` on the master `{master}` to trigger the file \
             system sync, then check again"
        )),
        Some(true) => report.hint(
            "the slave is catching up; the first sync of voice recordings can take hours: \
             check again later",
        ),
        None => report.hint(format!(
            "check again in a few minutes: if the slave has not grown, nothing is syncing \
             (then run `setperms.sh` on the master `{master}`)"
        )),
    }
}

/// One or both `du` listings cannot be compared: say why, per node. A sync directory
/// missing on the slave is CRIT; on the master it is more likely a wrong path (UNKNOWN).
pub(super) fn unusable(master: &NodeDu, slave: &NodeDu) -> Report {
    let mut report = Report::new(NAME, Status::Unknown, String::new());
    for (role, n) in [("master", master), ("slave", slave)] {
        let (status, message) = match &n.listing {
            Err(e) => (
                Status::Unknown,
                format!("du failed on the {role}: {}", e.trim()),
            ),
            Ok(l) => match (&l.root, &l.missing) {
                (Some(_), _) => continue,
                (None, Some(why)) if role == "slave" => (
                    Status::Crit,
                    format!("the sync directory does not exist on the slave: {why}"),
                ),
                (None, Some(why)) => (
                    Status::Unknown,
                    format!("the sync directory does not exist on the master (wrong path?): {why}"),
                ),
                (None, None) => (Status::Unknown, format!("du printed nothing on the {role}")),
            },
        };
        push(&mut report, status, Some(&n.node), "du", message);
    }
    let worst = report
        .details
        .iter()
        .rev()
        .max_by_key(|d| d.status)
        .cloned();
    if let Some(worst) = worst {
        report.status = worst.status;
        report.summary = format!("`{}`: {}", worst.node.unwrap_or_default(), worst.message);
    }
    report
}
