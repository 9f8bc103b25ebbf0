//! `transport: openssh` against the lab: the system `ssh`, one ControlMaster per node, host
//! keys verified (the bastion's too), a bastion jumped through with `-J`.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use predicates::prelude::*;
use tvdr::transport::TransportKind;
use tvdr::transport::{connect, Cmd, Fleet, NoSecrets, Target, Transport, TransportError};

use crate::common::tvdr;
use crate::lab::Lab;
use crate::site::Site;

/// The lab inventory with `transport: openssh` on every node, `edit` applied, written as
/// `DIR/<name>.yaml`.
fn inventory(lab: &Lab, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("    address: ") {
            out.push_str("    transport: openssh\n");
        }
    }
    let path = lab.dir().join(format!("{name}.yaml"));
    std::fs::write(&path, edit(out)).unwrap();
    path
}

/// How tvdr reaches `node` over the system ssh, as the lab inventory says.
fn target(lab: &Lab, node: &str) -> Target {
    Target {
        name: node.to_owned(),
        address: lab.address(node),
        port: 22,
        user: "tvdrlab".to_owned(),
        identity: Some(lab.dir().join("id_ed25519")),
        known_hosts: vec![lab.dir().join("known_hosts")],
        connect_timeout: Duration::from_secs(2),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: Duration::from_secs(60),
        env: Default::default(),
        kind: TransportKind::OpenSsh {
            proxy_jump: None,
            config: None,
        },
    }
}

fn open(target: &Target) -> Box<dyn Transport> {
    connect(target, &NoSecrets).unwrap_or_else(|e| panic!("connect to {}: {e}", target.name))
}

fn sshd_log(lab: &Lab, node: &str) -> String {
    std::fs::read_to_string(lab.node_dir(node).join("sshd.log")).unwrap()
}

/// `ssh-keygen -lf` of the node's host key: what the technician reads on its console.
fn console_fingerprint(lab: &Lab, node: &str) -> String {
    let key = lab.node_dir(node).join("ssh_host_ed25519_key.pub");
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(key)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_whitespace().nth(1).unwrap().to_owned()
}

/// `tvdr` with a private `TMPDIR`, so a test can see that it leaves nothing behind there.
fn tvdr_in(home: &Path, inventory: &Path) -> assert_cmd::Command {
    let tmp = home.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut cmd = tvdr(home);
    cmd.env("TMPDIR", tmp).arg("-i").arg(inventory);
    cmd
}

fn leftovers(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn exec_on_both_nodes_over_openssh() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inv = inventory(&lab, "openssh", |t| t);
    let out = tvdr_in(home.path(), &inv)
        .args(["exec", "both", "--", "sh", "-c"])
        .arg("echo \"$TVDR_LAB_NODE $SSH_CONNECTION\"; echo two >&2; printf last")
        .assert()
        .success();
    let (stdout, stderr) = (
        text(&out.get_output().stdout),
        text(&out.get_output().stderr),
    );
    for node in ["tvox1", "tvox2"] {
        let from_here = format!("{node} | {node} ");
        assert!(stdout.contains(&from_here), "{stdout}");
        assert!(stdout.contains(&format!("{node} | last\n")), "{stdout}");
        assert!(stderr.contains(&format!("{node} | two\n")), "{stderr}");
        assert!(
            !stderr.contains("tvdr-pid"),
            "the pid marker is not shown: {stderr}"
        );
    }
    // A failing command is the command's failure, not the transport's.
    tvdr_in(home.path(), &inv)
        .args(["exec", "tvox2", "--", "sh", "-c", "exit 7"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("tvox2: exit status 7"));
    // Masters stopped, private directories gone.
    assert_eq!(leftovers(home.path()), Vec::<PathBuf>::new());
    tvdr_in(home.path(), &inv)
        .args(["inventory", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"transport\": \"openssh\""));
}

#[test]
fn twenty_commands_reuse_one_master_which_is_stopped_when_dropped() {
    let lab = Lab::start_with(&["tvox1"]);
    let fleet = Fleet::new(vec![target(&lab, "tvox1")], Box::new(NoSecrets));
    let start = Instant::now();
    // $PPID of each command is the sshd process serving the one connection.
    let parents: Vec<String> = (0..20)
        .map(|_| {
            fleet
                .with("tvox1", |t| t.output(&Cmd::shell("echo $PPID")))
                .unwrap()
                .stdout_lossy()
        })
        .collect();
    eprintln!(
        "20 commands (1 login) over openssh in {:?}",
        start.elapsed()
    );
    assert!(parents.iter().all(|p| *p == parents[0]), "{parents:?}");
    let log = sshd_log(&lab, "tvox1");
    assert_eq!(
        log.matches("Accepted publickey for tvdrlab").count(),
        1,
        "{log}"
    );
    drop(fleet);
    // `ssh -O exit`: the master says goodbye (sshd logs it a moment later).
    let gone = (0..100).any(|_| {
        let said = sshd_log(&lab, "tvox1").contains("disconnected by user");
        if !said {
            std::thread::sleep(Duration::from_millis(20));
        }
        said
    });
    assert!(gone, "{}", sshd_log(&lab, "tvox1"));
}

#[test]
fn status_stderr_and_stdin() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut t = target(&lab, "tvox1");
    t.env
        .insert("PGHOST".into(), "/run/pg $(touch pwned) 'x'".into());
    let mut tvox1 = open(&t);
    let out = tvox1
        .output(&Cmd::shell("printf %s \"$PGHOST\"; echo oops >&2; exit 7"))
        .unwrap();
    assert_eq!(out.status, 7);
    assert_eq!(out.stdout_lossy(), "/run/pg $(touch pwned) 'x'");
    assert_eq!(out.stderr, b"oops\n", "the pid marker is not shown");
    assert_eq!(tvox1.output(&Cmd::new("cat")).unwrap().status, 0);
    // The command's own 255 is a status, not a lost connection.
    let out = tvox1.output(&Cmd::shell("echo bye >&2; exit 255")).unwrap();
    assert_eq!((out.status, out.stderr.as_slice()), (255, &b"bye\n"[..]));
    // ssh passes no signal on: a killed command reads as 255 (libssh2: 128 + signal).
    let killed = tvox1.output(&Cmd::shell("kill -s TERM $$")).unwrap();
    assert_eq!(killed.status, 255);
    assert_eq!(tvox1.output(&Cmd::new("true")).unwrap().status, 0);
}

