//! The transport against the lab: real sshd in network namespaces, reached over real
//! sockets. Targets are built by hand from the lab, not from the inventory.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tvdr::transport::{
    add_known_host, connect, scan_host_key, Cmd, Fleet, NoSecrets, Secret, Secrets, Target,
    Transport, TransportError, TransportKind, Trust,
};

use crate::lab::Lab;

const USER: &str = "tvdrlab";
const PASSWORD: &str = "lab-secret-pw";
const PASSPHRASE: &str = "lab-key-pass";

/// How tvdr reaches `node` of the lab: its key, its known_hosts, a 2 s connect timeout.
pub(crate) fn target(lab: &Lab, node: &str) -> Target {
    Target {
        name: node.to_owned(),
        address: lab.address(node),
        identity: Some(lab.dir().join("id_ed25519")),
        known_hosts: vec![lab.dir().join("known_hosts")],
        ..target_defaults()
    }
}

fn open(target: &Target) -> Box<dyn Transport> {
    connect(target, &NoSecrets).unwrap_or_else(|e| panic!("connect to {}: {e}", target.name))
}

fn stdout(transport: &mut dyn Transport, cmd: &Cmd) -> Vec<u8> {
    let out = transport.output(cmd).unwrap();
    assert_eq!(
        out.status,
        0,
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A command on this machine, through the same door tvdr uses.
fn here(cmd: &Cmd) -> String {
    let local = Target {
        name: "here".into(),
        address: "localhost".into(),
        user: "root".into(),
        identity: None,
        known_hosts: vec![],
        kind: TransportKind::Local,
        ..target_defaults()
    };
    String::from_utf8(stdout(open(&local).as_mut(), cmd)).unwrap()
}

fn target_defaults() -> Target {
    Target {
        name: String::new(),
        address: String::new(),
        port: 22,
        user: USER.to_owned(),
        identity: None,
        known_hosts: vec![],
        connect_timeout: Duration::from_secs(2),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: Duration::from_secs(60),
        env: BTreeMap::new(),
        kind: TransportKind::Ssh,
    }
}

/// `SHA256:…` of the node's host key, as `ssh-keygen -lf` prints it.
fn fingerprint(lab: &Lab, node: &str) -> String {
    let key = lab.node_dir(node).join("ssh_host_ed25519_key.pub");
    let line = here(&Cmd::new("ssh-keygen").arg("-lf").arg(&key));
    line.split_whitespace().nth(1).unwrap().to_owned()
}

/// Answers with what it was given and counts the questions.
#[derive(Default)]
struct Given {
    passphrase: Option<&'static str>,
    password: Option<&'static str>,
    asked: AtomicUsize,
}

impl Secrets for Given {
    fn passphrase(&self, _key: &Path) -> Option<Secret> {
        self.asked.fetch_add(1, Ordering::SeqCst);
        self.passphrase.map(|p| Secret::new(p.to_owned()))
    }

    fn password(&self, user: &str, node: &str, _address: &str) -> Option<Secret> {
        assert_eq!((user, node), (USER, "tvox1"));
        self.asked.fetch_add(1, Ordering::SeqCst);
        self.password.map(|p| Secret::new(p.to_owned()))
    }
}

/// Counts bytes and keeps none.
#[derive(Default)]
struct Counter {
    bytes: u64,
    largest: usize,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.largest = self.largest.max(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

pub(crate) fn sshd_log(lab: &Lab, node: &str) -> String {
    std::fs::read_to_string(lab.node_dir(node).join("sshd.log")).unwrap()
}

#[test]
fn exec_on_one_node_separates_outputs_and_returns_the_status() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut tvox1 = open(&target(&lab, "tvox1"));
    let out = tvox1
        .output(&Cmd::shell(
            "echo \"on $TVDR_LAB_NODE as $(id -un)\"; echo oops >&2; exit 7",
        ))
        .unwrap();
    assert_eq!(out.status, 7);
    assert_eq!(out.stdout_lossy(), "on tvox1 as tvdrlab\n");
    assert_eq!(out.stderr, b"oops\n", "the pid marker is not shown");
    // Commands get an empty stdin, and a signal reads as 128 + its number.
    assert_eq!(tvox1.output(&Cmd::new("cat")).unwrap().status, 0);
    assert_eq!(
        tvox1.output(&Cmd::shell("kill -s TERM $$")).unwrap().status,
        143
    );
}

#[test]
fn node_env_is_exported_before_every_command() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut target = target(&lab, "tvox1");
    target
        .env
        .insert("PGHOST".into(), "/run/pg $(touch pwned) 'x'".into());
    let mut tvox1 = open(&target);
    let out = stdout(tvox1.as_mut(), &Cmd::shell("printf %s \"$PGHOST\""));
    assert_eq!(out, b"/run/pg $(touch pwned) 'x'");
}

#[test]
fn exec_on_both_nodes_in_parallel_through_the_fleet() {
    let lab = Lab::start();
    let fleet = Fleet::new(
        vec![target(&lab, "tvox1"), target(&lab, "tvox2")],
        Box::new(NoSecrets),
    );
    let both = ["tvox1", "tvox2"];
    // Connect first, so the timing below is about the commands.
    for (node, result) in fleet.run_each(&both, |t| t.output(&Cmd::new("true"))) {
        result.unwrap_or_else(|e| panic!("{node}: {e}"));
    }
    let start = Instant::now();
    let results = fleet.run_each(&both, |t| {
        t.output(
            &Cmd::new("sleep")
                .arg("1")
                .and(Cmd::shell("echo $TVDR_LAB_NODE")),
        )
    });
    let elapsed = start.elapsed();
    let got: Vec<_> = results
        .into_iter()
        .map(|(node, r)| (node, r.unwrap().stdout_lossy()))
        .collect();
    assert_eq!(
        got,
        [
            ("tvox1".into(), "tvox1\n".into()),
            ("tvox2".into(), "tvox2\n".into())
        ]
    );
    assert!(
        elapsed < Duration::from_millis(1800),
        "not in parallel: {elapsed:?}"
    );
}

#[test]
fn twenty_commands_reuse_one_session() {
    let lab = Lab::start_with(&["tvox1"]);
    let fleet = Fleet::new(vec![target(&lab, "tvox1")], Box::new(NoSecrets));
    // $PPID of each command is the sshd process serving the session.
    let start = Instant::now();
    let parents: Vec<String> = (0..20)
        .map(|_| {
            fleet
                .with("tvox1", |t| t.output(&Cmd::shell("echo $PPID")))
                .unwrap()
                .stdout_lossy()
        })
        .collect();
    eprintln!("20 commands (1 login) in {:?}", start.elapsed());
    assert!(parents.iter().all(|p| *p == parents[0]), "{parents:?}");
    let log = sshd_log(&lab, "tvox1");
    assert_eq!(
        log.matches("Accepted publickey for tvdrlab").count(),
        1,
        "{log}"
    );
    drop(fleet);
    // Dropping the transport says goodbye instead of just closing the socket (sshd logs it
    // a moment later).
    let polite = (0..50).any(|_| {
        let said = sshd_log(&lab, "tvox1").contains("Received disconnect");
        if !said {
            std::thread::sleep(Duration::from_millis(20));
        }
        said
    });
    let log = sshd_log(&lab, "tvox1");
    assert!(polite && log.contains("tvdr is done"), "{log}");
}

#[test]
fn fifty_megabytes_stream_through_small_buffers() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut tvox1 = open(&target(&lab, "tvox1"));
    let (mut out, mut err) = (Counter::default(), Counter::default());
    let before = peak_rss_kib();
    let start = Instant::now();
    let cmd = Cmd::new("head").args(["-c", "52428800", "/dev/urandom"]);
    let status = tvox1.exec(&cmd, &mut out, &mut err, None).unwrap();
    let elapsed = start.elapsed();
    assert_eq!((status, out.bytes, err.bytes), (0, 52_428_800, 0));
    assert!(out.largest <= 32 * 1024, "pieces of {} bytes", out.largest);
    // Nothing holds the output: the process peak grows by far less than 50 MB.
    let grown = peak_rss_kib().saturating_sub(before);
    assert!(grown < 20 * 1024, "peak memory grew by {grown} KiB");
    eprintln!("50 MB in {elapsed:?}");
}

#[test]
fn unknown_host_key_is_refused_with_its_fingerprint_until_trusted() {
    let lab = Lab::start_with(&["tvox1"]);
    let empty = lab.dir().join("empty_known_hosts");
    std::fs::write(&empty, "").unwrap();
    let mut target = target(&lab, "tvox1");
    target.known_hosts = vec![lab.dir().join("missing"), empty.clone()];
    let expected = fingerprint(&lab, "tvox1");

    let err = connect(&target, &NoSecrets)
        .err()
        .expect("an unknown key is refused");
    match &err {
        TransportError::HostKeyUnknown {
            node,
            address,
            fingerprint,
            key_type,
        } => {
            assert_eq!(
                (node.as_str(), address.as_str()),
                ("tvox1", target.address.as_str())
            );
            assert_eq!(
                (fingerprint.as_str(), key_type.as_str()),
                (expected.as_str(), "ssh-ed25519")
            );
        }
        other => panic!("expected an unknown host key, got {other}"),
    }
    assert!(err.is_unreachable());
    let message = err.to_string();
    for part in ["`tvox1`", &target.address, &expected, "tvdr trust tvox1"] {
        assert!(message.contains(part), "{part} not in: {message}");
    }
    // Nothing was authenticated: the key was refused before any login.
    assert!(!sshd_log(&lab, "tvox1").contains("Accepted"));

    // What `tvdr trust` does: scan, show, append; then the node is trusted.
    let (key, trust) = scan_host_key(&target).unwrap();
    assert_eq!(
        (key.fingerprint.as_str(), trust),
        (expected.as_str(), Trust::Unknown)
    );
    add_known_host(&empty, &target.address, target.port, &key).unwrap();
    assert_eq!(
        stdout(open(&target).as_mut(), &Cmd::new("echo").arg("ok")),
        b"ok\n"
    );
    let (_, trust) = scan_host_key(&target).unwrap();
    assert_eq!(trust, Trust::Known { file: empty });
}

#[test]
fn changed_host_key_is_refused() {
    let lab = Lab::start();
    let before = fingerprint(&lab, "tvox1");
    lab.rekey("tvox1");
    let after = fingerprint(&lab, "tvox1");
    assert_ne!(before, after);
    let err = connect(&target(&lab, "tvox1"), &NoSecrets)
        .err()
        .expect("a changed key is refused");
    match &err {
        TransportError::HostKeyChanged {
            node,
            fingerprint,
            file,
            ..
        } => {
            assert_eq!(node, "tvox1");
            assert_eq!(fingerprint, &after);
            assert_eq!(file, &lab.dir().join("known_hosts"));
        }
        other => panic!("expected a changed host key, got {other}"),
    }
    assert!(err.is_unreachable());
    assert!(err.to_string().contains("tvdr trust tvox1"), "{err}");
    // The other node is unaffected.
    open(&target(&lab, "tvox2"));
}

#[test]
fn hashed_known_hosts_entries_are_accepted() {
    let lab = Lab::start_with(&["tvox1"]);
    let hashed = lab.dir().join("hashed_known_hosts");
    std::fs::copy(lab.dir().join("known_hosts"), &hashed).unwrap();
    here(&Cmd::new("ssh-keygen").arg("-H").arg("-f").arg(&hashed));
    let text = std::fs::read_to_string(&hashed).unwrap();
    assert!(
        text.starts_with("|1|") && !text.contains(&lab.address("tvox1")),
        "{text}"
    );
    let mut target = target(&lab, "tvox1");
    target.known_hosts = vec![hashed];
    assert_eq!(
        stdout(open(&target).as_mut(), &Cmd::new("echo").arg("ok")),
        b"ok\n"
    );
}

#[test]
fn unreachable_node_is_reported_within_the_connect_timeout_while_the_other_answers() {
    let lab = Lab::start();
    lab.cut("tvox2");
    let fleet = Fleet::new(
        vec![target(&lab, "tvox1"), target(&lab, "tvox2")],
        Box::new(NoSecrets),
    );
    let start = Instant::now();
    let results = fleet.run_each(&["tvox1", "tvox2"], |t| t.output(&Cmd::new("hostname")));
    let elapsed = start.elapsed();
    assert!(results[0].1.is_ok(), "tvox1: {:?}", results[0].1);
    let err = results[1].1.as_ref().unwrap_err();
    assert!(
        matches!(err, TransportError::Unreachable { node, .. } if node == "tvox2"),
        "{err}"
    );
    assert!(err.is_unreachable());
    assert!(err.to_string().contains(&lab.address("tvox2")), "{err}");
    assert!(
        elapsed < Duration::from_millis(3000),
        "took {elapsed:?} for a 2 s timeout"
    );
    lab.restore("tvox2");
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
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
    });
    // The transport knows it is dead.
    let again = tvox1.output(&Cmd::new("true")).unwrap_err();
    assert!(matches!(again, TransportError::Lost { .. }), "{again}");
    lab.restore("tvox1");
}

