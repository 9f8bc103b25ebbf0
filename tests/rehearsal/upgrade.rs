//! `upgrade` rehearsed: the slave patched, the master rebooted (the patched node takes the
//! node IP), the other node patched, and back — each node patched exactly once.

use super::tvox::Tvox;

pub fn answers(site: &Tvox) -> String {
    format!(
        "gates: {{ preconditions: yes, snapshot-first: yes, patch-first-output: yes, \
         snapshot-second: yes, patch-second-output: yes }}\n\
         answers:\n  release: '22'\n  patch_path: {}\n  preconditions_note: backups of last night\n  \
         snapshot_name: pre-22-first\n  snapshot_second: pre-22-second\n  \
         snapshots_delete_on: '2026-12-13'\n\
         uat:\n  pre-upgrade: {{ '*': pass }}\n  after-upgrade-first: {{ '*': pass }}\n  \
         after-upgrade-both: {{ '*': pass }}\n",
        site.updater_path().display()
    )
}

#[test]
fn upgrade_patches_each_node_once_and_switches_back() {
    let site = Tvox::cluster();
    assert_eq!(site.master(), ["tvox1"]);
    let began = std::time::SystemTime::now();
    let out = site.rehearse("upgrade", &answers(&site), &[]);
    assert!(out.status.success(), "exit {:?}", out.status.code());
    // The slave first (tvox2), then the other one; the cluster ends as it began.
    assert_eq!(site.patched(), ["tvox2", "tvox1"]);
    assert_eq!(site.master(), ["tvox1"]);
    let outcomes = site.outcomes("upgrade");
    for (step, outcome) in &outcomes {
        assert!(
            outcome == "done" || outcome == "skipped",
            "step `{step}` ended `{outcome}`"
        );
    }
    assert!(site
        .journal("upgrade")
        .contains(r#""event":"run_finished""#));
    // The updater's logs are evidence: in the login user's private directory on each node,
    // nothing in /var/tmp (shared by every lab here, and ids are reused: this lab's site
    // names its entries, and they are new).
    let mine = format!("tvdr-lab-{}-", site.lab.id());
    let left: Vec<_> = std::fs::read_dir("/var/tmp")
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.metadata().is_ok_and(|m| m.modified().unwrap() >= began))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.starts_with(&mine) || name.contains(&format!(".lab-{}.", site.lab.id()))
        })
        .collect();
    assert!(left.is_empty(), "left in /var/tmp: {left:?}");
    for node in ["tvox1", "tvox2"] {
        let logs = site
            .lab
            .node_dir(node)
            .join("home/.local/state/tvdr/screen");
        let names: Vec<_> = std::fs::read_dir(&logs)
            .unwrap_or_else(|e| panic!("{}: {e}", logs.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&mine) && n.ends_with(".log")),
            "{node}: {names:?}"
        );
    }
}

/// The master's reboot does not move the node IP (the other node's failover is broken):
/// the run stops before the second patch, which would hit the node already patched.
#[test]
fn a_switch_that_did_not_happen_stops_before_the_second_patch() {
    let site = Tvox::cluster();
    site.lab_cmd(&["ft", "tvox2", "failover", "off"]);
    let out = site.rehearse("upgrade", &answers(&site), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(site.patched(), ["tvox2"], "the second patch must not run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("tvox2"), "{stderr}");
}

/// Each failure form of the updater stops the run on the first node, before any switch.
#[test]
fn a_failed_patch_stops_the_run_before_the_switch() {
    for outcome in [
        "fail",
        "negated",
        "success-words-exit",
        "with-errors",
        "killed",
    ] {
        let site = Tvox::cluster();
        site.updater_outcome("tvox2", outcome);
        let out = site.rehearse("upgrade", &answers(&site), &[]);
        assert_eq!(out.status.code(), Some(1), "{outcome}");
        assert_eq!(site.patched(), ["tvox2"], "{outcome}");
        assert_eq!(
            site.master(),
            ["tvox1"],
            "{outcome}: no switch after a failed patch"
        );
        let failed: Vec<_> = site
            .outcomes("upgrade")
            .into_iter()
            .filter(|(_, o)| o == "failed")
            .collect();
        assert_eq!(
            failed,
            [("patch-first".to_string(), "failed".to_string())],
            "{outcome}"
        );
    }
}

/// The slave drops off the network while it is being patched: tvdr says so (exit 3), the
/// updater goes on inside screen, and the resumed run follows it to its end without running
/// it again, then completes.
#[test]
fn a_node_lost_mid_patch_resumes_and_completes_with_one_patch_per_node() {
    let site = Tvox::cluster();
    std::fs::write(site.lab.dir().join("updater").join("pause"), "1\n").unwrap();
    let answers_path = site.home.path().join("answers.yaml");
    std::fs::write(&answers_path, answers(&site)).unwrap();
    let mut run = std::process::Command::new(assert_cmd::cargo::cargo_bin("tvdr"))
        .arg("-i")
        .arg(site.lab.inventory())
        .arg("--state-dir")
        .arg(&site.state)
        .args(["runbook", "upgrade", "--yes", "--answers"])
        .arg(&answers_path)
        .env("HOME", site.home.path())
        .env("USER", "tech-a")
        .env_remove("SSH_AUTH_SOCK")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !site
        .journal("upgrade")
        .contains(r#""event":"step_started","step":"patch-first""#)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "patch-first never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The updater is running on the node (it noted its start), with lines still to print.
    while site.patched().is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the updater never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_secs(1));
    site.lab.cut("tvox2");
    let status = run.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(run.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    eprintln!("first run: {status}\n{stderr}");
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("tvox2"), "{stderr}");
    site.lab.restore("tvox2");
    let out = site.rehearse("upgrade", &answers(&site), &[]);
    assert!(out.status.success());
    assert_eq!(site.patched(), ["tvox2", "tvox1"]);
    assert_eq!(site.master(), ["tvox1"]);
}
