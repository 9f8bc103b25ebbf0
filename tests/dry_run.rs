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
