//! Who became master: `tvdr check vip --master NODE` against the lab (the holder named,
//! nobody, split brain, the right one), and a runbook shaped like `upgrade` whose node
//! switch does or does not happen — the node patched first must never be patched again.

use std::time::Duration;

use predicates::prelude::*;

use crate::common::{repo_file, tvdr};
use crate::lab::Lab;
use crate::site::Site;

/// `tvdr check vip --master NODE --format FORMAT`: exit code and stdout.
fn vip(lab: &Lab, home: &std::path::Path, master: &str, format: &str) -> (i32, String) {
    let out = tvdr(home)
        .arg("-i")
        .arg(lab.inventory())
        .args(["check", "vip", "--master", master, "--format", format])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn json_summary(stdout: &str) -> (String, String) {
    let v: serde_json::Value =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (
        v["checks"][0]["status"].as_str().unwrap().to_string(),
        v["checks"][0]["summary"].as_str().unwrap().to_string(),
    )
}

#[test]
fn check_vip_master_is_ok_only_when_exactly_that_node_holds_the_node_ip() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();

    // tvox1 holds it: CRIT in every format, naming tvox1.
    let (code, out) = vip(&lab, home.path(), "tvox2", "json");
    let (status, summary) = json_summary(&out);
    assert_eq!((code, status.as_str()), (1, "CRIT"), "{out}");
    assert!(
        summary.contains("expected tvox2 as master, but tvox1 is master"),
        "{summary}"
    );
    let (code, out) = vip(&lab, home.path(), "tvox2", "human");
    assert_eq!(code, 1);
    assert!(
        out.contains("tvox1 is master") && out.contains("CRIT"),
        "{out}"
    );
    let (code, out) = vip(&lab, home.path(), "tvox2", "nagios");
    assert_eq!(code, 2);
    assert!(out.starts_with("TVDR CRITICAL"), "{out}");
    let (code, out) = vip(&lab, home.path(), "tvox2", "junit");
    assert_eq!(code, 1);
    assert!(
        out.contains("<failure") && out.contains("tvox1 is master"),
        "{out}"
    );
    let (code, out) = vip(&lab, home.path(), "tvox2", "prometheus");
    assert_eq!(code, 1);
    assert!(out.contains("check=\"vip\""), "{out}");
    // The same lab, asked for the node that does hold it.
    let (code, out) = vip(&lab, home.path(), "tvox1", "json");
    assert_eq!((code, json_summary(&out).0.as_str()), (0, "OK"), "{out}");

    lab.move_node_ip(&[]);
    let (code, out) = vip(&lab, home.path(), "tvox2", "json");
    let (status, summary) = json_summary(&out);
    assert_eq!((code, status.as_str()), (1, "CRIT"), "{out}");
    assert!(
        summary.contains("no node holds") && summary.contains("expected on tvox2"),
        "{summary}"
    );

    lab.move_node_ip(&["tvox1", "tvox2"]);
    let (code, out) = vip(&lab, home.path(), "tvox2", "json");
    let (status, summary) = json_summary(&out);
    assert_eq!((code, status.as_str()), (1, "CRIT"), "{out}");
    assert!(summary.contains("split brain"), "{summary}");

    lab.move_node_ip(&["tvox2"]);
    let (code, out) = vip(&lab, home.path(), "tvox2", "json");
    let (status, summary) = json_summary(&out);
    assert_eq!((code, status.as_str()), (0, "OK"), "{out}");
    assert!(
        summary.contains("tvox2 is master") && summary.contains("as expected"),
        "{summary}"
    );
}

#[test]
fn master_is_an_option_of_the_vip_check_only() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .args(["check", "db", "--master", "tvox2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`--master` is an option of the `vip` check",
        ));
}

/// The updater stand-in on each node: prints progress, then its success line, and notes
/// the node it ran on in that node's home.
fn updaters(site: &Site) {
    for node in ["tvox1", "tvox2"] {
        site.stand_in(
            node,
            "fake-updater",
            &format!(
                "#!/bin/sh\necho \"applying on {node}\"\nsleep 1\necho {node} >> \"$HOME/patched\"\necho 'update completed'\n"
            ),
        );
        site.make_rebootable(node);
    }
}

