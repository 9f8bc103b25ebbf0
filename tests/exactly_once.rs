//! Exactly once, whatever dies: every step's command leaves a receipt on its node, and a
//! retry, a resume after kill -9, a cut link or a vanished command reads it before doing
//! anything — nothing runs twice, nothing is lost. The soak kills tvdr at random moments
//! of a whole runbook (fixed seed; `scripts/soak N` for more trials).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::site::Site;

/// The receipt directories of `step` on `node` (one per attempt).
fn attempts(site: &Site, node: &str, step: &str) -> Vec<PathBuf> {
    let root = site.home_of(node).join(".local/state/tvdr/receipts");
    let mut found = Vec::new();
    for run in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for attempt in std::fs::read_dir(run.path().join(step))
            .into_iter()
            .flatten()
            .flatten()
        {
            found.push(attempt.path());
        }
    }
    found.sort();
    found
}

/// This trial's journals of `runbook`: those that were not there `before` (none when the
/// kill came before the run began), as one text.
fn journals_since(site: &Site, runbook: &str, before: &[PathBuf]) -> String {
    site.journals(runbook)
        .iter()
        .filter(|p| !before.contains(p))
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect()
}

/// Laptop B: another home (`home`), another state directory in it, another technician,
/// the same site and runbooks.
fn laptop_b(site: &Site, home: &Path) -> assert_cmd::Command {
    let mut cmd = crate::common::tvdr(home);
    cmd.arg("-i")
        .arg(site.lab.inventory())
        .arg("--runbooks")
        .arg(crate::common::repo_file("tests/fixtures/runbooks"))
        .arg("--state-dir")
        .arg(home.join("state"))
        .env("USER", "tech-b");
    cmd
}

/// Every journal of `runbook` laptop B (home `home`) keeps.
fn laptop_b_journals(site: &Site, home: &Path, runbook: &str) -> Vec<String> {
    let dir = home.join(format!("state/lab-{}/runs/{runbook}", site.lab.id()));
    std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect()
}

/// The journals mirrored on `node`'s private directory.
fn mirrors(site: &Site, node: &str) -> Vec<PathBuf> {
    let journals = site.home_of(node).join(".local/state/tvdr/journals");
    std::fs::read_dir(journals)
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .map(|e| e.path())
        .collect()
}

