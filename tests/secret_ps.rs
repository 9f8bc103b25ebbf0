//! A secret answer in a runbook command is in no process's arguments while it runs: not
//! in the SSH exec line, the receipt tool, its wrapper or the login shell running it
//! (`ps` shows every user of a node all of them).

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

#[test]
fn a_secret_answer_in_a_command_is_in_no_process_arguments_on_the_node() {
    let site = Site::new();
    let secret = format!("Hunter2-ps-{}", std::process::id());
    let answers = site.answers(&format!("answers: {{ db_password: '{secret}' }}\n"));
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let (done, needle) = (done.clone(), secret.clone().into_bytes());
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
        .args(["runbook", "secret-ps", "--yes", "--answers"])
        .arg(&answers)
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
    // It did reach the commands.
    let got = std::fs::read(site.home_of("tvox1").join("secret-script")).unwrap();
    assert_eq!(got, secret.as_bytes());
}
