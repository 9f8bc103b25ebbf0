//! Faults, each a named test: a node rebooting under a step, a node slower than the
//! step's timeout, a state directory with no room left, a run lock that cannot be given
//! back. In each, tvdr says what happened and nothing runs twice.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::site::Site;

#[test]
fn a_node_that_reboots_under_a_step_is_named_and_the_command_is_not_rerun_by_itself() {
    let site = Site::new();
    site.make_rebootable("tvox1");
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    let mut child = site.spawn(&["runbook", "once", "--yes"]);
    site.wait_count("tvox1", "linger.count");
    // The node reboots by itself (a power cut, a watchdog) while the command runs.
    let fifo = site.lab.node_dir("tvox1").join("reboot.fifo");
    std::fs::write(&fifo, "reboot\n").unwrap();
    let status = child.wait().unwrap();
    let said = std::fs::read_to_string(site.home.path().join("spawned.stderr")).unwrap();
    assert_eq!(
        status.code(),
        Some(3),
        "the lost node stops the run: {said}"
    );
    assert!(said.contains("tvox1"), "{said}");
    // Lab nodes share this machine's kernel: what a real reboot kills (the command's
    // session) is killed by hand, while the node is down.
    let pid = site.receipt_pid("tvox1", "linger");
    assert!(Command::new("pkill")
        .args(["-KILL", "-s", &pid])
        .status()
        .unwrap()
        .success());
    // Back up: the receipt says the command started and never ended, in another boot.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let out = site
            .tvdr()
            .args(["runbook", "once", "--yes"])
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.code() == Some(3) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(500));
            continue; // still booting
        }
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("rebooted under it"), "{stderr}");
        break;
    }
    assert_eq!(site.count("tvox1", "linger.count"), 1);
    assert_eq!(site.count("tvox1", "last.count"), 0);
}

#[test]
fn a_node_slower_than_the_timeout_is_followed_on_retry_not_started_again() {
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "crawl", "--yes"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("still running after 1s")
                .and(predicate::str::contains("not started again")),
        );
    // Resuming is the retry: the command is followed to its end, not started again.
    site.tvdr()
        .args(["runbook", "crawl", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(site.count("tvox1", "crawl.count"), 1);
    let evidence = site.evidence("crawl", "crawl");
    assert_eq!(evidence["hosts"]["tvox1"]["stdout_tail"], "crawled");
}

/// A small file system for the state directory, unmounted when dropped.
struct Tiny {
    path: PathBuf,
}

impl Tiny {
    fn mount(path: &Path) -> Tiny {
        std::fs::create_dir_all(path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tvdr-test-tiny"])
            .arg(path)
            .status()
            .unwrap();
        assert!(ok.success(), "mount tmpfs");
        Tiny {
            path: path.to_path_buf(),
        }
    }

    /// Fills it to the last byte.
    fn fill(&self) {
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=1k"])
            .arg(format!("of={}", self.path.join("fill").display()))
            .stderr(std::process::Stdio::null())
            .status();
    }
}

impl Drop for Tiny {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn a_full_state_directory_stops_before_a_step_it_cannot_journal() {
    let mut site = Site::new();
    site.state = site.home.path().join("tiny");
    let tiny = Tiny::mount(&site.state);
    // tvox2 fails `both`: the run stops there, resumable.
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .assert()
        .code(1);
    assert_eq!(site.count("tvox2", "both.count"), 1);
    std::fs::write(site.home_of("tvox2").join("pass.flag"), "").unwrap();
    tiny.fill();
    let out = site
        .tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    // Refused before the step (or already at the journal's first write), with why.
    assert!(
        stderr.contains("not starting step `both`") || stderr.contains("No space left"),
        "{stderr}"
    );
    assert_eq!(
        site.count("tvox2", "both.count"),
        1,
        "ran without a journal"
    );
    assert_eq!(site.count("tvox1", "linger.count"), 0);
    // Room again: the run resumes where it stood.
    std::fs::remove_file(site.state.join("fill")).unwrap();
    site.tvdr()
        .args(["runbook", "once", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(site.count("tvox2", "both.count"), 2);
    assert_eq!(site.count("tvox1", "linger.count"), 1);
    drop(tiny);
}

#[test]
fn a_run_lock_that_cannot_be_released_is_said_not_ignored() {
    let site = Site::new();
    let mut child = site.spawn(&["runbook", "slow", "--yes"]);
    site.wait_started("slow", "slow");
    // Something the lab user cannot remove inside the lock on tvox1 (root's).
    let lock = site.home_of("tvox1").join(format!(
        ".local/state/tvdr/locks/lab-{}_slow",
        site.lab.id()
    ));
    assert!(lock.is_dir(), "no lock on tvox1");
    std::fs::create_dir(lock.join("pinned")).unwrap();
    std::fs::write(lock.join("pinned/by-root"), "").unwrap();
    let status = child.wait().unwrap();
    let said = std::fs::read_to_string(site.home.path().join("spawned.stderr")).unwrap();
    std::fs::remove_dir_all(&lock).unwrap();
    assert!(status.success(), "{said}");
    assert!(
        said.contains("the run lock on `tvox1` was not released") && said.contains("--break-lock"),
        "{said}"
    );
    assert!(
        !said.contains("the run lock on `tvox2` was not released"),
        "{said}"
    );
    assert!(site
        .journal_text("slow")
        .contains(r#""event":"run_finished""#));
}
