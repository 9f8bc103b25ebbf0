//! `tvdr exec` and `tvdr trust` against the lab: real sshd in network namespaces.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::common::tvdr;
use crate::lab::Lab;

/// The lab inventory, with its `known_hosts` replaced by an empty file.
fn inventory_without_known_hosts(lab: &Lab) -> PathBuf {
    std::fs::write(lab.dir().join("empty_known_hosts"), "").unwrap();
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    let text = text.replace("known_hosts: known_hosts", "known_hosts: empty_known_hosts");
    assert!(
        text.contains("empty_known_hosts"),
        "lab inventory has no known_hosts key"
    );
    let path = lab.dir().join("fresh.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `ssh-keygen -lf` of the node's host key: what the technician reads on its console.
fn console_fingerprint(lab: &Lab, node: &str) -> String {
    let pubkey = std::fs::read_dir(lab.node_dir(node))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_key.pub"))
        .unwrap_or_else(|| panic!("no host key .pub in {}", lab.node_dir(node).display()));
    let out = std::process::Command::new("ssh-keygen")
        .arg("-lf")
        .arg(&pubkey)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_whitespace().nth(1).unwrap().to_string()
}

fn stdout_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn exec_on_one_node_passes_its_output_through() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args([
            "exec",
            "tvox1",
            "--",
            "sh",
            "-c",
            "echo $SSH_CONNECTION; cat /etc/hosts",
        ])
        .assert()
        .success();
    let stdout = stdout_of(&out);
    let first = stdout.lines().next().unwrap();
    assert!(first.contains(&lab.address("tvox1")), "{stdout}");
    assert!(
        stdout.contains("tvox.lab.test"),
        "the node's own /etc/hosts: {stdout}"
    );
    assert!(!stdout.contains(" | "), "one node: no prefixes: {stdout}");
}

#[test]
fn exec_on_both_prefixes_every_line_with_its_node() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args([
            "exec",
            "both",
            "--",
            "sh",
            "-c",
            "echo one; echo two >&2; printf last",
        ])
        .assert()
        .success();
    let stdout = stdout_of(&out);
    let stderr = stderr_of(&out);
    for node in ["tvox1", "tvox2"] {
        assert!(stdout.contains(&format!("{node} | one\n")), "{stdout}");
        assert!(stdout.contains(&format!("{node} | last\n")), "{stdout}");
        assert!(stderr.contains(&format!("{node} | two\n")), "{stderr}");
        assert!(
            stderr.contains(&format!("{node} (")),
            "summary line: {stderr}"
        );
    }
}

#[test]
fn a_failing_remote_command_exits_1_and_says_so() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["exec", "tvox2", "--", "sh", "-c", "exit 7"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("tvox2: exit status 7"));
}

#[test]
fn hostile_arguments_arrive_as_data() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let hostile = "'; touch /tmp/tvdr-pwned #\n$(touch /tmp/tvdr-pwned) `id` \"x\" \\ *";
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["exec", "tvox1", "--", "printf", "%s", hostile])
        .assert()
        .success();
    assert_eq!(stdout_of(&out), hostile);
    let check = lab.exec("tvox1", "test ! -e /tmp/tvdr-pwned");
    assert!(check.status.success(), "a hostile argument ran as code");
}

#[test]
fn json_format_collects_every_node() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["exec", "all", "--format", "json", "--", "echo", "hi"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3);
    for (node, name) in nodes.iter().zip(["tvox1", "tvox2", "dr_client"]) {
        assert_eq!(node["node"], name);
        assert_eq!(node["address"], lab.address(name));
        assert_eq!(node["exit_status"], 0);
        assert_eq!(node["stdout"], "hi\n");
    }
}

#[test]
fn an_unreachable_node_is_named_within_the_connect_timeout_while_the_other_answers() {
    let lab = Lab::start();
    lab.cut("tvox2");
    let home = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["exec", "both", "--", "echo", "alive"])
        .assert()
        .code(3);
    // The lab's connect timeout is 3s; generous margin for a loaded machine.
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        stdout_of(&out).contains("tvox1 | alive"),
        "{}",
        stdout_of(&out)
    );
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("tvox2") && stderr.contains(&lab.address("tvox2")),
        "{stderr}"
    );
    lab.restore("tvox2");
    tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["exec", "tvox2", "--", "true"])
        .assert()
        .success();
}

