//! Commands side by side on a node's one session: each on a channel of its own, from
//! several threads at once, through the fleet as checks use it.

use tvdr::transport::{Cmd, Fleet, NoSecrets};

use crate::lab::Lab;
use crate::transport::{sshd_log, target};

/// Each command waits (10 s at most) for a file the other one creates: both succeed only
/// if they run at the same time — on one login.
#[test]
fn two_commands_run_at_once_on_one_session() {
    let lab = Lab::start_with(&["tvox1"]);
    let fleet = Fleet::new(vec![target(&lab, "tvox1")], Box::new(NoSecrets));
    let dir = tempfile::tempdir_in(lab.dir()).unwrap();
    std::process::Command::new("chmod")
        .arg("777")
        .arg(dir.path())
        .status()
        .unwrap();
    // `sh -c SCRIPT sh FILE`: the file reaches the script as `$1`, quoted.
    let wait_for = "i=0; while [ ! -e \"$1\" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; \
                    [ -e \"$1\" ] && echo met";
    let meet = |me: &str, other: &str| {
        Cmd::new("touch").arg(dir.path().join(me)).and(
            Cmd::new("sh")
                .args(["-c", wait_for, "sh"])
                .arg(dir.path().join(other)),
        )
    };
    let (a, b) = (meet("a", "b"), meet("b", "a"));
    let results: Vec<String> = std::thread::scope(|scope| {
        let fleet = &fleet;
        [&a, &b]
            .map(|cmd| scope.spawn(move || fleet.with("tvox1", |t| t.output(cmd))))
            .map(|thread| thread.join().unwrap().unwrap().stdout_lossy())
            .to_vec()
    });
    assert_eq!(results, ["met\n", "met\n"]);
    let log = sshd_log(&lab, "tvox1");
    assert_eq!(log.matches("Accepted publickey").count(), 1, "{log}");
}

/// More commands at once than sshd lets one session open channels (`MaxSessions` 10):
/// the extra ones wait for a channel instead of failing, and every output stays whole.
#[test]
fn more_commands_than_sshd_allows_channels_all_succeed() {
    let lab = Lab::start_with(&["tvox1"]);
    let fleet = Fleet::new(vec![target(&lab, "tvox1")], Box::new(NoSecrets));
    let outputs: Vec<_> = std::thread::scope(|scope| {
        let fleet = &fleet;
        (0..16)
            .map(|i| {
                scope.spawn(move || {
                    let cmd = Cmd::new("sh")
                        .args(["-c", "seq 1 \"$1\"; echo \"err $1\" >&2; sleep 0.2", "sh"])
                        .arg((1000 + i).to_string());
                    fleet.with("tvox1", |t| t.output(&cmd))
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|thread| thread.join().unwrap())
            .collect()
    });
    for (i, out) in outputs.into_iter().enumerate() {
        let out = out.unwrap_or_else(|e| panic!("command {i}: {e}"));
        let n = 1000 + i;
        let expected: String = (1..=n).map(|k| format!("{k}\n")).collect();
        assert_eq!(out.stdout_lossy(), expected, "command {i}");
        assert_eq!(out.stderr, format!("err {n}\n").into_bytes(), "command {i}");
        assert_eq!(out.status, 0);
    }
}
