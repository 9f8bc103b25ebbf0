//! `tvdr check hosts|clock|screen|license` against the lab, each in a good and a bad state:
//! the real binary, real sshd, the node's own /etc/hosts and stand-ins in `bin/` (`dns`
//! has its own module, checks_dns.rs).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::tvdr;
use crate::lab::Lab;

const DOMAIN: &str = "tvox.lab.test";

/// `tvdr check NAME --format json` with `inventory`: the exit code and the check's report.
pub fn check(lab: &Lab, inventory: &Path, name: &str, extra: &[&str]) -> (i32, Value) {
    let home = lab.dir().join("home-tvdr");
    std::fs::create_dir_all(&home).unwrap();
    let out = tvdr(&home)
        .arg("-i")
        .arg(inventory)
        .arg("--state-dir")
        .arg(home.join("state"))
        .args(["check", name, "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let doc: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "`tvdr check {name}` printed no JSON ({e}):\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let report = doc["checks"][0].clone();
    assert_eq!(report["name"], name, "{doc:#}");
    (out.status.code().unwrap_or(-1), report)
}

/// The detail messages about `node`, joined: what assertions look into.
fn said_about(report: &Value, node: &str) -> String {
    report["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["node"] == node)
        .map(|d| format!("[{}] {}", d["status"], d["message"].as_str().unwrap()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rewrites the node's /etc/hosts in place: it is bind-mounted, so the inode must stay.
fn write_hosts(lab: &Lab, node: &str, text: &str) {
    std::fs::write(lab.node_dir(node).join("hosts"), text).unwrap();
}

fn hosts_mapping(address: &str) -> String {
    format!(
        "127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n\
         ::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n\
         {address} {DOMAIN}\n"
    )
}

/// A shell script in the node's `bin/`, first on the PATH of its SSH sessions.
fn stand_in(lab: &Lab, node: &str, name: &str, script: &str) -> PathBuf {
    let path = lab.node_dir(node).join("bin").join(name);
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A copy of the lab inventory with `env:` added to nodes and `extra` appended.
fn inventory_with(lab: &Lab, file: &str, env: &[(&str, &str, String)], extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    let mut out = String::new();
    let mut node = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(name) = line.strip_prefix("  ").and_then(|l| l.strip_suffix(':')) {
            if !name.starts_with(' ') {
                node = name.to_string();
            }
        }
        if line.starts_with("    address: ") {
            let vars: Vec<String> = env
                .iter()
                .filter(|(n, _, _)| *n == node)
                .map(|(_, k, v)| format!("{k}: \"{v}\""))
                .collect();
            if !vars.is_empty() {
                out.push_str(&format!("    env: {{ {} }}\n", vars.join(", ")));
            }
        }
    }
    out.push_str(extra);
    let path = lab.dir().join(file);
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn hosts_right_then_wrong_line_then_missing_on_one_node() {
    let lab = Lab::start();
    let inv = lab.inventory();
    let (code, r) = check(&lab, &inv, "hosts", &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("OK")), "{r:#}");
    assert_eq!(r["nodes"]["tvox2"]["line"], 3);

    // tvox2 still maps the domain to its own address, as before the conversion to FT.
    let tvox2 = lab.address("tvox2");
    write_hosts(&lab, "tvox2", &hosts_mapping(&tvox2));
    let (code, r) = check(&lab, &inv, "hosts", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("CRIT")), "{r:#}");
    let said = said_about(&r, "tvox2");
    assert!(
        said.contains(&format!(
            "line 3 maps `{DOMAIN}` to {tvox2}, expected {}",
            lab.node_ip()
        )),
        "{said}"
    );
    assert!(said_about(&r, "tvox1").starts_with("[\"OK\"]"), "{r:#}");
    assert!(
        r["hints"][0]
            .as_str()
            .unwrap()
            .contains("on tvox2: run `write_config.php network`"),
        "{r:#}"
    );

    // tvox1 without the line at all; tvox2 fixed.
    write_hosts(&lab, "tvox2", &hosts_mapping(&lab.node_ip()));
    write_hosts(
        &lab,
        "tvox1",
        "127.0.0.1   localhost\n# cluster\n10.0.0.300 old-pbx\n",
    );
    let (code, r) = check(&lab, &inv, "hosts", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("CRIT")), "{r:#}");
    let said = said_about(&r, "tvox1");
    assert!(said.contains(&format!("no line maps `{DOMAIN}`")), "{said}");
    assert!(said.contains("[\"WARN\"] `10.0.0.300 old-pbx`"), "{said}");
    assert!(said_about(&r, "tvox2").starts_with("[\"OK\"]"), "{r:#}");
}

#[test]
fn hosts_file_path_comes_from_the_inventory() {
    let lab = Lab::start();
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    let missing = lab.dir().join("no-such-hosts");
    let text = text.replacen(
        "hosts_file: /etc/hosts }",
        &format!("hosts_file: {} }}", missing.display()),
        1,
    );
    let inv = lab.dir().join("other-hosts.yaml");
    std::fs::write(&inv, text).unwrap();
    let (code, r) = check(&lab, &inv, "hosts", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("CRIT")), "{r:#}");
    assert!(said_about(&r, "tvox1").contains("does not exist"), "{r:#}");
}

#[test]
fn hosts_with_a_node_cut_is_unknown_and_exits_3() {
    let lab = Lab::start();
    lab.cut("tvox2");
    let (code, r) = check(&lab, &lab.inventory(), "hosts", &[]);
    assert_eq!((code, r["status"].as_str()), (3, Some("UNKNOWN")), "{r:#}");
    assert!(said_about(&r, "tvox1").starts_with("[\"OK\"]"), "{r:#}");
    assert!(
        said_about(&r, "tvox2").starts_with("[\"UNKNOWN\"]"),
        "{r:#}"
    );
    assert_eq!(
        r["hints"],
        serde_json::json!([]),
        "no fix suggested for what was not seen"
    );
}

#[test]
fn clock_skew_from_a_date_stand_in() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    let inv = lab.inventory();
    let (code, r) = check(&lab, &inv, "clock", &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("OK")), "{r:#}");
    assert!(
        r["metrics"]["clock_skew_seconds"]["value"]
            .as_f64()
            .unwrap()
            < 1.0
    );

    // GNU date reading the real clock shifted: the node's clock is ahead.
    let ahead = |seconds: u32| {
        format!("#!/bin/sh\n# lab stand-in: a clock {seconds} s ahead\nexec /usr/bin/date -d '+{seconds} seconds' \"$@\"\n")
    };
    stand_in(&lab, "dr_client", "date", &ahead(4));
    let (code, r) = check(&lab, &inv, "clock", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("WARN")), "{r:#}");
    // About 4 s: the two readings are a few milliseconds apart (3.999 s happens).
    let summary = r["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("dr_client is ") && summary.contains(" ahead of "),
        "{r:#}"
    );
    let skew = r["metrics"]["clock_skew_seconds"]["value"]
        .as_f64()
        .unwrap();
    assert!((3.9..4.1).contains(&skew), "{r:#}");

    stand_in(&lab, "dr_client", "date", &ahead(0));
    stand_in(&lab, "tvox2", "date", &ahead(30));
    let (code, r) = check(&lab, &inv, "clock", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("CRIT")), "{r:#}");
    let skew = r["metrics"]["clock_skew_seconds"]["value"]
        .as_f64()
        .unwrap();
    assert!((29.5..30.5).contains(&skew), "{r:#}");
    assert_eq!(r["metrics"]["clock_skew_seconds"]["crit"], 10.0);
}

