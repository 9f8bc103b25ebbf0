//! The lab's nodes are as strict as a stock CentOS 7: wrappers on their login PATH fail
//! loudly on what it lacks (`screen -Logfile`, `ip -j`, `timeout -v`, `jq`, `python3`,
//! `SHOW REPLICA STATUS`, mongosh's `EJSON`), and every check still works there.

use serde_json::Value;

use crate::common::tvdr;
use crate::lab::Lab;

/// What the lab's wrappers refuse, and how they name it.
const LACKING: &[(&[&str], &str)] = &[
    (&["screen", "-Logfile", "x", "-v"], "`screen -Logfile`"),
    (&["ip", "-j", "addr"], "`ip -j`"),
    (&["timeout", "-v", "5", "true"], "`timeout -v`"),
    (&["jq", "."], "`jq`"),
    (&["python3", "-V"], "`python3`"),
    (
        &["mysql", "-e", "show replica status"],
        "`SHOW REPLICA STATUS`",
    ),
    (
        &["mongo", "--quiet", "--eval", "EJSON.stringify(rs.status())"],
        "`EJSON` in the legacy `mongo` shell",
    ),
];

#[test]
fn check_all_sends_nothing_a_stock_centos_7_lacks_and_dns_falls_back_to_python() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["pg", "mysql", "mongo"]);
    let inventory = lab.inventory();
    let home = tempfile::tempdir().unwrap();
    for (command, name) in LACKING {
        let out = tvdr(home.path())
            .args(["--inventory", inventory.to_str().unwrap()])
            .args(["exec", "tvox1", "--"])
            .args(*command)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{command:?} worked: {stderr}");
        assert!(
            stderr.contains(&format!("lab: {name} fails on a stock CentOS 7 node")),
            "{command:?}: {stderr}"
        );
    }
    // What CentOS 7 has passes through: options before the duration only are timeout's.
    tvdr(home.path())
        .args(["--inventory", inventory.to_str().unwrap()])
        .args(["exec", "tvox1", "--", "timeout", "5", "echo", "-v"])
        .assert()
        .success();
    // Only the legacy shell: no mongosh for the chat check to find.
    tvdr(home.path())
        .args(["--inventory", inventory.to_str().unwrap()])
        .args(["exec", "tvox1", "--", "sh", "-c", "! command -v mongosh"])
        .assert()
        .success();

    let logs: Vec<_> = ["tvox1", "tvox2"]
        .iter()
        .map(|node| lab.node_dir(node).join("strict.log"))
        .collect();
    for log in &logs {
        std::fs::write(log, "").unwrap();
    }
    let out = tvdr(home.path())
        .args(["--inventory", inventory.to_str().unwrap()])
        .args(["check", "all", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    for check in report["checks"].as_array().unwrap() {
        let (name, status) = (check["name"].as_str().unwrap(), &check["status"]);
        // The lab has no licence command configured: UNKNOWN says so, and only that.
        let expected = if name == "license" { "UNKNOWN" } else { "OK" };
        assert_eq!(status, expected, "{name}: {}", check["summary"]);
    }
    // The DNS relay tried the node's python3, which failed, and went on with `python`.
    for log in &logs {
        let refused = std::fs::read_to_string(log).unwrap();
        assert!(
            refused.contains("`python3`"),
            "{}: {refused}",
            log.display()
        );
        assert!(
            refused.lines().all(|l| l == "`python3`"),
            "{}: {refused}",
            log.display()
        );
    }
}