/// Cuts the run's end out of every journal mirrored on the cluster, as if tvdr had died
/// before mirroring it (or before writing it).
fn cut_the_end_from_the_mirrors(site: &Site) {
    for node in ["tvox1", "tvox2"] {
        for path in mirrors(site, node) {
            let text = std::fs::read_to_string(&path).unwrap();
            let cut: String = text
                .lines()
                .filter(|l| !l.contains(r#""event":"run_finished""#))
                .map(|l| format!("{l}\n"))
                .collect();
            assert_ne!(cut, text, "{node}: the end was mirrored");
            std::fs::write(&path, cut).unwrap();
        }
    }
}

fn count_in(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn a_failed_step_runs_again_only_where_it_failed() {
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("tvox2: exit status 1"));
    assert_eq!(site.count("tvox1", "both.count"), 1);
    assert_eq!(site.count("tvox2", "both.count"), 1);
    // The technician fixes tvox2 and resumes: a retry of the failed step.
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(
        site.count("tvox1", "both.count"),
        1,
        "tvox1 succeeded: not again"
    );
    assert_eq!(site.count("tvox2", "both.count"), 2, "tvox2 failed: again");
    assert_eq!(attempts(&site, "tvox2", "both").len(), 2);
    assert_eq!(attempts(&site, "tvox1", "both").len(), 1);
    let evidence = site.evidence("once", "both");
    assert_eq!(evidence["hosts"]["tvox2"]["receipt"]["attempt"], 2);
    assert_eq!(evidence["hosts"]["tvox1"]["receipt"]["attempt"], 1);
}

#[test]
fn a_cut_link_during_a_run_step_exits_3_and_the_receipt_tells_the_end() {
    let site = Site::new();
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    let mut child = site.spawn(&["runbook", "once", "--yes"]);
    site.wait_count("tvox1", "linger.count");
    site.lab.cut("tvox1");
    let status = child.wait().unwrap();
    let said = std::fs::read_to_string(site.home.path().join("spawned.stderr")).unwrap();
    site.lab.restore("tvox1");
    assert_eq!(status.code(), Some(3), "{said}");
    assert!(said.contains("tvox1"), "the lost node is named: {said}");
    // Meanwhile the command finished on the node, without tvdr.
    let receipt = attempts(&site, "tvox1", "linger").pop().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !receipt.join("ended").exists() {
        assert!(Instant::now() < deadline, "the command died with the link");
        std::thread::sleep(Duration::from_millis(100));
    }
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains("already ran"));
    assert_eq!(site.count("tvox1", "linger.count"), 1, "run twice");
    assert_eq!(site.count("tvox1", "last.count"), 1);
    let evidence = site.evidence("once", "linger");
    assert_eq!(evidence["hosts"]["tvox1"]["stdout_tail"], "lingered");
}

#[test]
fn a_command_that_vanished_is_put_to_the_technician_never_rerun_by_itself() {
    let site = Site::new();
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    let mut child = site.spawn(&["runbook", "once", "--yes"]);
    site.wait_count("tvox1", "linger.count");
    child.kill().unwrap();
    child.wait().unwrap();
    // The command dies on the node without an end record (a crash, an OOM kill).
    let pid = site.receipt_pid("tvox1", "linger");
    let killed = Command::new("pkill")
        .args(["-KILL", "-s", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(200));
    // --yes confirms; it does not decide whether a half-done command runs again.
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("never finished").and(predicate::str::contains(
                "whether it did its work is unknown",
            )),
        );
    assert_eq!(site.count("tvox1", "linger.count"), 1);
    let journal = site.journal_text("once");
    assert!(
        journal.contains(r#""step":"linger","outcome":"failed""#),
        "{journal}"
    );
    // Running tvdr again after that stop is the technician's retry: a second attempt.
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(site.count("tvox1", "linger.count"), 2);
    assert_eq!(attempts(&site, "tvox1", "linger").len(), 2);
}

#[test]
fn a_receipt_the_lab_user_cannot_read_stops_the_step_and_is_never_taken_as_not_started() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::new();
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    let mut child = site.spawn(&["runbook", "once", "--yes"]);
    site.wait_count("tvox1", "linger.count");
    child.kill().unwrap();
    child.wait().unwrap();
    let receipt = attempts(&site, "tvox1", "linger").pop().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !receipt.join("ended").exists() {
        assert!(Instant::now() < deadline, "the command died with tvdr");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The attempt's directory cannot be listed by the lab user (not root on the nodes).
    let mode = |m| std::fs::Permissions::from_mode(m);
    std::fs::set_permissions(&receipt, mode(0o000)).unwrap();
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("the receipt on tvox1 is unreadable")
                .and(predicate::str::contains("cannot be read by tvdrlab"))
                .and(predicate::str::contains(&*receipt.to_string_lossy())),
        );
    assert_eq!(site.count("tvox1", "linger.count"), 1, "run again");
    // Readable again: the command's end is found, not repeated.
    std::fs::set_permissions(&receipt, mode(0o700)).unwrap();
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains("already ran"));
    assert_eq!(site.count("tvox1", "linger.count"), 1, "run twice");
    assert_eq!(site.count("tvox1", "last.count"), 1);
    assert_eq!(attempts(&site, "tvox1", "linger").len(), 1);
}

