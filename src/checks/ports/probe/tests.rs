//! The probe script run for real on this machine (local transport, 127.0.0.1 only), once
//! per tool, with a `PATH` holding only that tool: what a node without bash or nc sees.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

use super::*;
use crate::transport::{LocalTransport, Target, Transport};

/// A local target whose `PATH` is `dir` only.
fn target(dir: &Path) -> Target {
    Target {
        name: "here".into(),
        address: "127.0.0.1".into(),
        port: 22,
        user: "root".into(),
        identity: None,
        known_hosts: vec![],
        connect_timeout: Duration::from_secs(1),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: Duration::from_secs(20),
        env: BTreeMap::from([("PATH".to_string(), dir.display().to_string())]),
        kind: crate::transport::TransportKind::Local,
    }
}

/// A directory of symlinks to `sh` and `tools`, found on this machine's PATH.
fn path_with(tools: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for tool in ["sh"].iter().chain(tools) {
        let real = which::which(tool).unwrap_or_else(|_| panic!("`{tool}` is not installed"));
        std::os::unix::fs::symlink(real, dir.path().join(tool)).unwrap();
    }
    dir
}

/// A port with nothing listening: bound, then released.
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn probe_with(tools: &[&str]) -> Result<Probed, String> {
    let open = TcpListener::bind("127.0.0.1:0").unwrap();
    let open_port = open.local_addr().unwrap().port();
    let targets = [
        ("127.0.0.1".to_string(), open_port),
        ("127.0.0.1".to_string(), closed_port()),
    ];
    let dir = path_with(tools);
    let mut transport = LocalTransport::new(target(dir.path()));
    let out = transport
        .output(&command(Duration::from_secs(2), &targets))
        .unwrap();
    assert!(out.success(), "{out:?}");
    let probed = parse(&out.stdout_lossy()).map_err(|e| e.en().to_string())?;
    assert_eq!(
        probed.get("127.0.0.1", open_port).unwrap().outcome,
        Outcome::Open
    );
    assert_eq!(
        probed.get("127.0.0.1", targets[1].1).unwrap().outcome,
        Outcome::Refused,
        "{probed:?}"
    );
    Ok(probed)
}

#[test]
fn bash_dev_tcp_under_timeout_is_preferred() {
    let probed = probe_with(&["bash", "timeout", "nc", "perl"]).unwrap();
    assert_eq!(probed.method, "bash");
}

#[test]
fn netcat_when_there_is_no_timeout() {
    assert_eq!(probe_with(&["bash", "nc"]).unwrap().method, "nc");
}

#[test]
fn perl_when_there_is_nothing_else() {
    assert_eq!(probe_with(&["perl"]).unwrap().method, "perl");
}

#[test]
fn a_node_without_any_tool_says_so() {
    let dir = path_with(&[]);
    let mut transport = LocalTransport::new(target(dir.path()));
    let out = transport
        .output(&command(
            Duration::from_secs(1),
            &[("127.0.0.1".into(), 22)],
        ))
        .unwrap();
    let err = parse(&out.stdout_lossy()).unwrap_err();
    assert!(err.contains("bash and timeout, nc, or perl"), "{err}");
}

#[test]
fn values_are_arguments_never_shell_text() {
    let cmd = command(
        Duration::from_millis(2500),
        &[("10.0.0.1".into(), 22), ("$(reboot)".into(), 873)],
    );
    let line = cmd.render();
    assert!(
        line.ends_with(" tvdr-probe 3 10.0.0.1 22 '$(reboot)' 873"),
        "{line}"
    );
}

#[test]
fn timeouts_round_up_to_whole_seconds() {
    assert_eq!(whole_seconds(Duration::from_millis(10)), 1);
    assert_eq!(whole_seconds(Duration::from_secs(3)), 3);
    assert_eq!(whole_seconds(Duration::from_millis(3001)), 4);
}

#[test]
fn parses_lines_in_any_order_with_messages_and_crlf() {
    let text = "method nc\r\n\
        10.0.0.2 873 timeout nc: connect to 10.0.0.2 port 873 (tcp) timed out: Operation now in progress\r\n\
        10.0.0.2 22 open Connection to 10.0.0.2 22 port [tcp/ssh] succeeded!\n\
        garbage line\n\
        10.0.0.2 3306 unreachable nc: connect to 10.0.0.2 port 3306 (tcp) failed: No route to host\n";
    let probed = parse(text).unwrap();
    assert_eq!(probed.method, "nc");
    assert_eq!(probed.results.len(), 3);
    assert_eq!(probed.get("10.0.0.2", 22).unwrap().outcome, Outcome::Open);
    let timeout = probed.get("10.0.0.2", 873).unwrap();
    assert_eq!(timeout.outcome, Outcome::Timeout);
    assert!(timeout.message.ends_with("Operation now in progress"));
    assert_eq!(
        probed.get("10.0.0.2", 3306).unwrap().outcome,
        Outcome::Unreachable
    );
    assert!(parse("").unwrap_err().contains("printed nothing"));
}
