//! Resuming from another laptop: when this machine has no open run of a runbook, the
//! cluster may (its mirrored journal). The technician is shown whose run it is, where it
//! stands and since when, and takes it over with `--take-over` or at a terminal; the run
//! then goes on from that journal and the receipts on the nodes.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::human::Human;
use crate::exit_code::Exit;
use crate::runbook::journal::Record;
use crate::runbook::lock;
use crate::runbook::mirror::{self, Found, Mirror};
use crate::runbook::runs::Run;
use crate::time::Timestamp;
use crate::transport::Fleet;
use crate::{said, t};

/// Who had the run last, and where it stands, from its records.
struct Standing<'a> {
    run_id: &'a str,
    operator: &'a str,
    host: &'a str,
    last_step: Option<(&'a str, &'static str)>,
    last_at: Option<Timestamp>,
}

fn standing(records: &[Record]) -> Option<Standing<'_>> {
    let mut s = match records.first()? {
        Record::RunStarted {
            run_id,
            operator,
            host,
            at,
            ..
        } => Standing {
            run_id,
            operator,
            host,
            last_step: None,
            last_at: Some(*at),
        },
        _ => return None,
    };
    for record in records {
        match record {
            Record::Resumed {
                operator, host, at, ..
            }
            | Record::TakenOver {
                operator, host, at, ..
            } => {
                s.operator = operator;
                s.host = host;
                s.last_at = Some(*at);
            }
            Record::StepStarted { step, at } => {
                s.last_step = Some((step, "started, no end recorded"));
                s.last_at = Some(*at);
            }
            Record::StepFinished {
                step, outcome, at, ..
            } => {
                s.last_step = Some((
                    step,
                    if outcome.is_complete() {
                        "done"
                    } else {
                        "failed"
                    },
                ));
                s.last_at = Some(*at);
            }
            Record::Interrupted { at, .. } => s.last_at = Some(*at),
            _ => {}
        }
    }
    Some(s)
}

/// Looks for an open run of `name` on the cluster; if there is one and the technician
/// takes it over, writes its journal into `dir` (with the takeover recorded) and returns
/// its path, for the runner to resume. `None`: nothing open on the cluster.
///
/// A run in which every step of `planned` is done lacks only its end (its tvdr died after
/// the last step): there is nothing left to decide, so it is taken over without a question
/// — said, and journalled with why — and the runner closes it.
pub(super) fn offer(
    fleet: &Fleet,
    nodes: &[String],
    name: &str,
    dir: &Path,
    human: &Human,
    take_over: bool,
    planned: &[&str],
) -> Result<Option<PathBuf>> {
    let Some(found) = mirror::find_open(fleet, nodes, name) else {
        return Ok(None);
    };
    let Some(s) = standing(&found.records) else {
        return Ok(None);
    };
    if finished_here(fleet, nodes, name, dir, s.run_id, &found) {
        return Ok(None);
    }
    let folded = crate::runbook::runs::fold(Path::new(""), found.records.clone());
    let only_end_missing = !planned.is_empty() && planned.iter().all(|s| folded.is_complete(s));
    let ago = s
        .last_at
        .map(|at| {
            crate::time::duration::format(std::time::Duration::from_secs(
                Timestamp::now().since(at).as_secs(),
            ))
            .to_string()
        })
        .unwrap_or_else(|| t!("takeover-unknown"));
    let step = s
        .last_step
        .map(|(id, state)| {
            let state = match state {
                "done" => t!("takeover-state-done"),
                "failed" => t!("takeover-state-failed"),
                _ => t!("takeover-state-started"),
            };
            t!("takeover-at-step", step = id, state = state)
        })
        .unwrap_or_else(|| t!("takeover-before-first-step"));
    eprintln!(
        "{}",
        t!(
            "takeover-found",
            run = s.run_id,
            runbook = name,
            node = found.node.as_str(),
            operator = s.operator,
            host = s.host,
            step = step,
            ago = ago
        )
    );
    let decided = if only_end_missing {
        eprintln!(
            "{}",
            t!("takeover-closing", run = s.run_id, operator = s.operator)
        );
        true
    } else if take_over {
        true
    } else if human.interactive() {
        human.confirm(
            "take-over",
            &said!(
                "takeover-prompt",
                run = s.run_id,
                operator = s.operator,
                host = s.host
            ),
        )?
    } else {
        return Err(Exit::NeedsHuman(t!(
            "takeover-needs-flag",
            run = s.run_id,
            runbook = name,
            operator = s.operator,
            host = s.host
        ))
        .into());
    };
    if !decided {
        return Err(Exit::Aborted(t!("takeover-not-taken", run = s.run_id)).into());
    }
    let record = Record::TakenOver {
        operator: human.operator.clone(),
        host: lock::this_host(),
        from_operator: s.operator.to_string(),
        from_host: s.host.to_string(),
        node: found.node.clone(),
        reason: only_end_missing
            .then(|| "every step was done; only the run's end was missing".to_string()),
        at: Timestamp::now(),
    };
    let path = dir.join(format!("{}.jsonl", s.run_id));
    write_copy(&path, &found, &record)?;
    eprintln!(
        "{}",
        t!("takeover-taken", run = s.run_id, operator = s.operator)
    );
    Ok(Some(path))
}

/// The cluster's "open" run is this laptop's own, closed here (finished or abandoned)
/// after the cluster last heard of it: tvdr was killed between closing its journal and
/// mirroring that, or a node was down then. The cluster is behind, not open elsewhere:
/// it is brought up to date (best effort: a node still down catches up next time) and
/// nothing is offered. Ours only when the cluster's copy is the start of our journal.
fn finished_here(
    fleet: &Fleet,
    nodes: &[String],
    name: &str,
    dir: &Path,
    run_id: &str,
    found: &Found,
) -> bool {
    let path = dir.join(format!("{run_id}.jsonl"));
    let Ok(ours) = std::fs::read(&path) else {
        return false;
    };
    let closed = Run::load(&path).is_ok_and(|run| run.closed());
    if !closed || !ours.starts_with(&found.bytes) {
        return false;
    }
    let _ = Mirror::new(fleet, nodes.to_vec(), name, run_id).sync(&path);
    true
}

/// The mirrored journal, whole lines only, then the takeover, synced to disk: a new
/// journal like any other (0600 in a 0700 directory, its name synced).
fn write_copy(path: &Path, found: &Found, record: &Record) -> Result<()> {
    let keep = found
        .bytes
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let mut file = crate::state::private::create_new(path)?;
    file.write_all(&found.bytes[..keep])?;
    let mut line = serde_json::to_vec(record)?;
    line.push(b'\n');
    file.write_all(&line)?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_taken_over_journal_is_private_whole_lines_and_the_takeover() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("site/runs/once/r1.jsonl");
        let found = Found {
            node: "tvox1".into(),
            bytes: b"{\"event\":\"run_finished\",\"at\":\"2026-01-01T00:00:00Z\"}\n{\"torn"
                .to_vec(),
            records: Vec::new(),
        };
        let record = Record::RunFinished {
            at: Timestamp::now(),
        };
        write_copy(&path, &found, &record).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(!text.contains("torn"), "{text}");
        assert!(
            write_copy(&path, &found, &record).is_err(),
            "never over a journal"
        );
    }
}
