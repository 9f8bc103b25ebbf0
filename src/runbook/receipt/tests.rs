//! Receipts parsed, and the receipt tool run for real by `/bin/sh` on this machine.

use std::time::Duration;

use super::parse::parse;
use super::*;
use crate::transport::LocalTransport;

#[test]
fn a_finished_receipt_reads_with_its_outputs() {
    let text = b"attempt=2\npid=41\nstarted=1700000000.5\nboot=b1\nboot_now=b1\nexit=3\n\
ended=1700000001.25\nstate=finished\nout_bytes=4\nerr_bytes=3\n--\nout\nerr";
    let r = parse(text).unwrap();
    assert_eq!(r.state, State::Finished);
    assert_eq!((r.attempt, r.pid, r.exit), (2, Some(41), Some(3)));
    assert_eq!(r.started, Some(1_700_000_000.5));
    assert_eq!(r.stdout, b"out\n");
    assert_eq!(r.stderr, b"err");
    assert!(!r.rebooted());
}

#[test]
fn outputs_may_hold_any_bytes_even_header_lookalikes() {
    let mut text = b"attempt=1\nexit=0\nstate=finished\nout_bytes=10\nerr_bytes=0\n--\n".to_vec();
    text.extend_from_slice(b"state=x\n\xff\n");
    let r = parse(&text).unwrap();
    assert_eq!(r.stdout, b"state=x\n\xff\n");
}

