//! A receipt that is there but cannot be read stops the step with the reason: taken for
//! "no attempt", the command would run a second time. The receipt tool runs for real
//! (`/bin/sh` on this machine); permission bits are tested as an unprivileged user, since
//! root reads through them.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::*;
use crate::transport::LocalTransport;

/// The uid and gid the tool drops to when these tests run as root (`nobody`).
const NOBODY: u32 = 65534;

/// A node whose `$HOME` is `home`, and whose `sh` is run as `nobody` when this test runs
/// as root (through a `sh` on `PATH` that calls `setpriv`): the tool then meets the
/// permission bits as tvdr's login user on a node does.
fn as_a_user(home: &Path) -> LocalTransport {
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let shim = bin.join("sh");
    std::fs::write(
        &shim,
        "#!/bin/sh\nif [ \"$(id -u)\" = 0 ]; then\n  exec setpriv --reuid=65534 --regid=65534 \
         --clear-groups /bin/sh \"$@\"\nfi\nexec /bin/sh \"$@\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o755)).unwrap();
    if std::fs::metadata(home).unwrap().uid() == 0 {
        std::os::unix::fs::chown(home, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    let mut target = crate::transport::testing::local("tvox1");
    target
        .env
        .insert("HOME".into(), home.to_string_lossy().into_owned());
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    target.env.insert("PATH".into(), path);
    LocalTransport::new(target)
}

/// A finished attempt 1 of step `s` of run `r`: its directory.
fn finished(t: &mut LocalTransport, home: &Path) -> PathBuf {
    let cmd = Cmd::operator_script("echo done");
    let r = start(t, &Key::new("r", "s"), 1, &cmd, None).unwrap();
    assert_eq!((r.state, r.exit), (State::Finished, Some(0)));
    home.join(".local/state/tvdr/receipts/r/s/1")
}

/// What `look` says of the receipt: the reason it is unreadable, or a failed test.
fn unreadable_why(t: &mut LocalTransport) -> String {
    match look(t, &Key::new("r", "s")) {
        Err(ReceiptError::Unreadable { why, .. }) => why,
        other => panic!("read as {other:?}, not as unreadable"),
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_receipt_the_login_user_cannot_read_is_unreadable_never_none() {
    // Each: the path made unreadable (relative to the attempt directory), and what was
    // read before tvdr checked (none, gone, or finished without its start).
    for relative in ["../..", "..", ".", "started", "ended", "out"] {
        let home = tempfile::tempdir().unwrap();
        let mut t = as_a_user(home.path());
        let attempt = finished(&mut t, home.path());
        let path = attempt.join(relative);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        chmod(&path, 0o000);
        let why = unreadable_why(&mut t);
        assert!(why.contains("cannot be read by"), "{relative}: {why}");
        if std::fs::metadata("/proc/self").unwrap().uid() == 0 {
            assert!(
                why.contains("cannot be read by nobody"),
                "{relative}: {why}"
            );
        }
        let name = std::fs::canonicalize(&path).unwrap();
        assert!(why.contains(&*name.to_string_lossy()), "{relative}: {why}");
        // Readable again (the technician fixed it): the same attempt, finished, read
        // back; nothing started anew.
        chmod(&path, mode);
        let r = look(&mut t, &Key::new("r", "s")).unwrap();
        assert_eq!(
            (r.state, r.attempt, r.stdout),
            (State::Finished, 1, b"done\n".to_vec())
        );
    }
}

#[test]
fn a_receipt_that_is_not_what_it_should_be_is_unreadable_never_none() {
    // Things root cannot read through either: a record that is a directory or a FIFO, a
    // link to nothing, an attempt that is a file.
    type Spoil = fn(&Path, &mut LocalTransport);
    let cases: [(&str, Spoil, &str); 5] = [
        (
            "an attempt that is a file",
            |a, _| {
                std::fs::remove_dir_all(a).unwrap();
                std::fs::write(a, "").unwrap();
            },
            "is not a directory",
        ),
        (
            "a step directory that is a link to nothing",
            |a, _| {
                let step = a.parent().unwrap();
                std::fs::remove_dir_all(step).unwrap();
                std::os::unix::fs::symlink(step.with_extension("gone"), step).unwrap();
            },
            "is a symbolic link to nothing",
        ),
        (
            "a start record that is a directory",
            |a, _| {
                std::fs::remove_file(a.join("started")).unwrap();
                std::fs::create_dir(a.join("started")).unwrap();
            },
            "is not a regular file",
        ),
        (
            "an end record that is a FIFO",
            |a, t| {
                std::fs::remove_file(a.join("ended")).unwrap();
                let made = t.output(&Cmd::new("mkfifo").arg(a.join("ended").as_path()));
                assert!(made.unwrap().success());
            },
            "is not a regular file",
        ),
        (
            "an output that is a link to nothing",
            |a, _| {
                std::fs::remove_file(a.join("out")).unwrap();
                std::os::unix::fs::symlink(a.join("nowhere"), a.join("out")).unwrap();
            },
            "is a symbolic link to nothing",
        ),
    ];
    for (case, spoil, said) in cases {
        let home = tempfile::tempdir().unwrap();
        let mut t = as_a_user(home.path());
        let attempt = finished(&mut t, home.path());
        spoil(&attempt, &mut t);
        let why = unreadable_why(&mut t);
        assert!(why.contains(said), "{case}: {why}");
    }
}

#[test]
fn the_reason_reaches_the_technician_with_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let mut t = as_a_user(home.path());
    let attempt = finished(&mut t, home.path());
    chmod(&attempt, 0o000);
    let err = look(&mut t, &Key::new("r", "s")).unwrap_err().to_string();
    assert!(
        err.starts_with("the receipt on tvox1 is unreadable: `")
            && err.contains("never taken as \"not started\"")
            && err.contains("then retry"),
        "{err}"
    );
    chmod(&attempt, 0o700);
}
