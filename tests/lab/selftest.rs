//! The lab's own tests: what the transport and check tests rely on, proven with the system
//! OpenSSH client (not tvdr) so a lab fault is not mistaken for a tvdr one.

use super::Lab;
use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The system ssh client, with the lab's key and known_hosts only: no user config, no agent.
/// `opts` come first because for ssh the first value given for an option wins; an `-i` there
/// replaces the lab's plain key (ssh would otherwise fall back to it).
fn ssh_cmd(lab: &Lab, addr: &str, opts: &[&str]) -> Command {
    let mut cmd = Command::new("ssh");
    cmd.env_remove("SSH_AUTH_SOCK")
        .args(["-F", "/dev/null"])
        .args(opts)
        .args(["-o", "BatchMode=yes", "-o", "ConnectTimeout=3"])
        .args([
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=yes",
        ])
        .arg("-o")
        .arg(format!(
            "UserKnownHostsFile={}",
            lab.dir().join("known_hosts").display()
        ));
    if !opts.contains(&"-i") {
        cmd.arg("-i").arg(lab.dir().join("id_ed25519"));
    }
    cmd.arg(format!("tvdrlab@{addr}"));
    cmd
}

fn ssh(lab: &Lab, addr: &str, script: &str) -> Output {
    ssh_cmd(lab, addr, &[])
        .arg(script)
        .output()
        .expect("cannot run ssh")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "command failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Nodes whose eth0 holds the cluster node IP, asked inside each namespace.
fn node_ip_holders(lab: &Lab, nodes: &[&'static str]) -> Vec<&'static str> {
    let ip = format!(" {}/", lab.node_ip());
    nodes
        .iter()
        .copied()
        .filter(|n| stdout(&lab.exec(n, "ip -4 -o addr show dev eth0")).contains(&ip))
        .collect()
}

#[test]
fn ssh_session_sees_node_hosts_file_and_bin_first_on_path() {
    let lab = Lab::start();
    let bin = lab.node_dir("tvox1").join("bin");
    std::fs::write(
        bin.join("mongo"),
        "#!/bin/sh\necho stand-in mongo on tvox1\n",
    )
    .unwrap();
    std::fs::set_permissions(bin.join("mongo"), Permissions::from_mode(0o755)).unwrap();
    // Only tvox1's /etc/hosts gets the marker: each node has its own file.
    assert!(lab
        .exec("tvox1", "echo '10.213.0.99 marker.lab.test' >> /etc/hosts")
        .status
        .success());

    let out = stdout(&ssh(
        &lab,
        &lab.address("tvox1"),
        "cat /etc/hosts; echo PATH=$PATH; echo HOME=$PWD; mongo",
    ));
    assert!(
        out.contains(&format!("{} tvox.lab.test", lab.node_ip())),
        "{out}"
    );
    assert!(out.contains("127.0.0.1   localhost"), "{out}");
    assert!(out.contains("marker.lab.test"), "{out}");
    assert!(out.contains(&format!("PATH={}:", bin.display())), "{out}");
    assert!(out.contains("stand-in mongo on tvox1"), "{out}");
    let home = lab.node_dir("tvox1").join("home");
    assert!(out.contains(&format!("HOME={}\n", home.display())), "{out}");

    let out = stdout(&ssh(
        &lab,
        &lab.address("tvox2"),
        "cat /etc/hosts; echo $PATH",
    ));
    assert!(!out.contains("marker.lab.test"), "{out}");
    assert!(out.contains(&lab.node_dir("tvox2").join("bin").display().to_string()));
    // The sync dir belongs to the lab user.
    let sync = lab.node_dir("tvox2").join("sync");
    stdout(&ssh(
        &lab,
        &lab.address("tvox2"),
        &format!("touch {}/f", sync.display()),
    ));
    assert!(sync.join("f").exists());
}

#[test]
fn cut_node_times_out_while_the_other_answers() {
    let lab = Lab::start();
    lab.cut("tvox1");
    let started = Instant::now();
    let out = ssh(&lab, &lab.address("tvox1"), "true");
    let took = started.elapsed();
    assert!(!out.status.success());
    // Dropped packets, not a refusal or "no route": the client's own timeout fires.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("timed out"), "{err}");
    assert!(took < Duration::from_secs(6), "took {took:?}");
    assert_eq!(stdout(&ssh(&lab, &lab.address("tvox2"), "echo up")), "up\n");

    lab.restore("tvox1");
    assert_eq!(
        stdout(&ssh(&lab, &lab.address("tvox1"), "echo back")),
        "back\n"
    );
}

#[test]
fn node_ip_moves_between_nodes() {
    let lab = Lab::start();
    let nodes = ["tvox1", "tvox2"];
    assert_eq!(node_ip_holders(&lab, &nodes), ["tvox1"]);

    lab.move_node_ip(&["tvox2"]);
    assert_eq!(node_ip_holders(&lab, &nodes), ["tvox2"]);
    // Connections to the node IP now land on tvox2 (no stale ARP entry sends them to tvox1).
    // Its host key is not in known_hosts under the node IP: skip the check for this probe.
    let probe = [
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
    ];
    let out = ssh_cmd(&lab, &lab.node_ip(), &probe)
        .args(["-o", "LogLevel=ERROR", "echo $TVDR_LAB_NODE"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "tvox2\n");

    lab.move_node_ip(&[]);
    assert!(node_ip_holders(&lab, &nodes).is_empty());
    lab.move_node_ip(&["tvox1", "tvox2"]);
    assert_eq!(node_ip_holders(&lab, &nodes), ["tvox1", "tvox2"]);
}

#[test]
fn rekey_makes_the_known_host_key_stale() {
    let lab = Lab::start();
    lab.rekey("tvox2");
    let out = ssh(&lab, &lab.address("tvox2"), "true");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"),
        "{err}"
    );
    assert_eq!(stdout(&ssh(&lab, &lab.address("tvox1"), "echo ok")), "ok\n");
}

#[test]
fn password_and_encrypted_key_log_in() {
    let lab = Lab::start();
    // The secret travels in the environment, so no file holds it.
    let askpass_dir = tempfile::tempdir().unwrap();
    let askpass = askpass_dir.path().join("askpass");
    std::fs::write(&askpass, "#!/bin/sh\nprintf '%s\\n' \"$LAB_SECRET\"\n").unwrap();
    std::fs::set_permissions(&askpass, Permissions::from_mode(0o755)).unwrap();
    let login = |secret: &str, opts: &[&str]| {
        // BatchMode would forbid asking; the askpass program answers instead.
        let mut opts = opts.to_vec();
        opts.extend(["-o", "BatchMode=no", "-o", "NumberOfPasswordPrompts=1"]);
        ssh_cmd(&lab, &lab.address("tvox1"), &opts)
            .arg("echo in")
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("LAB_SECRET", secret)
            .output()
            .unwrap()
    };
    let enc = lab.dir().join("id_ed25519_enc").display().to_string();
    let out = login(
        "lab-key-pass",
        &["-i", &enc, "-o", "PasswordAuthentication=no"],
    );
    assert_eq!(stdout(&out), "in\n");
    let out = login("lab-secret-pw", &["-o", "PubkeyAuthentication=no"]);
    assert_eq!(stdout(&out), "in\n");
    let out = login("wrong", &["-o", "PubkeyAuthentication=no"]);
    assert!(!out.status.success());
    let out = login("wrong", &["-i", &enc, "-o", "PasswordAuthentication=no"]);
    assert!(!out.status.success());
}

#[test]
fn two_labs_run_side_by_side() {
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(Lab::start);
        let b = s.spawn(|| Lab::start_with(&["tvox1", "tvox2", "dr_client"]));
        (a.join().unwrap(), b.join().unwrap())
    });
    assert_ne!(a.id(), b.id());
    assert_ne!(a.address("tvox1"), b.address("tvox1"));
    for (lab, node) in [
        (&a, "tvox1"),
        (&a, "tvox2"),
        (&b, "tvox1"),
        (&b, "dr_client"),
    ] {
        let out = stdout(&ssh(lab, &lab.address(node), "echo $TVDR_LAB_NODE"));
        assert_eq!(out, format!("{node}\n"));
    }
    let inventory = std::fs::read_to_string(b.inventory()).unwrap();
    assert!(inventory.contains(&format!(
        "  dr_client:\n    address: {}",
        b.address("dr_client")
    )));
}

fn pid_files(dir: &Path) -> Vec<u32> {
    let mut pids = vec![];
    for entry in walk(dir) {
        if entry.extension().is_some_and(|e| e == "pid") {
            pids.push(
                std::fs::read_to_string(&entry)
                    .unwrap()
                    .trim()
                    .parse()
                    .unwrap(),
            );
        }
    }
    pids
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Running: present in /proc and not a zombie (this machine's init reaps late).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            !stat
                .rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with('Z'))
        })
        .unwrap_or(false)
}

