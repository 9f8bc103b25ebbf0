//! A site under test: a lab, a home, a state directory, and the helpers the runbook and
//! step tests share (run or spawn tvdr, read journals, stand-ins, counters). Screen sessions
//! and logs a test started are removed when it ends, also after a panic.

#![allow(dead_code)] // each test module uses a different subset

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{repo_file, tvdr};
use crate::lab::Lab;

/// A lab, a home and a state directory; screen sessions and logs the test started are
/// removed when it ends, also after a panic (/run/screen and /var/tmp are shared by every
/// lab node and test).
pub struct Site {
    pub lab: Lab,
    pub home: tempfile::TempDir,
    pub state: PathBuf,
}

impl Site {
    pub fn new() -> Site {
        Site::on(Lab::start())
    }

    /// On a lab logged into as the lab user with `become: sudo` ([`Lab::start_become_sudo`]).
    pub fn become_sudo() -> Site {
        Site::on(Lab::start_become_sudo())
    }

    /// On a stand-alone lab ([`Lab::start_standalone`]).
    pub fn standalone() -> Site {
        Site::on(Lab::start_standalone())
    }

    fn on(lab: Lab) -> Site {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state");
        Site { lab, home, state }
    }

    pub fn tvdr(&self) -> assert_cmd::Command {
        let mut cmd = tvdr(self.home.path());
        cmd.args(self.global_args()).env("USER", "tech-a");
        cmd
    }

    pub fn global_args(&self) -> Vec<String> {
        vec![
            "-i".into(),
            self.lab.inventory().display().to_string(),
            "--runbooks".into(),
            repo_file("tests/fixtures/runbooks").display().to_string(),
            "--state-dir".into(),
            self.state.display().to_string(),
        ]
    }

    /// The same, as a child process to kill.
    pub fn spawn(&self, args: &[&str]) -> Child {
        let stderr = std::fs::File::create(self.home.path().join("spawned.stderr")).unwrap();
        self.spawn_to(args, Stdio::null(), stderr)
    }

    /// [`Site::spawn`] with both output streams into `pipe`, as `tvdr … 2>&1 | tee log`.
    pub fn spawn_piped(&self, args: &[&str], pipe: std::io::PipeWriter) -> Child {
        self.spawn_to(args, pipe.try_clone().unwrap(), pipe)
    }

    fn spawn_to(&self, args: &[&str], stdout: impl Into<Stdio>, stderr: impl Into<Stdio>) -> Child {
        Command::new(assert_cmd::cargo::cargo_bin("tvdr"))
            .args(self.global_args())
            .args(args)
            .env("HOME", self.home.path())
            .env("USER", "tech-a")
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .unwrap()
    }

