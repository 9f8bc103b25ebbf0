//! Every shipped runbook's dry run against `examples/tvdr.yaml`, human and JSON, as insta
//! snapshots: a reviewer sees what a changed runbook or plan shows the technician. The
//! output holds no time and no path of this machine, so the snapshots are stable.

use std::time::Duration;

use crate::common::{repo_file, tvdr};

const SHIPPED: [&str; 5] = [
    "standalone-to-ft",
    "upgrade",
    "dr-setup",
    "dr-activate",
    "dr-rollback",
];

/// The dry run of `runbook` in `format`, with nothing to contact (the example's addresses
/// lead nowhere, and a dry run must not try).
fn dry_run(runbook: &str, format: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .args(["runbook", runbook, "--dry-run", "--format", format])
        .timeout(Duration::from_secs(10))
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let home_path = home.path().display().to_string();
    assert!(
        !stdout.contains(&home_path) && !stdout.contains(env!("CARGO_MANIFEST_DIR")),
        "the plan shows a path of this machine:\n{stdout}"
    );
    stdout
}

#[test]
fn every_shipped_runbook_dry_run_human() {
    for runbook in SHIPPED {
        insta::assert_snapshot!(format!("{runbook}_human"), dry_run(runbook, "human"));
    }
}

#[test]
fn every_shipped_runbook_dry_run_json() {
    for runbook in SHIPPED {
        let plan: serde_json::Value = serde_json::from_str(&dry_run(runbook, "json")).unwrap();
        assert_eq!(plan["runbook"], runbook);
        insta::assert_json_snapshot!(format!("{runbook}_json"), plan);
    }
}

/// `--rollback` shows the way back of the runbooks that have one, stages in reverse.
#[test]
fn shipped_rollback_dry_runs_human() {
    for runbook in ["standalone-to-ft", "upgrade", "dr-activate"] {
        let home = tempfile::tempdir().unwrap();
        let out = tvdr(home.path())
            .arg("-i")
            .arg(repo_file("examples/tvdr.yaml"))
            .args(["runbook", runbook, "--dry-run", "--rollback"])
            .timeout(Duration::from_secs(10))
            .assert()
            .success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(stdout.contains("--rollback"), "{stdout}");
        insta::assert_snapshot!(format!("{runbook}_rollback_human"), stdout);
    }
}

/// What the technician will do is in the plan: the menu paths in their Italian labels, the
/// commands behind checks, how a reboot is judged back, and scripts as written.
#[test]
fn the_dry_run_shows_instructions_check_commands_reboots_and_scripts() {
    let human = dry_run("standalone-to-ft", "human");
    for shown in [
        "│ In TVOX 1's OCC: SISTEMA -> Security update -> check licence availability.",
        "│ 2. Configurazione -> Rete -> Fault Tolerance",
        "vip on tvox1, tvox2: $ ip -o addr show",
        "calendars on tvox1, tvox2: $ ip -o addr show 2>&1; printf '\\ntvdr-ip-status %s\\n' \"$?\"; \
         PGTZ=UTC exec pg_dump --clean -U davical_dba davical_administrators",
        "       $ reboot\n       back when: it stopped answering, then answers over SSH with a new boot id",
        "service: the customer is out of service while this step runs",
    ] {
        assert!(human.contains(shown), "`{shown}` missing from:\n{human}");
    }
    let plan: serde_json::Value = serde_json::from_str(&dry_run("upgrade", "json")).unwrap();
    let steps: Vec<&serde_json::Value> = plan["stages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["steps"].as_array().unwrap())
        .collect();
    let step = |id: &str| *steps.iter().find(|s| s["id"] == id).unwrap();
    let db = &step("db-synced")["check_commands"][0];
    assert_eq!(db["check"], "db");
    assert!(db["commands"].as_array().unwrap().iter().any(
        |c| c["on"] == "slave" && c["command"].as_str().unwrap().contains("SHOW SLAVE STATUS")
    ));
    assert!(db["at_run_time"].as_str().unwrap().contains("mariadb"));
    assert!(step("occ-monitor")["instructions"]
        .as_str()
        .unwrap()
        .contains("OCC"));
}

/// A multi-line script is shown as written: its continuation lines keep their indentation.
#[test]
fn the_dry_run_keeps_a_script_indented() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("runbooks");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("indented.yaml"),
        "id: indented\ntitle: Indented\nstages:\n  - id: s\n    title: S\n    steps:\n      \
         - id: look\n        kind: run\n        on: tvox1\n        title: Look\n        \
         script: |\n          awk '\n            $1 == ip { print $2 }\n          ' /etc/hosts\n",
    )
    .unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .arg("--runbooks")
        .arg(&dir)
        .args(["runbook", "indented", "--dry-run"])
        .timeout(Duration::from_secs(10))
        .assert()
        .success();
    let human = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        human.contains("\n           $1 == ip { print $2 }\n"),
        "{human}"
    );
}
