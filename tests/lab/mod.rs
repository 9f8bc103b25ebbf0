//! The test lab: simulated TVox nodes (network namespaces running real sshd) for integration tests.
//!
//! [`Lab::start`] runs `scripts/lab up` and dropping the [`Lab`] runs `scripts/lab down`, also
//! when the test panicked. Everything is done by `scripts/lab`, so tests and people share one
//! implementation; this file only calls it. Needs root, like the rest of the suite.
//!
//! Each lab has its own id and /24, so tests using labs run in parallel. Its dir holds
//! `tvdr.yaml` (inventory), `known_hosts`, `id_ed25519` (no passphrase), `id_ed25519_enc`
//! (passphrase `lab-key-pass`) and one folder per node with `bin/` (first on the login PATH,
//! which tvdr learns at connect: drop stand-ins of vendor tools there), `sync/`, `hosts` (the
//! node's /etc/hosts), `home/` (the lab user's home on that node) and `sshd.log`. The lab user
//! is `tvdrlab`.
//! Nodes share everything else of this machine's filesystem (/tmp, /run, /opt).
//!
//! Database servers are slow to start, so only [`Lab::start_services`] starts them, on tvox1
//! and tvox2 (see `scripts/lab help`):
//! - `pg`: a PostgreSQL cluster per node (socket dir `DIR/<node>/pg/run`, 127.0.0.1:5432 in
//!   the node, trust auth, superuser `postgres`) with `davical_administrators` owned by
//!   `davical_dba`, loaded from `tests/lab/davical.sql`: identical on both nodes at start. The
//!   inventory gives each node `env: { PGHOST: DIR/<node>/pg/run }`, so `pg_dump --clean -U
//!   davical_dba davical_administrators` over ssh reaches that node's server.
//! - `mysql`: MariaDB per node (socket `DIR/<node>/mysql/run/mysqld.sock`, also
//!   `MYSQL_UNIX_PORT` in the inventory's `env`), tvox1 the primary and tvox2 its replica over
//!   the lab network (real replication, running when the lab is handed over), database
//!   `tvox` from `tests/lab/tvox.sql`. `DIR/<node>/home/.my.cnf` (the lab user's, mode 600)
//!   logs `mysql` in as `tvdr_monitor` (REPLICATION CLIENT, SLAVE MONITOR), so `mysql -e 'SHOW
//!   SLAVE STATUS\G'` over ssh needs no option. Make the nodes diverge on the replica (the
//!   primary's writes replicate) or stop replication first: `lab.mysql("tvox2", "STOP SLAVE
//!   IO_THREAD")`.
//! - `mongo` (`mongosh`): a stand-in `bin/mongo` (`bin/mongosh`), not MongoDB, which cannot be
//!   installed here: it prints `DIR/<node>/mongo/stdout` (at start a healthy two-member replica
//!   set as that node sees it, in the form tvdr asks for: `JSON.stringify` for `mongo`, relaxed
//!   Extended JSON when `mongosh` is there), exits with `DIR/<node>/mongo/status` and records
//!   its calls: [`Lab::set_mongo`], [`Lab::mongo_calls`].
//!
//! Every lab has a DNS server standing in for the customer's: dnsmasq in its own namespace at
//! [`Lab::dns_server`] (`10.213.<id>.53`), named by every node's /etc/resolv.conf, answering
//! the node IP for `tvox.lab.test` at start; [`Lab::dns`] changes the record or stops it.
//!
//! Every server stops with the lab, also when the test panicked or its process was killed
//! (the next `scripts/lab up` sweeps labs whose owner is gone).

// Shared by every test module that needs nodes, and each uses a few of these helpers: the
// others would warn in every build.
#![allow(dead_code)]

#[cfg(test)]
mod selftest;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What a lab test says, at once, to a user who is not root.
pub const NEEDS_ROOT: &str = "this test needs a lab (simulated nodes in network namespaces), \
     which only root can make: run the whole suite with `sudo ./scripts/test` (see \
     CONTRIBUTING.md, \"The test command\"); `cargo test --lib` runs the unit tests as any user";

/// Network namespaces need root: said in one sentence before anything is tried, rather
/// than as whatever `ip netns add` prints halfway through `scripts/lab up`.
pub fn needs_root() {
    assert!(rustix::process::geteuid().is_root(), "{NEEDS_ROOT}");
}

