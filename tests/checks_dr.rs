//! `tvdr check ports|dr-isolated|snapshot|rpo` with the real binary: the DR checks against
//! the lab (tvox1, tvox2 and a DR client), each in its good and its bad state.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use crate::common::{repo_file, tvdr};
use crate::lab::Lab;

/// `tvdr check NAME --format json`: the exit code, the report, and stderr.
fn check(inventory: &Path, state: &Path, name: &str) -> (i32, Value, String) {
    let home = state.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let out = tvdr(&home)
        .arg("-i")
        .arg(inventory)
        .arg("--state-dir")
        .arg(state)
        .args(["check", name, "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("`check {name}`: no JSON ({e}):\n{stdout}\n{stderr}"));
    let report = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no `{name}` report in {doc:#}"))
        .clone();
    (out.status.code().unwrap_or(-1), report, stderr)
}

fn lab_check(lab: &Lab, name: &str) -> (i32, Value, String) {
    check(&lab.inventory(), &lab.dir().join("state"), name)
}

fn summary(report: &Value) -> &str {
    report["summary"].as_str().unwrap()
}

/// A TCP listener on `port` of `node` (all its addresses): an rsync daemon, since rsync is
/// what the lab installs anyway and it binds any port. Its pid file `listen-PORT.pid` and
/// its command line (which names the config under the lab dir) let `scripts/lab down` stop
/// it. A port something already listens on (a lab database) is left alone.
fn listen(lab: &Lab, node: &str, port: u16) {
    let dir = lab.node_dir(node);
    let probe = format!("exec 3<>/dev/tcp/127.0.0.1/{port}");
    if lab.exec(node, &probe).status.success() {
        return;
    }
    let config = dir.join(format!("listen-{port}.conf"));
    std::fs::write(
        &config,
        format!(
            "pid file = {dir}/listen-{port}.pid\nuse chroot = no\nlog file = {dir}/listen-{port}.log\n",
            dir = dir.display()
        ),
    )
    .unwrap();
    let start = format!(
        "rsync --daemon --port {port} --config {} </dev/null >/dev/null 2>&1",
        config.display()
    );
    let out = lab.exec(node, &start);
    assert!(
        out.status.success(),
        "rsync --daemon on {node}:{port}: {out:?}"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while !lab.exec(node, &probe).status.success() {
        assert!(
            Instant::now() < deadline,
            "nothing listens on {node}:{port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A script in the node's `bin/`, first on the PATH of its SSH sessions.
fn stand_in(lab: &Lab, node: &str, name: &str, script: &str) {
    let path = lab.node_dir(node).join("bin").join(name);
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn ports_open_both_ways_then_one_closed_is_named_with_its_direction() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    // The lab's DR client answers on 27017 (a stand-in): close it.
    lab.port("dr_client", 27017, "close");
    for port in [873, 3306, 27017] {
        listen(&lab, "tvox1", port);
    }
    for port in [873, 3306] {
        listen(&lab, "dr_client", port);
    }
    // Nothing on the DR client's 27017: the master cannot reach its MongoDB.
    let (code, report, _) = lab_check(&lab, "ports");
    assert_eq!(
        (code, report["status"].as_str()),
        (1, Some("CRIT")),
        "{report:#}"
    );
    assert_eq!(
        summary(&report),
        "closed: 27017 (MongoDB) tvox1 → dr_client"
    );
    let row = |node: &str, item: &str| {
        report["details"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["node"] == node && d["item"] == item)
            .unwrap_or_else(|| panic!("no {node} {item} row in {report:#}"))
            .clone()
    };
    let closed = row("tvox1", "27017/tcp MongoDB");
    assert!(
        closed["message"]
            .as_str()
            .unwrap()
            .contains(&format!("at {}: refused", lab.address("dr_client"))),
        "{closed:#}"
    );
    // The slave will need it after a node switch: a warning on its row.
    let standby = row("tvox2", "27017/tcp MongoDB");
    assert_eq!(standby["status"], "WARN", "{standby:#}");
    // The other way goes to the node IP, where tvox1 listens.
    let back = row("dr_client", "27017/tcp MongoDB");
    assert_eq!(back["status"], "OK", "{back:#}");
    assert!(back["message"].as_str().unwrap().contains(&lab.node_ip()));

    lab.port("dr_client", 27017, "open");
    let (code, report, _) = lab_check(&lab, "ports");
    assert_eq!(
        (code, report["status"].as_str()),
        (0, Some("OK")),
        "{report:#}"
    );
    assert_eq!(
        summary(&report),
        "TCP 22, 873, 3306, 27017 open both ways (tvox1 ⇄ dr_client), and from tvox2 (slave)"
    );
    assert_eq!(report["nodes"]["dr_client"]["method"], "bash");
    assert_eq!(report["metrics"]["ports_closed@tvox1"]["value"], 0.0);
}

#[test]
fn dr_isolated_lists_what_answers_until_both_cluster_nodes_are_off() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    let (code, report, _) = lab_check(&lab, "dr-isolated");
    assert_eq!(
        (code, report["status"].as_str()),
        (1, Some("CRIT")),
        "{report:#}"
    );
    let text = summary(&report);
    for (what, address) in [
        ("node IP", lab.node_ip()),
        ("tvox1", lab.address("tvox1")),
        ("tvox2", lab.address("tvox2")),
    ] {
        assert!(
            text.contains(&format!("{what} {address} (ssh 22")),
            "{what} missing from: {text}"
        );
    }
    assert!(report["hints"][0]
        .as_str()
        .unwrap()
        .contains("switch off both machines"));

    // `check all` leaves it out: it is CRIT whenever the site runs.
    let home = lab.dir().join("state").join("home");
    let out = tvdr(&home)
        .arg("-i")
        .arg(lab.inventory())
        .arg("--state-dir")
        .arg(lab.dir().join("state"))
        .args(["check", "all", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped dr-isolated: only on demand"),
        "{stderr}"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"ports") && !names.contains(&"dr-isolated"),
        "{names:?}"
    );

    lab.cut("tvox1");
    lab.cut("tvox2");
    let (code, report, _) = lab_check(&lab, "dr-isolated");
    assert_eq!(
        (code, report["status"].as_str()),
        (0, Some("OK")),
        "{report:#}"
    );
    assert_eq!(
        summary(&report),
        "the main site is off: nothing answers the DR client on ssh 22, sip 5060, http 80, https 443"
    );
}

/// The example inventory: the snapshot commands read no node.
fn example() -> std::path::PathBuf {
    repo_file("examples/tvdr.yaml")
}

fn snapshot_cmd(state: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    let home = state.join("home");
    std::fs::create_dir_all(&home).unwrap();
    tvdr(&home)
        .arg("-i")
        .arg(example())
        .arg("--state-dir")
        .arg(state)
        .arg("snapshot")
        .args(args)
        .assert()
}

#[test]
fn snapshot_none_then_fresh_is_ok_and_eight_days_old_warns() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path();
    let (code, report, _) = check(&example(), state, "snapshot");
    assert_eq!((code, summary(&report)), (0, "no VM snapshot recorded"));

    snapshot_cmd(state, &["record", "both", "pre-ft", "--operator", "mrossi"]).success();
    let (code, report, _) = check(&example(), state, "snapshot");
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        summary(&report),
        "2 VM snapshot(s) kept, the oldest less than a minute old (delete within a week)"
    );

    let eight_days_ago = SystemTime::now() - Duration::from_secs(8 * 86_400 + 600);
    let at = tvdr::time::rfc3339::format_seconds(eight_days_ago);
    snapshot_cmd(
        state,
        &[
            "record",
            "tvox1",
            "pre-upgrade",
            "--at",
            &at,
            "--note",
            "memory excluded",
        ],
    )
    .success()
    .stderr(predicates::str::contains("already older than a week"));
    let (code, report, _) = check(&example(), state, "snapshot");
    assert_eq!(
        (code, report["status"].as_str()),
        (1, Some("WARN")),
        "{report:#}"
    );
    assert_eq!(
        summary(&report),
        "1 VM snapshot(s) older than a week: tvox1 `pre-upgrade` (8 days)"
    );

    // The list shows it, oldest first; JSON says it is overdue.
    let out = snapshot_cmd(state, &["list", "--format", "json"]).success();
    let rows: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(rows[0]["name"], "pre-upgrade");
    assert_eq!(rows[0]["overdue"], true);
    assert_eq!(rows[0]["note"], "memory excluded");
    assert_eq!(rows.as_array().unwrap().len(), 3);
    let out = snapshot_cmd(state, &["list"]).success();
    let table = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(table.contains("8 days — delete it"), "{table}");

    // Deleted in the hypervisor: forget it, and the check is OK again.
    snapshot_cmd(state, &["forget", "pre-upgrade"]).success();
    snapshot_cmd(state, &["forget", "pre-upgrade"])
        .code(2)
        .stderr(predicates::str::contains("no snapshot named `pre-upgrade`"));
    let (code, _, _) = check(&example(), state, "snapshot");
    assert_eq!(code, 0);
    let site = state.join("acme-milano").join("snapshots.jsonl");
    assert_eq!(std::fs::read_to_string(site).unwrap().lines().count(), 4);
}

#[test]
fn snapshot_record_refuses_bad_input_with_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    snapshot_cmd(tmp.path(), &["record", "tvox3", "x"])
        .code(2)
        .stderr(predicates::str::contains("unknown node `tvox3`"));
    snapshot_cmd(
        tmp.path(),
        &["record", "tvox1", "x", "--at", "2024-05-06T09:30:00"],
    )
    .code(2)
    .stderr(predicates::str::contains("no time zone"));
    snapshot_cmd(tmp.path(), &["record", "tvox1", " "]).code(2);
    assert!(!tmp
        .path()
        .join("acme-milano")
        .join("snapshots.jsonl")
        .exists());
}

#[test]
fn rpo_is_unknown_with_the_reason_when_its_sources_cannot_be_read() {
    let lab = Lab::start();
    for node in ["tvox1", "tvox2"] {
        // A MySQL login the server refuses, and a mongod that wants authentication.
        let denied = "#!/bin/sh\necho \"ERROR 1045 (28000): Access denied for user 'tvdrlab'@'localhost' (using password: NO)\"\nexit 1\n";
        stand_in(&lab, node, "mysql", denied);
        stand_in(&lab, node, "mariadb", denied);
        let auth = include_str!("../src/checks/chat/fixtures/legacy-4.0-auth-required.txt");
        stand_in(
            &lab,
            node,
            "mongo",
            &format!("#!/bin/sh\ncat <<'EOF'\n{auth}EOF\n"),
        );
    }
    let (code, report, _) = lab_check(&lab, "rpo");
    assert_eq!(
        (code, report["status"].as_str()),
        (1, Some("UNKNOWN")),
        "{report:#}"
    );
    let text = summary(&report);
    assert!(
        text.starts_with("worst measured delay 0s (fs-sync); cannot read db ("),
        "{text}"
    );
    assert!(text.contains("Access denied"), "{text}");
    assert!(text.contains("; chat ("), "{text}");
    let rows: Vec<(String, String)> = report["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["item"].as_str().unwrap().into(),
                d["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("db".into(), "UNKNOWN".into()),
            ("chat".into(), "UNKNOWN".into()),
            ("fs-sync".into(), "OK".into())
        ]
    );
}
