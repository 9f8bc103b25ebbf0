//! The sync checks against the lab: fs-sync on real directories; calendars, db and chat
//! against the lab's PostgreSQL, MariaDB replication and `mongo` stand-in.

use std::path::Path;

use crate::common::tvdr;
use crate::lab::Lab;

fn write_tree(root: &Path, files: &[(&str, usize)]) {
    for (path, size) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, vec![b'x'; *size]).unwrap();
    }
}

const TREE: &[(&str, usize)] = &[
    ("recordings/2026/call-0001.wav", 400_000),
    ("recordings/2026/call-0002.wav", 350_000),
    ("recordings/2026/name with spaces.wav", 90_000),
    ("voicemail/101/msg0001.wav", 120_000),
    ("config/tvox.conf", 2_000),
];

fn check(lab: &Lab, home: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let out = tvdr(home)
        .arg("-i")
        .arg(lab.inventory())
        .arg("--state-dir")
        .arg(home.join("state"))
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), json)
}

#[test]
fn fs_sync_in_sync_then_slave_loses_files_then_exact_lists_them() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    write_tree(&lab.node_dir("tvox1").join("sync"), TREE);
    write_tree(&lab.node_dir("tvox2").join("sync"), TREE);

    let (code, v) = check(&lab, home.path(), &["fs-sync"]);
    assert_eq!((code, v["status"].as_str()), (0, Some("OK")), "{v:#}");

    // The slave loses its recordings: far behind and, since the last sample, not growing.
    std::fs::remove_dir_all(lab.node_dir("tvox2").join("sync/recordings")).unwrap();
    let (code, v) = check(&lab, home.path(), &["fs-sync"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    let text = v.to_string();
    assert!(text.contains("recordings"), "{v:#}");
    assert!(text.contains("setperms.sh"), "the procedure's hint: {v:#}");

    // --exact names the missing files and the bytes still to copy.
    let (code, v) = check(&lab, home.path(), &["fs-sync", "--exact"]);
    assert_eq!(code, 1, "{v:#}");
    let text = v.to_string();
    assert!(text.contains("recordings/2026/call-0001.wav"), "{v:#}");
    assert!(text.contains("name with spaces.wav"), "{v:#}");
    let to_copy = v["checks"][0]["metrics"]["bytes_to_copy"]["value"].as_f64();
    assert_eq!(to_copy, Some(840_000.0), "{v:#}");
}

#[test]
fn fs_sync_follows_the_node_ip_to_decide_who_is_master() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    write_tree(&lab.node_dir("tvox1").join("sync"), TREE);
    write_tree(&lab.node_dir("tvox2").join("sync"), &TREE[..2]);
    // tvox2 becomes master: it is the reference now, and tvox1 holds files it lacks.
    lab.move_node_ip(&["tvox2"]);
    let (_, v) = check(&lab, home.path(), &["fs-sync", "--exact"]);
    let text = v.to_string();
    assert!(text.contains("tvox2"), "{v:#}");
    assert_eq!(
        v["checks"][0]["metrics"]["bytes_to_copy"]["value"].as_f64(),
        Some(0.0),
        "{v:#}"
    );
    // Nobody holds it: master and slave cannot be told apart.
    lab.move_node_ip(&[]);
    let (code, v) = check(&lab, home.path(), &["fs-sync"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("UNKNOWN")), "{v:#}");
}

#[test]
fn calendars_equal_then_the_slave_loses_events_and_the_master_wins() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["pg"]);
    let home = tempfile::tempdir().unwrap();
    let (code, v) = check(&lab, home.path(), &["calendars"]);
    assert_eq!((code, v["status"].as_str()), (0, Some("OK")), "{v:#}");

    // Real divergence: rows deleted on the slave's database.
    lab.psql(
        "tvox2",
        "DELETE FROM calendar_item; DELETE FROM caldav_data;",
    );
    let (code, v) = check(&lab, home.path(), &["calendars"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    let text = v.to_string();
    assert!(
        text.contains("caldav_data"),
        "the differing table is named: {v:#}"
    );
    assert!(
        text.to_lowercase().contains("master"),
        "the master is authoritative: {v:#}"
    );
}

/// Who is master is asked in the same command as each dump: the sides follow the node IP,
/// and a node whose addresses cannot be read leaves the verdict UNKNOWN, never a pass.
#[test]
fn calendars_follow_the_node_ip_asked_with_the_dumps() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["pg"]);
    let home = tempfile::tempdir().unwrap();
    // tvox2 is master now, and tvox1 (the slave) lost events: tvox2's calendars win.
    lab.move_node_ip(&["tvox2"]);
    lab.psql(
        "tvox1",
        "DELETE FROM calendar_item; DELETE FROM caldav_data;",
    );
    let (code, v) = check(&lab, home.path(), &["calendars"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    let nodes = &v["checks"][0]["nodes"];
    assert_eq!(nodes["tvox2"]["role"], "master", "{v:#}");
    assert_eq!(nodes["tvox1"]["role"], "slave", "{v:#}");

    // Nobody holds the node IP: master and slave cannot be told apart.
    lab.move_node_ip(&[]);
    let (code, v) = check(&lab, home.path(), &["calendars"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("UNKNOWN")), "{v:#}");

    // tvox1 holds it again, but its addresses cannot be read.
    lab.move_node_ip(&["tvox1"]);
    lab.stand_in(
        "tvox1",
        "ip",
        "#!/bin/sh\necho 'Cannot open netlink socket: Permission denied' >&2\nexit 1\n",
    );
    let (code, v) = check(&lab, home.path(), &["calendars"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("UNKNOWN")), "{v:#}");
    assert!(
        v["checks"][0]["summary"].to_string().contains("tvox1"),
        "{v:#}"
    );
}

#[test]
fn calendars_with_the_slave_database_down_names_the_node() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["pg"]);
    let home = tempfile::tempdir().unwrap();
    lab.stop_service("tvox2", "pg");
    let (code, v) = check(&lab, home.path(), &["calendars"]);
    assert_eq!(code, 1, "{v:#}");
    assert_ne!(v["status"], "OK");
    assert!(v.to_string().contains("tvox2"), "{v:#}");
}