/// A running lab; taken down when dropped.
pub struct Lab {
    id: u32,
    /// `DIR/lab.env`, as written by `scripts/lab up`: addresses by node and the node IP.
    env: HashMap<String, String>,
    /// Declared last so it is removed after `Drop::drop` took the lab down (the script needs
    /// the pid files in it).
    dir: tempfile::TempDir,
}

impl Lab {
    /// tvox1 and tvox2; the node IP is on tvox1.
    pub fn start() -> Lab {
        Lab::start_with(&["tvox1", "tvox2"])
    }

    /// Any of `tvox1`, `tvox2`, `dr_client`.
    pub fn start_with(nodes: &[&str]) -> Lab {
        Lab::start_services(nodes, &[])
    }

    /// Also starts `services` (any of `pg`, `mysql`, `mongo`, `mongosh`) on the nodes' tvox1
    /// and tvox2; MariaDB replication is running when this returns. About 1-3 s more than
    /// [`Lab::start_with`]: only for tests that use them.
    pub fn start_services(nodes: &[&str], services: &[&str]) -> Lab {
        Lab::up(nodes, services, &[])
    }

    /// A stand-alone TVOX 1 before the FT conversion (`scripts/lab up --standalone`): it
    /// answers only at the node IP, in mode `standalone`, and `known_hosts` has no key for
    /// it; tvox2 is not installed (its sshd is stopped). The inventory is the finished
    /// cluster's: `nodes.tvox1.address` is TVOX 1's address after `network_reset`.
    pub fn start_standalone() -> Lab {
        Lab::up(&["tvox1", "tvox2"], &[], &["--standalone"])
    }

    /// The same with `services` and any `nodes`: the site before a whole rehearsal.
    pub fn start_standalone_services(nodes: &[&str], services: &[&str]) -> Lab {
        Lab::up(nodes, services, &["--standalone"])
    }

    /// tvox1 and tvox2 with MariaDB, logged in as the lab user with `become: sudo`
    /// (`scripts/lab up --become sudo`): it may run the MySQL client as root without a
    /// password, and the db check's option file is root's.
    pub fn start_become_sudo() -> Lab {
        Lab::up(&["tvox1", "tvox2"], &["mysql"], &["--become", "sudo"])
    }

    /// The same with `services` on `nodes`: a whole site reached by a non-root login.
    pub fn start_become_sudo_services(nodes: &[&str], services: &[&str]) -> Lab {
        Lab::up(nodes, services, &["--become", "sudo"])
    }