#[test]
fn an_unknown_host_key_is_refused_with_its_fingerprint() {
    let lab = Lab::start();
    let inventory = inventory_without_known_hosts(&lab);
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["exec", "tvox1", "--", "touch", "/tmp/tvdr-should-not-run"])
        .assert()
        .code(3);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&console_fingerprint(&lab, "tvox1")),
        "{stderr}"
    );
    assert!(stderr.contains("tvdr trust tvox1"), "{stderr}");
    assert!(lab
        .exec("tvox1", "test ! -e /tmp/tvdr-should-not-run")
        .status
        .success());
}

#[test]
fn trust_shows_the_fingerprint_records_it_and_then_exec_works() {
    let lab = Lab::start();
    let inventory = inventory_without_known_hosts(&lab);
    let home = tempfile::tempdir().unwrap();
    // No terminal and no --yes: a person must compare the fingerprint.
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["trust", "tvox1"])
        .assert()
        .code(5);
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["trust", "both", "--yes"])
        .assert()
        .success();
    let stdout = stdout_of(&out);
    for node in ["tvox1", "tvox2"] {
        assert!(
            stdout.contains(&console_fingerprint(&lab, node)),
            "{stdout}"
        );
    }
    let known = std::fs::read_to_string(lab.dir().join("empty_known_hosts")).unwrap();
    assert_eq!(known.lines().count(), 2, "{known}");
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["exec", "both", "--", "true"])
        .assert()
        .success();
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["trust", "tvox1", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("already trusted"));
}

#[test]
fn a_changed_host_key_is_refused_and_never_replaced_silently() {
    let lab = Lab::start();
    lab.rekey("tvox1");
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&console_fingerprint(&lab, "tvox1")),
        "{stderr}"
    );
    let before = std::fs::read(lab.dir().join("known_hosts")).unwrap();
    tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["trust", "tvox1", "--yes"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("CHANGED").and(predicate::str::contains("ssh-keygen -R")));
    assert_eq!(
        std::fs::read(lab.dir().join("known_hosts")).unwrap(),
        before
    );
}

/// Every file under `dir`, recursively (sockets and unreadable files skipped).
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

#[test]
fn a_password_typed_at_the_prompt_is_never_echoed_logged_or_stored() {
    let lab = Lab::start();
    let inventory = lab.inventory_without_identity("password.yaml");
    let home = tempfile::tempdir().unwrap();
    let transcript = home.path().join("transcript");
    // `script` gives tvdr a real terminal; the password is typed once the prompt is up.
    let command = format!(
        "{} -i {} exec tvox1 -- echo logged-in",
        assert_cmd::cargo::cargo_bin("tvdr").display(),
        inventory.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("(sleep 3; printf 'lab-secret-pw\\r') | script -qfec \"$1\" \"$2\"")
        .arg("sh")
        .arg(&command)
        .arg(&transcript)
        .env("HOME", home.path())
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("logged-in"),
        "password login failed:\n{shown}"
    );
    assert!(
        shown.to_lowercase().contains("password"),
        "no prompt shown:\n{shown}"
    );
    let mut files = Vec::new();
    files_under(home.path(), &mut files);
    files_under(lab.dir(), &mut files);
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("lab-secret-pw"),
            "the password is in {}",
            file.display()
        );
    }
    assert!(
        !shown.contains("lab-secret-pw"),
        "the password was echoed:\n{shown}"
    );
}

#[test]
fn the_ssh_agent_is_tried_first() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    // An inventory with no identity file: only the agent can log in.
    let inventory = lab.inventory_without_identity("agent.yaml");
    let socket = home.path().join("agent.sock");
    let agent = std::process::Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&socket)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    struct Stop(std::process::Child);
    impl Drop for Stop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let _agent = Stop(agent);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(Instant::now() < deadline, "ssh-agent did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    let added = std::process::Command::new("ssh-add")
        .arg(lab.dir().join("id_ed25519"))
        .env("SSH_AUTH_SOCK", &socket)
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .env("SSH_AUTH_SOCK", &socket)
        .args(["exec", "both", "--", "echo", "via-agent"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("tvox1 | via-agent")
                .and(predicate::str::contains("tvox2 | via-agent")),
        );
    // Without the agent the same inventory cannot log in (no terminal for a password).
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
}