/// A screen session started for a test, quit when dropped (also when the test panics).
struct ScreenSession<'a> {
    lab: &'a Lab,
    inventory: &'a Path,
    node: &'static str,
    name: &'static str,
}

impl ScreenSession<'_> {
    fn exec(&self, args: &[&str]) -> std::process::Output {
        let home = self.lab.dir().join("home-tvdr");
        std::fs::create_dir_all(&home).unwrap();
        tvdr(&home)
            .arg("-i")
            .arg(self.inventory)
            .args(["exec", self.node, "--"])
            .args(args)
            .output()
            .unwrap()
    }
}

impl Drop for ScreenSession<'_> {
    fn drop(&mut self) {
        let _ = self.exec(&["screen", "-S", self.name, "-X", "quit"]);
    }
}

#[test]
fn screen_installed_then_a_detached_session_then_missing() {
    let lab = Lab::start();
    // /run/screen is shared by every namespace (and lab): each node gets its own socket
    // directory, so tvox1's session is not also seen on tvox2.
    let screendir = |node: &str| {
        lab.node_dir(node)
            .join("home/.screen")
            .display()
            .to_string()
    };
    let env = [
        ("tvox1", "SCREENDIR", screendir("tvox1")),
        ("tvox2", "SCREENDIR", screendir("tvox2")),
    ];
    let inv = inventory_with(&lab, "screen.yaml", &env, "");
    let (code, r) = check(&lab, &inv, "screen", &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("OK")), "{r:#}");
    assert_eq!(r["nodes"]["tvox1"]["installed"], true);

    let session = ScreenSession {
        lab: &lab,
        inventory: &inv,
        node: "tvox1",
        name: "tvdr-patch",
    };
    // Ends by itself after two minutes should the guard never run.
    let started = session.exec(&["screen", "-dmS", "tvdr-patch", "sleep", "120"]);
    assert!(started.status.success(), "{started:?}");
    let (code, r) = check(&lab, &inv, "screen", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("WARN")), "{r:#}");
    let sessions = &r["nodes"]["tvox1"]["sessions"];
    assert!(
        sessions[0]["id"].as_str().unwrap().ends_with(".tvdr-patch"),
        "{r:#}"
    );
    assert_eq!(sessions[0]["state"], "Detached");
    assert_eq!(r["nodes"]["tvox2"]["sessions"], serde_json::json!([]));
    drop(session);

    // Screen "uninstalled" on tvox2: its PATH holds only its bin/, without the lab's
    // strict `screen` wrapper.
    let mut env = env.to_vec();
    std::fs::remove_file(lab.node_dir("tvox2").join("bin/screen")).unwrap();
    let bin = lab.node_dir("tvox2").join("bin").display().to_string();
    env.push(("tvox2", "PATH", bin));
    let inv = inventory_with(&lab, "no-screen.yaml", &env, "");
    let (code, r) = check(&lab, &inv, "screen", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("CRIT")), "{r:#}");
    assert_eq!(r["nodes"]["tvox2"]["installed"], false);
    assert!(
        said_about(&r, "tvox2").contains("GNU screen is not installed"),
        "{r:#}"
    );
    assert!(said_about(&r, "tvox1").contains("no session"), "{r:#}");
}

