//! The test lab: simulated TVox nodes (network namespaces running real sshd) for integration tests.
//!
//! [`Lab::start`] runs `scripts/lab up` and dropping the [`Lab`] runs `scripts/lab down`, also
//! when the test panicked. Everything is done by `scripts/lab`, so tests and people share one
//! implementation; this file only calls it. Needs root, like the rest of the suite.
//!
//! Each lab has its own id and /24, so tests using labs run in parallel. Its dir holds
//! `tvdr.yaml` (inventory), `known_hosts`, `id_ed25519` (no passphrase), `id_ed25519_enc`
//! (passphrase `lab-key-pass`) and one folder per node with `bin/` (first on PATH in every ssh
//! session: drop stand-ins of vendor tools there), `sync/`, `hosts` (the node's /etc/hosts),
//! `home/` (the lab user's home on that node) and `sshd.log`. The lab user is `tvdrlab`.
//! Nodes share everything else of this machine's filesystem (/tmp, /run, /opt).

// Shared by every test module that needs nodes, and each uses a few of these helpers: the
// others would warn in every build.
#![allow(dead_code)]

#[cfg(test)]
mod selftest;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
        let dir = tempfile::Builder::new()
            .prefix("tvdr-lab.")
            .tempdir()
            .expect("cannot create a temporary dir for the lab");
        // --owner: if this test process is killed, the next `up` reclaims the lab.
        let out = lab_script(&[
            "up",
            "--id",
            "auto",
            "--dir",
            &dir.path().display().to_string(),
            "--nodes",
            &nodes.join(","),
            "--owner",
            &std::process::id().to_string(),
        ]);
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

    /// Link down: the node's packets are dropped, so connecting to it times out.
    pub fn cut(&self, node: &str) {
        self.run(&["cut", node]);
    }

    pub fn restore(&self, node: &str) {
        self.run(&["restore", node]);
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

    /// `DIR/<node>`: `bin/`, `sync/`, `hosts`, `home/`, `sshd.log`.
    pub fn node_dir(&self, node: &str) -> PathBuf {
        self.dir().join(node)
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
