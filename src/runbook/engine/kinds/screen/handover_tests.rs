//! The hand-over of a `screen` step's command, run for real on this machine (GNU screen,
//! `/bin/sh`, a receipt's wrapper): the command, secret and all, is in no process's
//! arguments and in no file; a session whose hand-over was cut ends by itself, saying it
//! never started, and nothing of the command runs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::handover;
use super::remote::{self, Session};
use crate::runbook::receipt::{self, Key};
use crate::transport::{Cmd, LocalTransport, Transport};

fn local(home: &Path) -> LocalTransport {
    let mut target = crate::transport::testing::local("tvox1");
    target
        .env
        .insert("HOME".into(), home.to_string_lossy().into_owned());
    LocalTransport::new(target)
}

/// A session of this test: name, log, screenrc, FIFO in the private directory of `t`.
struct Names {
    session: String,
    log: String,
    rc: String,
    fifo: String,
}

fn names(t: &mut LocalTransport, what: &str) -> Names {
    let out = t.output(&remote::log_dir()).unwrap();
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(dir.starts_with('/'), "{out:?}");
    // /run/screen is shared with every test and lab: a name of this process.
    let session = format!("tvdr-ut-{what}-{}", std::process::id());
    Names {
        log: format!("{dir}/{session}.log"),
        rc: format!("{dir}/{session}.screenrc"),
        fifo: format!("{dir}/{session}.fifo"),
        session,
    }
}

/// Polls until the session is gone (at most `limit`), then returns its whole log.
fn until_gone(t: &mut LocalTransport, n: &Names, limit: Duration) -> Vec<u8> {
    let start = Instant::now();
    loop {
        let out = t.output(&remote::poll(&n.log, 0)).unwrap();
        let poll = remote::parse_poll(&out.stdout, &n.session);
        if poll.session == Session::Gone && poll.log.is_some() {
            // One more look for the last flush.
            std::thread::sleep(Duration::from_millis(1200));
            let out = t.output(&remote::poll(&n.log, 0)).unwrap();
            return remote::parse_poll(&out.stdout, &n.session).log.unwrap();
        }
        assert!(
            start.elapsed() < limit,
            "`{}` still there after {limit:?}: {}",
            n.session,
            String::from_utf8_lossy(&out.stdout)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
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

#[test]
fn a_secret_in_a_screen_command_is_in_no_process_arguments_and_no_file() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let n = names(&mut t, "secret");
    let secret = format!("Hunter2-screen-{}", std::process::id());
    // Builtins only: a program given the secret as an argument would show it itself. The
    // wrapper's own variables are gone before the command runs.
    let cmd = Cmd::operator_script(format!(
        "sleep 1; pw='{secret}'; printf 'length=%s\\n' \"${{#pw}}\"; \
         printf 'left=%s\\n' \"$(set | grep -c '^tvdr_')\"; exit 3"
    ));
    let launch = handover::start(&n.session, &n.log, &n.rc, &n.fifo, &cmd.render());
    // Every process is looked at from the launch until the session is gone.
    let (log, seen, looks) =
        crate::transport::testing::watching_arguments(secret.as_bytes(), || {
            let started =
                receipt::start(&mut t, &Key::new("run-1", "screen"), 1, &launch, None).unwrap();
            assert_eq!(
                started.exit,
                Some(0),
                "{}",
                String::from_utf8_lossy(&started.stderr)
            );
            until_gone(&mut t, &n, Duration::from_secs(30))
        });
    assert_eq!(seen, None, "the secret was in a process's arguments");
    assert!(looks > 20, "looked {looks} times only");
    let text = remote::clean(&log);
    assert!(
        text.contains(&format!("length={}\n", secret.len())) && text.contains("left=0\n"),
        "{text}"
    );
    assert_eq!(remote::exit_status(&log), Some(3), "{text}");
    assert!(!remote::never_started(&log));
    // The FIFO is gone, and no file holds the secret.
    let _ = t.output(&remote::tidy(&n.session, &n.rc, &n.fifo));
    assert!(!Path::new(&n.fifo).exists());
    let mut files = Vec::new();
    files_under(home.path(), &mut files);
    assert!(files.iter().any(|f| f.to_string_lossy() == n.log));
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the secret is in {}",
            file.display()
        );
    }
}

#[test]
fn a_session_whose_command_never_comes_ends_by_itself_saying_it_never_started() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let n = names(&mut t, "never");
    let out = t
        .output(&handover::launch(
            &n.session, &n.log, &n.rc, &n.fifo, None, 1,
        ))
        .unwrap();
    assert_eq!(out.status, 0, "{out:?}");
    let log = until_gone(&mut t, &n, Duration::from_secs(15));
    assert!(
        remote::never_started(&log),
        "{:?}",
        String::from_utf8_lossy(&log)
    );
    assert_eq!(remote::exit_status(&log), None);
    assert_eq!(remote::clean(&log).trim(), "");
    assert!(!Path::new(&n.fifo).exists(), "the session removes its FIFO");
}

#[test]
fn a_command_cut_on_the_way_into_the_session_never_runs() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let n = names(&mut t, "cut");
    let canary = home.path().join("canary");
    let out = t
        .output(&handover::launch(
            &n.session, &n.log, &n.rc, &n.fifo, None, 10,
        ))
        .unwrap();
    assert_eq!(out.status, 0, "{out:?}");
    // What a writer killed halfway leaves: a length, then less than it says.
    let whole = format!("touch '{}'; echo ran", canary.display());
    let cut = format!("{}\n{}", whole.len(), &whole[..whole.len() - 10]);
    std::fs::write(&n.fifo, cut).unwrap();
    let log = until_gone(&mut t, &n, Duration::from_secs(15));
    assert!(
        remote::never_started(&log),
        "{:?}",
        String::from_utf8_lossy(&log)
    );
    assert!(!canary.exists());
}
