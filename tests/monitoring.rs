//! The monitoring examples work as shipped: Prometheus' own tool reads the configuration,
//! runs the alert rules' unit tests and lints tvdr's exposition for many sites; Icinga 2
//! validates the example configuration. All from Debian's packages, installed by
//! `scripts/test`.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{repo_file, tvdr};

fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} (installed by scripts/test): {e}"))
}

fn assert_ok(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{what}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_prometheus_example_loads_and_its_alerts_fire_on_tvdr_series() {
    let dir = repo_file("examples/prometheus");
    assert_ok(
        "promtool check config",
        &run("promtool", &["check", "config", "prometheus.yml"], &dir),
    );
    assert_ok(
        "promtool test rules",
        &run("promtool", &["test", "rules", "tvdr-rules.test.yml"], &dir),
    );
    // The rules test would pass on rules that never match a tvdr series: every metric the
    // rules read must be one tvdr writes.
    let rules = std::fs::read_to_string(dir.join("tvdr-rules.yml")).unwrap();
    let families = [
        "tvdr_check_status",
        "tvdr_check_up",
        "tvdr_site_up",
        "tvdr_last_run_timestamp_seconds",
    ];
    for line in rules
        .lines()
        .filter(|l| l.trim_start().starts_with("expr:"))
    {
        assert!(
            families.iter().any(|f| line.contains(f)),
            "a rule on a series tvdr does not write: {line}"
        );
    }
}

/// Fails unless Prometheus' linter accepts `exposition`.
pub fn promtool_lint(exposition: &str) {
    let mut lint = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (installed by scripts/test)");
    use std::io::Write;
    lint.stdin
        .take()
        .unwrap()
        .write_all(exposition.as_bytes())
        .unwrap();
    let out = lint.wait_with_output().unwrap();
    assert_ok(&format!("promtool check metrics on\n{exposition}"), &out);
}

#[test]
fn sites_that_cannot_be_checked_still_write_a_clean_exposition() {
    // Nodes on loopback where nothing listens: refused at once, nothing leaves this machine.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let home = tempfile::tempdir().unwrap();
    let sites = home.path().join("sites");
    std::fs::create_dir(&sites).unwrap();
    for name in ["north", "south"] {
        let text = format!(
            "site: {name}\ntvox: {{ version: 21, domain: tvox.example.test }}\n\
             cluster: {{ node_ip: 127.0.0.9 }}\n\
             nodes:\n  tvox1: {{ address: 127.0.0.1 }}\n  tvox2: {{ address: 127.0.0.2 }}\n\
             ssh: {{ user: root, port: {port}, known_hosts: known_hosts, connect_timeout: 2s }}\n"
        );
        std::fs::write(sites.join(format!("{name}.yaml")), text).unwrap();
    }
    let out = tvdr(home.path())
        .args(["check", "vip", "hosts", "--sites"])
        .arg(&sites)
        .args(["--format", "prometheus"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let exposition = String::from_utf8_lossy(&out.stdout).into_owned();
    for name in ["north", "south"] {
        assert!(
            exposition.contains(&format!("tvdr_site_up{{site=\"{name}\"}} 0")),
            "{exposition}"
        );
        assert!(
            exposition.contains(&format!("tvdr_check_up{{site=\"{name}\",check=\"vip\"}} 0")),
            "{exposition}"
        );
    }
    promtool_lint(&exposition);
}

#[test]
fn the_icinga_example_validates() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo_file("examples/icinga2/tvdr.conf");
    let main = dir.path().join("icinga2.conf");
    std::fs::write(
        &main,
        format!(
            "const PluginDir = \"/usr/lib/nagios/plugins\"\nconst ZoneName = NodeName\n\
             include <itl>\ninclude <plugins>\ninclude \"{}\"\n",
            example.display()
        ),
    )
    .unwrap();
    let main = main.to_string_lossy().into_owned();
    let out = run("icinga2", &["daemon", "-C", "-c", &main], dir.path());
    assert_ok("icinga2 daemon -C", &out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Instantiated 2 Services"), "{said}");
    assert!(said.contains("Instantiated 2 Hosts"), "{said}");
}