#[test]
fn hostile_values_arrive_intact() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut tvox1 = open(&target(&lab, "tvox1"));
    let dir = String::from_utf8(stdout(tvox1.as_mut(), &Cmd::new("mktemp").arg("-d"))).unwrap();
    let dir = PathBuf::from(dir.trim());
    let values: [&[u8]; 10] = [
        b"'; rm -rf / #",
        b"$(touch pwned)",
        b"`touch pwned`",
        b"line1\nline2\n",
        b"",
        b"-n",
        b"\"$HOME\" \\ * ~",
        b"caf\xe9 \xff\xfe",
        b"it's \xe2\x82",
        "été €".as_bytes(),
    ];
    for (i, value) in values.iter().enumerate() {
        let file = dir.join(format!("value{i}"));
        let write = Cmd::new("printf").arg("%s").arg(value).write_to(&file);
        stdout(tvox1.as_mut(), &write);
        assert_eq!(
            std::fs::read(&file).unwrap(),
            *value,
            "written {i}: {write}"
        );
        let read = stdout(tvox1.as_mut(), &Cmd::new("cat").arg(&file));
        assert_eq!(read, *value, "read back {i}");
    }
    // A hostile file name too.
    use std::os::unix::ffi::OsStrExt;
    let name = dir.join(std::ffi::OsStr::from_bytes(b"x'; touch pwned #\n\xff"));
    stdout(tvox1.as_mut(), &Cmd::new("touch").arg(&name));
    assert!(name.exists());
    let listing = stdout(tvox1.as_mut(), &Cmd::new("ls").arg("-A").arg(&dir));
    assert!(
        !String::from_utf8_lossy(&listing).contains("pwned\n"),
        "a command ran"
    );
    assert!(!dir.join("pwned").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn encrypted_identity_asks_its_passphrase() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut target = target(&lab, "tvox1");
    target.identity = Some(lab.dir().join("id_ed25519_enc"));
    let given = Given {
        passphrase: Some(PASSPHRASE),
        ..Given::default()
    };
    let mut tvox1 = connect(&target, &given).unwrap();
    assert_eq!(given.asked.load(Ordering::SeqCst), 1);
    assert_eq!(stdout(tvox1.as_mut(), &Cmd::new("echo").arg("in")), b"in\n");

    // Nobody to ask (no terminal): refused, saying why, with a hint.
    let err = connect(&target, &NoSecrets)
        .err()
        .expect("refused without passphrase");
    let message = err.to_string();
    assert!(matches!(err, TransportError::Auth { .. }), "{message}");
    assert!(
        message.contains("id_ed25519_enc (encrypted, no passphrase given)"),
        "{message}"
    );
    assert!(message.contains("authorized_keys"), "{message}");
    assert!(err.is_unreachable());
}