#[test]
fn command_timeout_stops_the_command_on_the_node() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut tvox1 = open(&target(&lab, "tvox1"));
    let mut out = Vec::new();
    let start = Instant::now();
    let err = tvox1
        .exec(
            &Cmd::shell("echo started; sleep 32.5"),
            &mut out,
            &mut io::sink(),
            Some(Duration::from_secs(1)),
        )
        .unwrap_err();
    let elapsed = start.elapsed();
    assert!(matches!(err, TransportError::Timeout { .. }), "{err}");
    assert_eq!(out, b"started\n");
    assert!(elapsed < Duration::from_secs(4), "took {elapsed:?}");
    let gone = (0..30).any(|_| {
        let running = !lab
            .exec("tvox1", "pgrep -f 'sleep 32[.]5' || true")
            .stdout
            .is_empty();
        if running {
            std::thread::sleep(Duration::from_millis(100));
        }
        !running
    });
    assert!(gone, "the timed-out command still runs on the node");
    let next = tvox1.output(&Cmd::new("echo").arg("next")).unwrap();
    assert_eq!(next.stdout, b"next\n");
}

#[test]
fn unknown_host_key_is_refused_with_its_fingerprint() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(lab.dir().join("empty_known_hosts"), "").unwrap();
    let inv = inventory(&lab, "fresh", |t| {
        t.replace("known_hosts: known_hosts", "known_hosts: empty_known_hosts")
    });
    let out = tvdr_in(home.path(), &inv)
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
    let stderr = text(&out.get_output().stderr);
    for part in [
        "host key of `tvox1`",
        "is not known",
        &lab.address("tvox1"),
        &console_fingerprint(&lab, "tvox1"),
        "tvdr trust tvox1",
    ] {
        assert!(stderr.contains(part), "{part} not in: {stderr}");
    }
    assert!(
        !sshd_log(&lab, "tvox1").contains("Accepted"),
        "no login happened"
    );
    assert_eq!(leftovers(home.path()), Vec::<PathBuf>::new());
}

#[test]
fn changed_host_key_is_refused() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    lab.rekey("tvox1");
    let inv = inventory(&lab, "openssh", |t| t);
    let out = tvdr_in(home.path(), &inv)
        .args(["exec", "tvox1", "--", "true"])
        .assert()
        .code(3);
    let stderr = text(&out.get_output().stderr);
    let known_hosts = lab.dir().join("known_hosts").display().to_string();
    for part in [
        "host key of `tvox1`",
        "has changed",
        &console_fingerprint(&lab, "tvox1"),
        &known_hosts,
    ] {
        assert!(stderr.contains(part), "{part} not in: {stderr}");
    }
    assert!(
        !sshd_log(&lab, "tvox1").contains("Accepted"),
        "no login happened"
    );
}

