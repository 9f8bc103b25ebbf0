//! A non-root login with `become: sudo`: what needs root runs through `sudo -n` on the
//! lab's real sudo; without the rights, a check says UNKNOWN with the reason and a step
//! stops for a human (exit 5).

use predicates::prelude::*;

use crate::common::tvdr;
use crate::lab::Lab;
use crate::site::Site;

/// The `db` check's status and summary, from `--format json`.
fn db(lab: &Lab, inventory: &std::path::Path) -> (String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .args(["--inventory", inventory.to_str().unwrap()])
        .args(["check", "db", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "lab {}: not JSON ({e}): {}",
            lab.id(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let check = &json["checks"][0];
    (
        check["status"].as_str().unwrap().to_owned(),
        check["summary"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn a_root_only_option_file_is_read_through_sudo_by_a_non_root_login() {
    let lab = Lab::start_become_sudo();
    let (status, summary) = db(&lab, &lab.inventory());
    assert_eq!(status, "OK", "{summary}");

    // The same site without `become: sudo`: the client runs as the login user, who
    // cannot read root's option file. So the OK above came through sudo.
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    assert!(text.contains("  become: sudo\n"), "{text}");
    let plain = lab.dir().join("no-become.yaml");
    std::fs::write(&plain, text.replace("  become: sudo\n", "")).unwrap();
    let (status, summary) = db(&lab, &plain);
    assert_ne!(status, "OK", "{summary}");
}

#[test]
fn without_sudo_rights_a_root_check_is_unknown_and_a_reboot_stops_for_a_human() {
    let lab = Lab::start_become_sudo();
    lab.sudo("tvox2", false);
    let (status, summary) = db(&lab, &lab.inventory());
    assert_eq!(status, "UNKNOWN", "{summary}");
    assert!(
        summary.contains("`tvdrlab` on `tvox2` cannot run as root without a password")
            && summary.contains("a password is required")
            && summary.contains("NOPASSWD"),
        "{summary}"
    );

    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .args(["--inventory", lab.inventory().to_str().unwrap()])
        .args(["reboot", "tvox2", "--yes", "--timeout", "20s"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "cannot run as root without a password",
        ))
        .stderr(predicate::str::contains("needed for `reboot`"));
}

/// The lab user's password (scripts/lab), which sudo asks for with `sudo NODE password`.
const PASSWORD: &str = "lab-secret-pw";

/// Every file under `dir`.
fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() && !path.is_symlink() {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

/// A secret answer in the `screen` step's command of `sudo.yaml`, handed to the session
/// through a FIFO: in no process's arguments (the login shell's environment has it while
/// it hands it over, as a `run` step's command).
const SCREEN_WORD: &str = "screen-word-4e1c9";

/// Whether a process running on one of `namespaces` has `needle` in one of `places`
/// (`cmdline`: its arguments, `environ`: its environment).
fn seen_in_processes(namespaces: &[String], needle: &str, places: &[&str]) -> Option<String> {
    for ns in namespaces {
        let out = std::process::Command::new("ip")
            .args(["netns", "pids", ns])
            .output()
            .unwrap();
        for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
            for what in places {
                let bytes = std::fs::read(format!("/proc/{pid}/{what}")).unwrap_or_default();
                if String::from_utf8_lossy(&bytes).contains(needle) {
                    // The arguments say which process; an environment is not shown.
                    let args = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
                    let args = String::from_utf8_lossy(&args).replace('\0', " ");
                    let args = args.replace(PASSWORD, "[PASSWORD]");
                    return Some(format!("/proc/{pid}/{what} ({args})"));
                }
            }
        }
    }
    None
}

/// `tvdr ARGS` in a terminal (`script`), typing each line of `keys` once the next password
/// prompt is up (sudo makes a wrong password wait): read from a file, so no process here
/// has them in its arguments either. A prompt shows twice once answered (then `[hidden]`).
fn in_terminal(site: &Site, args: &[&str], keys: &[&str]) -> std::process::Output {
    let keys_dir = tempfile::tempdir().unwrap();
    let keys_file = keys_dir.path().join("keys");
    std::fs::write(&keys_file, keys.join("\n") + "\n").unwrap();
    let mut line = vec![assert_cmd::cargo::cargo_bin("tvdr").display().to_string()];
    line.extend(site.global_args());
    line.extend(args.iter().map(|a| a.to_string()));
    std::process::Command::new("sh")
        .arg("-c")
        .arg(
            "(i=0; while IFS= read -r k; do i=$((i + 1)); n=0; \
             while [ \"$(grep -o 'sudo password for' \"$2\" 2>/dev/null | wc -l)\" -lt $((2 * i - 1)) ] \
             && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done; \
             sleep 0.3; printf '%s\\r' \"$k\"; done <\"$3\"; sleep 3) | script -qfec \"$1\" \"$2\"",
        )
        .arg("sh")
        .arg(line.join(" "))
        .arg(site.home.path().join("transcript"))
        .arg(&keys_file)
        .env("HOME", site.home.path())
        .env("USER", "tech-a")
        .env("NO_COLOR", "1")
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .unwrap()
}

#[test]
fn a_sudo_password_is_asked_once_per_node_at_a_terminal_and_never_written() {
    let site = Site::become_sudo();
    for node in ["tvox1", "tvox2"] {
        site.lab.sudo_with_password(node);
        // A root program of the procedures: says who ran it.
        site.stand_in(node, "setperms.sh", "#!/bin/sh\necho \"uid=$(id -u) $1\"\n");
    }

    // No terminal: nobody to ask. The check says why, the run stops for a human.
    let (status, summary) = db(&site.lab, &site.lab.inventory());
    assert_eq!(status, "UNKNOWN", "{summary}");
    assert!(
        summary.contains("a password is required, and there is no terminal to ask for it"),
        "{summary}"
    );
    site.tvdr()
        .args(["runbook", "sudo", "--yes"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("no terminal to ask for it"));
    site.tvdr()
        .args(["runbook", "sudo", "--abandon", "no terminal", "--yes"])
        .assert()
        .success();

    // At a terminal: asked once per node, a wrong password said and asked again.
    let namespaces: Vec<String> = ["tvox1", "tvox2"]
        .iter()
        .map(|n| site.lab.namespace(n))
        .collect();
    let (done, watcher) = {
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = done.clone();
        let namespaces = namespaces.clone();
        let watcher = std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                if let Some(place) =
                    seen_in_processes(&namespaces, PASSWORD, &["cmdline", "environ"])
                        .or_else(|| seen_in_processes(&namespaces, SCREEN_WORD, &["cmdline"]))
                {
                    return Some(place);
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            None
        });
        (done, watcher)
    };
    let answers = site.answers(&format!("answers: {{ updater_password: {SCREEN_WORD} }}\n"));
    let answers = answers.display().to_string();
    let out = in_terminal(
        &site,
        &["runbook", "sudo", "--new", "--yes", "--answers", &answers],
        &["not-the-password", PASSWORD, PASSWORD],
    );
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert_eq!(
        watcher.join().unwrap(),
        None,
        "the password or the screen step's command was in a process on a node"
    );
    assert_eq!(
        shown.matches("sudo did not take that password").count(),
        1,
        "{shown}"
    );
    // Three answers: the wrong one, then once per node.
    assert_eq!(shown.matches("[hidden]").count(), 3, "{shown}");
    for node in ["tvox1", "tvox2"] {
        let asked = format!("sudo password for `tvdrlab` on `{node}`");
        assert!(shown.contains(&asked), "{shown}");
    }
    let journal = site.journal_text("sudo");
    for step in ["first", "again"] {
        for node in ["tvox1", "tvox2"] {
            assert!(
                journal.contains(&format!("uid=0 {step}")),
                "{step} on {node}: {journal}"
            );
        }
    }
    // The updater ran as root inside screen, its log followed by the login user.
    assert!(
        journal.contains(&format!("updater uid=0 got {}", SCREEN_WORD.len())),
        "{journal}"
    );
    assert!(journal.contains(r#""event":"run_finished""#), "{journal}");
    assert!(
        !shown.contains(PASSWORD),
        "the password was shown:\n{shown}"
    );

    // Nowhere on disk: the state (journal, notes), the report, the lab's nodes.
    let report = site.home.path().join("report.md");
    site.tvdr()
        .args(["runbook", "sudo", "--report", "--output"])
        .arg(&report)
        .assert()
        .success();
    let mut files = Vec::new();
    files_under(site.home.path(), &mut files);
    files_under(site.lab.dir(), &mut files);
    assert!(files.contains(&report));
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(PASSWORD),
            "the password is in {}",
            file.display()
        );
    }
}

/// A non-root login sees the whole site as root does: no check of `check all` fails for a
/// permission it lacks (each one needing root goes through sudo).
#[test]
fn check_all_as_a_non_root_login_reports_no_permission_failure() {
    let lab = Lab::start_become_sudo_services(&["tvox1", "tvox2"], &["pg", "mysql", "mongo"]);
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .args(["--inventory", lab.inventory().to_str().unwrap()])
        .args(["check", "all", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    for check in report["checks"].as_array().unwrap() {
        let (name, status) = (check["name"].as_str().unwrap(), &check["status"]);
        // The lab has no licence command configured: UNKNOWN says so, and only that.
        let expected = if name == "license" { "UNKNOWN" } else { "OK" };
        assert_eq!(status, expected, "{name}: {check}");
        let text = check.to_string().to_lowercase();
        assert!(!text.contains("permission denied"), "{name}: {check}");
    }
}
