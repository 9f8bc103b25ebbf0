//! `tvdr status` against the lab: the human screen (snapshot, volatile parts redacted),
//! its JSON, `--watch` without a terminal, and a cut node.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::common::tvdr;
use crate::lab::Lab;

const NODES: [&str; 3] = ["tvox1", "tvox2", "dr_client"];

fn status(lab: &Lab, args: &[&str]) -> (i32, String) {
    let home = lab.dir().join("home-status");
    std::fs::create_dir_all(&home).unwrap();
    let out = tvdr(&home)
        .arg("-i")
        .arg(lab.inventory())
        .arg("--state-dir")
        .arg(lab.dir().join("state"))
        .arg("status")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn stand_in(lab: &Lab, node: &str, name: &str, script: &str) {
    let path = lab.node_dir(node).join("bin").join(name);
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The screen with what changes from lab to lab replaced (addresses, the lab id,
/// uptimes), then each block's columns aligned again, since their widths changed.
fn redact(lab: &Lab, text: &str) -> String {
    let mut text = text.replace(&lab.node_ip(), "<node-ip>");
    for node in NODES {
        text = text.replace(&lab.address(node), &format!("<{node}>"));
    }
    text = text.replace(&format!("lab-{} ", lab.id()), "lab-<id> ");
    let mut out = String::new();
    for block in text.split("\n\n") {
        let rows: Vec<Vec<String>> = block
            .lines()
            .map(|line| {
                if line.starts_with("  ") {
                    return vec![line.to_string()];
                }
                let mut cells: Vec<String> = line
                    .split("  ")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect();
                if NODES.contains(&cells[0].as_str()) && cells.len() == 5 && cells[3] != "-" {
                    cells[3] = "<uptime>".into();
                }
                cells
            })
            .collect();
        let width = |i: usize| {
            rows.iter()
                .filter(|r| r.len() > i + 1)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        };
        for row in &rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.push_str(&" ".repeat(width(i) - cell.chars().count() + 2));
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

#[test]
fn status_one_screen_human_and_json_with_a_node_cut() {
    let lab = Lab::start_with(&NODES);
    // Fixed answers on tvox1, whatever this machine has installed.
    let denied = "#!/bin/sh\necho \"ERROR 1045 (28000): Access denied for user 'tvdrlab'@'localhost'\"\nexit 1\n";
    stand_in(&lab, "tvox1", "mysql", denied);
    stand_in(&lab, "tvox1", "mariadb", denied);
    stand_in(
        &lab,
        "tvox1",
        "pg_dump",
        "#!/bin/sh\necho 'pg_dump: error: connection refused' >&2\nexit 1\n",
    );
    let auth = include_str!("../src/checks/chat/fixtures/legacy-4.0-auth-required.txt");
    stand_in(
        &lab,
        "tvox1",
        "mongo",
        &format!("#!/bin/sh\ncat <<'EOF'\n{auth}EOF\n"),
    );
    let old = SystemTime::now() - Duration::from_secs(8 * 86_400 + 600);
    let home = lab.dir().join("home-status");
    std::fs::create_dir_all(&home).unwrap();
    tvdr(&home)
        .arg("-i")
        .arg(lab.inventory())
        .arg("--state-dir")
        .arg(lab.dir().join("state"))
        .args([
            "snapshot",
            "record",
            "tvox1",
            "pre-upgrade",
            "--operator",
            "mrossi",
            "--at",
        ])
        .arg(tvdr::time::rfc3339::format_seconds(old))
        .assert()
        .success();

    // Without a terminal, --watch prints each screen after a blank line and --count stops it.
    let (_, watched) = status(&lab, &["--watch", "1", "--count", "2"]);
    let headers = watched.lines().filter(|l| l.starts_with("lab-")).count();
    assert_eq!(headers, 2, "{watched}");
    assert!(watched.contains("\n\nlab-"), "{watched}");
    assert!(
        !watched.contains('\x1b'),
        "no escape codes in a pipe: {watched}"
    );

    lab.cut("tvox2");
    let (code, screen) = status(&lab, &[]);
    assert_eq!(code, 3, "a node could not be reached:\n{screen}");
    insta::assert_snapshot!(redact(&lab, &screen));

    let (code, json) = status(&lab, &["--format", "json"]);
    assert_eq!(code, 3);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["site"], format!("lab-{}", lab.id()));
    assert_eq!(doc["mode"], "cluster");
    assert_eq!(doc["master"], "tvox1");
    assert_eq!(doc["status"], "WARN");
    let nodes = doc["nodes"].as_array().unwrap();
    let reachable: Vec<(&str, bool)> = nodes
        .iter()
        .map(|n| {
            (
                n["name"].as_str().unwrap(),
                n["reachable"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        reachable,
        [("tvox1", true), ("tvox2", false), ("dr_client", true)]
    );
    assert!(nodes[0]["uptime_seconds"].as_u64().unwrap() > 0);
    assert_eq!(nodes[2]["role"], "dr client");
    assert!(nodes[1]["error"]
        .as_str()
        .unwrap()
        .contains("cannot reach `tvox2`"));
    let sync: Vec<&str> = doc["sync"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(sync, ["db", "chat", "calendars", "fs"]);
    assert_eq!(doc["sync"][0]["figure"], "cannot tell: tvox2 unreachable");
    assert_eq!(doc["snapshots"][0]["overdue"], true);
    assert_eq!(doc["runs"], serde_json::json!([]));
}
