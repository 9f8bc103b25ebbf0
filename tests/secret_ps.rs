//! A secret answer in a runbook command is in no process's arguments while it runs: not
//! in the SSH exec line, the receipt tool, its wrapper or the login shell running it
//! (`ps` shows every user of a node all of them); nor a `screen` step's, for a login without
//! sudo and one running screen through `sudo -n`.

use std::time::Duration;

use crate::site::Site;

/// A `/proc/PID/cmdline` on this machine (the lab's nodes are its namespaces) holding
/// `needle`, with what it holds.
fn in_any_arguments(needle: &[u8]) -> Option<String> {
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let path = entry.path().join("cmdline");
        let bytes = std::fs::read(&path).unwrap_or_default();
        if bytes.windows(needle.len()).any(|w| w == needle) {
            return Some(format!(
                "{}: {}",
                path.display(),
                String::from_utf8_lossy(&bytes).replace('\0', " ")
            ));
        }
    }
    None
}

/// Runs `runbook` on `site` with `answers` to the end while every process of this machine
/// is watched: `secret` must be in no process's arguments at any moment it was looked at
/// (and it was looked at often enough to mean something).
fn run_watched(site: &Site, runbook: &str, answers: &std::path::Path, secret: &str) {
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let (done, needle) = (done.clone(), secret.as_bytes().to_vec());
        std::thread::spawn(move || {
            let mut looks = 0u32;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                if let Some(seen) = in_any_arguments(&needle) {
                    return (Some(seen), looks);
                }
                looks += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            (None, looks)
        })
    };
    let ran = site
        .tvdr()
        .args(["runbook", runbook, "--yes", "--answers"])
        .arg(answers)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let (seen, looks) = watcher.join().unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    assert_eq!(seen, None, "the secret was in a process's arguments");
    assert!(looks > 20, "looked {looks} times only");
}

#[test]
fn a_secret_answer_in_a_command_is_in_no_process_arguments_on_the_node() {
    let site = Site::new();
    let secret = format!("Hunter2-ps-{}", std::process::id());
    let answers = site.answers(&format!("answers: {{ db_password: '{secret}' }}\n"));
    run_watched(&site, "secret-ps", &answers, &secret);
    // It did reach the commands.
    let got = std::fs::read(site.home_of("tvox1").join("secret-script")).unwrap();
    assert_eq!(got, secret.as_bytes());
}

/// Every file under `dir`.
fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() && !path.is_symlink() {
            files_under(&path, out);
        } else if path.is_file() {
            // Not a FIFO (the lab's own): reading one waits for a writer.
            out.push(path);
        }
    }
}

/// Runs `secret-screen` on `site` with a secret answer while every process of this machine
/// is watched; returns the journal. The secret is in no process's arguments (screen's,
/// its window's shell, sudo's, the login shell's) and in no file of the nodes.
fn a_screen_step_with_a_secret(site: &Site) -> String {
    let secret = format!("Hunter2-screen-{}", std::process::id());
    let answers = site.answers(&format!("answers: {{ db_password: '{secret}' }}\n"));
    run_watched(site, "secret-screen", &answers, &secret);
    // Logs, screenrcs, receipts, FIFOs: none holds it.
    let mut files = Vec::new();
    files_under(site.lab.dir(), &mut files);
    assert!(
        files.iter().any(|f| f.to_string_lossy().ends_with(".log")),
        "{files:?}"
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the secret is in {}",
            file.display()
        );
    }
    // It did reach the command, whole.
    let journal = site.journal_text("secret-screen");
    assert!(
        journal.contains(&format!("got {} bytes as uid ", secret.len())),
        "{journal}"
    );
    journal
}

#[test]
fn a_secret_answer_in_a_screen_step_is_in_no_process_arguments_on_the_node() {
    let site = Site::new();
    a_screen_step_with_a_secret(&site);
}

/// `sudo -n screen`, sudoers naming screen and no shell: the session, root's, gets the
/// command from the login user's FIFO (sudo's env_reset would drop it from the
/// environment).
#[test]
fn a_secret_answer_in_a_screen_step_through_sudo_naming_only_screen_is_in_no_arguments() {
    let site = Site::become_sudo();
    site.lab.sudo_screen("tvox1");
    let journal = a_screen_step_with_a_secret(&site);
    assert!(journal.contains("bytes as uid 0"), "{journal}");
}
