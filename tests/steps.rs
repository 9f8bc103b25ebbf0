//! The long-running step kinds against the lab: `screen` (success, no success output, kill
//! -9 of tvdr and re-attach), `reboot` (boot id changes, the next step reconnects), `wait`
//! (a check turning OK, a timeout), `interactive` (through a real terminal), `uat` (results
//! and regressions), and the standalone `tvdr patch`, `tvdr reboot`, `tvdr uat`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::common::repo_file;
use crate::site::Site;

const SUPPORT: &str = "stop and contact Telenia support before any other action";

/// An updater that counts its runs, prints progress for `seconds`, then `last`.
fn updater(seconds: u32, last: &str) -> String {
    format!(
        "#!/bin/sh\necho x >> \"$HOME/updater.count\"\necho \"updater $*\"\n\
         i=0; while [ $i -lt {seconds} ]; do i=$((i+1)); echo \"applying part $i\"; sleep 1; done\n\
         echo '{last}'\n"
    )
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn screen_step_with_the_success_output_is_done_and_the_next_step_runs() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "fake-updater",
        &updater(2, "Update completed successfully"),
    );
    site.tvdr()
        .args(["runbook", "patch", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .success()
        .stderr(predicate::str::contains("tvox1 | applying part 2"));
    assert_eq!(site.count("tvox1", "updater.count"), 1);
    assert_eq!(site.count("tvox1", "after-patch.count"), 1);
    let evidence = site.evidence("patch", "updater");
    assert_eq!(evidence["exit"], 0);
    assert_eq!(evidence["result"], "success");
    assert!(evidence["screen"]
        .as_str()
        .unwrap()
        .starts_with(&format!("tvdr-lab-{}-updater-", site.lab.id())));
    assert!(evidence["log_tail"]
        .as_str()
        .unwrap()
        .contains("updater --release 22"));
    let log = evidence["log"].as_str().unwrap();
    assert!(std::fs::read_to_string(log)
        .unwrap()
        .contains("Update completed successfully"));
}

#[test]
fn screen_step_without_the_success_output_stops_and_says_call_support() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "fake-updater",
        &updater(1, "ERROR: database migration failed"),
    );
    site.tvdr()
        .args(["runbook", "patch", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the updater failed on tvox1: the output says `ERROR: database migration failed`; \
             no success output in the last 10 lines",
        ))
        .stderr(predicate::str::contains(SUPPORT));
    assert_eq!(
        site.count("tvox1", "after-patch.count"),
        0,
        "went on after a failed patch"
    );
    // Resuming does not start the updater again without a person saying support agreed.
    site.tvdr()
        .args(["runbook", "patch", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(SUPPORT));
    assert_eq!(
        site.count("tvox1", "updater.count"),
        1,
        "the updater ran again"
    );
}

#[test]
fn kill_9_of_tvdr_inside_a_screen_step_then_resume_reattaches_without_running_it_again() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "fake-updater",
        &updater(6, "Update completed successfully"),
    );
    let mut child = site.spawn(&["runbook", "patch", "--yes"]);
    wait_for("the updater to start", Duration::from_secs(30), || {
        site.count("tvox1", "updater.count") == 1
    });
    std::thread::sleep(Duration::from_secs(1));
    child.kill().unwrap();
    child.wait().unwrap();
    let (session, _) = site.screens().pop().expect("the step noted its session");
    site.tvdr()
        .args(["runbook", "patch", "--yes"])
        .timeout(Duration::from_secs(90))
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "re-attaching to screen `{session}`"
        )))
        .stderr(predicate::str::contains("Update completed successfully"));
    assert_eq!(
        site.count("tvox1", "updater.count"),
        1,
        "the updater ran twice"
    );
    assert_eq!(site.count("tvox1", "after-patch.count"), 1);
    assert_eq!(
        site.evidence("patch", "updater")["screen"],
        session.as_str()
    );
}