    fn up(nodes: &[&str], services: &[&str], extra: &[&str]) -> Lab {
        needs_root();
        let dir = tempfile::Builder::new()
            .prefix("tvdr-lab.")
            .tempdir()
            .expect("cannot create a temporary dir for the lab");
        // --owner: if this test process is killed, the next `up` reclaims the lab.
        let out = lab_script(
            &[
                "up",
                "--id",
                "auto",
                "--dir",
                &dir.path().display().to_string(),
                "--nodes",
                &nodes.join(","),
                "--owner",
                &std::process::id().to_string(),
                "--services",
                &services.join(","),
            ]
            .into_iter()
            .chain(extra.iter().copied())
            .collect::<Vec<_>>(),
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let id = stdout
            .lines()
            .find_map(|l| l.strip_prefix("TVDR_LAB_ID="))
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("`scripts/lab up` printed no lab id:\n{stdout}"));
        let env_file = dir.path().join("lab.env");
        let env = std::fs::read_to_string(&env_file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", env_file.display()))
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Lab { id, env, dir }
    }

    /// The lab's id: its namespaces are `tvdrlab<id>-<node>`, its subnet `10.213.<id>.0/24`.
    pub fn id(&self) -> u32 {
        self.id
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `DIR/tvdr.yaml`, a complete inventory for this lab.
    pub fn inventory(&self) -> PathBuf {
        self.dir().join("tvdr.yaml")
    }

    /// The lab's inventory with no identity file, written as `DIR/<name>`: only a typed
    /// password or an agent can log in.
    pub fn inventory_without_identity(&self, name: &str) -> PathBuf {
        let text: String = std::fs::read_to_string(self.inventory())
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("identity:"))
            .map(|l| format!("{l}\n"))
            .collect();
        let path = self.dir().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The node's own address (not the cluster node IP).
    pub fn address(&self, node: &str) -> String {
        let key = format!("TVDR_LAB_{}", node.to_uppercase());
        self.env
            .get(&key)
            .unwrap_or_else(|| panic!("lab {} has no node `{node}`", self.id))
            .clone()
    }

    /// The cluster node IP (held by tvox1 at start).
    pub fn node_ip(&self) -> String {
        self.env["TVDR_LAB_NODE_IP"].clone()
    }

    /// Move the node IP to exactly these nodes: `&[]` nobody holds it, two is a split brain.
    pub fn move_node_ip(&self, to: &[&str]) {
        let mut args = vec!["node-ip"];
        args.extend_from_slice(to);
        self.run(&args);
    }

    /// A broken failover: when its master reboots, `node` does not take the node IP (which
    /// goes down and comes back with the master). By default a rebootable node's reboot
    /// moves the node IP to the other node, as an FT cluster does.
    pub fn no_failover(&self, node: &str) {
        self.run(&["ft", node, "failover", "off"]);
    }

    /// Closes or opens again a stand-in listener of the DR ports (`scripts/lab port`).
    pub fn port(&self, node: &str, port: u16, action: &str) {
        self.run(&["port", node, &port.to_string(), action]);
    }

    /// The nodes holding the node IP.
    pub fn master(&self) -> Vec<String> {
        self.run_stdout(&["master"])
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Link down: the node's packets are dropped, so connecting to it times out.
    pub fn cut(&self, node: &str) {
        self.run(&["cut", node]);
    }

    pub fn restore(&self, node: &str) {
        self.run(&["restore", node]);
    }

    /// The customer's DNS server of the lab (dnsmasq, in its own namespace), which every
    /// node's /etc/resolv.conf names.
    pub fn dns_server(&self) -> String {
        self.env["TVDR_LAB_DNS"].clone()
    }

    /// Changes what the lab's DNS server answers for the TVox domain, as `scripts/lab dns`:
    /// `&["a", ADDRESS…]`, `&["cname", ADDRESS…]`, `&["none"]`, `&["stop"]`, `&["start"]`.
    /// Returns once the server answers the new records.
    pub fn dns(&self, args: &[&str]) {
        let mut full = vec!["dns"];
        full.extend_from_slice(args);
        self.run(&full);
    }

    /// The node's sshd looks up each client in a DNS that never answers (`UseDNS yes`, a
    /// resolver timing out after `secs`): logins take `secs` more while banner and key
    /// exchange stay fast, as on a stock CentOS 7 node on a LAN without DNS.
    pub fn slow_login(&self, node: &str, secs: u32) {
        self.run(&["slow-login", node, &secs.to_string()]);
    }

    /// Gives (`true`) or takes the lab user's NOPASSWD sudo rule on `node`.
    pub fn sudo(&self, node: &str, on: bool) {
        self.run(&["sudo", node, if on { "on" } else { "off" }]);
    }

    /// The lab user may run the MySQL client and GNU screen as root on `node` without a
    /// password, and nothing else (no shell), as a site naming only its programs.
    pub fn sudo_screen(&self, node: &str) {
        self.run(&["sudo", node, "screen"]);
    }

    /// The lab user may run anything as root on `node`, sudo asking its password
    /// (`lab-secret-pw`), as a site's admin account.
    pub fn sudo_with_password(&self, node: &str) {
        self.run(&["sudo", node, "password"]);
    }

    /// The namespace of `node`: `ip netns pids` lists what runs "on" it.
    pub fn namespace(&self, node: &str) -> String {
        format!("tvdrlab{}-{node}", self.id)
    }

    /// New host key and sshd restart; `known_hosts` keeps the old key, so the next connection
    /// meets a changed host key.
    pub fn rekey(&self, node: &str) {
        self.run(&["rekey", node]);
    }

    /// `bash -c SCRIPT` as root in the node's namespace (its /etc/hosts, its bin/ first on
    /// PATH), for test setup and assertions. The caller checks the status. A background
    /// process must redirect its output, or this waits for it to close stdout.
    pub fn exec(&self, node: &str, script: &str) -> Output {
        Command::new(script_path())
            .args([
                "exec",
                "--dir",
                &self.dir_arg(),
                node,
                "--",
                "bash",
                "-c",
                script,
            ])
            .output()
            .unwrap_or_else(|e| panic!("cannot run `scripts/lab exec`: {e}"))
    }

    /// `DIR/<node>`: `bin/`, `sync/`, `hosts`, `home/`, `sshd.log`, and per service `pg/`,
    /// `mysql/`, `mongo/`.
    pub fn node_dir(&self, node: &str) -> PathBuf {
        self.dir().join(node)
    }

    /// Puts `script` as program `name` first in `node`'s PATH (its `bin` directory): a
    /// node whose tool answers what the test needs. Returns its path.
    pub fn stand_in(&self, node: &str, name: &str, script: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = self.node_dir(node).join("bin").join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    /// SQL on the node's `davical_administrators` as the superuser; rows unaligned, `|` between
    /// columns, no header. Panics with psql's message when a statement fails.
    pub fn psql(&self, node: &str, sql: &str) -> String {
        self.run_stdout(&["psql", node, sql])
    }

    /// SQL on the node's `tvox` database as root; rows tab-separated, no header (with `\G`,
    /// the client's vertical `Field: value` form). Panics with the client's message on error.
    pub fn mysql(&self, node: &str, sql: &str) -> String {
        self.run_stdout(&["mysql", node, sql])
    }

    /// Waits until tvox2 applied everything in tvox1's binlog; panics if replication is not
    /// running (stopped threads included) or has not caught up within 30 s.
    pub fn mysql_sync(&self) {
        self.run(&["mysql-sync"]);
    }

    /// Stops one node's `pg` or `mysql` server (its data stays): "no server" states, the
    /// primary gone from under the replica.
    pub fn stop_service(&self, node: &str, service: &str) {
        self.run(&["service", node, service, "stop"]);
    }

    /// Starts a stopped server again on its data; a replica reconnects to it within a second.
    pub fn start_service(&self, node: &str, service: &str) {
        self.run(&["service", node, service, "start"]);
    }

    /// What the node's mongo stand-in prints from now on, and its exit status.
    pub fn set_mongo(&self, node: &str, stdout: &str, status: i32) {
        let dir = self.mongo_dir(node);
        std::fs::write(dir.join("stdout"), stdout)
            .unwrap_or_else(|e| panic!("cannot write {}/stdout: {e}", dir.display()));
        std::fs::write(dir.join("status"), format!("{status}\n"))
            .unwrap_or_else(|e| panic!("cannot write {}/status: {e}", dir.display()));
    }

    /// One line per call of the node's mongo stand-in: the program's name, then its
    /// arguments joined by spaces (`mongo --quiet --eval JSON.stringify(rs.status())`).
    pub fn mongo_calls(&self, node: &str) -> String {
        let calls = self.mongo_dir(node).join("calls");
        std::fs::read_to_string(&calls)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", calls.display()))
    }

    fn mongo_dir(&self, node: &str) -> PathBuf {
        let dir = self.node_dir(node).join("mongo");
        assert!(
            dir.is_dir(),
            "{node} has no mongo stand-in: start the lab with the `mongo` service"
        );
        dir
    }

    fn run_stdout(&self, args: &[&str]) -> String {
        String::from_utf8(self.run(args).stdout).expect("the lab printed non-UTF-8 output")
    }

    fn dir_arg(&self) -> String {
        self.dir().display().to_string()
    }

    /// A `scripts/lab` command on this lab; panics with its stderr when it fails.
    fn run(&self, args: &[&str]) -> Output {
        let (cmd, rest) = args.split_first().expect("a lab command");
        let dir = self.dir_arg();
        let mut full = vec![*cmd, "--dir", &dir];
        full.extend_from_slice(rest);
        lab_script(&full)
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        // --dir rather than --id: the script then checks the claim is still ours.
        let result = Command::new(script_path())
            .args(["down", "--dir", &self.dir_arg()])
            .output();
        // No panic here: during a panic's unwinding a second one would abort the run.
        match result {
            Ok(out) if out.status.success() => {}
            Ok(out) => eprintln!(
                "scripts/lab down (lab {}) failed: {}",
                self.id,
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(e) => eprintln!("cannot run scripts/lab down (lab {}): {e}", self.id),
        }
    }
}

fn script_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lab")
}

/// Runs `scripts/lab ARGS`; panics with its stderr when it fails.
fn lab_script(args: &[&str]) -> Output {
    let out = Command::new(script_path())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run scripts/lab: {e}"));
    assert!(
        out.status.success(),
        "`scripts/lab {}` failed ({}):\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