    /// Every journal of `runbook`, oldest first.
    pub fn journals(&self, runbook: &str) -> Vec<PathBuf> {
        let dir = self.site_state().join("runs").join(runbook);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Waits until the journal of `runbook` says `step` started.
    pub fn wait_started(&self, runbook: &str, step: &str) {
        let needle = format!(r#""event":"step_started","step":"{step}""#);
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.journal_text(runbook).contains(&needle) {
            assert!(
                Instant::now() < deadline,
                "step `{step}` never started; tvdr said: {}",
                std::fs::read_to_string(self.home.path().join("spawned.stderr"))
                    .unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A stand-in program first on the node's PATH.
    pub fn stand_in(&self, node: &str, name: &str, script: &str) {
        let path = self.lab.node_dir(node).join("bin").join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// The lab user's home on `node`, where commands run.
    pub fn home_of(&self, node: &str) -> PathBuf {
        self.lab.node_dir(node).join("home")
    }

    pub fn count(&self, node: &str, file: &str) -> usize {
        std::fs::read_to_string(self.home_of(node).join(file))
            .map(|t| t.lines().count())
            .unwrap_or(0)
    }

    pub fn site_state(&self) -> PathBuf {
        self.state.join(format!("lab-{}", self.lab.id()))
    }

    /// Every journal of `runbook`, concatenated in order.
    pub fn journal_text(&self, runbook: &str) -> String {
        self.journals(runbook)
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect()
    }

    /// The `StepFinished` evidence of `step` (the last one).
    pub fn evidence(&self, runbook: &str, step: &str) -> serde_json::Value {
        self.journal_text(runbook)
            .lines()
            .rev()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|r| r["event"] == "step_finished" && r["step"] == step)
            .unwrap_or_else(|| panic!("no step_finished for `{step}`"))["evidence"]
            .clone()
    }

    /// The screen sessions and logs the steps' notes name.
    pub fn screens(&self) -> Vec<(String, String)> {
        let dir = self.site_state().join("steps");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let memo: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            for attempt in memo["attempts"].as_array().into_iter().flatten() {
                let session = attempt["session"].as_str().unwrap_or_default().to_string();
                let log = attempt["log"].as_str().unwrap_or_default().to_string();
                found.push((session, log));
            }
        }
        found
    }

    pub fn make_rebootable(&self, node: &str) {
        let out = Command::new(repo_file("scripts/lab"))
            .args(["rebootable", "--dir"])
            .arg(self.lab.dir())
            .args([node, "--down", "2"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn boot_id(&self, node: &str) -> String {
        std::fs::read_to_string(self.lab.node_dir(node).join("boot_id"))
            .unwrap()
            .trim()
            .to_string()
    }

    /// Waits until `file` in the lab user's home on `node` has a line (the step's command
    /// is running there).
    pub fn wait_count(&self, node: &str, file: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.count(node, file) == 0 {
            assert!(
                Instant::now() < deadline,
                "`{file}` never written on {node}; tvdr said: {}",
                std::fs::read_to_string(self.home.path().join("spawned.stderr"))
                    .unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The pid in the receipt of `step`'s latest attempt on `node` (its session leader).
    pub fn receipt_pid(&self, node: &str, step: &str) -> String {
        let receipts = self.home_of(node).join(".local/state/tvdr/receipts");
        let mut started: Vec<PathBuf> = std::fs::read_dir(&receipts)
            .unwrap()
            .flatten()
            .flat_map(|run| {
                std::fs::read_dir(run.path().join(step))
                    .into_iter()
                    .flatten()
            })
            .flatten()
            .map(|attempt| attempt.path().join("started"))
            .filter(|p| p.exists())
            .collect();
        started.sort();
        let text = std::fs::read_to_string(started.last().expect("a receipt")).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("pid=").map(str::to_string))
            .expect("a pid")
    }

    /// Runs `tvdr ARGS` in a terminal (`script`) with `env` set, typing `keys` one line
    /// every second after a pause for the connection; what the terminal showed, and how
    /// it ended.
    pub fn in_terminal(
        &self,
        args: &[&str],
        keys: &[&str],
        env: &[(&str, &str)],
    ) -> std::process::Output {
        let mut line = vec![assert_cmd::cargo::cargo_bin("tvdr").display().to_string()];
        line.extend(self.global_args());
        line.extend(args.iter().map(|a| a.to_string()));
        let typing: String = keys
            .iter()
            .map(|k| format!("sleep 1; printf '%s\\r' '{k}'; "))
            .collect();
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "(sleep 3; {typing} sleep 2) | script -qfec \"$1\" \"$2\""
            ))
            .arg("sh")
            .arg(line.join(" "))
            .arg(self.home.path().join("transcript"))
            .env("HOME", self.home.path())
            .env("USER", "tech-a")
            .env("NO_COLOR", "1")
            .env_remove("SSH_AUTH_SOCK");
        for locale in crate::common::LOCALE {
            cmd.env_remove(locale);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd.output().unwrap()
    }

    pub fn answers(&self, text: &str) -> PathBuf {
        let path = self.home.path().join("answers.yaml");
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        for (session, log) in self.screens() {
            let rc = format!("{}.screenrc", log.trim_end_matches(".log"));
            let _ = Command::new("sh")
                .arg("-c")
                .arg(
                    "runuser -u tvdrlab -- screen -S \"$1\" -X quit; \
                     runuser -u tvdrlab -- screen -wipe \"$1\"; rm -f \"$2\" \"$3\"",
                )
                .args(["sh", &session, &log, &rc])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}