#[test]
fn screen_step_survives_its_ssh_session_dying_and_follows_on() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "fake-updater",
        &updater(6, "Update completed successfully"),
    );
    let child = Command::new(assert_cmd::cargo::cargo_bin("tvdr"))
        .args(site.global_args())
        .args(["runbook", "patch", "--yes"])
        .env("HOME", site.home.path())
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("the updater to start", Duration::from_secs(30), || {
        site.count("tvox1", "updater.count") == 1
    });
    std::thread::sleep(Duration::from_secs(1));
    // Every session of tvox1's sshd dies (as when a VPN drops); sshd itself stays.
    let sshd = std::fs::read_to_string(site.lab.node_dir("tvox1").join("sshd.pid")).unwrap();
    let killed = Command::new("pkill")
        .args(["-KILL", "-P", sshd.trim()])
        .status()
        .unwrap();
    assert!(killed.success(), "no ssh session to kill");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("lost tvox1"), "{stderr}");
    assert!(
        stderr.contains("tvox1 | Update completed successfully"),
        "{stderr}"
    );
    assert_eq!(site.count("tvox1", "updater.count"), 1);
    assert_eq!(site.count("tvox1", "after-patch.count"), 1);
}

#[test]
fn standalone_patch_runs_in_screen_and_judges_the_log() {
    let site = Site::new();
    site.stand_in(
        "tvox2",
        "fake-updater",
        &updater(1, "Aggiornamento completato"),
    );
    site.tvdr()
        .args([
            "patch",
            "tvox2",
            "--timeout",
            "1m",
            "--",
            "fake-updater",
            "--release",
            "22",
        ])
        .timeout(Duration::from_secs(90))
        .assert()
        .success()
        .stderr(predicate::str::contains("in screen `tvdr-lab-"))
        .stderr(predicate::str::contains("success output found"));
    assert_eq!(site.count("tvox2", "updater.count"), 1);
    // The same patch again is the same patch: it asks before starting it a second time.
    site.tvdr()
        .args(["patch", "tvox2", "--", "fake-updater", "--release", "22"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("already ran successfully"));
    assert_eq!(site.count("tvox2", "updater.count"), 1);
}

#[test]
fn reboot_waits_for_a_new_boot_id_and_the_next_step_reconnects() {
    let site = Site::new();
    site.make_rebootable("tvox1");
    let before = site.boot_id("tvox1");
    site.tvdr()
        .args(["runbook", "reboot", "--yes"])
        .timeout(Duration::from_secs(120))
        .assert()
        .success()
        .stderr(predicate::str::contains("tvox1 is down"))
        .stderr(predicate::str::contains("tvox1 is back"));
    let after = site.boot_id("tvox1");
    assert_ne!(before, after);
    let evidence = site.evidence("reboot", "reboot-tvox1");
    assert_eq!(evidence["boot_id_before"], before.as_str());
    assert_eq!(evidence["boot_id_after"], after.as_str());
    assert!(
        evidence["down_seconds"].as_f64().unwrap() > 1.0,
        "{evidence}"
    );
    let next = site.evidence("reboot", "boot-id-after");
    assert_eq!(next["hosts"]["tvox1"]["stdout_tail"], after.as_str());
}

#[test]
fn standalone_reboot_waits_until_the_node_is_back() {
    let site = Site::new();
    site.make_rebootable("tvox2");
    let before = site.boot_id("tvox2");
    site.tvdr()
        .args(["reboot", "tvox2", "--yes", "--timeout", "1m"])
        .timeout(Duration::from_secs(90))
        .assert()
        .success()
        .stderr(predicate::str::contains("tvox2 is back (new boot id"));
    assert_ne!(site.boot_id("tvox2"), before);
    // Without --yes and without a terminal, nobody confirmed: nothing is rebooted.
    let again = site.boot_id("tvox2");
    site.tvdr().args(["reboot", "tvox2"]).assert().code(5);
    assert_eq!(site.boot_id("tvox2"), again);
}

#[test]
fn wait_until_vip_ok_sees_the_node_ip_come_back() {
    let site = Site::new();
    site.lab.move_node_ip(&[]);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(Duration::from_secs(3));
            site.lab.move_node_ip(&["tvox2"]);
        });
        site.tvdr()
            .args(["runbook", "wait", "--yes"])
            .timeout(Duration::from_secs(90))
            .assert()
            .success()
            .stderr(predicate::str::contains("✓ `vip` OK"));
    });
    let evidence = site.evidence("wait", "master-back");
    assert!(evidence["attempts"].as_u64().unwrap() >= 2, "{evidence}");
    assert!(
        evidence["last"].as_str().unwrap().starts_with("vip OK"),
        "{evidence}"
    );
}

