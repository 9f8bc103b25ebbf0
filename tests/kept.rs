//! Kept sessions (`ssh.persist`) against the lab: later commands reuse the session a
//! keeper holds, one login per node; a keeper that cannot log in by itself leaves it to the
//! command; `tvdr disconnect` and the idle time end keepers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::tvdr;
use crate::lab::Lab;
use crate::transport::sshd_log;

/// The lab inventory with `ssh.persist: PERSIST` (and `known_hosts: KNOWN` when given).
fn kept_inventory(lab: &Lab, persist: &str, known: Option<&str>) -> PathBuf {
    let mut text = std::fs::read_to_string(lab.inventory()).unwrap();
    assert!(
        text.contains("\nssh:\n"),
        "lab inventory has no ssh section"
    );
    text = text.replace("\nssh:\n", &format!("\nssh:\n  persist: {persist}\n"));
    if let Some(known) = known {
        text = text.replace("known_hosts: known_hosts", &format!("known_hosts: {known}"));
    }
    let path = lab.dir().join(format!("kept-{persist}.yaml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `tvdr exec both -- sh -c 'echo $PPID'`: the sshd process serving each node's session.
fn parents(home: &Path, inventory: &Path) -> String {
    let out = tvdr(home)
        .arg("-i")
        .arg(inventory)
        .args(["exec", "both", "--", "sh", "-c", "echo $PPID"])
        .assert()
        .success();
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    // The nodes answer in any order.
    lines.sort();
    lines.join("\n")
}

/// The keepers alive whose socket is under `home`.
fn keepers(home: &Path) -> Vec<String> {
    let out = Command::new("pgrep")
        .args(["-af", "__keep"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(&home.display().to_string()))
        .map(str::to_owned)
        .collect()
}

fn logins(lab: &Lab, node: &str) -> usize {
    sshd_log(lab, node)
        .matches("Accepted publickey for tvdrlab")
        .count()
}

/// `tvdr disconnect`, then no keeper of `home` may be left.
fn disconnect_all(home: &Path, inventory: &Path) {
    tvdr(home)
        .arg("-i")
        .arg(inventory)
        .arg("disconnect")
        .assert()
        .success();
    assert_eq!(until_no_keepers(home), Vec::<String>::new());
}

/// Waits (10 s at most) until no keeper of `home` is left.
fn until_no_keepers(home: &Path) -> Vec<String> {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let left = keepers(home);
        if left.is_empty() || Instant::now() > end {
            return left;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn later_commands_reuse_the_kept_session_with_one_login_per_node() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inventory = kept_inventory(&lab, "30s", None);
    let first = parents(home.path(), &inventory);
    assert_eq!(first.lines().count(), 2, "{first}");
    assert_eq!(keepers(home.path()).len(), 2, "one keeper per node");
    // Two more processes: the same sshd session on each node, no new login.
    assert_eq!(parents(home.path(), &inventory), first);
    assert_eq!(parents(home.path(), &inventory), first);
    assert_eq!((logins(&lab, "tvox1"), logins(&lab, "tvox2")), (1, 1));
    // Checks and status go through the same sessions, their output as without keeping.
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["check", "hosts", "--format", "json"])
        .assert()
        .code(predicates::ord::le(1));
    assert_eq!((logins(&lab, "tvox1"), logins(&lab, "tvox2")), (1, 1));
    // Exit status, stderr and stdin as over a fresh session.
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args([
            "exec",
            "tvox1",
            "--",
            "sh",
            "-c",
            "cat; echo err >&2; exit 7",
        ])
        .assert()
        .code(1);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        said.starts_with("err\n") && said.contains("exit status 7"),
        "{said}"
    );
    // The socket and everything beside it are this user's alone.
    let dir = std::fs::read_dir(home.path().join(".local/state/tvdr"))
        .unwrap()
        .map(|e| e.unwrap().path().join("keep"))
        .find(|p| p.is_dir())
        .expect("a keep directory");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    // Closed on request: the keepers leave, and the next command logs in again.
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .arg("disconnect")
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("2 kept sessions closed"), "{said}");
    assert_eq!(until_no_keepers(home.path()), Vec::<String>::new());
    assert_ne!(parents(home.path(), &inventory), first);
    assert_eq!((logins(&lab, "tvox1"), logins(&lab, "tvox2")), (2, 2));
    // A changed known_hosts (a key removed, or added) is verified again by new keepers.
    let known = lab.dir().join("known_hosts");
    let mut text = std::fs::read_to_string(&known).unwrap();
    text.push_str("# reviewed\n");
    std::fs::write(&known, text).unwrap();
    parents(home.path(), &inventory);
    assert_eq!((logins(&lab, "tvox1"), logins(&lab, "tvox2")), (3, 3));
    disconnect_all(home.path(), &inventory);
}

#[test]
fn a_keeper_closes_once_idle_and_a_killed_one_is_replaced() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inventory = kept_inventory(&lab, "2s", None);
    let run = || {
        tvdr(home.path())
            .arg("-i")
            .arg(&inventory)
            .args(["exec", "tvox1", "--", "echo", "$(not run)"])
            .assert()
            .success()
            .stdout("$(not run)\n");
    };
    run();
    assert_eq!(keepers(home.path()).len(), 1);
    assert_eq!(
        until_no_keepers(home.path()),
        Vec::<String>::new(),
        "idle 2 s"
    );
    // A keeper killed with SIGKILL leaves its socket behind: the next command starts another.
    run();
    let pid = keepers(home.path())[0]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    run();
    assert_eq!(keepers(home.path()).len(), 1);
    assert_eq!(logins(&lab, "tvox1"), 3);
    assert_eq!(until_no_keepers(home.path()), Vec::<String>::new());
}

#[test]
fn a_keeper_that_cannot_log_in_by_itself_leaves_it_to_the_command() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(lab.dir().join("empty_known_hosts"), "").unwrap();
    let inventory = kept_inventory(&lab, "30s", Some("empty_known_hosts"));
    // The unknown host key is refused with its fingerprint, exactly as without keeping.
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        said.contains("host key of `tvox1`") && said.contains("SHA256:"),
        "{said}"
    );
    assert_eq!(keepers(home.path()), Vec::<String>::new());
    // An unreachable node is named, and no keeper is left waiting for it.
    lab.cut("tvox1");
    let out = tvdr(home.path())
        .arg("-i")
        .arg(kept_inventory(&lab, "31s", None))
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("cannot reach `tvox1`"), "{said}");
    assert_eq!(keepers(home.path()), Vec::<String>::new());
}

