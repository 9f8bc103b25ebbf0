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
