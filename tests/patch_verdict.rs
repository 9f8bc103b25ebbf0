//! Did the patch succeed, on the lab: Telenia's updater stand-in
//! (`tests/lab/standins/tvox-updater`) ends in success or in each failure form, run by a
//! runbook's `screen` step and by `tvdr patch`. A failed patch stops the run (exit 1 with
//! `--yes`) before the other node is touched, and the journal and the message say why.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use predicates::prelude::*;

use crate::common::repo_file;
use crate::site::Site;

const SUPPORT: &str = "stop and contact Telenia support before any other action";
/// The stand-in in `node`'s bin/, ending as `outcome` (see the script's header), with
/// its `runs` file beside it writable by the lab user.
fn install_updater(site: &Site, node: &str, outcome: &str) {
    let bin = site.lab.node_dir(node).join("bin");
    let updater = repo_file("tests/lab/standins/tvox-updater");
    std::fs::copy(updater, bin.join("tvox-updater")).unwrap();
    std::fs::write(bin.join("outcome"), format!("{outcome}\n")).unwrap();
    let runs = bin.join("runs");
    std::fs::write(&runs, "").unwrap();
    std::fs::set_permissions(&runs, std::fs::Permissions::from_mode(0o666)).unwrap();
}

/// How many times the updater in `node`'s bin/ ran there.
fn runs(site: &Site, node: &str) -> usize {
    std::fs::read_to_string(site.lab.node_dir(node).join("bin").join("runs"))
        .unwrap()
        .lines()
        .filter(|l| l.split_whitespace().next() == Some(node))
        .count()
}

/// The last `step_finished` record of `step`.
fn finished(site: &Site, step: &str) -> serde_json::Value {
    site.journal_text("verdict")
        .lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|r| r["event"] == "step_finished" && r["step"] == step)
        .unwrap_or_else(|| panic!("no step_finished for `{step}`"))
}

#[test]
fn a_patch_ending_in_success_with_exit_0_is_done_and_the_other_node_goes_on() {
    let site = Site::new();
    install_updater(&site, "tvox1", "success");
    site.tvdr()
        .args(["runbook", "verdict", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "exit status 0 and success output found",
        ));
    let record = finished(&site, "patch-tvox1");
    assert_eq!(record["outcome"], "done");
    let evidence = &record["evidence"];
    assert_eq!(evidence["result"], "success");
    assert_eq!(evidence["exit"], 0);
    // The verdict line, not the preflight line about the previous upgrade.
    assert_eq!(
        evidence["success_line"],
        "Aggiornamento completato con successo alla release 22.0.3"
    );
    assert_eq!(evidence["failure_line"], serde_json::Value::Null);
    assert_eq!(runs(&site, "tvox1"), 1);
    assert_eq!(site.count("tvox2", "after-patch.count"), 1);
}

