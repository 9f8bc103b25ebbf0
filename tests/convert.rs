//! The `convert` stage of standalone-to-ft on a stand-alone lab: TVOX 1's host key recorded
//! at its current address and followed to its new one through `network_reset` (answered
//! through a real terminal), a rekeyed node refused there, and the `hosts` check in its
//! stand-alone and FT forms after the lab's `write_config.php network`.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::lab::Lab;
use crate::site::Site;

/// Runs `tvdr ARGS` in a terminal, typing `keys` ([`Site::in_terminal`]).
fn in_terminal(site: &Site, args: &[&str], keys: &[&str]) -> Output {
    site.in_terminal(args, keys, &[])
}

/// `SHA256:…` of a node's host key, as ssh-keygen shows it.
fn fingerprint(lab: &Lab, node: &str) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(lab.node_dir(node).join("ssh_host_ed25519_key.pub"))
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .expect("ssh-keygen printed no fingerprint")
        .to_string()
}

fn known_hosts(lab: &Lab) -> String {
    std::fs::read_to_string(lab.dir().join("known_hosts")).unwrap()
}

/// `tvdr trust tvox1 --address <node IP>`: TVOX 1 where it answers before network_reset.
fn trust_at_node_ip(site: &Site) {
    let node_ip = site.lab.node_ip();
    site.tvdr()
        .args(["trust", "tvox1", "--address", &node_ip, "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains(fingerprint(&site.lab, "tvox1")));
    assert!(
        known_hosts(&site.lab)
            .lines()
            .any(|l| l.starts_with(&format!("{node_ip} "))),
        "{}",
        known_hosts(&site.lab)
    );
}

#[test]
fn network_reset_moves_tvox1_and_its_key_is_accepted_at_the_new_address_without_trusting_it_there()
{
    let site = Site::standalone();
    let (node_ip, new) = (site.lab.node_ip(), site.lab.address("tvox1"));
    // Before: nothing answers at the new address, and no key is known for it.
    site.tvdr()
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
    trust_at_node_ip(&site);
    assert!(!known_hosts(&site.lab).contains(&format!("{new} ")));

    let out = in_terminal(
        &site,
        &["runbook", "convert", "--yes"],
        &["1", &new, "", "y"],
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("New IP address"), "{shown}");

    let evidence = site.evidence("convert", "network-reset");
    let key = &evidence["host_key"];
    assert_eq!(key["from"], node_ip.as_str(), "{evidence}");
    assert_eq!(key["to"], new.as_str(), "{evidence}");
    assert_eq!(key["fingerprint"], fingerprint(&site.lab, "tvox1").as_str());
    assert_eq!(
        key["recorded_in"],
        site.lab
            .dir()
            .join("known_hosts")
            .display()
            .to_string()
            .as_str()
    );
    let line = known_hosts(&site.lab)
        .lines()
        .find(|l| l.starts_with(&format!("{new} ")))
        .map(str::to_string)
        .unwrap_or_else(|| panic!("no key recorded for {new}:\n{}", known_hosts(&site.lab)));
    let public =
        std::fs::read_to_string(site.lab.node_dir("tvox1").join("ssh_host_ed25519_key.pub"))
            .unwrap();
    assert!(public.contains(line.split_whitespace().nth(2).unwrap()));

    // The node really moved, and the next steps reached it there.
    let hosts = std::fs::read_to_string(site.lab.node_dir("tvox1").join("hosts")).unwrap();
    assert!(hosts.contains(&format!("{new} tvox.lab.test")), "{hosts}");
    assert!(
        !hosts.contains(&format!("{node_ip} tvox.lab.test")),
        "{hosts}"
    );
    let checked = site.evidence("convert", "hosts-tvox1");
    assert_eq!(checked["reports"][0]["status"], "OK", "{checked}");
    site.tvdr()
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .success();
}

#[test]
fn a_different_key_at_the_new_address_is_refused_with_its_fingerprint() {
    let site = Site::standalone();
    let new = site.lab.address("tvox1");
    trust_at_node_ip(&site);
    let old = fingerprint(&site.lab, "tvox1");
    // Another key at the new address, while tvdr's frozen session has not noticed the move.
    let out = std::thread::scope(|scope| {
        scope.spawn(|| {
            let log = site.lab.node_dir("tvox1").join("tvox/network.log");
            let deadline = Instant::now() + Duration::from_secs(60);
            while !std::fs::read_to_string(&log)
                .unwrap_or_default()
                .contains("->")
            {
                assert!(Instant::now() < deadline, "network_reset never moved tvox1");
                std::thread::sleep(Duration::from_millis(100));
            }
            site.lab.rekey("tvox1");
        });
        in_terminal(
            &site,
            &["runbook", "convert", "--yes"],
            &["1", &new, "", "y"],
        )
    });
    let shown = String::from_utf8_lossy(&out.stdout);
    let rekeyed = fingerprint(&site.lab, "tvox1");
    assert_ne!(rekeyed, old);
    assert_eq!(out.status.code(), Some(3), "{shown}");
    assert!(shown.contains("is not the one it had before"), "{shown}");
    assert!(shown.contains(&rekeyed), "{shown}");
    assert!(shown.contains(&old), "{shown}");
    assert!(!known_hosts(&site.lab).contains(&format!("{new} ")));
}

#[test]
fn network_reset_refuses_tvox1_at_its_current_address_when_its_key_was_never_recorded() {
    let site = Site::standalone();
    let out = in_terminal(&site, &["runbook", "convert", "--yes"], &[]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{shown}");
    assert!(shown.contains("is not known"), "{shown}");
    assert!(
        shown.contains(&format!(
            "tvdr trust tvox1 --address {}",
            site.lab.node_ip()
        )),
        "{shown}"
    );
    // The menu never opened.
    assert!(!shown.contains("New IP address"), "{shown}");
}

fn set_mode(lab: &Lab, mode: &str) {
    for node in ["tvox1", "tvox2"] {
        std::fs::write(lab.node_dir(node).join("tvox/mode"), format!("{mode}\n")).unwrap();
    }
}

#[test]
fn hosts_standalone_form_passes_after_write_config_in_standalone_mode_and_ft_form_the_reverse() {
    let site = Site::new();
    let check = |form: &str| {
        site.tvdr()
            .args(["check", "hosts", "--form", form])
            .assert()
    };
    // The lab starts as FT: both nodes map the node IP.
    check("ft").success();
    check("standalone")
        .code(1)
        .stdout(predicate::str::contains(format!(
            "maps `tvox.lab.test` to {}, expected {}",
            site.lab.node_ip(),
            site.lab.address("tvox1")
        )));

    set_mode(&site.lab, "standalone");
    site.tvdr()
        .args(["exec", "both", "--", "write_config.php", "network"])
        .assert()
        .success();
    check("standalone").success();
    check("ft").code(1).stdout(predicate::str::contains(format!(
        "maps `tvox.lab.test` to {}, expected {}",
        site.lab.address("tvox2"),
        site.lab.node_ip()
    )));

    set_mode(&site.lab, "ft");
    site.tvdr()
        .args(["exec", "tvox1", "--", "write_config.php", "network"])
        .assert()
        .success();
    // tvox2 still maps its physical address: named, with the line it needs.
    check("ft").code(1).stdout(predicate::str::contains(
        "on tvox2: run `write_config.php network`",
    ));
}

#[test]
fn without_a_domain_the_hosts_check_demands_no_line() {
    let site = Site::new();
    let inventory = site.lab.inventory();
    let text = std::fs::read_to_string(&inventory).unwrap();
    let without = text.replace(
        "tvox: { version: 21, domain: tvox.lab.test }",
        "tvox: { version: 21 }",
    );
    assert_ne!(text, without, "the lab's inventory changed shape");
    std::fs::write(&inventory, without).unwrap();
    // A hosts file without the domain at all: nothing is missing.
    let hosts = site.lab.node_dir("tvox1").join("hosts");
    let kept: String = std::fs::read_to_string(&hosts)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("tvox.lab.test"))
        .map(|l| format!("{l}\n"))
        .collect();
    // In place: the node's /etc/hosts is this file bind-mounted.
    std::fs::write(&hosts, kept).unwrap();
    site.tvdr()
        .args(["check", "hosts", "--form", "standalone", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no hosts line is needed"));
}
