//! `ports` verdicts on real probe output captured in the lab (see `fixtures/README.md`).

use crate::i18n::Msg;
use std::time::Duration;

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        Ok(include_str!(concat!("fixtures/", $name, ".txt")).to_string())
    };
}

const TIMEOUT: Duration = Duration::from_secs(3);

fn master_to_dr(answer: Result<String, String>) -> Direction {
    Direction {
        from: "tvox1".into(),
        to: Msg::text("dr_client"),
        address: "10.213.63.20".into(),
        answer: answer.map_err(Msg::text),
        standby: false,
    }
}

fn dr_to_master(answer: Result<String, String>) -> Direction {
    Direction {
        from: "dr_client".into(),
        to: Msg::text("tvox1 (node IP)"),
        address: "10.213.63.11".into(),
        answer: answer.map_err(Msg::text),
        standby: false,
    }
}

#[test]
fn all_open_both_ways() {
    let r = evaluate(
        &[
            master_to_dr(fixture!("bash-tvox1-to-dr-client-all-open")),
            dr_to_master(fixture!("bash-dr-client-to-node-ip-all-open")),
        ],
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.summary,
        "TCP 22, 873, 3306, 27017 open both ways (tvox1 ⇄ dr_client)"
    );
    assert_eq!(r.details.len(), 8);
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn one_port_closed_names_the_port_and_the_direction() {
    let r = evaluate(
        &[
            master_to_dr(fixture!("bash-tvox1-to-dr-client-27017-refused")),
            dr_to_master(fixture!("bash-dr-client-to-node-ip-all-open")),
        ],
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Crit);
    assert_eq!(r.summary, "closed: 27017 (MongoDB) tvox1 → dr_client");
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn every_tool_gives_the_same_verdict() {
    let verdict = |answer| {
        let r = evaluate(&[master_to_dr(answer)], TIMEOUT);
        (
            r.status,
            r.summary,
            r.details.iter().map(|d| d.status).collect::<Vec<_>>(),
        )
    };
    let bash = verdict(fixture!("bash-tvox1-to-dr-client-27017-refused"));
    assert_eq!(
        verdict(fixture!("nc-openbsd-tvox1-to-dr-client-27017-refused")),
        bash
    );
    assert_eq!(
        verdict(fixture!("perl-tvox1-to-dr-client-27017-refused")),
        bash
    );
}

#[test]
fn dropped_packets_are_closed_with_the_timeout_said() {
    let r = evaluate(
        &[master_to_dr(fixture!(
            "bash-tvox1-to-dr-client-cut-timeout"
        ))],
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Crit);
    assert!(r.details[0]
        .message
        .ends_with("no answer within 3s (a firewall drops it, or the host is down)"));
}

#[test]
fn an_unreachable_or_toolless_node_is_unknown_not_closed() {
    let r = evaluate(
        &[
            master_to_dr(fixture!("bash-tvox1-to-dr-client-all-open")),
            dr_to_master(Err(
                "`dr_client` (10.213.63.20:22): connection timed out after 3s".into(),
            )),
        ],
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Unknown);
    assert!(
        r.summary
            .starts_with("could not probe from dr_client: `dr_client`"),
        "{}",
        r.summary
    );
    let r = evaluate(&[master_to_dr(fixture!("no-tool"))], TIMEOUT);
    assert_eq!(r.status, Status::Unknown);
    assert!(
        r.summary.contains("needs bash and timeout, nc, or perl"),
        "{}",
        r.summary
    );
}

/// The slave's probe of the DR client (same output format as the master's).
fn slave_to_dr(answer: Result<String, String>) -> Direction {
    Direction {
        from: "tvox2".into(),
        to: Msg::text("dr_client"),
        address: "10.213.63.20".into(),
        answer: answer.map_err(Msg::text),
        standby: true,
    }
}

#[test]
fn a_port_closed_only_from_the_slave_is_a_warning_for_the_next_node_switch() {
    let r = evaluate(
        &[
            master_to_dr(fixture!("bash-tvox1-to-dr-client-all-open")),
            dr_to_master(fixture!("bash-dr-client-to-node-ip-all-open")),
            slave_to_dr(fixture!("bash-tvox1-to-dr-client-27017-refused")),
        ],
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Warn);
    assert_eq!(
        r.summary,
        "open with the master; closed from the slave (needed after a node switch): 27017 \
         (MongoDB) tvox2 → dr_client"
    );
    let row = r
        .details
        .iter()
        .find(|d| d.node.as_deref() == Some("tvox2") && d.item.starts_with("27017"))
        .unwrap();
    assert!(
        row.message.contains("needed once this node is master"),
        "{row:?}"
    );
    let all_open = evaluate(
        &[
            master_to_dr(fixture!("bash-tvox1-to-dr-client-all-open")),
            dr_to_master(fixture!("bash-dr-client-to-node-ip-all-open")),
            slave_to_dr(fixture!("bash-tvox1-to-dr-client-all-open")),
        ],
        TIMEOUT,
    );
    assert_eq!(all_open.status, Status::Ok);
    assert!(
        all_open.summary.ends_with(", and from tvox2 (slave)"),
        "{}",
        all_open.summary
    );
}
