//! `evaluate_sizes` on pairs of `du` outputs.

use super::super::{evaluate_sizes, parse_du, DuUnit, NodeDu, Sample};

const MASTER: &str = include_str!("../fixtures/du-b-master.txt");
const BEHIND: &str = include_str!("../fixtures/du-b-slave-behind-voicemail-empty.txt");
const LATER: &str = include_str!("../fixtures/du-b-slave-behind-later-sample.txt");
const MISSING_ERR: &str = include_str!("../fixtures/du-b-missing-dir.stderr.txt");
const DENIED_OUT: &str = include_str!("../fixtures/du-b-permission-denied.stdout.txt");
const DENIED_ERR: &str = include_str!("../fixtures/du-b-permission-denied.stderr.txt");
const ODD: &str = include_str!("../fixtures/du-b0-odd-names-space-tab-unicode-newline.txt");
const HUMAN: &str = include_str!("../fixtures/du-h-procedure-sample.txt");
const CENTOS7_IT: &str = include_str!("../fixtures/du-h-centos7-italian-locale-curly-quotes.txt");

fn node(name: &str, stdout: &str, stderr: &str) -> NodeDu {
    NodeDu {
        node: name.into(),
        listing: Ok(parse_du(stdout, stderr, DuUnit::Bytes)),
    }
}

fn human(name: &str, pasted: &str) -> NodeDu {
    NodeDu {
        node: name.into(),
        listing: Ok(parse_du(pasted, "", DuUnit::Human)),
    }
}

fn sample(stdout: &str) -> Sample {
    Sample::of(&parse_du(stdout, "", DuUnit::Bytes)).unwrap()
}

#[test]
fn in_sync() {
    let r = evaluate_sizes(
        &node("tvox1", MASTER, ""),
        &node("tvox2", MASTER, ""),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_far_behind_without_a_previous_sample() {
    let r = evaluate_sizes(
        &node("tvox1", MASTER, ""),
        &node("tvox2", BEHIND, ""),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_behind_but_growing_since_the_previous_sample() {
    let previous = sample(BEHIND);
    let r = evaluate_sizes(
        &node("tvox1", MASTER, ""),
        &node("tvox2", LATER, ""),
        5.0,
        Some(&previous),
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_behind_and_not_growing_hints_setperms() {
    let previous = sample(LATER);
    let r = evaluate_sizes(
        &node("tvox1", MASTER, ""),
        &node("tvox2", LATER, ""),
        5.0,
        Some(&previous),
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn slave_ahead_of_the_master() {
    let r = evaluate_sizes(
        &node("tvox1", LATER, ""),
        &node("tvox2", MASTER, ""),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn sync_dir_missing_on_the_slave() {
    let r = evaluate_sizes(
        &node("tvox1", MASTER, ""),
        &node("tvox2", "", MISSING_ERR),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn du_printed_nothing_and_ssh_failed() {
    let failed = NodeDu {
        node: "tvox1".into(),
        listing: Err("ssh: connect to host 10.0.0.1 port 22: Connection timed out".into()),
    };
    let r = evaluate_sizes(&failed, &node("tvox2", "", ""), 5.0, None);
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn permission_denied_on_the_slave() {
    let r = evaluate_sizes(
        &node("tvox1", MASTER, ""),
        &node("tvox2", DENIED_OUT, DENIED_ERR),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn odd_names_only_on_the_master() {
    let r = evaluate_sizes(
        &node("tvox1", ODD, ""),
        &node("tvox2", MASTER, ""),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn pasted_human_sizes_from_two_locales() {
    let r = evaluate_sizes(
        &human("tvox1", HUMAN),
        &human("tvox2", CENTOS7_IT),
        5.0,
        None,
    );
    insta::assert_yaml_snapshot!(r);
}

#[test]
fn sample_round_trips_through_json() {
    let s = sample(MASTER);
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Sample>(&text).unwrap(), s);
    assert_eq!(s.slave_total, 1_213_310_843);
}
