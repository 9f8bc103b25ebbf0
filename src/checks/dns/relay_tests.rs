//! The relay's output, as captured on a lab node (`fixtures/`).

use super::*;

#[test]
fn an_answer_per_server_from_resolv_conf() {
    let r = parse(include_str!("fixtures/a-node-ip.txt")).unwrap();
    assert_eq!(
        (r.via.as_str(), r.servers_from.as_str()),
        ("python3", "resolv.conf")
    );
    assert_eq!(r.servers.len(), 1);
    assert_eq!(r.servers[0].server, "10.213.103.53");
    let raw = r.servers[0].result.as_ref().unwrap();
    assert_eq!(raw.over, "udp");
    assert_eq!(raw.bytes.len(), 47);
}

#[test]
fn truncated_answers_come_over_tcp() {
    let r = parse(include_str!("fixtures/truncated-many-records-over-tcp.txt")).unwrap();
    assert_eq!(r.servers[0].result.as_ref().unwrap().over, "tcp");
}

#[test]
fn a_silent_server_and_a_stopped_one_are_named_with_why() {
    let r = parse(include_str!("fixtures/second-server-silent.txt")).unwrap();
    assert_eq!(r.servers_from, "given");
    assert!(r.servers[0].result.is_ok());
    assert_eq!(r.servers[1].server, "10.213.103.99");
    assert_eq!(
        r.servers[1].result,
        Err("no answer in 2 tries of 2s".into())
    );
    let r = parse(include_str!("fixtures/server-stopped.txt")).unwrap();
    let refused = r.servers[0].result.as_ref().unwrap_err();
    assert_eq!(
        refused.en(),
        "nothing answers on port 53 (connection refused)"
    );
    assert_eq!(
        refused.in_lang(crate::i18n::Lang::It),
        "nessuno risponde sulla porta 53 (connessione rifiutata)"
    );
}

#[test]
fn nobody_to_ask_is_an_error_with_the_reason() {
    let no_python = parse(include_str!("fixtures/no-python.txt")).unwrap_err();
    assert!(
        no_python.starts_with("no python on the node"),
        "{no_python}"
    );
    let missing = parse(include_str!("fixtures/resolv-conf-missing.txt")).unwrap_err();
    assert!(
        missing.starts_with("cannot read `/etc/resolv.conf`: [Errno 2]"),
        "{missing}"
    );
    let empty = parse(include_str!("fixtures/resolv-conf-without-nameserver.txt")).unwrap_err();
    assert_eq!(empty, "no `nameserver` line in `/etc/resolv.conf`");
    assert!(parse("").is_err());
    assert!(parse("via python3\n").is_err());
}

#[test]
fn a_server_listed_without_a_result_was_not_asked() {
    let r = parse("via python2\nservers given 10.0.0.53\n").unwrap();
    assert_eq!(
        r.servers[0]
            .result
            .as_ref()
            .map_err(|e| e.en())
            .unwrap_err(),
        "the query gave no result"
    );
}

#[test]
fn the_command_passes_every_value_as_an_argument() {
    let cmd = command(&[0xab, 0x01], &["10.0.0.53".into(), "10.0.0.54".into()]).render();
    assert!(cmd.starts_with("sh -c "), "{cmd}");
    assert!(cmd.ends_with(" 2 ab01 10.0.0.53 10.0.0.54"), "{cmd}");
}

/// On this machine, with a PATH whose `python3` is there but fails (as the lab's stand-in
/// for a stock CentOS 7) and whose `python` works: the relay runs with `python`.
#[test]
fn a_python3_that_fails_is_passed_over_for_a_python_that_works() {
    use crate::transport::{LocalTransport, Transport};
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let stub = dir.path().join("python3");
    std::fs::write(
        &stub,
        "#!/bin/sh\necho 'python3: not installed' >&2\nexit 127\n",
    )
    .unwrap();
    std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink("/usr/bin/python3", dir.path().join("python")).unwrap();
    std::os::unix::fs::symlink("/bin/sh", dir.path().join("sh")).unwrap();
    let mut target = crate::transport::testing::local("tvox1");
    // No directory holding a python2 or the real python3: only those above.
    target.env.insert(
        "PATH".into(),
        format!("{}:/nonexistent", dir.path().display()),
    );
    let mut node = LocalTransport::new(target);
    // A server that is no address: the relay answers at once, without the network.
    let out = node
        .output(&command(b"\x00\x01", &["not-an-address".to_owned()]))
        .unwrap();
    let text = out.stdout_lossy();
    let relayed = parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(relayed.via, "python", "{text}");
    assert_eq!(relayed.servers[0].server, "not-an-address", "{text}");
}
