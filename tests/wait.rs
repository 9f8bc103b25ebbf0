//! `wait` on a check that cannot tell: it stops at once with the reason when waiting will
//! not change it (not configured, no credentials), and goes on looking when a node does not
//! answer yet.

use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::lab::Lab;
use crate::site::Site;

/// Far below the fixtures' 10-minute timeouts: a wait that spins until its timeout is
/// killed by the test and fails it.
const AT_ONCE: Duration = Duration::from_secs(60);

#[test]
fn wait_on_an_unconfigured_licence_stops_at_once_with_the_reason() {
    let site = Site::new();
    let started = Instant::now();
    site.tvdr()
        .args(["runbook", "wait-license", "--yes"])
        .timeout(AT_ONCE)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "waiting for `license` OK will not change that",
        ))
        .stderr(predicate::str::contains("`license.command`"));
    assert!(started.elapsed() < AT_ONCE);
    let evidence = site.evidence("wait-license", "licence-ok");
    assert_eq!(evidence["attempts"], 1, "{evidence}");
    assert!(evidence["lasting"]
        .as_str()
        .unwrap()
        .contains("not configured"));
    // Journalled as failed: a resume asks again (the inventory may have been fixed).
    assert!(site
        .journal_text("wait-license")
        .contains(r#""outcome":"failed""#));
}

#[test]
fn wait_on_db_without_credentials_stops_at_once_with_the_reason() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["mysql"]);
    // The replica's option file with a password that is not the monitoring user's.
    let cnf = lab.node_dir("tvox2").join("home/.my.cnf");
    let text = std::fs::read_to_string(&cnf).unwrap();
    let wrong: String = text
        .lines()
        .map(|l| match l.starts_with("password=") {
            true => "password=not-the-password\n".to_string(),
            false => format!("{l}\n"),
        })
        .collect();
    assert_ne!(wrong, text);
    std::fs::write(&cnf, wrong).unwrap();
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    let site = Site { lab, home, state };
    site.tvdr()
        .args(["runbook", "wait-db", "--yes"])
        .timeout(AT_ONCE)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "waiting for `db` OK will not change that",
        ))
        .stderr(predicate::str::contains(
            "tvox2: the MySQL login or its privilege is refused",
        ))
        .stderr(predicate::str::contains("Access denied"));
}

#[test]
fn wait_on_a_node_not_answering_yet_goes_on_looking_and_shows_why() {
    let site = Site::new();
    // As in a switch: the master rebooting, the node IP on no node the run can see.
    site.lab.move_node_ip(&[]);
    site.lab.cut("tvox2");
    std::thread::scope(|scope| {
        scope.spawn(|| {
            // Late enough that the wait has looked at least once with tvox2 cut (the
            // run's start connects to every node first, and tvox2 takes its connect
            // timeout to fail), early enough for the wait's timeout.
            std::thread::sleep(Duration::from_secs(12));
            site.lab.move_node_ip(&["tvox2"]);
            site.lab.restore("tvox2");
        });
        site.tvdr()
            .args(["runbook", "wait", "--yes"])
            .timeout(Duration::from_secs(90))
            .assert()
            .success()
            .stderr(predicate::str::contains("vip UNKNOWN"))
            .stderr(predicate::str::contains("not asked: tvox2"))
            .stderr(predicate::str::contains("✓ `vip` OK"));
    });
    let evidence = site.evidence("wait", "master-back");
    assert!(evidence["attempts"].as_u64().unwrap() >= 2, "{evidence}");
    assert!(evidence.get("lasting").is_none(), "{evidence}");
}
