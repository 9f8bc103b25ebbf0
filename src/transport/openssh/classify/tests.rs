//! Real ssh messages (OpenSSH 9.2, `LogLevel ERROR`, from the lab: the node 10.213.72.12,
//! the bastion 10.213.72.10) read into errors.

use std::path::PathBuf;
use std::time::Duration;

use super::*;
use crate::transport::testing::local;
use crate::transport::TransportKind;

const NODE: &str = "10.213.72.12";
const BASTION: &str = "10.213.72.10";

fn target(address: &str, jump: Option<&str>) -> Target {
    let mut t = local("tvox2");
    t.address = address.into();
    t.user = "tvdrlab".into();
    t.identity = Some("/lab/id_ed25519".into());
    t.known_hosts = vec!["/lab/known_hosts".into()];
    t.connect_timeout = Duration::from_secs(2);
    t.kind = TransportKind::OpenSsh {
        proxy_jump: jump.map(str::to_owned),
        config: None,
    };
    t
}

fn direct(address: &str) -> Target {
    target(address, None)
}

fn jumped() -> Target {
    target(NODE, Some(&format!("tvdrlab@{BASTION}")))
}

fn reason(err: &TransportError) -> &str {
    match err {
        TransportError::Unreachable { reason, .. } => reason,
        other => panic!("expected unreachable, got {other:?}"),
    }
}

#[test]
fn unknown_host_key() {
    let err = failure(
        &direct(BASTION),
        include_str!("fixtures/unknown-host-key.txt"),
    );
    match &err {
        TransportError::HostKeyUnknown {
            node,
            address,
            key_type,
            ..
        } => assert_eq!(
            (&**node, &**address, &**key_type),
            ("tvox2", BASTION, "ssh-ed25519")
        ),
        other => panic!("{other:?}"),
    }
    assert!(err.is_unreachable());
}

#[test]
fn changed_host_key_with_the_new_fingerprint_and_the_file() {
    let err = failure(&direct(NODE), include_str!("fixtures/changed-host-key.txt"));
    match &err {
        TransportError::HostKeyChanged {
            fingerprint,
            key_type,
            file,
            ..
        } => {
            assert_eq!(
                fingerprint,
                "SHA256:DRI6/N7D7wZ33B1+aXUIGG4woXvzOGUEuOFJeC5KNpM"
            );
            assert_eq!(key_type, "ssh-ed25519");
            assert_eq!(file, &PathBuf::from("/tmp/exp/lab/known_hosts"));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("tvdr trust tvox2"), "{err}");
}

#[test]
fn a_bastion_s_unknown_or_changed_key_is_about_the_bastion() {
    let err = failure(
        &jumped(),
        include_str!("fixtures/unknown-bastion-host-key.txt"),
    );
    let why = reason(&err);
    assert!(
        why.contains(&format!("bastion `{BASTION}` is not known")),
        "{why}"
    );
    // tvox1 jumping through 10.213.72.12, whose key changed.
    let via_12 = target(BASTION, Some(&format!("tvdrlab@{NODE}")));
    let err = failure(
        &via_12,
        include_str!("fixtures/changed-bastion-host-key.txt"),
    );
    let why = reason(&err);
    assert!(
        why.contains(&format!("bastion `{NODE}` has changed")),
        "{why}"
    );
    assert!(
        why.contains("SHA256:DRI6/N7D7wZ33B1+aXUIGG4woXvzOGUEuOFJeC5KNpM"),
        "{why}"
    );
    assert!(err.is_unreachable());
}

#[test]
fn refused_timed_out_no_route_unresolvable() {
    let cases = [
        (
            BASTION,
            include_str!("fixtures/connection-refused.txt"),
            "connection refused",
        ),
        (
            BASTION,
            include_str!("fixtures/connection-timed-out.txt"),
            "no answer within 2s",
        ),
        (
            "10.213.72.99",
            include_str!("fixtures/no-route-to-host.txt"),
            "no route to host",
        ),
        (
            "tvox9.invalid",
            include_str!("fixtures/unresolvable.txt"),
            "cannot resolve `tvox9.invalid`: name or service not known",
        ),
    ];
    for (address, said, expected) in cases {
        let err = failure(&direct(address), said);
        assert_eq!(reason(&err), expected);
        assert!(err.to_string().contains(address), "{err}");
    }
}

#[test]
fn permission_denied_is_a_refused_login() {
    let err = failure(
        &direct(BASTION),
        include_str!("fixtures/permission-denied.txt"),
    );
    match &err {
        TransportError::Auth { user, tried, .. } => {
            assert_eq!(user, "tvdrlab");
            assert_eq!(
                tried,
                "system ssh: agent, identity /lab/id_ed25519; the node offers publickey,password"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(err.is_unreachable());
}

#[test]
fn the_bastion_refusing_or_failing_to_connect_is_unreachable() {
    let err = failure(
        &jumped(),
        include_str!("fixtures/bastion-permission-denied.txt"),
    );
    assert_eq!(
        reason(&err),
        format!("the bastion `{BASTION}` refused the login (it offers: publickey,password)")
    );
    let err = failure(
        &jumped(),
        include_str!("fixtures/bastion-cannot-reach-node.txt"),
    );
    assert_eq!(
        reason(&err),
        format!("the bastion `{BASTION}` could not connect to it")
    );
    let err = failure(&jumped(), include_str!("fixtures/bastion-timed-out.txt"));
    assert_eq!(
        reason(&err),
        format!("connection timed out during banner exchange (through the bastion `{BASTION}`)")
    );
}

#[test]
fn anything_else_is_passed_on_as_ssh_said_it() {
    let said = "/root/.ssh/config: line 3: Bad configuration option: frobnicate\n\
                /root/.ssh/config: terminating, 1 bad configuration options\n";
    let err = failure(&direct(NODE), said);
    assert!(matches!(err, TransportError::Ssh { .. }), "{err:?}");
    assert!(!err.is_unreachable());
    assert!(
        err.to_string().contains("Bad configuration option"),
        "{err}"
    );
}