#[test]
fn what_is_not_a_receipt_is_an_error_never_nothing() {
    for bad in [
        &b""[..],
        b"attempt=1\n",
        b"state=maybe\n",
        b"state=finished\n",
        b"attempt=x\nstate=gone\n",
        b"garbage\nstate=none\n",
        b"attempt=1\nunreadable=`/r/1` is not a directory\nstate=none\n",
        b"exit=0\nstate=finished\nout_bytes=10\nerr_bytes=0\n--\nshort",
    ] {
        assert!(parse(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
    }
    assert_eq!(parse(b"state=none\n").unwrap().state, State::None);
    // Sizes that overflow when added are refused, not a panic.
    let huge = format!(
        "exit=0\nstate=finished\nout_bytes={}\nerr_bytes=2\n--\n",
        usize::MAX
    );
    assert!(parse(huge.as_bytes()).is_err());
}

#[test]
fn a_boot_change_is_a_reboot_and_words_say_so() {
    let r = parse(b"attempt=1\npid=9\nstarted=1\nboot=a\nboot_now=b\nstate=gone\n").unwrap();
    assert!(r.rebooted());
    assert!(r.gone_why().contains("rebooted"), "{}", r.gone_why());
    let r = parse(b"attempt=1\npid=9\nstarted=1\nboot=a\nboot_now=a\nstate=gone\n").unwrap();
    assert!(r.gone_why().contains("pid 9"), "{}", r.gone_why());
    let r = parse(b"attempt=3\nboot_now=a\nstate=gone\n").unwrap();
    assert!(r.gone_why().contains("never ran"), "{}", r.gone_why());
    assert_eq!(
        r.gone_why().in_lang(crate::i18n::Lang::It),
        "il tentativo 3 è stato lanciato ma non ha lasciato la registrazione dell'avvio: \
         molto probabilmente non è mai partito"
    );
}

#[test]
fn a_receipt_error_is_journalled_in_english_and_shown_in_italian() {
    for err in [
        ReceiptError::Refused {
            node: "tvox1".into(),
            why: "disk full".into(),
        },
        ReceiptError::Unreadable {
            node: "tvox1".into(),
            why: "permission denied".into(),
        },
    ] {
        assert_eq!(err.msg().en(), err.to_string());
        let it = err.msg().in_lang(crate::i18n::Lang::It).to_string();
        assert!(it.contains("tvox1") && it.contains("ricevuta"), "{it}");
    }
}

#[test]
fn keys_are_single_safe_path_components() {
    let k = Key::new("../run 1", "a/b$(x)");
    assert_eq!(k.run, "___run_1");
    assert_eq!(k.step, "a_b__x_");
    assert_eq!(Key::new("..", ".").run, "_");
}

/// A transport to this machine whose `$HOME` is a fresh directory.
pub(super) fn local(home: &std::path::Path) -> LocalTransport {
    let mut target = crate::transport::testing::local("tvox1");
    target
        .env
        .insert("HOME".into(), home.to_string_lossy().into_owned());
    LocalTransport::new(target)
}

#[test]
fn a_command_runs_once_and_its_receipt_tells_the_result() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let key = Key::new("run-1", "step-a");
    assert_eq!(look(&mut t, &key).unwrap().state, State::None);
    let cmd = Cmd::operator_script("echo hello; echo oops >&2; exit 7");
    let r = start(&mut t, &key, 1, &cmd, None).unwrap();
    assert!(r.fresh);
    assert_eq!(r.state, State::Finished);
    assert_eq!(r.exit, Some(7));
    assert_eq!(r.stdout, b"hello\n");
    assert_eq!(r.stderr, b"oops\n");
    assert!(r.pid.is_some() && r.started.is_some() && r.ended >= r.started);

    // Read back later: the same result, not a new run.
    let again = look(&mut t, &key).unwrap();
    assert_eq!(
        (again.attempt, again.exit, again.fresh),
        (1, Some(7), false)
    );
    assert_eq!(again.stdout, b"hello\n");

    // The same attempt cannot start twice: the second call follows the first one's.
    let counter = home.path().join("count");
    let count = Cmd::new("sh")
        .arg("-c")
        .arg("echo x >> \"$1\"")
        .arg("sh")
        .arg(counter.to_str().unwrap());
    start(&mut t, &Key::new("run-1", "count"), 1, &count, None).unwrap();
    let raced = start(&mut t, &Key::new("run-1", "count"), 1, &count, None).unwrap();
    assert!(raced.raced && !raced.fresh);
    assert_eq!(std::fs::read_to_string(&counter).unwrap(), "x\n");

    // The private directory is private.
    use std::os::unix::fs::PermissionsExt;
    let dir = home.path().join(".local/state/tvdr");
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn a_command_outlives_a_timeout_and_is_followed_to_its_end() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let key = Key::new("run-1", "slow");
    let cmd = Cmd::operator_script("sleep 1; echo done");
    let err = start(&mut t, &key, 1, &cmd, Some(Duration::from_millis(300))).unwrap_err();
    assert!(matches!(
        err,
        ReceiptError::Transport(TransportError::Timeout { .. })
    ));
    assert_eq!(look(&mut t, &key).unwrap().state, State::Running);
    let r = follow(&mut t, &key, 1, None).unwrap();
    assert_eq!((r.state, r.exit), (State::Finished, Some(0)));
    assert_eq!(r.stdout, b"done\n");
}

#[test]
fn a_killed_command_is_gone_not_finished_and_not_none() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let key = Key::new("run-1", "killed");
    let cmd = Cmd::operator_script("sleep 30");
    let _ = start(&mut t, &key, 1, &cmd, Some(Duration::from_millis(200)));
    let running = look(&mut t, &key).unwrap();
    assert_eq!(running.state, State::Running);
    // The wrapper and its command die without an end record (as in a reboot).
    let pid = running.pid.unwrap();
    let _ = t.output(&Cmd::new("pkill").args(["-KILL", "-s", &pid.to_string()]));
    std::thread::sleep(Duration::from_millis(200));
    let gone = look(&mut t, &key).unwrap();
    assert_eq!(gone.state, State::Gone, "{gone:?}");
    assert!(gone.gone_why().contains("gone"));
}

#[test]
fn a_command_ending_while_its_receipt_is_read_is_finished_not_gone() {
    // The race the kill -9 soak once hit: the end record is not there yet, then the
    // process is not alive any more. A `sed` shim on PATH (the tool reads the pid with
    // it, right after looking for the end record) writes the end record and lets the
    // recorded process be gone, as a command ending at that instant would.
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let real_sed = which::which("sed").unwrap();
    let shim = bin.join("sed");
    std::fs::write(
        &shim,
        format!(
            "#!/bin/sh\nfor last; do :; done\ncase $last in */started)\n  \
             printf 'exit=0\\nended=2\\n' >\"${{last%/started}}/ended\" ;;\nesac\n\
             exec {} \"$@\"\n",
            real_sed.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut target = crate::transport::testing::local("tvox1");
    target
        .env
        .insert("HOME".into(), home.path().to_string_lossy().into_owned());
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    target.env.insert("PATH".into(), path);
    let mut t = LocalTransport::new(target);
    let key = Key::new("run-1", "ending");
    let attempt = home
        .path()
        .join(".local/state/tvdr/receipts/run-1/ending/1");
    std::fs::create_dir_all(&attempt).unwrap();
    // A pid that was a process a moment ago and is not one now.
    let shell = t.output(&Cmd::new("sh").args(["-c", "echo $$"])).unwrap();
    let pid: u32 = String::from_utf8_lossy(&shell.stdout)
        .trim()
        .parse()
        .unwrap();
    std::fs::write(
        attempt.join("started"),
        format!("pid={pid}\nstarted=1\nboot=b\n"),
    )
    .unwrap();
    let r = look(&mut t, &key).unwrap();
    assert_eq!((r.state, r.exit), (State::Finished, Some(0)), "{r:?}");
}

#[test]
fn a_directory_that_is_not_private_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".local/state")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), home.path().join(".local/state/tvdr")).unwrap();
    let mut t = local(home.path());
    let err = look(&mut t, &Key::new("r", "s")).unwrap_err();
    assert!(
        matches!(&err, ReceiptError::Refused { why, .. } if why.contains("not a private directory")),
        "{err}"
    );
}

