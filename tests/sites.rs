//! `tvdr check --sites DIR`: many site inventories against the lab's nodes, with a site
//! whose nodes refuse connections, one whose nodes accept and never speak (held only by
//! `--site-timeout`), and one whose inventory is broken. Every output has one entry per
//! site, and the sites that work are checked whatever the others do.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::tvdr;
use crate::lab::Lab;

const GOOD: [&str; 3] = ["acme", "beta", "gamma"];

/// The lab's inventory as site `name`, with its relative paths made absolute (it lives in
/// another directory now), and its nodes at 127.0.0.1, 127.0.0.2… on `elsewhere` (a port)
/// when given.
fn site_inventory(lab: &Lab, name: &str, elsewhere: Option<u16>) -> String {
    let dir = lab.dir();
    let mut nodes = 0;
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let line = if trimmed.starts_with("site: ") {
            format!("site: {name}")
        } else if trimmed == "identity: id_ed25519" {
            format!("{indent}identity: {}", dir.join("id_ed25519").display())
        } else if trimmed == "known_hosts: known_hosts" {
            format!("{indent}known_hosts: {}", dir.join("known_hosts").display())
        } else if elsewhere.is_some() && trimmed.starts_with("address: ") {
            // Loopback addresses, one per node (an inventory refuses two nodes at one).
            nodes += 1;
            format!("{indent}address: 127.0.0.{nodes}")
        } else if let (Some(port), true) = (elsewhere, trimmed.starts_with("port: ")) {
            format!("{indent}port: {port}")
        } else if elsewhere.is_some() && trimmed.starts_with("connect_timeout: ") {
            // Long enough that only --site-timeout can end the wait for a silent node.
            format!("{indent}connect_timeout: 120s")
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn sites_dir(lab: &Lab, silent_port: u16, refused_port: u16) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let sites = dir.path().join("sites");
    std::fs::create_dir(&sites).unwrap();
    for name in GOOD {
        std::fs::write(
            sites.join(format!("{name}.yaml")),
            site_inventory(lab, name, None),
        )
        .unwrap();
    }
    let down = site_inventory(lab, "down", Some(refused_port));
    std::fs::write(sites.join("down.yml"), down).unwrap();
    let mute = site_inventory(lab, "mute", Some(silent_port));
    std::fs::write(sites.join("mute.yaml"), mute).unwrap();
    std::fs::write(sites.join("broken.yaml"), "site: broken\nnodes: [\n").unwrap();
    // Not inventories: left alone.
    std::fs::write(sites.join("README.txt"), "notes").unwrap();
    std::fs::write(sites.join(".hidden.yaml"), "not: a site").unwrap();
    (dir, sites)
}

fn run(home: &Path, sites: &Path, format: &str) -> (i32, String, String) {
    let out = tvdr(home)
        .args(["--state-dir"])
        .arg(home.join("state"))
        .args(["check", "vip", "hosts", "--sites"])
        .arg(sites)
        .args(["--jobs", "3", "--site-timeout", "3s", "--format", format])
        .timeout(std::time::Duration::from_secs(90))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn many_sites_each_once_whatever_the_others_do() {
    let lab = Lab::start();
    // Accept connections (the kernel's backlog) and never say a word: both nodes' addresses.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let silent_too = TcpListener::bind(("127.0.0.2", silent_port)).unwrap();
    // Nothing listens here: refused at once.
    let refused_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (home, sites) = sites_dir(&lab, silent_port, refused_port);

    let (code, stdout, stderr) = run(home.path(), &sites, "json");
    let doc: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    assert_eq!(code, 3, "a node not reached wins: {stdout}");
    let all = doc["sites"].as_array().unwrap();
    let names: Vec<&str> = all.iter().map(|s| s["site"].as_str().unwrap()).collect();
    // The files' order; the broken one named after its file.
    assert_eq!(
        names,
        ["acme", "beta", "broken", "down", "gamma", "mute"],
        "{stdout}"
    );
    let site = |name: &str| all.iter().find(|s| s["site"] == name).unwrap();
    for name in GOOD {
        let s = site(name);
        assert_eq!(s["status"], "OK", "{name}: {s:#}");
        assert_eq!(s["checks"].as_array().unwrap().len(), 2, "{s:#}");
        assert_eq!(s["reached"], true);
    }
    let down = site("down");
    assert_eq!(down["status"], "UNKNOWN", "{down:#}");
    assert_eq!(down["reached"], false);
    assert!(down["unreachable"]["tvox1"].is_string(), "{down:#}");
    let mute = site("mute");
    assert_eq!(mute["timed_out"], true, "{mute:#}");
    assert!(mute["error"].as_str().unwrap().contains("3s"), "{mute:#}");
    let broken = site("broken");
    assert_eq!(broken["status"], "UNKNOWN");
    let why = broken["error"].as_str().unwrap();
    assert!(why.contains("broken.yaml:2:"), "file and line: {why}");
    // The good sites were not held back by the silent one: each took well under its wait.
    for name in GOOD {
        assert!(site(name)["seconds"].as_f64().unwrap() < 3.0, "{stdout}");
    }

    let (code, table, _) = run(home.path(), &sites, "human");
    assert_eq!(code, 3);
    // A row starts where the status column is not blank (a long cell wraps on more lines).
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("│ ") && !l[4..].starts_with(' '))
        .skip(1)
        .collect();
    assert_eq!(rows.len(), 6, "one line per site:\n{table}");
    assert!(
        rows[..3].iter().all(|r| r.contains("UNKNOWN")),
        "worst first:\n{table}"
    );
    assert!(
        rows[3..].iter().all(|r| r.contains("OK")),
        "worst first:\n{table}"
    );
    assert!(table.contains("6 sites: 3 UNKNOWN, 3 OK"), "{table}");

    let (code, nagios, _) = run(home.path(), &sites, "nagios");
    assert_eq!(code, 3, "the worst site's plugin state:\n{nagios}");
    let lines: Vec<&str> = nagios.lines().collect();
    assert_eq!(lines.len(), 6, "{nagios}");
    for line in &lines {
        assert!(line.contains("] PROCESS_SERVICE_CHECK_RESULT;"), "{line}");
    }
    assert!(lines[0].contains(";acme;tvdr;0;TVDR OK - "), "{}", lines[0]);
    assert!(
        lines[3].contains(";down;tvdr;3;TVDR UNKNOWN - "),
        "{}",
        lines[3]
    );

    let (_, exposition, _) = run(home.path(), &sites, "prometheus");
    let mut families = std::collections::HashSet::new();
    for line in exposition.lines().filter(|l| l.starts_with("# TYPE ")) {
        assert!(
            families.insert(line.to_string()),
            "{line} twice:\n{exposition}"
        );
    }
    for name in GOOD {
        assert!(
            exposition.contains(&format!(
                "tvdr_check_status{{site=\"{name}\",check=\"vip\"}} 0"
            )),
            "{exposition}"
        );
        assert!(exposition.contains(&format!("tvdr_site_up{{site=\"{name}\"}} 1")));
    }
    assert!(
        exposition.contains("tvdr_site_up{site=\"mute\"} 0"),
        "{exposition}"
    );
    drop((silent, silent_too));
}

#[test]
fn a_directory_without_inventories_and_two_files_of_one_site_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = tvdr(home.path())
        .args(["check", "all", "--sites"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no site inventory"));
    let out = tvdr(home.path())
        .args(["--lang", "it", "check", "all", "--sites"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nessun inventario di sito"), "{stderr}");

    let twice = home.path().join("twice");
    std::fs::create_dir(&twice).unwrap();
    let example = std::fs::read_to_string(crate::common::repo_file("examples/tvdr.yaml")).unwrap();
    std::fs::write(twice.join("a.yaml"), &example).unwrap();
    std::fs::write(twice.join("b.yaml"), &example).unwrap();
    let out = tvdr(home.path())
        .args(["check", "all", "--sites"])
        .arg(&twice)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.yaml") && stderr.contains("b.yaml"),
        "{stderr}"
    );
}

#[test]
fn a_broken_site_reads_in_the_chosen_language_and_stays_english_in_json() {
    let home = tempfile::tempdir().unwrap();
    let sites = home.path().join("sites");
    std::fs::create_dir(&sites).unwrap();
    // The example's cluster without its TVOX 2: a message tvdr writes, not serde.
    let example = std::fs::read_to_string(crate::common::repo_file("examples/tvdr.yaml")).unwrap();
    let (head, rest) = example
        .split_once("  tvox2:")
        .expect("the example has a tvox2");
    let (_, tail) = rest
        .split_once("\n  dr_client:")
        .expect("and a dr_client after it");
    std::fs::write(sites.join("a.yaml"), format!("{head}  dr_client:{tail}")).unwrap();
    let run = |format: &str| {
        let out = tvdr(home.path())
            .args(["--lang", "it", "check", "vip", "--sites"])
            .arg(&sites)
            .args(["--format", format])
            .assert()
            .code(1);
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    let table = run("human");
    assert!(table.contains("richiede due nodi"), "{table}");
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let error = json["sites"][0]["error"].as_str().unwrap();
    assert!(error.contains("needs two nodes"), "{error}");
}