#[test]
fn wait_times_out_with_the_last_check_summary() {
    let site = Site::new();
    site.lab.move_node_ip(&[]);
    site.tvdr()
        .args(["runbook", "wait-short", "--yes"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not `vip` OK within 3s: vip CRIT"));
}

#[test]
fn wait_for_a_host_down_then_up() {
    let site = Site::new();
    site.lab.cut("tvox2");
    std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(Duration::from_secs(8));
            site.lab.restore("tvox2");
        });
        site.tvdr()
            .args(["runbook", "wait-host", "--yes"])
            .timeout(Duration::from_secs(90))
            .assert()
            .success()
            .stderr(predicate::str::contains("✓ tvox2 down"))
            .stderr(predicate::str::contains("✓ tvox2 up (tvox2 answers)"));
    });
}

#[test]
fn interactive_step_runs_the_menu_in_a_real_terminal_and_records_its_exit() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "network_reset",
        "#!/bin/sh\nprintf 'New IP address: '\nread -r ip\necho \"network_reset applied $ip\"\n",
    );
    let out = site.in_terminal(&["runbook", "interactive", "--yes"], &["10.9.9.9"], &[]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("network_reset applied 10.9.9.9"), "{shown}");
    assert!(out.status.success(), "{shown}");
    let evidence = site.evidence("interactive", "net-reset");
    assert_eq!(evidence["exit"], 0, "{evidence}");
    assert_eq!(evidence["node"], "tvox1");
    assert_eq!(evidence["reports"][0]["status"], "OK", "{evidence}");
}

#[test]
fn interactive_step_falls_back_to_a_terminal_type_the_node_knows() {
    let site = Site::new();
    site.stand_in(
        "tvox1",
        "network_reset",
        "#!/bin/sh\necho \"menu drawn for $TERM\"\n",
    );
    // A laptop terminal a 2013 terminfo does not know.
    let out = site.in_terminal(
        &["runbook", "interactive", "--yes"],
        &[],
        &[("TERM", "tvdr-no-such-terminal")],
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("menu drawn for xterm-256color"), "{shown}");
    assert!(
        shown.contains("does not know the terminal type `tvdr-no-such-terminal`"),
        "{shown}"
    );
}

#[test]
fn interactive_step_without_a_terminal_needs_a_human() {
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "interactive", "--yes"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("there is no terminal"));
}

#[test]
fn uat_results_from_answers_and_a_regression_between_phases_is_called_out() {
    let site = Site::new();
    let answers = site.answers(
        "uat:\n  baseline: { '*': pass, fax: 'skip: no fax on this site' }\n  \
         after-ft: { '*': pass, fax: skip, inbound-external: 'fail: no audio from outside' }\n",
    );
    site.tvdr()
        .args(["runbook", "uat", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "REGRESSION: `inbound-external` passed at `baseline` and fails now",
        ));
    let baseline = site.evidence("uat", "uat-baseline");
    assert_eq!(baseline["phase"], "baseline");
    assert_eq!(baseline["counts"]["skip"], 1);
    assert_eq!(baseline["regressions"], serde_json::json!([]));
    let after = site.evidence("uat", "uat-after");
    assert_eq!(after["counts"]["fail"], 1);
    assert_eq!(after["regressions"][0]["id"], "inbound-external");
    assert_eq!(after["regressions"][0]["passed_in"], "baseline");
    let case = after["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "inbound-external")
        .unwrap();
    assert_eq!(case["note"], "no audio from outside");
}

#[test]
fn uat_with_yes_and_no_answers_skips_every_case_as_not_walked() {
    let site = Site::new();
    site.tvdr()
        .args(["runbook", "uat", "--yes"])
        .assert()
        .success();
    let evidence = site.evidence("uat", "uat-after");
    assert_eq!(evidence["counts"]["pass"], 0);
    assert_eq!(evidence["cases"][0]["note"], "not walked (--yes)");
}

#[test]
fn standalone_uat_walks_a_site_checklist_and_compares_with_earlier_walks() {
    let site = Site::new();
    let checklist = repo_file("tests/fixtures/uat/site.yaml");
    let answers = site
        .answers("uat:\n  baseline: { '*': pass }\n  after: { inbound: pass, voicemail: fail }\n");
    for phase in ["baseline", "after"] {
        let run = site
            .tvdr()
            .args(["uat", phase, "--checklist"])
            .arg(&checklist)
            .arg("--answers")
            .arg(&answers)
            .assert();
        if phase == "baseline" {
            run.success();
        } else {
            run.code(1).stderr(predicate::str::contains(
                "REGRESSION: `voicemail` passed at `baseline` and fails now",
            ));
        }
    }
    let walks = std::fs::read_to_string(site.site_state().join("uat.jsonl")).unwrap();
    assert_eq!(walks.lines().count(), 2);
}
