//! The journal mirrored on the cluster, record by record, beside the receipts (in each
//! node's private directory, `journals/<site>_<runbook>/<run>.jsonl`). A colleague on
//! another laptop finds the open run there, and takes it over with the receipts that say
//! what each step did ([`find_open`]).
//!
//! Append-only, like the journal: each node is sent the bytes it lacks, at the offset it
//! reports, so a node that was down catches up at the next record. A node that holds
//! *more* than this laptop's journal means the run went on elsewhere: it was taken over.

use std::collections::BTreeMap;
use std::path::Path;

use crate::runbook::journal::{self, Record};
use crate::runbook::receipt::script::PRIVATE_DIR;
use crate::transport::{Cmd, Fleet, Output};

/// Bytes sent per command.
const CHUNK: usize = 64 * 1024;

/// `$1` = site.runbook, `$2` = run, `$3` = the offset the sender believes the node has;
/// the bytes to append there on standard input — not an argument, which every user of the
/// node would see in `ps` (the journal names commands, answers and output tails). Prints
/// the node's length after; when it is not at the offset, its length and the SHA-256 of
/// what it holds (to tell a node that is behind from one whose journal went on
/// elsewhere). Input cut short by a dropped link leaves a beginning of this journal, which
/// the next record's sync finds behind and completes.
const APPEND: &str = r#"
j=$d/journals/$1
mkdir -p -- "$j" || exit 125
f=$j/$2.jsonl
if [ -f "$f" ]; then have=$(($(wc -c <"$f"))); else have=0; fi
if [ "$have" != "$3" ]; then
  cat >/dev/null
  echo "$have $(sha256sum <"$f" 2>/dev/null | cut -d' ' -f1)"
  exit 0
fi
cat >>"$f" || exit 125
echo $(($(wc -c <"$f")))
"#;