#[test]
fn password_login_never_shows_the_password() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut target = target(&lab, "tvox1");
    target.identity = None;
    let given = Given {
        password: Some(PASSWORD),
        ..Given::default()
    };
    let mut tvox1 = connect(&target, &given).unwrap();
    assert_eq!(
        stdout(tvox1.as_mut(), &Cmd::new("id").arg("-un")),
        b"tvdrlab\n"
    );
    assert!(sshd_log(&lab, "tvox1").contains("Accepted password for tvdrlab"));

    let mut shown = Vec::new();
    let timeout = tvox1
        .exec(
            &Cmd::new("sleep").arg("5"),
            &mut io::sink(),
            &mut io::sink(),
            Some(Duration::from_millis(200)),
        )
        .unwrap_err();
    shown.push(format!("{timeout} {timeout:?}"));
    drop(tvox1);

    let wrong = Given {
        password: Some("lab-wrong-pw-42"),
        ..Given::default()
    };
    let err = connect(&target, &wrong)
        .err()
        .expect("wrong password refused");
    assert!(matches!(err, TransportError::Auth { .. }), "{err}");
    assert!(err.to_string().contains("tried: password"), "{err}");
    shown.push(format!("{err} {err:?}"));
    shown.push(format!("{target:?}"));
    for text in &shown {
        assert!(
            !text.contains(PASSWORD) && !text.contains("lab-wrong-pw-42"),
            "{text}"
        );
    }
    // Nor in any file of the lab (sshd logs included).
    for entry in walk(lab.dir()) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(PASSWORD),
            "password found in {}",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => files.extend(walk(&path)),
            Ok(t) if t.is_file() => files.push(path),
            _ => {}
        }
    }
    files
}