#[test]
fn values_reach_the_node_as_data() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let canary = home.path().join("canary");
    let evil = format!(
        "$(touch {0}) `touch {0}` ; touch {0} '\"\ntouch {0}\r\n",
        canary.display()
    );
    let key = Key::new(&evil, &evil);
    let cmd = Cmd::new("printf").arg("%s").arg(evil.as_str());
    let r = start(&mut t, &key, 1, &cmd, None).unwrap();
    assert_eq!(r.stdout, evil.as_bytes());
    assert!(!canary.exists());
}

#[test]
fn prune_removes_the_receipts_of_old_closed_runs_only() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let private = home.path().join(".local/state/tvdr");
    let runs = ["old-closed", "old-open", "old-unmirrored", "new"];
    for run in runs {
        start(&mut t, &Key::new(run, "s"), 1, &Cmd::new("true"), None).unwrap();
    }
    // The journals mirrored on the node: one run ended, one is still open.
    let journals = private.join("journals/site_rb");
    std::fs::create_dir_all(&journals).unwrap();
    std::fs::write(
        journals.join("old-closed.jsonl"),
        "{\"event\":\"run_started\"}\n{\"event\":\"run_finished\"}\n",
    )
    .unwrap();
    std::fs::write(
        journals.join("old-open.jsonl"),
        "{\"event\":\"run_started\"}\n{\"event\":\"step_started\"}\n",
    )
    .unwrap();
    for run in &runs[..3] {
        let aged = t
            .output(
                &Cmd::new("touch")
                    .args(["-d", "3 hours ago"])
                    .arg(private.join("receipts").join(run).as_path()),
            )
            .unwrap();
        assert!(aged.success());
    }
    // Kept two hours: the retention is counted in minutes, not whole days.
    prune(&mut t, 120).unwrap();
    let state = |t: &mut LocalTransport, run: &str| look(t, &Key::new(run, "s")).unwrap().state;
    assert_eq!(state(&mut t, "old-closed"), State::None);
    assert_eq!(state(&mut t, "old-unmirrored"), State::None);
    assert_eq!(state(&mut t, "old-open"), State::Finished, "an open run's");
    assert_eq!(state(&mut t, "new"), State::Finished);
}

mod fuzz {
    //! Whatever a node prints, reading it as a receipt never panics, and a receipt it
    //! reads back is one the tool could have printed.

    use proptest::prelude::*;

    use super::super::parse::parse;
    use super::super::State;

    fn header_line() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("state"),
            Just("attempt"),
            Just("pid"),
            Just("exit"),
            Just("started"),
            Just("ended"),
            Just("boot"),
            Just("boot_now"),
            Just("out_bytes"),
            Just("err_bytes"),
            Just("fresh"),
            Just("unreadable"),
            Just("other"),
        ];
        let value = prop_oneof![
            Just("finished".to_string()),
            Just("gone".to_string()),
            Just("running".to_string()),
            Just("none".to_string()),
            "[0-9]{0,25}",
            "-?[0-9]{1,5}\\.?[0-9N]{0,9}",
            ".{0,20}",
        ];
        (key, value).prop_map(|(k, v)| format!("{k}={v}"))
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn mutated_headers_never_panic_and_keep_their_promises(
            lines in proptest::collection::vec(header_line(), 0..12),
            body in proptest::collection::vec(any::<u8>(), 0..64),
        ) {
            let mut text = lines.join("\n").into_bytes();
            text.extend_from_slice(b"\n--\n");
            text.extend_from_slice(&body);
            if let Ok(r) = parse(&text) {
                if r.state == State::Finished {
                    prop_assert!(r.exit.is_some());
                }
                prop_assert!(r.stdout.len() + r.stderr.len() <= body.len());
            }
        }
    }
}