#[test]
fn a_cut_node_is_unreachable_within_the_timeout_while_the_other_answers() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inv = inventory(&lab, "openssh", |t| {
        t.replace("connect_timeout: 3s", "connect_timeout: 2s")
    });
    lab.cut("tvox2");
    let start = Instant::now();
    let out = tvdr_in(home.path(), &inv)
        .args(["exec", "both", "--", "echo", "here"])
        .assert()
        .code(3);
    let elapsed = start.elapsed();
    let (stdout, stderr) = (
        text(&out.get_output().stdout),
        text(&out.get_output().stderr),
    );
    assert!(stdout.contains("tvox1 | here"), "{stdout}");
    assert!(stderr.contains("cannot reach `tvox2`"), "{stderr}");
    assert!(stderr.contains("no answer within 2s"), "{stderr}");
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    lab.restore("tvox2");
}

#[test]
fn proxy_jump_reaches_tvox2_through_tvox1() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let bastion = lab.address("tvox1");
    let inv = inventory(&lab, "jump", |t| {
        t.replace(
            "ssh:\n  user: tvdrlab\n",
            &format!("ssh:\n  user: tvdrlab\n  proxy_jump: tvdrlab@{bastion}:22\n"),
        )
    });
    assert!(std::fs::read_to_string(&inv)
        .unwrap()
        .contains("proxy_jump"));
    let out = tvdr_in(home.path(), &inv)
        .args(["exec", "tvox2", "--", "sh", "-c", "echo $SSH_CONNECTION"])
        .assert()
        .success();
    // The connection to tvox2 came from tvox1.
    let stdout = text(&out.get_output().stdout);
    assert!(stdout.starts_with(&format!("{bastion} ")), "{stdout}");
    let log = sshd_log(&lab, "tvox2");
    assert!(
        log.contains(&format!("Accepted publickey for tvdrlab from {bastion} ")),
        "{log}"
    );
    // The bastion's host key is checked too: unknown, the jump is refused.
    let tvox2_only: String = std::fs::read_to_string(lab.dir().join("known_hosts"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with(&format!("{} ", lab.address("tvox2"))))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(lab.dir().join("tvox2_known_hosts"), tvox2_only).unwrap();
    let blind = lab.dir().join("blind.yaml");
    let text = std::fs::read_to_string(&inv).unwrap();
    let text = text.replace("known_hosts: known_hosts", "known_hosts: tvox2_known_hosts");
    std::fs::write(&blind, text).unwrap();
    tvdr_in(home.path(), &blind)
        .args(["exec", "tvox2", "--", "true"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(format!(
            "the host key of the bastion `{bastion}` is not known"
        )));
    assert_eq!(leftovers(home.path()), Vec::<PathBuf>::new());
}

#[test]
fn jump_hosts_are_checked_when_the_inventory_is_loaded() {
    let home = tempfile::tempdir().unwrap();
    let site = "site: s1\ntvox: { version: 21, domain: tam.example.com }\n";
    let cases = [
        (
            "nodes:\n  tvox1: { address: 10.1.1.1 }\nssh: { proxy_jump: admin@bastion }\n",
            "5:20: `ssh.proxy_jump` is for the system `ssh`, but `tvox1` uses libssh2: add \
             `transport: openssh` to `tvox1`",
        ),
        (
            "nodes:\n  tvox1: { address: 10.1.1.1, transport: openssh }\n\
             ssh: { proxy_jump: 'admin@bastion; reboot' }\n",
            "`admin@bastion; reboot` is not a jump host",
        ),
    ];
    for (nodes, expected) in cases {
        let path = home.path().join("tvdr.yaml");
        std::fs::write(&path, format!("{site}{nodes}")).unwrap();
        tvdr(home.path())
            .arg("-i")
            .arg(&path)
            .arg("inventory")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected));
    }
    let path = home.path().join("tvdr.yaml");
    let nodes = "nodes:\n  tvox1: { address: 10.1.1.1, transport: openssh }\n\
                 ssh: { proxy_jump: 'admin@bastion:2222', config: ssh_config }\n";
    std::fs::write(&path, format!("{site}{nodes}")).unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(&path)
        .args(["inventory", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let tvox1 = &v["nodes"][0];
    assert_eq!(tvox1["transport"], "openssh");
    assert_eq!(tvox1["proxy_jump"], "admin@bastion:2222");
    assert_eq!(
        tvox1["ssh_config"],
        home.path().join("ssh_config").to_str().unwrap()
    );
}

#[test]
fn connection_lost_mid_command_is_reported() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut tvox1 = open(&target(&lab, "tvox1"));
    std::thread::scope(|s| {
        s.spawn(|| {
            std::thread::sleep(Duration::from_millis(500));
            lab.cut("tvox1");
        });
        let start = Instant::now();
        let err = tvox1.output(&Cmd::new("sleep").arg("30")).unwrap_err();
        assert!(matches!(err, TransportError::Lost { .. }), "{err}");
        assert!(err.is_unreachable());
        // Three keepalive intervals (2 s, the connect timeout) of silence.
        assert!(
            start.elapsed() < Duration::from_secs(12),
            "{:?}",
            start.elapsed()
        );
    });
    let again = tvox1.output(&Cmd::new("true")).unwrap_err();
    assert!(matches!(again, TransportError::Lost { .. }), "{again}");
    lab.restore("tvox1");
}

