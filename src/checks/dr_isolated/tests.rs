//! `dr-isolated` verdicts on real probe output from the lab's DR client.

use std::time::Duration;

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        Ok(include_str!(concat!("fixtures/", $name, ".txt")).to_string())
    };
}

fn main_site() -> Vec<Target> {
    let t = |node: Option<&str>, address: &str| Target {
        node: node.map(str::to_string),
        address: address.into(),
    };
    vec![
        t(None, "10.213.63.11"),
        t(Some("tvox1"), "10.213.63.10"),
        t(Some("tvox2"), "10.213.63.12"),
    ]
}

const TIMEOUT: Duration = Duration::from_secs(3);

#[test]
fn a_running_cluster_is_critical_and_lists_what_answers() {
    let r = evaluate(&main_site(), &fixture!("bash-cluster-up"), TIMEOUT);
    assert_eq!(r.status, Status::Crit);
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn both_nodes_off_is_ok() {
    let r = evaluate(&main_site(), &fixture!("bash-both-nodes-cut"), TIMEOUT);
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.summary,
        "the main site is off: nothing answers the DR client on ssh 22, sip 5060, http 80, https 443"
    );
}

#[test]
fn one_machine_still_on_is_enough_to_refuse() {
    let r = evaluate(
        &main_site(),
        &fixture!("bash-tvox1-up-node-ip-gone-tvox2-cut"),
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Crit);
    assert_eq!(
        r.summary,
        "the main site still answers the DR client: tvox1 10.213.63.10 (ssh 22, sip 5060, http 80, https 443)"
    );
    let statuses: Vec<Status> = r.details.iter().map(|d| d.status).collect();
    assert_eq!(statuses, [Status::Ok, Status::Crit, Status::Ok]);
}

#[test]
fn a_dr_client_that_cannot_probe_is_unknown() {
    let r = evaluate(
        &main_site(),
        &Err("`dr_client` is unreachable".into()),
        TIMEOUT,
    );
    assert_eq!(r.status, Status::Unknown);
    let r = evaluate(&main_site(), &Ok("method none\n".into()), TIMEOUT);
    assert_eq!(r.status, Status::Unknown);
    assert!(r.summary.contains("needs bash and timeout, nc, or perl"));
}