/// `$1` = site.runbook: the newest mirrored journal without an end, whole.
const OPEN: &str = r#"
j=$d/journals/$1
last=
for f in "$j"/*.jsonl; do
  [ -f "$f" ] || continue
  grep -q '"event":"run_finished"' "$f" && continue
  grep -q '"event":"abandoned"' "$f" && continue
  last=$f
done
[ -n "$last" ] && cat -- "$last"
exit 0
"#;

fn tool(body: &str, args: &[&[u8]]) -> Cmd {
    // Only names and numbers: what the journal holds goes on standard input.
    let mut cmd = Cmd::new("sh")
        .arg("-c")
        .arg(format!("{PRIVATE_DIR}{body}").as_str())
        .arg("tvdr-mirror");
    for arg in args {
        cmd = cmd.arg(*arg);
    }
    cmd
}

/// The mirror of one run's journal on the nodes.
pub struct Mirror<'a> {
    fleet: &'a Fleet,
    nodes: Vec<String>,
    name: String,
    run_id: String,
    /// How much of the journal each node is known to hold.
    sent: BTreeMap<String, usize>,
}

/// The run went on elsewhere: a node holds more of its journal than this laptop.
#[derive(Debug, thiserror::Error)]
#[error(
    "this run was taken over: `{node}` holds {theirs} bytes of its journal, this laptop \
     {ours}; someone else goes on with it — stopping here"
)]
pub struct TakenOver {
    pub node: String,
    pub theirs: usize,
    pub ours: usize,
}

impl<'a> Mirror<'a> {
    pub fn new(fleet: &'a Fleet, nodes: Vec<String>, name: &str, run_id: &str) -> Mirror<'a> {
        Mirror {
            fleet,
            nodes,
            name: name.to_string(),
            run_id: run_id.to_string(),
            sent: BTreeMap::new(),
        }
    }

    /// Sends every node what it lacks of `journal`. A node that is down, or known to be
    /// (it failed this step already), is skipped: it catches up at a later record.
    pub fn sync(&mut self, journal: &Path) -> Result<(), TakenOver> {
        let Ok(local) = std::fs::read(journal) else {
            return Ok(());
        };
        // The nodes in parallel: a record costs one round trip, not one per node.
        let this = &*self;
        let results: Vec<(String, Result<usize, Failure>)> = std::thread::scope(|scope| {
            let running: Vec<_> = this
                .nodes
                .iter()
                .filter(|node| !this.fleet.known_down(node))
                .map(|node| {
                    let local = &local;
                    (node, scope.spawn(move || this.sync_node(node, local)))
                })
                .collect();
            running
                .into_iter()
                .map(|(node, thread)| {
                    let result = thread.join().unwrap_or(Err(Failure::Silent));
                    (node.clone(), result)
                })
                .collect()
        });
        let mut taken = None;
        for (node, result) in results {
            match result {
                Ok(have) => {
                    self.sent.insert(node, have);
                }
                Err(Failure::TakenOver(err)) => taken = Some(err),
                Err(Failure::Silent) => {
                    self.sent.remove(&node);
                }
            }
        }
        taken.map_or(Ok(()), Err)
    }

    /// Brings `node` up to date; how much it holds after.
    fn sync_node(&self, node: &str, local: &[u8]) -> Result<usize, Failure> {
        let mut offset = self.sent.get(node).copied().unwrap_or(0);
        // A node not heard from yet is asked what it holds before anything is sent.
        let mut probe = !self.sent.contains_key(node);
        // Bounded: a node that keeps answering other offsets is left for next time.
        for _ in 0..(local.len() / CHUNK + 4) {
            if offset > local.len() {
                return Err(Failure::TakenOver(TakenOver {
                    node: node.to_string(),
                    theirs: offset,
                    ours: local.len(),
                }));
            }
            let end = if probe {
                offset
            } else {
                (offset + CHUNK).min(local.len())
            };
            probe = false;
            let chunk = &local[offset..end];
            let (have, digest) = self.append(node, offset, chunk)?;
            if have == offset + chunk.len() && digest.is_none() {
                if have == local.len() {
                    return Ok(have);
                }
                offset = have;
                continue;
            }
            // Not where this laptop thought: behind (it missed records) is fine if what it
            // holds is this journal's beginning; anything else went on elsewhere.
            let ours = local.get(..have).map(sha256_hex);
            if have > local.len() || (have > 0 && ours != digest) {
                return Err(Failure::TakenOver(TakenOver {
                    node: node.to_string(),
                    theirs: have,
                    ours: local.len(),
                }));
            }
            offset = have;
        }
        Err(Failure::Silent)
    }

    /// Appends `chunk` at `offset`; the node's length after, and its digest when it was
    /// not at `offset` (nothing was appended then).
    fn append(
        &self,
        node: &str,
        offset: usize,
        chunk: &[u8],
    ) -> Result<(usize, Option<String>), Failure> {
        let cmd = append_command(&self.name, &self.run_id, offset);
        let out = self
            .fleet
            .with(node, |t| {
                let mut out = Output::default();
                out.status = t.exec_input(&cmd, chunk, &mut out.stdout, &mut out.stderr, None)?;
                Ok(out)
            })
            .map_err(|_| Failure::Silent)?;
        let text = out.stdout_lossy();
        let mut words = text.split_whitespace();
        let have = words
            .next()
            .and_then(|w| w.parse().ok())
            .ok_or(Failure::Silent)?;
        Ok((have, words.next().map(str::to_string)))
    }
}

/// Appends what comes on standard input to run `run_id`'s mirror named `name`, if the node
/// holds `offset` bytes of it.
fn append_command(name: &str, run_id: &str, offset: usize) -> Cmd {
    let offset = offset.to_string();
    tool(
        APPEND,
        &[name.as_bytes(), run_id.as_bytes(), offset.as_bytes()],
    )
}

/// Why a node was not brought up to date: it did not answer (or answered nonsense) —
/// it catches up later — or it holds more than this laptop.
enum Failure {
    Silent,
    TakenOver(TakenOver),
}

fn sha256_hex(bytes: &[u8]) -> String {
    crate::runbook::load::sha256_hex(bytes)
}

/// An open run found on the cluster: its journal as the nodes hold it.
pub struct Found {
    pub node: String,
    pub bytes: Vec<u8>,
    pub records: Vec<Record>,
}

/// The open run of `name` mirrored on `nodes`: the longest copy (a node that was down
/// for the last records holds a shorter one). `None` when no node holds one.
pub fn find_open(fleet: &Fleet, nodes: &[String], name: &str) -> Option<Found> {
    let cmd = tool(OPEN, &[name.as_bytes()]);
    let mut best: Option<Found> = None;
    let names: Vec<&str> = nodes.iter().map(String::as_str).collect();
    for (node, result) in fleet.run_each(&names, |t| t.output(&cmd)) {
        let Ok(out) = result else { continue };
        if !out.success() || out.stdout.is_empty() {
            continue;
        }
        if best
            .as_ref()
            .is_some_and(|b| b.bytes.len() >= out.stdout.len())
        {
            continue;
        }
        let Ok(records) = journal::parse(&out.stdout) else {
            continue;
        };
        best = Some(Found {
            node,
            bytes: out.stdout,
            records,
        });
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::NoSecrets;

    /// This machine as `tvox1`, its `$HOME` being `home`.
    fn fleet(home: &Path) -> Fleet {
        let mut target = crate::transport::testing::local("tvox1");
        target
            .env
            .insert("HOME".into(), home.to_string_lossy().into_owned());
        Fleet::new(vec![target], Box::new(NoSecrets))
    }

    #[test]
    fn the_journal_travels_on_standard_input_and_a_cut_copy_is_completed() {
        let home = tempfile::tempdir().unwrap();
        let journal = home.path().join("run1.jsonl");
        let record = "{\"event\":\"step_started\",\"step\":\"it's $HOME `x`\"}\n";
        std::fs::write(&journal, record.repeat(3)).unwrap();
        let fleet = fleet(home.path());
        let mirror = |journal: &Path| {
            Mirror::new(&fleet, vec!["tvox1".into()], "site_rb", "run1").sync(journal)
        };
        assert!(mirror(&journal).is_ok());
        let copy = home
            .path()
            .join(".local/state/tvdr/journals/site_rb/run1.jsonl");
        let read = |path: &Path| std::fs::read(path).unwrap();
        assert_eq!(read(&copy), read(&journal), "byte for byte, quotes and all");

        // A link dropped in the middle of a record left the copy cut: the next sync (a new
        // process, which knows nothing of the node) completes it.
        std::fs::write(&journal, record.repeat(4)).unwrap();
        let cut = read(&copy).len() + 10;
        std::fs::write(&copy, &read(&journal)[..cut]).unwrap();
        assert!(mirror(&journal).is_ok());
        assert_eq!(read(&copy), read(&journal));

        // What the journal holds is never on the command line (`ps` on the node).
        let line = append_command("site_rb", "run1", 0).render();
        assert!(!line.contains("step_started"), "{line}");
    }
}
