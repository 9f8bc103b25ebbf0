//! The fleet with local nodes and a refused port: order, parallelism, remembered failures.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use super::*;
use crate::transport::testing::local;
use crate::transport::{Cmd, NoSecrets};

fn fleet(targets: Vec<Target>) -> Fleet {
    Fleet::new(targets, Box::new(NoSecrets))
}

/// A target on a local port nobody listens on: refused at once.
fn refused(name: &str) -> Target {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut target = local(name);
    target.kind = crate::transport::TransportKind::Ssh;
    target.address = "127.0.0.1".into();
    target.port = port;
    target
}

#[test]
fn runs_nodes_in_parallel_in_the_order_given() {
    let fleet = fleet(vec![local("tvox1"), local("tvox2")]);
    let start = Instant::now();
    let results = fleet.run_each(&["tvox2", "tvox1"], |t| {
        let name = t.target().name.clone();
        t.output(&Cmd::new("sleep").arg("1").and(Cmd::new("echo").arg(name)))
    });
    assert!(
        start.elapsed() < Duration::from_millis(1900),
        "not parallel: {:?}",
        start.elapsed()
    );
    let names: Vec<_> = results.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["tvox2", "tvox1"]);
    assert_eq!(results[0].1.as_ref().unwrap().stdout, b"tvox2\n");
    assert_eq!(results[1].1.as_ref().unwrap().stdout, b"tvox1\n");
}

#[test]
fn a_failing_node_does_not_stop_the_others() {
    let fleet = fleet(vec![local("tvox1"), refused("tvox2")]);
    let results = fleet.run_each(&["tvox1", "tvox2", "nope"], |t| t.output(&Cmd::new("true")));
    assert!(results[0].1.is_ok());
    let err = results[1].1.as_ref().unwrap_err();
    assert!(err.is_unreachable(), "{err}");
    assert!(matches!(
        results[2].1,
        Err(TransportError::UnknownNode { .. })
    ));
}

#[test]
fn an_unreachable_node_is_remembered_until_reset() {
    let fleet = fleet(vec![refused("tvox2")]);
    let first = fleet
        .with("tvox2", |t| t.output(&Cmd::new("true")))
        .unwrap_err();
    assert!(
        matches!(first, TransportError::Unreachable { .. }),
        "{first}"
    );
    let again = fleet
        .with("tvox2", |t| t.output(&Cmd::new("true")))
        .unwrap_err();
    assert_eq!(again.to_string(), first.to_string());
    fleet.reset("tvox2");
    assert!(fleet.with("tvox2", |_| Ok(())).is_err());
}

#[test]
fn lists_its_targets() {
    let fleet = fleet(vec![local("tvox1")]);
    fleet
        .with("tvox1", |t| Ok(t.target().name.clone()))
        .unwrap();
    assert_eq!(fleet.targets().count(), 1);
    assert!(fleet.target("tvox1").is_some());
    assert!(fleet.target("tvox9").is_none());
}

#[test]
fn a_failed_node_is_tried_again_after_forget_failures() {
    let target = refused("tvox2");
    let port = target.port;
    let fleet = fleet(vec![target]);
    let first = fleet.with("tvox2", |_| Ok(())).unwrap_err();
    assert!(
        matches!(first, TransportError::Unreachable { .. }),
        "{first}"
    );
    // Something answers on the port now (not SSH: the handshake fails differently).
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    let cached = fleet.with("tvox2", |_| Ok(())).unwrap_err();
    assert!(matches!(cached, TransportError::Unreachable { .. }));
    let closer = std::thread::spawn(move || drop(listener.accept()));
    fleet.forget_failures();
    let second = fleet.with("tvox2", |_| Ok(())).unwrap_err();
    assert_ne!(second.to_string(), first.to_string(), "not tried again");
    assert!(second.to_string().contains("handshake"), "{second}");
    closer.join().unwrap();
}