fn started(site: &Site, runbook: &str, step: &str) -> bool {
    site.journal_text(runbook)
        .contains(&format!(r#""event":"step_started","step":"{step}""#))
}

#[test]
fn a_node_switch_that_did_not_happen_stops_at_the_wait_before_patching_again() {
    let site = Site::new();
    updaters(&site);
    // tvox2's failover is broken: tvox1 is still master after its reboot.
    site.lab.no_failover("tvox2");
    site.tvdr()
        .args(["runbook", "switch", "--yes"])
        .timeout(Duration::from_secs(120))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "(master: the node patch-first ran on)",
        ))
        .stderr(predicate::str::contains(
            "expected tvox2 as master, but tvox1 is master",
        ));
    assert_eq!(site.count("tvox2", "patched"), 1);
    assert_eq!(site.count("tvox1", "patched"), 0);
    assert!(!started(&site, "switch", "patch-second"));
    assert!(site
        .journal_text("switch")
        .contains(r#""step":"vip-after-switch","outcome":"failed""#));

    // Rolling back: the node to restore (tvox2, patched) must be slave, read from the
    // forward run's journal by the rollback run. (The stopped forward run still holds the
    // cluster lock: today a rollback after a failure needs `--break-lock`.)
    site.tvdr()
        .args(["runbook", "switch", "--rollback", "--yes"])
        .args(["--break-lock", "rolling back the stopped run"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let check = site.evidence("switch.rollback", "restore-first-is-slave");
    let summary = check["reports"][0]["summary"].as_str().unwrap();
    assert!(
        summary.contains("tvox1 is master") && summary.contains("as expected"),
        "{check}"
    );
}

#[test]
fn a_node_switch_that_happened_patches_each_node_exactly_once() {
    let site = Site::new();
    updaters(&site);
    // The lab's FT stand-in moves the node IP to tvox2 when tvox1 reboots.
    site.tvdr()
        .args(["runbook", "switch", "--yes"])
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
    assert_eq!(site.lab.master(), ["tvox2"]);
    assert_eq!(site.count("tvox2", "patched"), 1);
    assert_eq!(site.count("tvox1", "patched"), 1);
    let wait = site.evidence("switch", "vip-after-switch");
    assert!(
        wait["last"].as_str().unwrap().contains("tvox2 is master")
            && wait["last"].as_str().unwrap().contains("as expected"),
        "{wait}"
    );
    assert_eq!(site.evidence("switch", "patch-second")["node"], "tvox1");
}

#[test]
fn a_screen_step_refuses_a_node_this_run_already_patched_and_resumes_once_fixed() {
    let site = Site::new();
    updaters(&site);
    // The wait only asks that SOME node holds the node IP: with tvox2's failover broken
    // tvox1 still does, so "the slave" is still tvox2, which patch-first patched.
    site.lab.no_failover("tvox2");
    site.tvdr()
        .args(["runbook", "switch-unchecked", "--yes"])
        .timeout(Duration::from_secs(120))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "refusing to patch tvox2: step `patch-first` of this run already patched it",
        ))
        .stderr(predicate::str::contains("tvdr check vip"));
    assert_eq!(site.count("tvox2", "patched"), 1);
    assert_eq!(site.count("tvox1", "patched"), 0);
    let refused = site.evidence("switch-unchecked", "patch-second");
    assert_eq!(refused["patched_by"], "patch-first");
    assert_eq!(refused["refused_node"], "tvox2");
    assert!(site
        .journal_text("switch-unchecked")
        .contains(r#""step":"patch-second","outcome":"failed""#));

    // The cause fixed (the switch done by hand), the same command resumes and patches the
    // other node.
    site.lab.move_node_ip(&["tvox2"]);
    site.tvdr()
        .args(["runbook", "switch-unchecked", "--yes"])
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
    assert_eq!(site.count("tvox2", "patched"), 1);
    assert_eq!(site.count("tvox1", "patched"), 1);
}

#[test]
fn the_dry_run_shows_the_expected_master_as_known_at_run_time() {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .arg("--runbooks")
        .arg(repo_file("tests/fixtures/runbooks"))
        .args(["runbook", "switch", "--dry-run"])
        .timeout(Duration::from_secs(10))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("expected master: the node patch-first ran on"),
        "{text}"
    );
    assert!(
        text.contains(
            "which node `patch-first` ran on (the master expected at `vip-after-switch`)"
        ),
        "{text}"
    );
}