#[test]
fn check_vip_over_openssh() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inv = inventory(&lab, "openssh", |t| t);
    let out = tvdr_in(home.path(), &inv)
        .arg("--state-dir")
        .arg(home.path().join("state"))
        .args(["check", "vip", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stderr)));
    assert_eq!(
        (out.status.code(), v["status"].as_str()),
        (Some(0), Some("OK")),
        "{v:#}"
    );
    let summary = v["checks"][0]["summary"].as_str().unwrap();
    assert!(summary.contains("tvox1 is master"), "{summary}");
}

#[test]
fn interactive_step_over_openssh_in_a_real_terminal() {
    let site = Site::new();
    let openssh = inventory(&site.lab, "openssh", |t| t);
    std::fs::copy(&openssh, site.lab.inventory()).unwrap();
    site.stand_in(
        "tvox1",
        "network_reset",
        "#!/bin/sh\nprintf 'New IP address: '\nread -r ip\necho \"network_reset applied $ip\"\n",
    );
    let transcript = site.home.path().join("transcript");
    let mut line = vec![assert_cmd::cargo::cargo_bin("tvdr").display().to_string()];
    line.extend(site.global_args());
    line.extend(["runbook", "interactive", "--yes"].map(String::from));
    let out = Command::new("sh")
        .arg("-c")
        .arg("(sleep 4; printf '10.9.9.9\\r'; sleep 2) | script -qfec \"$1\" \"$2\"")
        .arg("sh")
        .arg(line.join(" "))
        .arg(&transcript)
        .env("HOME", site.home.path())
        .env("USER", "tech-a")
        .env("NO_COLOR", "1")
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(shown.contains("network_reset applied 10.9.9.9"), "{shown}");
    assert!(out.status.success(), "{shown}");
    let evidence = site.evidence("interactive", "net-reset");
    assert_eq!(evidence["exit"], 0, "{evidence}");
}

/// `ssh.persist` with `transport: openssh`: the master the first command line starts (one
/// login) serves the next ones, from a private directory of the state directory, until
/// `tvdr disconnect` logs it out; the command line after that logs in again.
#[test]
fn with_ssh_persist_a_master_serves_later_command_lines_until_disconnect() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let inv = inventory(&lab, "openssh-persist", |t| {
        t.replace("\nssh:\n", "\nssh:\n  persist: 2m\n")
    });
    let parent = || {
        let out = tvdr_in(home.path(), &inv)
            .args(["exec", "tvox1", "--", "sh", "-c", "echo $PPID"])
            .assert()
            .success();
        text(&out.get_output().stdout)
    };
    let logins = || {
        sshd_log(&lab, "tvox1")
            .matches("Accepted publickey")
            .count()
    };
    let first = parent();
    assert_eq!((parent(), logins()), (first.clone(), 1));
    // Nothing in TMPDIR: what is kept is in the state directory, 0700.
    assert_eq!(leftovers(home.path()), Vec::<PathBuf>::new());
    let keep = std::fs::read_dir(home.path().join(".local/state/tvdr"))
        .unwrap()
        .map(|site| site.unwrap().path().join("keep"))
        .find(|keep| keep.is_dir())
        .expect("a keep directory");
    let kept: Vec<PathBuf> = std::fs::read_dir(&keep)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ossh"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let mode = std::os::unix::fs::PermissionsExt::mode(&kept[0].metadata().unwrap().permissions());
    assert_eq!(mode & 0o777, 0o700);

    tvdr_in(home.path(), &inv)
        .arg("disconnect")
        .assert()
        .success()
        .stderr(predicate::str::contains("1 kept session closed"));
    assert!(!kept[0].exists(), "disconnect removes the kept directory");
    let again = parent();
    assert_ne!(again, first, "a new master after disconnect");
    assert_eq!(logins(), 2);
    tvdr_in(home.path(), &inv)
        .arg("disconnect")
        .assert()
        .success();
}
