//! A non-root login with `become: sudo`: what needs root runs through `sudo -n` on the
//! lab's real sudo; without the rights, a check says UNKNOWN with the reason and a step
//! stops for a human (exit 5).

use predicates::prelude::*;

use crate::common::tvdr;
use crate::lab::Lab;

/// The `db` check's status and summary, from `--format json`.
fn db(lab: &Lab, inventory: &std::path::Path) -> (String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .args(["--inventory", inventory.to_str().unwrap()])
        .args(["check", "db", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "lab {}: not JSON ({e}): {}",
            lab.id(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let check = &json["checks"][0];
    (
        check["status"].as_str().unwrap().to_owned(),
        check["summary"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn a_root_only_option_file_is_read_through_sudo_by_a_non_root_login() {
    let lab = Lab::start_become_sudo();
    let (status, summary) = db(&lab, &lab.inventory());
    assert_eq!(status, "OK", "{summary}");

    // The same site without `become: sudo`: the client runs as the login user, who
    // cannot read root's option file. So the OK above came through sudo.
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    assert!(text.contains("  become: sudo\n"), "{text}");
    let plain = lab.dir().join("no-become.yaml");
    std::fs::write(&plain, text.replace("  become: sudo\n", "")).unwrap();
    let (status, summary) = db(&lab, &plain);
    assert_ne!(status, "OK", "{summary}");
}

#[test]
fn without_sudo_rights_a_root_check_is_unknown_and_a_reboot_stops_for_a_human() {
    let lab = Lab::start_become_sudo();
    lab.sudo("tvox2", false);
    let (status, summary) = db(&lab, &lab.inventory());
    assert_eq!(status, "UNKNOWN", "{summary}");
    assert!(
        summary.contains("`tvdrlab` on `tvox2` cannot run as root without a password")
            && summary.contains("a password is required")
            && summary.contains("NOPASSWD"),
        "{summary}"
    );

    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .args(["--inventory", lab.inventory().to_str().unwrap()])
        .args(["reboot", "tvox2", "--yes", "--timeout", "20s"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "cannot run as root without a password",
        ))
        .stderr(predicate::str::contains("needed for `reboot`"));
}