#[test]
fn license_unconfigured_then_matching_then_not() {
    let lab = Lab::start();
    let (code, r) = check(&lab, &lab.inventory(), "license", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("UNKNOWN")), "{r:#}");
    assert_eq!(
        r["summary"],
        "not configured: set `license.command` and `license.expect` in the inventory"
    );

    let licence = |options: &str| {
        format!("#!/bin/sh\n# lab stand-in for the vendor's licence tool\necho 'TVox licence'\necho 'Options: {options}'\n")
    };
    stand_in(&lab, "tvox1", "tvox-license", &licence("FT, DR"));
    stand_in(&lab, "tvox2", "tvox-license", &licence("FT, DR"));
    // A pipe: the operator's text reaches the node's shell as written.
    let inv = inventory_with(
        &lab,
        "license.yaml",
        &[],
        "license:\n  command: \"tvox-license | tr a-z A-Z\"\n  expect: \"(?m)^OPTIONS: .*\\\\bFT\\\\b\"\n",
    );
    let (code, r) = check(&lab, &inv, "license", &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("OK")), "{r:#}");

    stand_in(&lab, "tvox2", "tvox-license", &licence("none"));
    let (code, r) = check(&lab, &inv, "license", &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("CRIT")), "{r:#}");
    let said = said_about(&r, "tvox2");
    assert!(said.contains("`TVOX LICENCE ⏎ OPTIONS: NONE`"), "{said}");
    assert!(said_about(&r, "tvox1").starts_with("[\"OK\"]"), "{r:#}");
}
