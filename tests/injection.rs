//! Hostile values reach the node as data: inventory values, answers, command arguments,
//! paths and names holding quotes, `$(…)`, backticks, `;`, newlines, backslashes and (where
//! the format can carry them) bytes that are not UTF-8 are passed through every door tvdr
//! has to a node. Each value tries to `touch` a canary file the nodes can write (`/tmp` is
//! shared); the test proves nothing ran (no canary) and that the value arrived byte for
//! byte (the command wrote what it got to a file the test reads back).

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use predicates::prelude::*;

use crate::common::tvdr;
use crate::site::Site;

/// A file that exists only if some value was run as shell code; removed when dropped.
struct Canary(PathBuf);

impl Canary {
    fn new(what: &str) -> Canary {
        let path = std::env::temp_dir().join(format!(
            "tvdr-canary-{}-{what}-{:x}",
            std::process::id(),
            rand_suffix()
        ));
        let _ = std::fs::remove_file(&path);
        Canary(path)
    }

    /// Every way a shell could be made to run `touch CANARY`, in one value: run as code
    /// bare, inside double or single quotes or in a here-document, it touches the canary
    /// (checked by the control in `exec_arguments_reach_the_node_as_data`). Then what a
    /// value must keep exactly: a lone quote, backslashes, variables, globs, a tab, CR LF.
    fn payload(&self) -> String {
        let c = self.0.display();
        format!(
            "'; touch {c}; ' \"; touch {c}; \" $(touch {c}) `touch {c}`; touch {c}\n\
             it's \"q\" \\ \\\\ $HOME ${{IFS}} * ~ !x -n\tma'am\nthird line\r\n"
        )
    }

    /// The same tricks within a file name's 255 bytes, for paths.
    fn name(&self) -> String {
        let c = self.0.display();
        format!("'; touch {c}; ' $(touch {c}) `touch {c}`\nit's \\ x")
    }

    fn assert_untouched(&self) {
        assert!(
            !self.0.exists(),
            "a value ran as shell code: {} exists",
            self.0.display()
        );
    }
}

impl Drop for Canary {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
}

/// What a command on `node` wrote to `file` in the lab user's home.
fn arrived(site: &Site, node: &str, file: &str) -> Vec<u8> {
    let path = site.home_of(node).join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("nothing arrived in {}: {e}", path.display()))
}

/// A YAML double-quoted scalar holding `value` exactly (JSON strings are YAML).
fn yaml_string(value: &str) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn exec_arguments_reach_the_node_as_data() {
    let site = Site::new();
    let canary = Canary::new("exec");
    let payload = canary.payload();
    // The control: run as a script, the payload does touch the canary, so its absence
    // below means something.
    site.tvdr()
        .args(["exec", "tvox1", "--", "sh", "-c"])
        .arg(&payload)
        .output()
        .unwrap();
    assert!(
        canary.0.exists(),
        "the payload run as shell code touches the canary"
    );
    std::fs::remove_file(&canary.0).unwrap();

    let mut not_utf8 = payload.as_bytes().to_vec();
    not_utf8.extend_from_slice(b"\xff\xfe caf\xe9 \xc3");
    for (file, value) in [
        ("exec-text", payload.as_bytes()),
        ("exec-bytes", &not_utf8[..]),
    ] {
        site.tvdr()
            .args(["exec", "tvox1", "--", "sh", "-c"])
            .arg(format!("printf %s \"$1\" > \"$HOME/{file}\""))
            .arg("sh")
            .arg(std::ffi::OsStr::from_bytes(value))
            .assert()
            .success();
        assert_eq!(arrived(&site, "tvox1", file), value, "{file}");
    }
    // The program's own name is one word too: no such program, and nothing ran.
    site.tvdr()
        .args(["exec", "tvox1", "--"])
        .arg(&payload)
        .assert()
        .failure();
    canary.assert_untouched();
}

#[test]
fn runbook_answers_reach_the_node_as_data_in_arguments_scripts_and_screen() {
    let site = Site::new();
    let canary = Canary::new("runbook");
    let payload = canary.payload();
    let answers = site.answers(&format!(
        "answers: {{ value: {} }}\n",
        yaml_string(&payload)
    ));
    site.tvdr()
        .args(["runbook", "injection", "--yes", "--answers"])
        .arg(&answers)
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
    let want = payload.as_bytes();
    assert_eq!(arrived(&site, "tvox1", "injection-argv"), want);
    assert_eq!(
        arrived(&site, "tvox1", "injection-word"),
        format!("<{payload}>").as_bytes()
    );
    assert_eq!(arrived(&site, "tvox1", "injection-script"), want);
    assert_eq!(arrived(&site, "tvox1", "injection-shape"), want);
    assert_eq!(arrived(&site, "tvox1", "injection-screen"), want);
    canary.assert_untouched();
}

#[test]
fn a_patch_command_reaches_the_node_as_data_through_screen() {
    let site = Site::new();
    let canary = Canary::new("patch");
    let payload = canary.payload();
    site.tvdr()
        .args(["patch", "tvox1", "--timeout", "1m", "--", "sh", "-c"])
        .arg("printf %s \"$1\" > \"$HOME/patch-out\"; echo update completed")
        .arg("sh")
        .arg(&payload)
        .timeout(Duration::from_secs(90))
        .assert()
        .success();
    assert_eq!(arrived(&site, "tvox1", "patch-out"), payload.as_bytes());
    canary.assert_untouched();
}