#[test]
fn a_reboot_is_issued_once_even_when_tvdr_dies_right_after_issuing_it() {
    let site = Site::new();
    site.make_rebootable("tvox1");
    let log = site.lab.node_dir("tvox1").join("reboot.log");
    let requests = |log: &Path| {
        std::fs::read_to_string(log)
            .unwrap_or_default()
            .matches("requested")
            .count()
    };
    let before = site.boot_id("tvox1");
    let mut child = site.spawn(&["runbook", "reboot", "--yes"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while requests(&log) == 0 {
        assert!(Instant::now() < deadline, "the reboot was never issued");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Resumed at once, while the node is still up on its old boot (or going down).
    site.tvdr()
        .args(["runbook", "reboot", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .success();
    assert_eq!(requests(&log), 1, "rebooted twice");
    assert_ne!(site.boot_id("tvox1"), before);
}

/// A small deterministic generator (the soak must be reproducible from its seed).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Each step of the soak runbook and where its counter lives.
const SOAK: &[(&str, &[&str], &str)] = &[
    ("s1", &["tvox1"], "s1.count"),
    ("s2", &["tvox1", "tvox2"], "s2.count"),
    ("s3", &["tvox2"], "s3.count"),
    ("s4", &["tvox1"], "s4.count"),
    ("s4", &["tvox1"], "s4.after"),
    ("s5", &["tvox1", "tvox2"], "s5.count"),
    ("s6", &["tvox2"], "s6.count"),
];

#[test]
fn soak_kill_9_at_random_moments_repeats_nothing_and_loses_nothing() {
    let trials: u64 = std::env::var("TVDR_SOAK_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let seed: u64 = std::env::var("TVDR_SOAK_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x7664_7200);
    let mut site = Site::new();
    let state_root = site.home.path().join("soak");
    let clear = |site: &Site| {
        for node in ["tvox1", "tvox2"] {
            for entry in std::fs::read_dir(site.home_of(node)).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".count") || name.ends_with(".after") {
                    std::fs::remove_file(entry.path()).unwrap();
                }
            }
        }
    };
    // How long one whole run takes: kills land anywhere inside it.
    site.state = state_root.join("reference");
    let began = Instant::now();
    site.tvdr()
        .args(["runbook", "soak", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let whole = began.elapsed().as_millis() as u64;
    clear(&site);

    let mut rng = Lcg(seed);
    let (mut inside, mut repeated, mut lost, mut finished_first) = (0, 0, 0, 0);
    // One laptop for every trial, as in the field: a run killed after it closed its journal
    // but before the cluster heard of that is this laptop's own, and its next run says so
    // to the cluster (from a fresh state directory it would be another laptop's run, open
    // as far as anyone can tell, and rightly offered for takeover).
    site.state = state_root.join("laptop");
    for trial in 0..trials {
        let before = site.journals("soak");
        let mut child = site.spawn(&["runbook", "soak", "--yes"]);
        std::thread::sleep(Duration::from_millis(rng.below(whole)));
        child.kill().unwrap();
        child.wait().unwrap();
        let journal = journals_since(&site, "soak", &before);
        if count_in(&journal, "\"event\":\"step_started\"")
            > count_in(&journal, "\"event\":\"step_finished\"")
        {
            inside += 1;
        }
        if journal.contains("\"event\":\"run_finished\"") {
            // Faster than the reference run: the kill came too late. Running the runbook
            // again would start a new run, on purpose; nothing to resume.
            finished_first += 1;
        } else {
            let resumed = site
                .tvdr()
                .args(["runbook", "soak", "--yes"])
                .timeout(Duration::from_secs(60))
                .output()
                .unwrap();
            assert!(
                resumed.status.success(),
                "trial {trial} (seed {seed}): the resumed run failed: {}",
                String::from_utf8_lossy(&resumed.stderr)
            );
        }
        for (step, nodes, file) in SOAK {
            for node in *nodes {
                match site.count(node, file) {
                    1 => {}
                    0 => {
                        lost += 1;
                        eprintln!("trial {trial}: {step} never ran on {node}");
                    }
                    n => {
                        repeated += 1;
                        eprintln!("trial {trial}: {step} ran {n} times on {node}");
                    }
                }
            }
        }
        let journal = journals_since(&site, "soak", &before);
        for (step, _, _) in SOAK {
            let done = format!(r#""step":"{step}","outcome":"done""#);
            assert_eq!(
                count_in(&journal, &done),
                1,
                "trial {trial}: `{step}` not recorded done exactly once"
            );
        }
        clear(&site);
    }
    eprintln!(
        "soak: seed {seed}, {trials} trials, {} kills ({inside} inside a step), \
         {repeated} steps repeated, {lost} lost",
        trials - finished_first
    );
    assert_eq!((repeated, lost), (0, 0));
    assert!(
        inside > 0,
        "no kill landed inside a step: the soak proves nothing"
    );
}

#[test]
fn a_run_killed_on_laptop_a_is_finished_from_laptop_b_with_nothing_repeated() {
    let site = Site::new();
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    let mut a = site.spawn(&["runbook", "once", "--yes"]);
    site.wait_count("tvox1", "linger.count");
    a.kill().unwrap();
    a.wait().unwrap();

    let b_home = tempfile::tempdir().unwrap();
    let b = || laptop_b(&site, b_home.path());
    // No terminal, no --take-over: refused, saying whose run it is and how to go on.
    b().args(["runbook", "once", "--yes"])
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("tech-a")
                .and(predicate::str::contains("--take-over"))
                .and(predicate::str::contains("linger")),
        );
    b().args(["runbook", "once", "--yes", "--take-over"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains("taken over run"));
    assert_eq!(site.count("tvox1", "both.count"), 1);
    assert_eq!(site.count("tvox2", "both.count"), 1);
    assert_eq!(
        site.count("tvox1", "linger.count"),
        1,
        "repeated on laptop B"
    );
    assert_eq!(site.count("tvox1", "last.count"), 1, "lost");

    let b_journal: String = laptop_b_journals(&site, b_home.path(), "once").concat();
    assert!(b_journal.contains(r#""event":"taken_over""#), "{b_journal}");
    assert!(b_journal.contains(r#""from_operator":"tech-a""#));
    assert!(b_journal.contains(r#""event":"run_finished""#));
    assert_eq!(count_in(&b_journal, r#""step":"both","outcome":"done""#), 1);
    // The mirror on the cluster says the run finished; no lock is left on any node.
    for node in ["tvox1", "tvox2"] {
        let private = site.home_of(node).join(".local/state/tvdr");
        let mirrored: String = std::fs::read_dir(private.join("journals"))
            .unwrap()
            .flatten()
            .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .collect();
        assert!(
            mirrored.contains(r#""event":"run_finished""#),
            "{node}: {mirrored}"
        );
        let locks = std::fs::read_dir(private.join("locks"))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(locks, 0, "a lock left on {node}");
    }
    // Laptop A, back, cannot go on with a run that went on elsewhere.
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("taken over"));
    assert_eq!(site.count("tvox1", "last.count"), 1);
}

#[test]
fn the_updater_started_on_laptop_a_is_followed_from_laptop_b_not_started_again() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "fake-updater",
        "#!/bin/sh\necho x >> \"$HOME/updater.count\"\nsleep 3\n\
         echo 'Update completed successfully'\n",
    );
    let mut a = site.spawn(&["runbook", "patch", "--yes"]);
    site.wait_count("tvox1", "updater.count");
    a.kill().unwrap();
    a.wait().unwrap();
    let b_home = tempfile::tempdir().unwrap();
    laptop_b(&site, b_home.path())
        .args(["runbook", "patch", "--yes", "--take-over"])
        .timeout(Duration::from_secs(90))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "following it, not starting the command again",
        ));
    assert_eq!(site.count("tvox1", "updater.count"), 1, "patched twice");
    assert_eq!(site.count("tvox1", "after-patch.count"), 1);
}

#[test]
fn a_run_finished_here_whose_end_never_reached_the_cluster_is_not_offered_again() {
    // tvdr killed between closing its journal and mirroring that (or a node down then):
    // the cluster's copy lacks the end. The next run on this laptop is a new run, not a
    // question about taking over the finished one — found by the kill -9 soak.
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "soak", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    cut_the_end_from_the_mirrors(&site);
    site.tvdr()
        .args(["runbook", "soak", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains("--take-over").not());
    assert_eq!(site.journals("soak").len(), 2, "a second, new run");
    assert_eq!(site.count("tvox1", "s1.count"), 2);
    // The cluster caught up: the first run's end is mirrored now.
    for node in ["tvox1", "tvox2"] {
        let ended = mirrors(&site, node)
            .iter()
            .filter(|p| {
                std::fs::read_to_string(p)
                    .unwrap()
                    .contains(r#""event":"run_finished""#)
            })
            .count();
        assert_eq!(ended, 2, "{node}");
    }
}

#[test]
fn a_run_lacking_only_its_end_is_closed_from_another_laptop_without_a_question() {
    // Laptop A's tvdr died after the last step, before the run's end and before giving the
    // cluster's lock back: the cluster's copy has every step done, and the lock is there.
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "soak", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    cut_the_end_from_the_mirrors(&site);
    let run = site.journals("soak")[0]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let holder = format!(
        r#"{{"run_id":"{run}","operator":"tech-a","host":"laptop-a","pid":1,"since":"2026-11-22T00:00:00Z"}}"#
    );
    for node in ["tvox1", "tvox2"] {
        let private = site.home_of(node).join(".local/state/tvdr");
        let lock = private.join(format!("locks/lab-{}_soak", site.lab.id()));
        std::fs::create_dir_all(&lock).unwrap();
        std::fs::write(lock.join("holder"), &holder).unwrap();
        let owned = Command::new("chown")
            .args(["-R", "tvdrlab:"])
            .arg(&private)
            .status()
            .unwrap();
        assert!(owned.success());
    }

    // Laptop B, no terminal, no --take-over: nothing is left to decide, so nothing is asked.
    let b_home = tempfile::tempdir().unwrap();
    laptop_b(&site, b_home.path())
        .args(["runbook", "soak", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(
            predicate::str::contains("only its end is missing")
                .and(predicate::str::contains("--take-over").not()),
        );
    for (_, nodes, file) in SOAK {
        for node in *nodes {
            assert_eq!(site.count(node, file), 1, "{file} on {node}");
        }
    }
    let b_journals = laptop_b_journals(&site, b_home.path(), "soak");
    assert_eq!(b_journals.len(), 1, "B closed A's run, and started none");
    let b_journal = &b_journals[0];
    assert!(
        b_journal.contains(r#""event":"taken_over""#)
            && b_journal.contains(r#""from_operator":"tech-a""#)
            && b_journal.contains("only the run's end was missing"),
        "{b_journal}"
    );
    assert!(b_journal.contains(r#""event":"run_finished""#));
    assert_eq!(count_in(b_journal, r#""event":"step_started""#), 6);
    // The cluster knows the run ended, and its lock is gone.
    for node in ["tvox1", "tvox2"] {
        let mirrored: String = mirrors(&site, node)
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(mirrored.contains(r#""event":"run_finished""#), "{node}");
        let locks = site.home_of(node).join(".local/state/tvdr/locks");
        let left = std::fs::read_dir(locks).map(|d| d.count()).unwrap_or(0);
        assert_eq!(left, 0, "a lock left on {node}");
    }
}
