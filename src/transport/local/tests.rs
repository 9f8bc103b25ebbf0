//! The local transport against real shells: streaming, status, timeouts.

use std::time::{Duration, Instant};

use super::*;
use crate::transport::testing::{local, Counter};

fn run(
    target: Target,
    cmd: &Cmd,
    timeout: Option<Duration>,
) -> (Result<i32, TransportError>, Vec<u8>, Vec<u8>) {
    let mut transport = LocalTransport::new(target);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = transport.exec(cmd, &mut out, &mut err, timeout);
    (status, out, err)
}

#[test]
fn separates_outputs_and_returns_the_status() {
    let (status, out, err) = run(
        local("here"),
        &Cmd::shell("echo out; echo err >&2; exit 3"),
        None,
    );
    assert_eq!(
        (status.unwrap(), out, err),
        (3, b"out\n".to_vec(), b"err\n".to_vec())
    );
}

#[test]
fn exports_the_target_env() {
    let mut target = local("here");
    target.env.insert("TVDR_TEST".into(), "a b $(x)".into());
    let (status, out, _) = run(target, &Cmd::shell("printf %s \"$TVDR_TEST\""), None);
    assert_eq!((status.unwrap(), out), (0, b"a b $(x)".to_vec()));
}

#[test]
fn stdin_is_empty() {
    let (status, out, _) = run(
        local("here"),
        &Cmd::new("cat"),
        Some(Duration::from_secs(5)),
    );
    assert_eq!((status.unwrap(), out), (0, Vec::new()));
}

#[test]
fn given_input_is_the_commands_standard_input_then_its_end() {
    let mut transport = LocalTransport::new(local("here"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    // What a command made for a sudo password reads: its first line, in a variable.
    let cmd = Cmd::shell("IFS= read -r p; printf '<%s>' \"$p\"; cat");
    let status = transport.exec_input(
        &cmd,
        b"s3cret pw\nrest",
        &mut out,
        &mut err,
        Some(Duration::from_secs(5)),
    );
    assert_eq!((status.unwrap(), out), (0, b"<s3cret pw>rest".to_vec()));
}

#[test]
fn signal_is_128_plus_its_number() {
    let (status, _, _) = run(local("here"), &Cmd::shell("kill -s TERM $$"), None);
    assert_eq!(status.unwrap(), 143);
}

#[test]
fn timeout_ends_the_whole_process_group() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let cmd = Cmd::shell("sleep 30 & echo $! >")
        .arg(&pidfile)
        .and(Cmd::shell("echo started; sleep 30"));
    let start = Instant::now();
    let (status, out, _) = run(local("here"), &cmd, Some(Duration::from_millis(500)));
    let elapsed = start.elapsed();
    let err = status.unwrap_err();
    assert!(matches!(err, TransportError::Timeout { .. }), "{err}");
    assert_eq!(out, b"started\n", "output before the timeout is kept");
    assert!(elapsed < Duration::from_secs(3), "took {elapsed:?}");
    let pid = std::fs::read_to_string(&pidfile).unwrap();
    let proc = std::path::Path::new("/proc").join(pid.trim());
    // The background sleep was killed (it may linger a moment as a zombie of init).
    let gone = (0..50).any(|_| {
        let alive = std::fs::read_to_string(proc.join("stat"))
            .map(|s| !s.contains(") Z "))
            .unwrap_or(false);
        if alive {
            std::thread::sleep(Duration::from_millis(20));
        }
        !alive
    });
    assert!(gone, "background process still running");
}

#[test]
fn large_output_is_streamed_in_small_pieces() {
    let mut transport = LocalTransport::new(local("here"));
    let (mut out, mut err) = (Counter::default(), Counter::default());
    let cmd = Cmd::new("head").args(["-c", "52428800", "/dev/zero"]);
    let status = transport.exec(&cmd, &mut out, &mut err, None).unwrap();
    assert_eq!((status, out.bytes, err.bytes), (0, 52_428_800, 0));
    assert!(out.largest <= 32 * 1024);
}

#[test]
fn missing_program_is_127() {
    let (status, _, err) = run(local("here"), &Cmd::new("tvdr-no-such-program"), None);
    assert_eq!(status.unwrap(), 127);
    assert!(!err.is_empty());
}
