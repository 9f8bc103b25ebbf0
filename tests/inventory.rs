//! The inventory: the shipped example, every key, every error path with its location,
//! and `tvdr init` answered through standard input.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{repo_file, tvdr};

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("tvdr.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

const MINIMAL: &str = "site: s1\ntvox: { version: 21, domain: tam.example.com }\nnodes:\n  tvox1: { address: 10.1.1.1 }\n";

#[test]
fn the_shipped_example_is_valid_and_shows_every_node() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("--inventory")
        .arg(repo_file("examples/tvdr.yaml"))
        .arg("inventory")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("valid")
                .and(predicate::str::contains("acme-milano"))
                .and(predicate::str::contains("node IP 172.16.95.71"))
                .and(predicate::str::contains("dr_client"))
                .and(predicate::str::contains("root@172.16.95.72:22")),
        );
}

/// `tvdr inventory | head -1`, `tvdr --help | less` quit early: tvdr ends quietly with
/// 141 (a closed output, as `cat` would), never a panic or an `error: Broken pipe`.
#[test]
fn an_output_closed_early_ends_quietly_with_141() {
    let home = tempfile::tempdir().unwrap();
    let example = repo_file("examples/tvdr.yaml");
    let example = example.to_str().unwrap();
    // A node run where tvdr runs: a long output passed on by `tvdr exec`.
    let local = write(
        home.path(),
        "site: s1\ntvox: { version: 21, domain: tam.example.com }\n\
         nodes:\n  tvox1: { address: 127.0.0.1, transport: local }\n",
    );
    let local = local.to_str().unwrap();
    for args in [
        &[
            "--inventory",
            local,
            "exec",
            "tvox1",
            "--",
            "seq",
            "1",
            "1000000",
        ][..],
        &["--inventory", example, "inventory"],
        &["--inventory", example, "inventory", "--format", "json"],
        &["--help"],
        &["--inventory", example, "runbook", "upgrade", "--dry-run"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("tvdr"))
            .args(args)
            .env("HOME", home.path())
            .stdout(writer)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(141), "{args:?}: {said}");
        assert_eq!(said, "", "{args:?}");
    }
}

