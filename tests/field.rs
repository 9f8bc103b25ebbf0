//! Real nodes are not the lab: a stock CentOS 7 sshd whose client lookup waits on a DNS
//! that does not answer, a login PATH the vendor tools need, what CentOS 7 lacks.

use predicates::prelude::*;

use crate::common::tvdr;
use crate::lab::Lab;
use crate::site::Site;

/// Longer than the lab inventory's `connect_timeout` (3 s): the login alone outlasts it.
const SLOW_LOGIN_SECS: u32 = 5;

#[test]
fn a_login_slower_than_the_connect_timeout_works_and_is_said_once_with_its_cause() {
    let lab = Lab::start();
    lab.slow_login("tvox2", SLOW_LOGIN_SECS);
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .args(["--inventory", lab.inventory().to_str().unwrap()])
        .args(["exec", "both", "--", "echo", "answered"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tvox2 | answered"))
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("tvox2: slow login").count(), 1, "{stderr}");
    assert!(stderr.contains("`UseDNS no`"), "{stderr}");
    assert!(!stderr.contains("tvox1: slow login"), "{stderr}");
}

#[test]
fn a_wait_step_counts_a_node_with_a_slow_login_as_up() {
    let site = Site::new();
    site.lab.slow_login("tvox2", SLOW_LOGIN_SECS);
    site.tvdr()
        .args(["runbook", "wait-up", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("✓ tvox2 up (tvox2 answers)"));
}
