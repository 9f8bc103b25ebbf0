//! The runbook engine against the lab: runs with answers, resume after kill -9 / Ctrl-C /
//! missing human / torn journal, locks, --from/--only, rollback, dry run.

use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::common::{repo_file, tvdr};
use crate::site::Site;

fn count_in(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

const DEMO_ANSWERS: &str = "answers: { release: '22.1', new_ip: 10.9.9.9, snapshot_name: pre-demo }
gates: { snapshot: yes }
";

#[test]
fn a_rehearsal_with_answers_runs_every_step_and_journals_it() {
    let site = Site::new();
    let answers = site.answers(DEMO_ANSWERS);
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let journal = site.journal_text("demo");
    for step in [
        "hello",
        "ask-release",
        "snapshot",
        "who-is-master",
        "write-marker",
        "both-uptime",
    ] {
        assert!(
            journal.contains(&format!(r#""step":"{step}","outcome":"done""#)),
            "{step}:\n{journal}"
        );
    }
    assert!(journal.contains(r#""step":"old-licence","outcome":"skipped""#));
    assert!(journal.contains(r#""release":"22.1""#));
    assert!(journal.contains(r#""event":"run_finished""#));
    // The answer reached the master quoted, as data.
    let marker = site.lab.node_dir("tvox1").join("home/marker-10.9.9.9");
    assert_eq!(std::fs::read_to_string(marker).unwrap(), "22.1");
    // The gate with `evidence: snapshot` left a reminder.
    let out = site
        .tvdr()
        .args(["snapshot", "list", "--format", "json"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("pre-demo"));
    // And --status says it finished.
    let out = site
        .tvdr()
        .args(["runbook", "demo", "--status", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["finished"], true);
    assert_eq!(v["operator"], "tech-a");
}

#[test]
fn without_a_terminal_a_question_stops_with_exit_5_and_the_run_resumes_later() {
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "demo"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("ask-release").and(predicate::str::contains("release")));
    let journal = site.journal_text("demo");
    assert!(
        journal.contains(r#""event":"interrupted","step":"ask-release""#),
        "{journal}"
    );
    let answers = site.answers(DEMO_ANSWERS);
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success()
        .stderr(predicate::str::contains("resuming run"));
    assert_eq!(site.journals("demo").len(), 1, "resumed, not restarted");
    let journal = site.journal_text("demo");
    assert_eq!(
        count_in(&journal, r#""event":"step_started","step":"hello""#),
        1,
        "a done step ran again"
    );
}

#[test]
fn kill_9_inside_a_step_resumes_without_repeating_done_steps() {
    let site = Site::new();
    let mut child = site.spawn(&["runbook", "slow", "--yes"]);
    site.wait_started("slow", "slow");
    // Kill while the node is inside the step's command (it counted, then sleeps).
    let deadline = Instant::now() + Duration::from_secs(30);
    while site.count("tvox1", "slow.count") == 0 {
        assert!(Instant::now() < deadline, "the slow step never ran");
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(site.count("tvox1", "first.count"), 1);
    // The command goes on on the node without tvdr; the resumed run finds its receipt
    // and follows it (or takes its end), never starting it again.
    let resumed = site
        .tvdr()
        .args(["runbook", "slow", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains("resuming run"));
    let stderr = String::from_utf8_lossy(&resumed.get_output().stderr).into_owned();
    assert!(
        stderr.contains("still running") || stderr.contains("already ran"),
        "{stderr}"
    );
    assert_eq!(
        site.count("tvox1", "first.count"),
        1,
        "the done step ran again"
    );
    assert_eq!(
        site.count("tvox1", "slow.count"),
        1,
        "the interrupted step ran twice"
    );
    assert_eq!(site.count("tvox1", "last.count"), 1);
    let journal = site.journal_text("slow");
    assert!(
        journal.contains("slept"),
        "the followed command's output is kept: {journal}"
    );
}

#[test]
fn kill_9_right_after_a_journal_write_loses_nothing() {
    let site = Site::new();
    let mut child = site.spawn(&["runbook", "slow", "--yes"]);
    // The instant `first` is recorded as started, before or while its command runs.
    site.wait_started("slow", "first");
    child.kill().unwrap();
    child.wait().unwrap();
    site.tvdr()
        .args(["runbook", "slow", "--yes"])
        .assert()
        .success();
    let journal = site.journal_text("slow");
    assert_eq!(count_in(&journal, r#""step":"first","outcome":"done""#), 1);
    assert_eq!(count_in(&journal, r#""step":"last","outcome":"done""#), 1);
    assert_eq!(site.count("tvox1", "first.count"), 1, "exactly once");
    assert_eq!(site.count("tvox1", "last.count"), 1);
}

#[test]
fn an_interrupted_step_needs_nobody_to_decide_what_the_node_remembers() {
    let site = Site::new();
    let mut child = site.spawn(&["runbook", "slow", "--yes"]);
    site.wait_started("slow", "slow");
    let deadline = Instant::now() + Duration::from_secs(30);
    while site.count("tvox1", "slow.count") == 0 {
        assert!(Instant::now() < deadline, "the slow step never ran");
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // No terminal, no --yes: the receipt answers "did it run?", not a guess or a person.
    site.tvdr()
        .args(["runbook", "slow"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(site.count("tvox1", "slow.count"), 1, "run twice");
}

#[test]
fn a_torn_last_journal_line_is_ignored_on_resume() {
    let site = Site::new();
    site.tvdr().args(["runbook", "demo"]).assert().code(5);
    let journal = site.journals("demo").pop().unwrap();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    std::io::Write::write_all(&mut f, br#"{"event":"step_finished","step":"ask-rel"#).unwrap();
    drop(f);
    let answers = site.answers(DEMO_ANSWERS);
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let text = std::fs::read_to_string(&journal).unwrap();
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
}

#[test]
fn ctrl_c_records_the_interrupted_step_and_exits_130() {
    let site = Site::new();
    let mut child = site.spawn(&["runbook", "slow", "--yes"]);
    site.wait_started("slow", "slow");
    let pid = rustix::process::Pid::from_child(&child);
    rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let journal = site.journal_text("slow");
    assert!(
        journal.contains(r#""event":"interrupted","step":"slow""#),
        "{journal}"
    );
}

/// `tvdr runbook … 2>&1 | tee log` and the `tee` ends: the run stops as at Ctrl-C, with
/// the exit code of a closed output, the step it fell in recorded, and resumes once.
#[test]
fn an_output_closed_mid_run_records_the_step_and_the_run_resumes_once() {
    let site = Site::new();
    let (mut reader, writer) = std::io::pipe().unwrap();
    let mut child = site.spawn_piped(&["runbook", "slow", "--yes"], writer);
    site.wait_started("slow", "slow");
    // What it printed so far, then nobody reads any more.
    let mut said = vec![0; 1 << 16];
    let n = std::io::Read::read(&mut reader, &mut said).unwrap();
    said.truncate(n);
    drop(reader);
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(141),
        "{}",
        String::from_utf8_lossy(&said)
    );
    let journal = site.journal_text("slow");
    assert!(journal.contains(r#""event":"interrupted""#), "{journal}");
    site.tvdr()
        .args(["runbook", "slow", "--yes"])
        .assert()
        .success();
    let count = |name| site.count("tvox1", name);
    assert_eq!(
        (
            count("first.count"),
            count("slow.count"),
            count("last.count")
        ),
        (1, 1, 1)
    );
}

#[test]
fn a_second_run_is_refused_locally_and_on_the_cluster() {
    let site = Site::new();
    let mut child = site.spawn(&["runbook", "slow", "--yes"]);
    site.wait_started("slow", "slow");
    site.tvdr()
        .args(["runbook", "slow", "--yes"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("already running here")
                .and(predicate::str::contains("tech-a")),
        );
    child.wait().unwrap();

    // Another laptop's run holds the lock on the cluster — on tvox2 only: the lock is
    // taken on every main node, so a conflict on any of them refuses the run.
    let private = site.home_of("tvox2").join(".local/state/tvdr");
    let lock = private.join(format!("locks/lab-{}_demo", site.lab.id()));
    let holder = r#"{"run_id":"other","operator":"tech-b","host":"laptop-b","pid":1,"since":"2026-11-22T00:00:00Z"}"#;
    std::fs::create_dir_all(&lock).unwrap();
    std::fs::write(lock.join("holder"), holder).unwrap();
    let owned = std::process::Command::new("chown")
        .args(["-R", "tvdrlab:"])
        .arg(site.home_of("tvox2").join(".local"))
        .status()
        .unwrap();
    assert!(owned.success());
    let tvox1_lock = site.home_of("tvox1").join(format!(
        ".local/state/tvdr/locks/lab-{}_demo",
        site.lab.id()
    ));
    let answers = site.answers(DEMO_ANSWERS);
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("tech-b").and(predicate::str::contains("--break-lock")));
    assert!(
        !tvox1_lock.exists(),
        "the lock taken on tvox1 was not given back"
    );
    site.tvdr()
        .args([
            "runbook",
            "demo",
            "--yes",
            "--break-lock",
            "laptop-b crashed, checked with tech-b",
            "--answers",
        ])
        .arg(&answers)
        .assert()
        .success();
    let journal = site.journal_text("demo");
    assert!(
        journal.contains("lock_broken") && journal.contains("laptop-b crashed"),
        "{journal}"
    );
    assert!(!lock.exists(), "lock left behind on tvox2");
    assert!(!tvox1_lock.exists(), "lock left behind on tvox1");
}

#[test]
fn only_and_from_choose_the_steps() {
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "slow", "--yes", "--from", "slow"])
        .assert()
        .success();
    assert_eq!(
        (
            site.count("tvox1", "first.count"),
            site.count("tvox1", "slow.count"),
            site.count("tvox1", "last.count")
        ),
        (0, 1, 1)
    );
    let journal = site.journal_text("slow");
    assert!(
        journal.contains(r#""step":"first","outcome":"skipped","reason":"before `--from slow`""#),
        "{journal}"
    );
    // --only runs one step, even one recorded as done or skipped.
    site.tvdr()
        .args(["runbook", "slow", "--yes", "--only", "first"])
        .assert()
        .success();
    assert_eq!(
        (
            site.count("tvox1", "first.count"),
            site.count("tvox1", "slow.count")
        ),
        (1, 1)
    );
    site.tvdr()
        .args(["runbook", "slow", "--only", "nope"])
        .assert()
        .code(2);
}

#[test]
fn rollback_runs_the_undo_steps_of_entered_stages() {
    let site = Site::new();
    let answers = site.answers(DEMO_ANSWERS);
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    site.tvdr()
        .args(["runbook", "demo", "--rollback", "--yes"])
        .assert()
        .success();
    assert!(site
        .journal_text("demo.rollback")
        .contains(r#""step":"undo-marker","outcome":"done""#));
}

#[test]
fn dry_run_connects_to_nothing_and_shows_the_plan() {
    // The lab is not even started: addresses lead nowhere.
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .arg("--runbooks")
        .arg(repo_file("tests/fixtures/runbooks"))
        .args(["runbook", "demo", "--dry-run", "--format", "json"])
        .timeout(Duration::from_secs(10))
        .assert()
        .success();
    let plan: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    insta::assert_json_snapshot!("demo_dry_run", plan);
    for id in [
        "standalone-to-ft",
        "upgrade",
        "dr-setup",
        "dr-activate",
        "dr-rollback",
    ] {
        let out = tvdr(home.path())
            .arg("-i")
            .arg(repo_file("examples/tvdr.yaml"))
            .args(["runbook", id, "--dry-run", "--format", "json"])
            .assert()
            .success();
        let plan: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(plan["runbook"], id);
        assert!(!plan["stages"].as_array().unwrap().is_empty());
    }
}

#[test]
fn lint_checks_every_shipped_runbook_and_locates_errors() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path()).arg("lint").assert().success();
    let bad = home.path().join("bad.yaml");
    std::fs::write(&bad, "id: bad\ntitle: B\nstages:\n  - id: s\n    title: S\n    steps:\n      - { id: a, kind: check, title: A, checks: [calendar] }\n").unwrap();
    tvdr(home.path())
        .arg("lint")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(format!("{}:7:50:", bad.display()))
                .and(predicate::str::contains("calendars")),
        );
}

#[test]
fn a_runbook_changed_since_the_run_began_is_named_and_needs_consent() {
    let site = Site::new();
    // A site copy of the demo runbook, changed between the two invocations.
    let dir = site.home.path().join("site-runbooks");
    std::fs::create_dir_all(&dir).unwrap();
    let original = std::fs::read_to_string(repo_file("tests/fixtures/runbooks/demo.yaml")).unwrap();
    std::fs::write(dir.join("demo.yaml"), &original).unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = tvdr(site.home.path());
        cmd.arg("-i")
            .arg(site.lab.inventory())
            .arg("--runbooks")
            .arg(&dir)
            .arg("--state-dir")
            .arg(&site.state)
            .args(["runbook", "demo"])
            .args(extra);
        cmd
    };
    run(&[]).assert().code(5);
    let changed = original.replace(
        "title: Both nodes answer",
        "title: Both nodes answer (uptime)",
    );
    std::fs::write(dir.join("demo.yaml"), changed).unwrap();
    // No terminal: resuming with a changed runbook needs a person to agree.
    run(&[])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("steps changed: both-uptime"));
    let answers = site.answers(DEMO_ANSWERS);
    run(&["--yes", "--answers", answers.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("steps changed: both-uptime"));
}

#[test]
fn ctrl_c_at_a_question_records_the_interruption_and_exits_130() {
    let site = Site::new();
    let transcript = site.home.path().join("transcript");
    let command = format!(
        "{} -i {} --runbooks {} --state-dir {} runbook demo",
        assert_cmd::cargo::cargo_bin("tvdr").display(),
        site.lab.inventory().display(),
        repo_file("tests/fixtures/runbooks").display(),
        site.state.display()
    );
    // A real terminal (`script`); Ctrl-C is typed once the first question is up, when the
    // terminal is in raw mode and the key reaches the prompt, not a signal handler.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("(sleep 4; printf '\\003') | script -qfec \"$1\" \"$2\"")
        .arg("sh")
        .arg(&command)
        .arg(&transcript)
        .env("HOME", site.home.path())
        .env("USER", "tech-a")
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(130), "{shown}");
    assert!(shown.contains("interrupted"), "{shown}");
    let journal = site.journal_text("demo");
    assert!(
        journal.contains(r#""event":"interrupted","step":"ask-release""#),
        "{journal}"
    );
    assert!(
        !journal.contains(r#""step":"ask-release","outcome""#),
        "{journal}"
    );
}

#[test]
fn a_check_step_that_cannot_reach_a_node_exits_3_and_resumes() {
    let site = Site::new();
    site.lab.cut("tvox2");
    site.tvdr()
        .args(["runbook", "check-fs", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("tvox2").and(predicate::str::contains("fs-in-sync")));
    assert!(site
        .journal_text("check-fs")
        .contains(r#""step":"fs-in-sync","outcome":"failed""#));
    site.lab.restore("tvox2");
    site.tvdr()
        .args(["runbook", "check-fs", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("resuming run"));
}
