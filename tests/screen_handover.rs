//! A `screen` step whose command never reached its session (the login shell handing it
//! over was killed on the node right after starting screen): the session ends by itself,
//! its log saying it never started, and the resumed run starts the command once — never
//! twice, never waiting forever.

use std::time::{Duration, Instant};

use crate::site::Site;

/// The logs of screen sessions on `node` whose whole text is `tvdr-no-command`.
fn never_started_logs(site: &Site, node: &str) -> Vec<std::path::PathBuf> {
    let dir = site.home_of(node).join(".local/state/tvdr/screen");
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .filter(|p| std::fs::read_to_string(p).unwrap_or_default().trim() == "tvdr-no-command")
        .collect()
}

#[test]
fn a_session_whose_hand_over_was_cut_ends_by_itself_and_the_command_runs_once() {
    let site = Site::new();
    // screen starts the session, then the login shell that would hand it the command dies.
    site.stand_in(
        "tvox1",
        "screen",
        "#!/bin/bash\n/usr/bin/screen \"$@\"\ns=$?\n\
         case \" $* \" in *' -dmS '*) kill -9 \"$PPID\" ;; esac\nexit \"$s\"\n",
    );
    let cut_at = Instant::now();
    let first = site
        .tvdr()
        .args(["runbook", "handover", "--yes"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(!first.status.success(), "{stderr}");
    assert!(stderr.contains("cannot start screen on tvox1"), "{stderr}");
    assert_eq!(site.count("tvox1", "handover-runs"), 0);

    // The node's own screen again; the resumed run finds the session, which never got its
    // command, and starts it again once.
    std::fs::remove_file(site.lab.node_dir("tvox1").join("bin/screen")).unwrap();
    let again = site
        .tvdr()
        .args(["runbook", "handover", "--yes"])
        .timeout(Duration::from_secs(180))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert_eq!(site.count("tvox1", "handover-runs"), 1, "{stderr}");
    assert!(
        stderr.contains("ended without getting its command"),
        "{stderr}"
    );
    // The cut session ended by itself within its wait, saying it never started.
    let limit = Duration::from_secs(90);
    while never_started_logs(&site, "tvox1").is_empty() && cut_at.elapsed() < limit {
        std::thread::sleep(Duration::from_secs(1));
    }
    assert_eq!(never_started_logs(&site, "tvox1").len(), 1, "{stderr}");
    assert_eq!(site.count("tvox1", "handover-runs"), 1, "{stderr}");
}
