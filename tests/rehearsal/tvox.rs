//! A TVox site for rehearsals: a lab with tvox1, tvox2 and the DR client, real databases,
//! nodes that reboot (the other node takes the node IP), the updater and licence stand-ins,
//! and tvdr run with the shipped runbooks and an answers file.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{repo_file, tvdr};
use crate::lab::Lab;

/// How the updater stand-in ends on a node (see tests/lab/standins/tvox-updater).
pub const UPDATER: &str = "tests/lab/standins/tvox-updater";

pub struct Tvox {
    pub lab: Lab,
    pub home: tempfile::TempDir,
    pub state: PathBuf,
}

impl Tvox {
    /// A healthy FT cluster (tvox1 master) with its DR client.
    pub fn cluster() -> Tvox {
        Tvox::prepared(Lab::start_services(
            &["tvox1", "tvox2", "dr_client"],
            &["pg", "mysql", "mongo"],
        ))
    }

    /// A stand-alone TVOX 1 answering at the node IP, TVOX 2 installed but stand-alone (its
    /// FT configuration saved in OCC applies at its next reboot, as TVOX 1's), the DR client.
    pub fn standalone() -> Tvox {
        let site = Tvox::prepared(Lab::start_standalone_services(
            &["tvox1", "tvox2", "dr_client"],
            &["pg", "mysql", "mongo"],
        ));
        for node in ["tvox1", "tvox2"] {
            site.lab_cmd(&["ft", node, "mode", "ft", "--pending"]);
        }
        site
    }

    fn prepared(lab: Lab) -> Tvox {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state");
        let site = Tvox { lab, home, state };
        for node in ["tvox1", "tvox2"] {
            site.lab_cmd(&["rebootable", node, "--down", "1"]);
            site.licence(node, "Fault Tolerance, Disaster Recovery");
        }
        site.install_updater();
        // How tvdr reads the licence on these nodes: the stand-in's output.
        let inventory = site.lab.inventory();
        let mut text = std::fs::read_to_string(&inventory).unwrap();
        text.push_str("license: { command: tvox-license, expect: 'Fault Tolerance' }\n");
        std::fs::write(&inventory, text).unwrap();
        site
    }

    /// tvdr with the site's inventory and state, the shipped runbooks, no terminal.
    pub fn tvdr(&self) -> assert_cmd::Command {
        let mut cmd = tvdr(self.home.path());
        cmd.arg("-i")
            .arg(self.lab.inventory())
            .arg("--state-dir")
            .arg(&self.state)
            .env("USER", "tech-a");
        cmd
    }

    /// `tvdr runbook ID --yes --answers FILE [more]`.
    pub fn rehearse(&self, runbook: &str, answers: &str, more: &[&str]) -> Output {
        let path = self.home.path().join(format!("{runbook}-answers.yaml"));
        std::fs::write(&path, answers).unwrap();
        let out = self
            .tvdr()
            .args(["runbook", runbook, "--yes", "--answers"])
            .arg(&path)
            .args(more)
            .timeout(std::time::Duration::from_secs(300))
            .output()
            .unwrap();
        eprintln!(
            "--- tvdr runbook {runbook}: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn lab_cmd(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(repo_file("scripts/lab"))
            .arg(args[0])
            .arg("--dir")
            .arg(self.lab.dir())
            .args(&args[1..])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "scripts/lab {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The nodes holding the node IP.
    pub fn master(&self) -> Vec<String> {
        self.lab_cmd(&["master"])
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The updater's path, the same on both nodes (they share the lab's filesystem).
    pub fn updater_path(&self) -> PathBuf {
        self.lab.dir().join("updater").join("tvox-updater")
    }

    fn install_updater(&self) {
        let dir = self.lab.dir().join("updater");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(repo_file(UPDATER), self.updater_path()).unwrap();
        set_mode(&dir, 0o777);
        set_mode(&self.updater_path(), 0o755);
    }

    /// How the updater ends on `node`: `success`, or a failure form of the stand-in.
    pub fn updater_outcome(&self, node: &str, outcome: &str) {
        let path = self
            .lab
            .dir()
            .join("updater")
            .join(format!("outcome.{node}"));
        std::fs::write(path, format!("{outcome}\n")).unwrap();
    }

    /// Every node the updater ran on, in order.
    pub fn patched(&self) -> Vec<String> {
        std::fs::read_to_string(self.lab.dir().join("updater").join("runs"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect()
    }

    fn licence(&self, node: &str, options: &str) {
        let path = self.lab.node_dir(node).join("bin").join("tvox-license");
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\n# Lab stand-in: prints the licence as OCC shows it.\n\
                 echo 'Licenza TVox: attiva'\necho 'Opzioni: {options}'\n"
            ),
        )
        .unwrap();
        set_mode(&path, 0o755);
    }

    /// Every journal of `runbook`, concatenated in order.
    pub fn journal(&self, runbook: &str) -> String {
        let dir = self
            .state
            .join(format!("lab-{}", self.lab.id()))
            .join("runs")
            .join(runbook);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect()
    }

    /// The final outcome of each step in the journal, in the order steps finished.
    pub fn outcomes(&self, runbook: &str) -> Vec<(String, String)> {
        let mut seen: Vec<(String, String)> = Vec::new();
        for line in self.journal(runbook).lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if v["event"] != "step_finished" {
                continue;
            }
            let step = v["step"].as_str().unwrap_or_default().to_string();
            let outcome = v["outcome"].as_str().unwrap_or_default().to_string();
            seen.retain(|(s, _)| *s != step);
            seen.push((step, outcome));
        }
        seen
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}