#[test]
fn drop_leaves_no_namespace_link_or_process() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    let id = lab.id();
    // A process a test started inside a node, not named by any pid file.
    let out = lab.exec("tvox2", "sleep 600 </dev/null >/dev/null 2>&1 & echo $!");
    let sleeper: u32 = stdout(&out).trim().parse().unwrap();
    let mut pids = pid_files(lab.dir());
    assert_eq!(pids.len(), 3, "one sshd per node");
    pids.push(sleeper);
    assert!(pids.iter().all(|&p| running(p)));
    let namespaces: Vec<String> = ["tvox1", "tvox2", "dr_client"]
        .iter()
        .map(|n| format!("tvdrlab{id}-{n}"))
        .collect();
    let dir = lab.dir().to_path_buf();

    drop(lab);

    let listed = stdout(&Command::new("ip").args(["netns", "list"]).output().unwrap());
    for ns in &namespaces {
        assert!(
            !listed.lines().any(|l| l.split(' ').next() == Some(ns)),
            "{ns} left"
        );
        assert!(
            !Path::new("/etc/netns").join(ns).exists(),
            "/etc/netns/{ns} left"
        );
    }
    let links = stdout(
        &Command::new("ip")
            .args(["-o", "link", "show"])
            .output()
            .unwrap(),
    );
    for name in [
        format!("tvdrbr{id}:"),
        format!("tvl{id}t1@"),
        format!("tvl{id}dr@"),
    ] {
        assert!(
            !links.contains(&format!(" {name}")),
            "{name} left:\n{links}"
        );
    }
    for pid in pids {
        assert!(!running(pid), "process {pid} left");
    }
    assert!(!dir.exists());
    assert!(!Path::new(&format!("/run/tvdr-lab/{id}")).exists());
}