/// A directory named `name` (its slashes made safe for a file name), holding the same
/// files on each node.
fn hostile_dir(root: &Path, node: &str, name: &str) -> PathBuf {
    let dir = root.join(node).join(name.replace('/', "∕"));
    std::fs::create_dir_all(dir.join("recordings")).unwrap();
    std::fs::write(dir.join("recordings").join("a b'$(x).wav"), vec![7u8; 4096]).unwrap();
    // Names the node hands back: a newline and bytes that are not UTF-8, in a directory
    // (`du` prints it) and a file (`find` lists it for `--exact`).
    let odd = std::ffi::OsStr::from_bytes(b"new\nline caf\xe9 \xff$(x)");
    std::fs::create_dir_all(dir.join(odd)).unwrap();
    std::fs::write(dir.join(odd).join(odd), vec![9u8; 1024]).unwrap();
    std::fs::write(dir.join("conf"), "x").unwrap();
    // The lab user runs `du` there.
    std::process::Command::new("chmod")
        .args(["-R", "a+rwX"])
        .arg(root)
        .status()
        .unwrap();
    dir
}

#[test]
fn inventory_values_reach_the_node_as_data() {
    let site = Site::new();
    let canary = Canary::new("inventory");
    let payload = canary.payload();
    let root = tempfile::Builder::new()
        .prefix("tvdr-injection")
        .tempdir()
        .unwrap();
    let mut text = String::new();
    for line in std::fs::read_to_string(site.lab.inventory())
        .unwrap()
        .lines()
    {
        let node = ["tvox1", "tvox2"]
            .into_iter()
            .find(|n| line.starts_with("    paths: {") && line.contains(&format!("/{n}/sync")));
        let Some(node) = node else {
            text.push_str(line);
            text.push('\n');
            continue;
        };
        // The node's own hosts file, copied to a path named with the payload.
        let name = canary.name();
        let hosts = hostile_dir(root.path(), &format!("{node}-hosts"), &name).join("hosts");
        std::fs::copy(site.lab.node_dir(node).join("hosts"), &hosts).unwrap();
        let sync = hostile_dir(root.path(), node, &name);
        text.push_str(&format!(
            "    paths: {{ sync_dir: {}, hosts_file: {} }}\n    env: {{ HOSTILE: {} }}\n",
            yaml_string(&sync.display().to_string()),
            yaml_string(&hosts.display().to_string()),
            yaml_string(&payload)
        ));
    }
    // Beside the lab's own: its `identity` and `known_hosts` are relative to it.
    let inventory = site.lab.dir().join("hostile.yaml");
    std::fs::write(&inventory, &text).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = tvdr(site.home.path());
        cmd.arg("-i").arg(&inventory).args(args);
        cmd
    };

    // `env:` values are exported quoted.
    run(&[
        "exec",
        "both",
        "--",
        "sh",
        "-c",
        "printf %s \"$HOSTILE\" > \"$HOME/env-out\"",
    ])
    .assert()
    .success();
    for node in ["tvox1", "tvox2"] {
        assert_eq!(
            arrived(&site, node, "env-out"),
            payload.as_bytes(),
            "{node}"
        );
    }
    // `paths.hosts_file` and `paths.sync_dir`: the checks read them, which they could not
    // if a single byte of the path had been changed on the way.
    for check in [&["hosts"][..], &["fs-sync"], &["fs-sync", "--exact"]] {
        let out = run(&[&["check"], check, &["--format", "json"]].concat())
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{check:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(report["status"], "OK", "{check:?}: {report:#}");
        let text = report.to_string();
        match check {
            ["fs-sync"] => assert!(text.contains(r#""item":"new\nline caf"#), "{text}"),
            ["fs-sync", "--exact"] => {
                assert_eq!(report["checks"][0]["nodes"]["tvox1"]["files"], 3, "{text}")
            }
            _ => {}
        }
    }
    canary.assert_untouched();
}

#[test]
fn inventory_values_that_cannot_be_data_are_refused_with_the_reason() {
    let home = tempfile::tempdir().unwrap();
    let canary = Canary::new("refused");
    let payload = canary.payload();
    let base = "tvox: { version: 21 }\nnodes:\n  tvox1: { address: 10.0.0.1 }\n";
    let cases: [(Vec<u8>, &str); 4] = [
        (
            format!("site: {}\n{base}", yaml_string(&payload)).into_bytes(),
            "is not a usable site name",
        ),
        (
            format!(
                "site: s\n{}  tvox2: {{ address: 10.0.0.2, env: {{ {}: x }} }}\n",
                base,
                yaml_string("X=$(touch x)")
            )
            .into_bytes(),
            "is not a valid environment variable name",
        ),
        (
            format!(
                "site: s\ntvox: {{ version: 21 }}\nnodes:\n  tvox1: {{ address: {} }}\n",
                yaml_string(&payload)
            )
            .into_bytes(),
            "tvox1",
        ),
        (
            [&b"site: caf\xe9\n"[..], base.as_bytes()].concat(),
            "valid UTF-8",
        ),
    ];
    for (text, reason) in cases {
        let inventory = home.path().join("tvdr.yaml");
        std::fs::write(&inventory, &text).unwrap();
        tvdr(home.path())
            .arg("-i")
            .arg(&inventory)
            .arg("inventory")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(reason));
    }
    canary.assert_untouched();
}