#[test]
fn json_shows_defaults_and_overrides_resolved() {
    let home = tempfile::tempdir().unwrap();
    let path = write(
        home.path(),
        "site: s1
tvox: { version: 20, domain: tam.example.com }
cluster: { node_ip: 10.1.1.2 }
nodes:
  tvox1:
    address: 10.1.1.1
    ssh: { user: admin, port: 2222, identity: keys/tvox1 }
    env: { PGHOST: /var/run/postgresql }
    paths: { sync_dir: /data/sync }
  tvox2: { address: tvox2.example.com, transport: local, ssh: { become: none } }
ssh: { user: tech, become: sudo, connect_timeout: 3s, known_hosts: kh }
thresholds: { fs_tolerance: 2.5% }
objectives: { rpo: 15m, rto: 1h 30m }
retention: { receipts: 2h }
",
    );
    let out = tvdr(home.path())
        .env("TVDR_INVENTORY", &path)
        .args(["inventory", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let n1 = &v["nodes"][0];
    assert_eq!(n1["user"], "admin");
    assert_eq!(n1["become"], "sudo", "the site's `become` applies");
    assert_eq!(n1["port"], 2222);
    assert_eq!(
        n1["identity"],
        home.path().join("keys/tvox1").to_str().unwrap()
    );
    assert_eq!(n1["env"]["PGHOST"], "/var/run/postgresql");
    assert_eq!(n1["sync_dir"], "/data/sync");
    assert_eq!(n1["hosts_file"], "/etc/hosts");
    assert_eq!(n1["connect_timeout_s"], 3.0);
    assert_eq!(n1["command_timeout_s"], 300.0);
    assert_eq!(
        n1["known_hosts"][0],
        home.path().join("kh").to_str().unwrap()
    );
    assert_eq!(
        n1["known_hosts"][1],
        home.path().join(".ssh/known_hosts").to_str().unwrap()
    );
    let n2 = &v["nodes"][1];
    assert_eq!(n2["user"], "tech");
    assert_eq!(n2["become"], "none", "a node's `become` wins");
    assert_eq!(n2["port"], 22);
    assert_eq!(n2["transport"], "local");
    assert_eq!(n2["sync_dir"], "/opt/telenia_data/sync");
    assert_eq!(v["cluster"]["node_ip"], "10.1.1.2");
    assert_eq!(v["calendars"]["database"], "davical_administrators");
    assert_eq!(v["calendars"]["user"], "davical_dba");
    assert_eq!(v["thresholds"]["fs_tolerance_percent"], 2.5);
    assert_eq!(v["thresholds"]["chat_lag_s"], 60.0);
    assert_eq!(v["objectives"]["rpo_s"], 900.0);
    assert_eq!(v["objectives"]["rto_s"], 5400.0);
    assert_eq!(v["retention"]["receipts_s"], 7200.0);
}

#[test]
fn a_stand_alone_site_needs_only_tvox1() {
    let home = tempfile::tempdir().unwrap();
    write(home.path(), MINIMAL);
    tvdr(home.path())
        .arg("inventory")
        .assert()
        .success()
        .stdout(predicate::str::contains("stand-alone"));
}

/// Each bad file gives exit 2 and `file:line:col: message`.
fn assert_invalid(text: &str, location: &str, message: &str) {
    let home = tempfile::tempdir().unwrap();
    let path = write(home.path(), text);
    let out = tvdr(home.path())
        .arg("--inventory")
        .arg(&path)
        .arg("inventory")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let expected = format!("{}:{location}: ", path.display());
    assert!(
        stderr.contains(&expected),
        "want `{expected}` in:\n{stderr}"
    );
    assert!(stderr.contains(message), "want `{message}` in:\n{stderr}");
}

#[test]
fn misspelt_key_is_located_with_a_suggestion() {
    assert_invalid(
        "site: s1\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1:\n    adress: 10.1.1.1\n",
        "5:5",
        "did you mean `address`?",
    );
    assert_invalid(
        &format!("{MINIMAL}ssh:\n  usr: root\n"),
        "6:3",
        "did you mean `user`?",
    );
}

#[test]
fn invalid_values_are_located() {
    assert_invalid(
        "site: s1\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 172.16.95.700 }\n",
        "4:21",
        "not a valid IPv4 address",
    );
    assert_invalid(
        &format!("{MINIMAL}ssh: {{ connect_timeout: 10 }}\n"),
        "5:25",
        "has no unit",
    );
    assert_invalid(
        &format!("{MINIMAL}thresholds: {{ fs_tolerance: 1 }}\n"),
        "5:29",
        "needs a `%` sign",
    );
    assert_invalid(&format!("{MINIMAL}ssh: {{ port: 70000 }}\n"), "5:14", "u16");
    assert_invalid(
        "site: ../etc\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 10.1.1.1 }\n",
        "1:7",
        "not a usable site name",
    );
    assert_invalid(
        "site: s1\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1:\n    address: 10.1.1.1\n    env: { 1BAD: x }\n",
        "6:12",
        "not a valid environment variable name",
    );
}

#[test]
fn cross_field_rules_are_located() {
    assert_invalid(
        &format!("{MINIMAL}cluster: {{ node_ip: 10.1.1.9 }}\n"),
        "5:21",
        "needs two nodes",
    );
    assert_invalid(
        "site: s1\ntvox: { version: 21, domain: d.example }\ncluster: { node_ip: 10.1.1.1 }\nnodes:\n  tvox1: { address: 10.1.1.1 }\n  tvox2: { address: 10.1.1.3 }\n",
        "3:21",
        "also the physical address of `tvox1`",
    );
    assert_invalid(
        "site: s1\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 10.1.1.1 }\n  tvox2: { address: 10.1.1.1 }\n",
        "5:21",
        "same address as `tvox1`",
    );
}

#[test]
fn dns_servers_are_addresses_of_the_site() {
    assert_invalid(
        &format!("{MINIMAL}dns: {{ servers: [10.1.1.53, dns.example] }}\n"),
        "5:29",
        "`dns.example` is not a valid IP address",
    );
    assert_invalid(
        &format!("{MINIMAL}dns: {{ servers: [] }}\n"),
        "5:17",
        "`dns.servers` is empty",
    );
    assert_invalid(
        &format!("{MINIMAL}dns: {{ servers: [127.0.0.53] }}\n"),
        "5:18",
        "may answer from its hosts file",
    );
    assert_invalid(
        &format!("{MINIMAL}dns: {{ servers: [10.1.1.53, 10.1.1.53] }}\n"),
        "5:29",
        "listed twice",
    );
    let home = tempfile::tempdir().unwrap();
    let path = write(
        home.path(),
        &format!("{MINIMAL}dns: {{ servers: [10.1.1.53, \"fd00::53\"] }}\n"),
    );
    let out = tvdr(home.path())
        .arg("--inventory")
        .arg(&path)
        .args(["inventory", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["dns"]["servers"],
        serde_json::json!(["10.1.1.53", "fd00::53"])
    );
}

#[test]
fn missing_key_and_broken_yaml_are_located() {
    assert_invalid(
        "tvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 10.1.1.1 }\n",
        "2:1",
        "missing field `site`",
    );
    assert_invalid("site: s1\ntvox: [\n", "2:7", "expected mapping start");
    assert_invalid("site: s1\nsite: s2\n", "2:1", "duplicate");
}

#[test]
fn no_inventory_anywhere_is_explained() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path()).arg("inventory").assert().code(2).stderr(
        predicate::str::contains("no inventory found").and(predicate::str::contains("tvdr init")),
    );
}

#[test]
fn unreadable_inventory_is_named() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .args(["--inventory", "nope.yaml", "inventory"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read inventory `nope.yaml`",
        ));
}

