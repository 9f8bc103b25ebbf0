//! The whole life of a site, rehearsed in the documented order on one lab: a stand-alone
//! TVOX 1 converted to an FT cluster (`network_reset` answered in a real terminal), upgraded
//! node by node, given a DR client, lost and served from the DR client, then brought back.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::dr;
use super::report::report;
use super::tvox::Tvox;
use super::upgrade;

pub fn conversion_answers(site: &Tvox) -> String {
    format!(
        "gates: {{ licences-requested: yes, snapshot-tvox1: yes, warn-customer-down: yes, service-back: yes }}
answers:
  uat_agreed_with: the customer's IT manager
  tvox1_current_ip: {node_ip}
  tvox1_new_ip: {tvox1}
  tvox2_new_ip: {tvox2}
  licence_ticket: TEL-1
  snapshot_name: pre-ft
  hosts_need_fix: 'yes'
  hosts_ft_need_fix: 'yes'
  replication_bandwidth: 1 Gbit/s, same LAN
  fs_sync_running: 'no'
uat: {{ baseline: {{ '*': pass }}, after-ft: {{ '*': pass }}, on-tvox2: {{ '*': pass }} }}
",
        node_ip = site.lab.node_ip(),
        tvox1 = site.lab.address("tvox1"),
        tvox2 = site.lab.address("tvox2"),
    )
}

/// Resumes `standalone-to-ft` in a terminal (`script`) and answers TVox's `network_reset`
/// menu as the seed shows it: interface 1, the new address, the default netmask, confirm.
fn resume_in_terminal(site: &Tvox, answers: &std::path::Path) -> (bool, String) {
    let tvdr = assert_cmd::cargo::cargo_bin("tvdr");
    let line = format!(
        "{} -i {} --state-dir {} runbook standalone-to-ft --yes --answers {}",
        tvdr.display(),
        site.lab.inventory().display(),
        site.state.display(),
        answers.display()
    );
    let transcript = site.home.path().join("transcript");
    let mut child = Command::new("script")
        .args(["-qfec", &line])
        .arg(&transcript)
        .env("HOME", site.home.path())
        .env("USER", "tech-a")
        .env("NO_COLOR", "1")
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::piped())
        .stdout(std::fs::File::create(site.home.path().join("terminal.out")).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut keys = child.stdin.take().unwrap();
    // Each answer once its prompt is on the screen, however slow the machine is today.
    let out = site.home.path().join("terminal.out");
    let new = site.lab.address("tvox1");
    for (prompt, key) in [
        ("Interface to configure", "1"),
        ("New IP address", new.as_str()),
        ("Netmask", ""),
        ("? [y/N]", "y"),
    ] {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !std::fs::read_to_string(&out)
            .unwrap_or_default()
            .contains(prompt)
        {
            assert!(
                Instant::now() < deadline,
                "`{prompt}` never shown:\n{}",
                std::fs::read_to_string(&out).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        keys.write_all(format!("{key}\r").as_bytes()).unwrap();
        keys.flush().unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    drop(keys);
    let shown = std::fs::read_to_string(site.home.path().join("terminal.out")).unwrap_or_default();
    eprintln!("--- standalone-to-ft in a terminal: {status}\n{shown}");
    (status.success(), shown)
}

#[test]
fn a_site_from_stand_alone_to_dr_and_back() {
    let site = Tvox::standalone();
    // Before network_reset TVOX 1 answers only at the node IP: its key is recorded there
    // (the runbook's `trust-tvox1-current`), and followed to its new address.
    site.tvdr()
        .args(["trust", "tvox1", "--address", &site.lab.node_ip(), "--yes"])
        .assert()
        .success();

    // Without a terminal the run stops at network_reset (exit 5), then goes on in one.
    let answers = conversion_answers(&site);
    let out = site.rehearse("standalone-to-ft", &answers, &[]);
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("network-reset"));
    let path = site.home.path().join("standalone-to-ft-answers.yaml");
    let (ok, shown) = resume_in_terminal(&site, &path);
    assert!(ok, "standalone-to-ft did not finish");
    assert!(shown.contains("New IP address"), "{shown}");
    dr::assert_every_step_done_or_skipped(&site, "standalone-to-ft");
    // TVOX 2 took over at the switch, as the procedure ends.
    assert_eq!(site.master(), ["tvox2"]);

    // The upgrade patches TVOX 1 first (slave after the conversion), then TVOX 2.
    let out = site.rehearse("upgrade", &upgrade::answers(&site), &[]);
    assert!(out.status.success(), "upgrade: {:?}", out.status.code());
    assert_eq!(site.patched(), ["tvox1", "tvox2"]);
    dr::assert_every_step_done_or_skipped(&site, "upgrade");

    dr::setup_activate_rollback(&site);

    // Each run leaves the customer's report.
    for runbook in [
        "standalone-to-ft",
        "upgrade",
        "dr-setup",
        "dr-activate",
        "dr-rollback",
    ] {
        insta::assert_snapshot!(format!("report_{runbook}"), report(&site, runbook));
    }
}