#[test]
fn command_timeout_stops_the_command_on_the_node() {
    let lab = Lab::start_with(&["tvox1"]);
    let mut tvox1 = open(&target(&lab, "tvox1"));
    let mut out = Vec::new();
    let start = Instant::now();
    let err = tvox1
        .exec(
            &Cmd::shell("echo started; sleep 31.5"),
            &mut out,
            &mut io::sink(),
            Some(Duration::from_secs(1)),
        )
        .unwrap_err();
    let elapsed = start.elapsed();
    assert!(matches!(err, TransportError::Timeout { .. }), "{err}");
    assert!(!err.is_unreachable());
    assert!(err.to_string().contains("sleep 31.5"), "{err}");
    assert_eq!(out, b"started\n");
    assert!(elapsed < Duration::from_secs(3), "took {elapsed:?}");
    // The node's process group got SIGTERM: no `sleep 31.5` left running.
    let gone = (0..20).any(|_| {
        let out = lab.exec("tvox1", "pgrep -f 'sleep 31[.]5' || true");
        let running = !out.stdout.is_empty();
        if running {
            std::thread::sleep(Duration::from_millis(100));
        }
        !running
    });
    assert!(gone, "the timed-out command still runs on the node");
    // The session is still good for the next command.
    assert_eq!(
        stdout(tvox1.as_mut(), &Cmd::new("echo").arg("next")),
        b"next\n"
    );
}