const INIT_ANSWERS: &str = "acme-milano\n\ntam.example.com\ny\n172.16.95.71\n172.16.95.70\n172.16.95.72\n10.20.0.5\n\n\n\n";

#[test]
fn init_through_stdin_writes_the_example_inventory() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("init")
        .write_stdin(INIT_ANSWERS)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote tvdr.yaml"));
    let written = std::fs::read_to_string(home.path().join("tvdr.yaml")).unwrap();
    let example = std::fs::read_to_string(repo_file("examples/tvdr.yaml")).unwrap();
    assert_eq!(
        written, example,
        "init with the example's answers must write the example"
    );
    tvdr(home.path()).arg("inventory").assert().success();
}

#[test]
fn init_stand_alone_without_dr() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .args(["init", "-o", "site.yaml"])
        .write_stdin("solo\n20\npbx.example.com\nn\n192.168.10.5\n\nadmin\n2222\nnone\n")
        .assert()
        .success();
    let out = tvdr(home.path())
        .args(["-i", "site.yaml", "inventory", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["cluster"], serde_json::Value::Null);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 1);
    assert_eq!(v["nodes"][0]["user"], "admin");
    assert_eq!(v["nodes"][0]["port"], 2222);
    assert_eq!(v["nodes"][0]["identity"], serde_json::Value::Null);
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let home = tempfile::tempdir().unwrap();
    write(home.path(), "precious\n");
    tvdr(home.path())
        .arg("init")
        .write_stdin(INIT_ANSWERS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(
        std::fs::read_to_string(home.path().join("tvdr.yaml")).unwrap(),
        "precious\n"
    );
    tvdr(home.path())
        .args(["init", "--force"])
        .write_stdin(INIT_ANSWERS)
        .assert()
        .success();
}

#[test]
fn init_with_a_bad_answer_names_the_question_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("init")
        .write_stdin("acme\n21\ntam.example.com\ny\n999.1.1.1\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Node IP").and(predicate::str::contains("999.1.1.1")));
    assert!(!home.path().join("tvdr.yaml").exists());
}

#[test]
fn init_without_a_terminal_or_answers_needs_a_human() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("init")
        .write_stdin("")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("Site name").and(predicate::str::contains("no terminal")));
    assert!(!home.path().join("tvdr.yaml").exists());
}
