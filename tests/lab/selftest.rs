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

/// `script` in a login shell on the node: the lab's sshd sets no PATH, and only a login
/// shell finds the node's `bin/` (as tvdr's learned login environment does).
fn ssh(lab: &Lab, addr: &str, script: &str) -> Output {
    let quoted = format!("'{}'", script.replace('\'', r"'\''"));
    ssh_cmd(lab, addr, &[])
        .arg(format!("exec bash -lc {quoted} </dev/null"))
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
    // Said here, not in two threads whose panics the join would only pass on.
    super::needs_root();
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
    // Per node an sshd, an rsync daemon and the port stand-ins (27017; the DR client 3306
    // too), per TVox node the network init (network_reset's root helper), and the DNS server.
    assert_eq!(pids.len(), 13, "{pids:?}");
    pids.push(sleeper);
    assert!(pids.iter().all(|&p| running(p)));
    let namespaces: Vec<String> = ["tvox1", "tvox2", "dr_client", "dns"]
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
        format!("tvl{id}dn@"),
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

// ---- services -------------------------------------------------------------------------------

/// A server's pid, from the pid file it wrote under the lab dir.
fn server_pid(pid_file: &Path) -> u32 {
    std::fs::read_to_string(pid_file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", pid_file.display()))
        .lines()
        .next()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no pid in {}", pid_file.display()))
}

fn pg_pid(lab: &Lab, node: &str) -> u32 {
    server_pid(&lab.node_dir(node).join("pg/data/postmaster.pid"))
}

fn mysql_pid(lab: &Lab, node: &str) -> u32 {
    server_pid(&lab.node_dir(node).join("mysql/run/mysqld.pid"))
}

/// Every live process of this machine whose command line names `dir`.
fn processes_naming(dir: &Path) -> Vec<String> {
    let dir = dir.display().to_string();
    let mut found = vec![];
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains(&dir) && running(pid) {
            found.push(format!("{pid} {cmdline}"));
        }
    }
    found
}

/// What the inventory's `env:` line for NODE holds (the lab writes one flow mapping per node).
fn inventory_env(lab: &Lab, node: &str) -> String {
    let inventory = std::fs::read_to_string(lab.inventory()).unwrap();
    let block = inventory
        .split(&format!("\n  {node}:\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("no {node} in:\n{inventory}"));
    block
        .lines()
        .take_while(|l| l.starts_with("    "))
        .find_map(|l| l.trim().strip_prefix("env: "))
        .unwrap_or_else(|| panic!("no env for {node} in:\n{inventory}"))
        .to_string()
}

/// The dump's text without the `\restrict` key pg_dump draws at random on every run.
fn without_restrict_keys(dump: &str) -> String {
    dump.lines()
        .filter(|l| !l.starts_with("\\restrict ") && !l.starts_with("\\unrestrict "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pg_dump_over_ssh_reaches_each_nodes_own_server() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["pg"]);
    let dump = |node: &str| {
        // As tvdr runs it: the node's `env:` from the inventory exported first.
        let pghost = lab.node_dir(node).join("pg/run");
        assert_eq!(
            inventory_env(&lab, node),
            format!("{{ PGHOST: {} }}", pghost.display())
        );
        stdout(&ssh(
            &lab,
            &lab.address(node),
            &format!(
                "export PGHOST='{}'; pg_dump --clean -U davical_dba davical_administrators",
                pghost.display()
            ),
        ))
    };
    let (one, two) = (dump("tvox1"), dump("tvox2"));
    for table in [
        "usr",
        "principal",
        "collection",
        "caldav_data",
        "calendar_item",
    ] {
        assert!(
            one.contains(&format!("CREATE TABLE public.{table} (")),
            "{table}:\n{one}"
        );
    }
    assert!(one.contains("CREATE SEQUENCE public.caldav_data_dav_id_seq"));
    assert!(one.contains("CREATE INDEX caldav_data_collection_id_fkey"));
    assert!(one.contains("FOREIGN KEY (collection_id) REFERENCES public.collection"));
    assert!(one.contains("Owner: davical_dba"));
    assert!(one.contains("/lbianchi/calendar/cena.ics"));
    assert_eq!(without_restrict_keys(&one), without_restrict_keys(&two));
    // The servers are the nodes' own, in their namespaces: the same query tells them apart
    // once one of them changed.
    assert_eq!(lab.psql("tvox1", "SELECT count(*) FROM caldav_data"), "4\n");
    lab.psql("tvox2", "DELETE FROM caldav_data WHERE dav_id = 3004");
    assert_eq!(lab.psql("tvox2", "SELECT count(*) FROM caldav_data"), "3\n");
    assert_eq!(lab.psql("tvox1", "SELECT count(*) FROM caldav_data"), "4\n");
    let two = dump("tvox2");
    // The calendar text of the deleted row (its calendar_item row is still there).
    assert!(one.contains("UID:cena") && !two.contains("UID:cena"));
    // Also on TCP, inside the node only, like Debian's default.
    let out = lab.exec(
        "tvox1",
        "runuser -u tvdrlab -- psql -X -At -h 127.0.0.1 -U davical_dba \
         -d davical_administrators -c 'SELECT username FROM usr ORDER BY 1 LIMIT 1'",
    );
    assert_eq!(stdout(&out), "admin\n");

    // A stopped server is the "no server" state; started again, it has its data.
    let pid = pg_pid(&lab, "tvox1");
    lab.stop_service("tvox1", "pg");
    assert!(!running(pid));
    let out = ssh(
        &lab,
        &lab.address("tvox1"),
        &format!(
            "PGHOST='{}' pg_dump -U davical_dba davical_administrators",
            lab.node_dir("tvox1").join("pg/run").display()
        ),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No such file or directory"), "{err}");
    lab.start_service("tvox1", "pg");
    assert_eq!(lab.psql("tvox1", "SELECT count(*) FROM caldav_data"), "4\n");
}

#[test]
fn mysql_replicates_tvox1_to_tvox2_over_the_lab_network() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["mysql"]);
    let slave_status = |node: &str| {
        // As tvdr runs it: no credentials on the command line, ~/.my.cnf has them.
        stdout(&ssh(
            &lab,
            &lab.address(node),
            r"mysql -e 'SHOW SLAVE STATUS\G'",
        ))
    };
    let status = slave_status("tvox2");
    assert!(status.contains("Slave_IO_Running: Yes"), "{status}");
    assert!(status.contains("Slave_SQL_Running: Yes"), "{status}");
    assert!(status.contains(&format!("Master_Host: {}\n", lab.address("tvox1"))));
    assert!(status.contains("Seconds_Behind_Master: 0"), "{status}");
    assert_eq!(slave_status("tvox1"), "", "the primary is no replica");
    let cnf = lab.node_dir("tvox2").join("home/.my.cnf");
    assert_eq!(
        std::fs::metadata(&cnf).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(inventory_env(&lab, "tvox2").contains(&format!(
        "MYSQL_UNIX_PORT: {}",
        lab.node_dir("tvox2")
            .join("mysql/run/mysqld.sock")
            .display()
    )));

    // The data came to tvox2 by replication only (tvox.sql is loaded on tvox1).
    assert_eq!(lab.mysql("tvox2", "SELECT count(*) FROM calls"), "5\n");
    lab.mysql(
        "tvox1",
        "INSERT INTO calls (started, src, dst, disposition) \
         VALUES ('2024-05-07 10:00:00', '201', '202', 'ANSWERED')",
    );
    lab.mysql_sync();
    assert_eq!(
        lab.mysql("tvox2", "SELECT src, dst FROM calls WHERE id = 6"),
        "201\t202\n"
    );

    // Divergence for real: the IO thread stopped, the primary's next row stays there.
    lab.mysql("tvox2", "STOP SLAVE IO_THREAD");
    let status = slave_status("tvox2");
    assert!(status.contains("Slave_IO_Running: No"), "{status}");
    lab.mysql("tvox1", "DELETE FROM calls WHERE id = 6");
    assert_eq!(lab.mysql("tvox1", "SELECT count(*) FROM calls"), "5\n");
    assert_eq!(lab.mysql("tvox2", "SELECT count(*) FROM calls"), "6\n");
    lab.mysql("tvox2", "START SLAVE IO_THREAD");
    lab.mysql_sync();
    assert_eq!(lab.mysql("tvox2", "SELECT count(*) FROM calls"), "5\n");

    // Dropping the lab stops both servers.
    let pids = [mysql_pid(&lab, "tvox1"), mysql_pid(&lab, "tvox2")];
    assert!(pids.iter().all(|&p| running(p)));
    drop(lab);
    for pid in pids {
        assert!(!running(pid), "mariadbd {pid} left");
    }
}

#[test]
fn mongo_stand_in_prints_what_was_set_and_records_its_calls() {
    let lab = Lab::start_services(&["tvox1", "tvox2"], &["mongo"]);
    let run = |node: &str| {
        ssh(
            &lab,
            &lab.address(node),
            "command -v mongosh mongo; mongo --quiet --eval 'JSON.stringify(rs.status())'",
        )
    };
    // At start: a healthy set as each node sees it, members named by the lab's addresses.
    let out = stdout(&run("tvox2"));
    let (path, sample) = out.split_once('\n').unwrap();
    assert_eq!(
        path,
        lab.node_dir("tvox2")
            .join("bin/mongo")
            .display()
            .to_string(),
        "mongo only, no mongosh"
    );
    assert!(sample.starts_with(r#"{"set":"rs0","#), "{sample}");
    assert!(sample.contains(r#""myState":2"#), "{sample}");
    for (node, state) in [("tvox1", "PRIMARY"), ("tvox2", "SECONDARY")] {
        let member = format!(
            r#""name":"{}:27017","health":1,"state":{},"stateStr":"{state}""#,
            lab.address(node),
            if node == "tvox1" { 1 } else { 2 }
        );
        assert!(sample.contains(&member), "{member} in {sample}");
    }
    assert_eq!(
        lab.mongo_calls("tvox2"),
        "mongo --quiet --eval JSON.stringify(rs.status())\n"
    );
    assert_eq!(lab.mongo_calls("tvox1"), "");

    lab.set_mongo("tvox1", "exception: connect failed\n", 1);
    let out = run("tvox1");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("\nexception: connect failed\n"));
    lab.set_mongo("tvox1", "", 0);
    assert!(run("tvox1").status.success());
    assert_eq!(lab.mongo_calls("tvox1").lines().count(), 2);
}

/// The stale-owner path: a test process killed with its servers running. The next `up`
/// (any test's) sweeps the lab and must stop them too.
#[test]
fn servers_of_a_killed_test_do_not_survive() {
    super::needs_root();
    let mut owner = Command::new("sleep").arg("600").spawn().unwrap();
    let dir = tempfile::Builder::new()
        .prefix("tvdr-lab-stale.")
        .tempdir()
        .unwrap();
    let lab_dir = dir.path().join("lab");
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lab"))
        .args(["up", "--id", "auto", "--dir"])
        .arg(&lab_dir)
        .args(["--owner", &owner.id().to_string()])
        .args(["--services", "pg,mysql"])
        .output()
        .unwrap();
    let up = stdout(&out);
    let id = up
        .lines()
        .find_map(|l| l.strip_prefix("TVDR_LAB_ID="))
        .unwrap()
        .to_string();
    let servers = processes_naming(&lab_dir);
    assert_eq!(
        servers.iter().filter(|p| p.contains("postgres -D")).count(),
        2,
        "{servers:?}"
    );
    assert_eq!(
        servers.iter().filter(|p| p.contains("mariadbd")).count(),
        2,
        "{servers:?}"
    );
    owner.kill().unwrap();
    owner.wait().unwrap();

    // Any `up` sweeps stale labs before claiming an id, under the lock another sweeping `up`
    // holds: once this one is up, the stale lab is gone.
    let _other = Lab::start_with(&["tvox1"]);
    assert!(!Path::new(&format!("/run/tvdr-lab/{id}")).exists());
    let left = processes_naming(&lab_dir);
    assert!(left.is_empty(), "left running: {left:?}");
}

/// `down --all`, which `./scripts/test` runs first, removes the labs whose owner is gone and
/// leaves a live one alone: it no longer kills the labs of a test run going on beside it.
#[test]
fn down_all_removes_a_dead_owners_lab_and_leaves_a_live_one() {
    let live = Lab::start_with(&["tvox1"]);
    let mut owner = Command::new("sleep").arg("600").spawn().unwrap();
    let dir = tempfile::Builder::new()
        .prefix("tvdr-lab-dead.")
        .tempdir()
        .unwrap();
    let lab_dir = dir.path().join("lab");
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lab"))
        .args(["up", "--id", "auto", "--dir"])
        .arg(&lab_dir)
        .args(["--nodes", "tvox1", "--owner", &owner.id().to_string()])
        .output()
        .unwrap();
    let dead = stdout(&out)
        .lines()
        .find_map(|l| l.strip_prefix("TVDR_LAB_ID="))
        .unwrap()
        .to_string();
    owner.kill().unwrap();
    owner.wait().unwrap();

    let down = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lab"))
        .args(["down", "--all"])
        .output()
        .unwrap();
    stdout(&down);
    assert!(!Path::new(&format!("/run/tvdr-lab/{dead}")).exists());
    let namespaces = stdout(&Command::new("ip").args(["netns", "list"]).output().unwrap());
    assert!(
        !namespaces.contains(&format!("tvdrlab{dead}-")),
        "{namespaces}"
    );
    assert!(Path::new(&format!("/run/tvdr-lab/{}", live.id())).exists());
    let node = stdout(&ssh(&live, &live.address("tvox1"), "echo $TVDR_LAB_NODE"));
    assert_eq!(node, "tvox1\n");
}