/// A run of the `verdict` runbook whose patch ends as `outcome`: it stops at the patch
/// with exit 1, says `why` and to call support, journals the step failed with that
/// reason, and never reaches TVOX 2. Returns the patch's evidence.
fn failed_patch_stops_the_run(outcome: &str, why: &str) -> serde_json::Value {
    let site = Site::new();
    install_updater(&site, "tvox1", outcome);
    site.tvdr()
        .args(["runbook", "verdict", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the updater failed on tvox1"))
        .stderr(predicate::str::contains(why))
        .stderr(predicate::str::contains(SUPPORT));
    let record = finished(&site, "patch-tvox1");
    assert_eq!(record["outcome"], "failed", "{record:#}");
    let reason = record["reason"].as_str().unwrap();
    assert!(reason.contains(why), "{reason}");
    assert!(reason.contains(SUPPORT), "{reason}");
    assert_eq!(record["evidence"]["result"], "failed");
    assert!(
        !site
            .journal_text("verdict")
            .contains(r#""step":"after-on-tvox2""#),
        "the step on tvox2 started after a failed patch"
    );
    assert_eq!(site.count("tvox2", "after-patch.count"), 0);
    assert_eq!(runs(&site, "tvox1"), 1);
    record["evidence"].clone()
}

#[test]
fn a_patch_that_prints_its_failure_and_exits_4_stops_the_run() {
    let evidence = failed_patch_stops_the_run(
        "fail",
        "exit status 4; the output says `ERRORE: migrazione del database fallita (tabella \
         cdr_archive bloccata)` (and 1 more failure line); no success output in the last 10 \
         lines",
    );
    assert_eq!(evidence["exit"], 4);
    assert_eq!(evidence["success_line"], serde_json::Value::Null);
}

#[test]
fn a_patch_with_success_words_but_exit_1_stops_the_run() {
    let evidence = failed_patch_stops_the_run("success-words-exit", "tvox1: exit status 1: ");
    assert_eq!(evidence["exit"], 1);
    assert_eq!(
        evidence["success_line"],
        "Aggiornamento completato con successo alla release 22.0.3"
    );
    assert_eq!(evidence["failure_line"], serde_json::Value::Null);
}

#[test]
fn a_patch_saying_aggiornamento_non_completato_with_exit_0_stops_the_run() {
    let evidence = failed_patch_stops_the_run(
        "negated",
        "the output says `Aggiornamento NON completato: ripristinare lo snapshot`; no success \
         output in the last 10 lines",
    );
    assert_eq!(evidence["exit"], 0);
    assert_eq!(
        evidence["failure_line"],
        "Aggiornamento NON completato: ripristinare lo snapshot"
    );
}

#[test]
fn a_patch_completed_with_errors_with_exit_0_stops_the_run() {
    let evidence = failed_patch_stops_the_run(
        "with-errors",
        "the output says `Update completed with errors: 3 services did not start`",
    );
    assert_eq!(
        evidence["failure_line"],
        "Update completed with errors: 3 services did not start"
    );
}

#[test]
fn a_patch_killed_midway_has_no_exit_status_and_stops_the_run() {
    let evidence = failed_patch_stops_the_run("killed-with-session", "unknown exit status");
    assert_eq!(evidence["exit"], serde_json::Value::Null);
    assert_eq!(evidence["success_line"], serde_json::Value::Null);
}

#[test]
fn standalone_patch_gives_the_same_verdicts() {
    let site = Site::new();
    install_updater(&site, "tvox1", "success");
    // Each outcome is its own command line, so its own patch (not a re-attach).
    let cases = [
        ("success", 0, "exit status 0 and success output found"),
        (
            "fail",
            1,
            "exit status 4; the output says `ERRORE: migrazione del",
        ),
        ("success-words-exit", 1, "tvox1: exit status 1: "),
        (
            "negated",
            1,
            "the output says `Aggiornamento NON completato",
        ),
        (
            "with-errors",
            1,
            "the output says `Update completed with errors",
        ),
        ("killed", 1, "exit status 137; the output says `Killed`"),
        ("killed-with-session", 1, "unknown exit status"),
    ];
    for (outcome, code, says) in cases {
        let out = site
            .tvdr()
            .args(["patch", "tvox1", "--timeout", "1m", "--"])
            .arg("tvox-updater")
            .arg(format!("--outcome={outcome}"))
            .timeout(Duration::from_secs(90))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{outcome}: {stderr}");
        assert!(stderr.contains(says), "{outcome}: {stderr}");
        assert_eq!(code != 0, stderr.contains(SUPPORT), "{outcome}: {stderr}");
    }
    assert_eq!(runs(&site, "tvox1"), cases.len());
    // A failure the command line adds to the shipped rules.
    let out = site
        .tvdr()
        .args(["patch", "tvox1", "--failure", "^Dettagli in ", "--"])
        .args(["tvox-updater", "--outcome=success", "--release=22"])
        .timeout(Duration::from_secs(90))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the output says `Dettagli in /var/log/tvox/updater-22.0.3.log`"),
        "{stderr}"
    );
}