#[test]
fn a_session_that_died_quietly_while_kept_is_replaced_not_reported_lost() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inventory = kept_inventory(&lab, "30s", None);
    // The kept session's sshd processes on tvox1 (`sshd: tvdrlab [priv]`, `sshd:
    // tvdrlab@notty`), from inside it; not the node's listener, not this shell.
    let ancestors = "p=$PPID; while [ \"$p\" -gt 1 ]; do \
        case $(ps -o comm= -p \"$p\") in sshd*) case $(ps -o args= -p \"$p\") in \
        'sshd: tvdrlab'*) echo \"$p\";; esac;; esac; \
        p=$(ps -o ppid= -p \"$p\" | tr -d ' '); done";
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["exec", "tvox1", "--", "sh", "-c", ancestors])
        .assert()
        .success();
    let pids: Vec<String> = String::from_utf8_lossy(&out.get_output().stdout)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    assert!(!pids.is_empty(), "no sshd session process found");
    assert_eq!(keepers(home.path()).len(), 1, "the session is a keeper's");
    let used = Instant::now();
    // The node forgets the connection while its goodbye cannot reach the keeper (the link
    // is cut), as a node that rebooted: only the keeper's next packet learns it.
    lab.cut("tvox1");
    // One may end by itself as soon as the other is killed: what counts is that none
    // is left.
    for pid in &pids {
        let _ = Command::new("kill").args(["-9", pid]).output();
    }
    std::thread::sleep(Duration::from_millis(100));
    let left: Vec<&String> = pids
        .iter()
        .filter(|pid| {
            // A killed process may stay a zombie until it is reaped: dead all the same.
            std::fs::read_to_string(Path::new("/proc").join(pid).join("stat")).is_ok_and(|stat| {
                !stat
                    .rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('Z')
            })
        })
        .collect();
    assert!(left.is_empty(), "still alive: {left:?}");
    std::thread::sleep(Duration::from_millis(300));
    lab.restore("tvox1");
    // Unused past the keeper's probe time (5 s), well before its keepalive (15 s).
    std::thread::sleep(Duration::from_secs(6).saturating_sub(used.elapsed()));
    tvdr(home.path())
        .arg("-i")
        .arg(&inventory)
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .success();
    assert_eq!(logins(&lab, "tvox1"), 2);
    disconnect_all(home.path(), &inventory);
}

#[test]
fn relative_inventory_and_state_paths_reach_the_same_keeper() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inventory = kept_inventory(&lab, "30s", None);
    let name = inventory.file_name().unwrap().to_owned();
    // From the inventory's directory, every path relative: the keeper (working from `/`)
    // must still find the key and known_hosts, and its socket must be where the next
    // command looks.
    let run = |args: &[&str]| {
        tvdr(home.path())
            .current_dir(lab.dir())
            .arg("-i")
            .arg(&name)
            .args(["--state-dir", "state-rel"])
            .args(args)
            .assert()
            .success();
    };
    run(&["exec", "tvox1", "--", "true"]);
    run(&["exec", "tvox1", "--", "true"]);
    assert_eq!(logins(&lab, "tvox1"), 1);
    let keeper = keepers(lab.dir());
    assert_eq!(keeper.len(), 1, "{keeper:?}");
    assert!(
        keeper[0].contains(&format!("{}/state-rel/", lab.dir().display())),
        "{keeper:?}"
    );
    run(&["disconnect"]);
    assert_eq!(until_no_keepers(lab.dir()), Vec::<String>::new());
}