#[test]
fn db_replication_running_then_io_thread_stopped() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["mysql"]);
    let home = tempfile::tempdir().unwrap();
    lab.mysql(
        "tvox1",
        "INSERT INTO calls (started, src, dst, disposition) VALUES (NOW(), '101', '102', 'ANSWERED')",
    );
    lab.mysql_sync();
    let (code, v) = check(&lab, home.path(), &["db"]);
    assert_eq!((code, v["status"].as_str()), (0, Some("OK")), "{v:#}");

    lab.mysql("tvox2", "STOP SLAVE IO_THREAD");
    let (code, v) = check(&lab, home.path(), &["db"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    assert!(v.to_string().contains("IO"), "{v:#}");

    // The primary goes away: the replica's IO thread cannot connect.
    lab.mysql("tvox2", "START SLAVE IO_THREAD");
    lab.stop_service("tvox1", "mysql");
    let (code, v) = check(&lab, home.path(), &["db"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
}

#[test]
fn chat_reads_the_mongo_shell_on_both_nodes() {
    // No MongoDB server can be installed here: the lab's `mongo` is a stand-in that prints
    // real-format `rs.status()` samples; what is tested is tvdr's gathering and verdict.
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["mongo"]);
    let home = tempfile::tempdir().unwrap();
    let (code, v) = check(&lab, home.path(), &["chat"]);
    assert_eq!((code, v["status"].as_str()), (0, Some("OK")), "{v:#}");
    let calls = lab.mongo_calls("tvox1");
    assert!(
        calls.contains("--quiet --eval JSON.stringify(rs.status())"),
        "{calls}"
    );

    lab.set_mongo(
        "tvox2",
        include_str!("../src/checks/chat/fixtures/legacy-not-initialized.txt"),
        0,
    );
    let (code, v) = check(&lab, home.path(), &["chat"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    assert!(v.to_string().contains("tvox2"), "{v:#}");
}

#[test]
fn fs_sync_watch_samples_twice_and_calls_a_stuck_slave_stuck() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    write_tree(&lab.node_dir("tvox1").join("sync"), TREE);
    write_tree(&lab.node_dir("tvox2").join("sync"), &TREE[3..]);
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .arg("--state-dir")
        .arg(home.path().join("state"))
        .args([
            "check", "fs-sync", "--exact", "--watch", "1", "--count", "2",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let rounds: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rounds.len(), 2, "{text}");
    // Nothing copied between the two samples: the procedure's remedy is named.
    assert!(
        rounds[1].to_string().contains("setperms.sh"),
        "{:#}",
        rounds[1]
    );
}

#[test]
fn check_all_on_a_healthy_cluster_in_human_and_json() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["pg", "mysql", "mongo"]);
    let home = tempfile::tempdir().unwrap();
    let (code, v) = check(&lab, home.path(), &["all"]);
    // Everything in sync; the licence check is not configured in the lab: UNKNOWN, never
    // a fake OK, so the run exits 1.
    assert_eq!(code, 1, "{v:#}");
    let verdicts: Vec<(String, String)> = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    insta::assert_yaml_snapshot!("check_all_healthy_lab", verdicts);

    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .arg("--state-dir")
        .arg(home.path().join("state"))
        .args(["check", "all"])
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&out.stdout);
    for (name, status) in &verdicts {
        assert!(
            human
                .lines()
                .any(|l| l.contains(name.as_str()) && l.contains(status.as_str())),
            "{name} {status} not in:\n{human}"
        );
    }
    // Skipped checks are named on stderr with the reason.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped ports"), "{stderr}");
}

#[test]
fn vip_names_the_master_then_split_brain_then_nobody() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let (code, v) = check(&lab, home.path(), &["vip"]);
    assert_eq!((code, v["status"].as_str()), (0, Some("OK")), "{v:#}");
    assert!(v["checks"][0]["summary"]
        .as_str()
        .unwrap()
        .contains("tvox1 is master"));
    lab.move_node_ip(&["tvox1", "tvox2"]);
    let (code, v) = check(&lab, home.path(), &["vip"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    assert!(v["checks"][0]["summary"]
        .as_str()
        .unwrap()
        .contains("split brain"));
    lab.move_node_ip(&[]);
    let (code, v) = check(&lab, home.path(), &["vip"]);
    assert_eq!((code, v["status"].as_str()), (1, Some("CRIT")), "{v:#}");
    // Nagios reads the same verdict as CRITICAL, exit 2.
    let out = tvdr(home.path())
        .arg("-i")
        .arg(lab.inventory())
        .args(["check", "vip", "--format", "nagios"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("TVDR CRITICAL"));
}
