//! `license` verdicts, and the inventory keys that configure it.

use std::path::Path;

use super::{evaluate, unconfigured, NodeOutput};
use crate::checks::Status;
use crate::inventory::Inventory;

const GOOD: &str = include_str!("fixtures/ft-dr-crlf.txt");
const EXPIRED: &str = include_str!("fixtures/expired.txt");
const EXPECT: &str = r"(?m)^Options:.*\bFT\b";

fn out(node: &str, code: i32, text: &str) -> NodeOutput {
    NodeOutput {
        node: node.into(),
        result: Ok((code, text.into())),
    }
}

#[test]
fn unconfigured_is_unknown_never_ok() {
    let r = unconfigured();
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(
        r.summary,
        "not configured: set `license.command` and `license.expect` in the inventory"
    );
    assert!(
        r.lasting.is_some(),
        "a wait would look again until its timeout"
    );
}

#[test]
fn matching_on_both_nodes_is_ok() {
    let r = evaluate(EXPECT, &[out("tvox1", 0, GOOD), out("tvox2", 0, GOOD)]);
    assert_eq!(r.status, Status::Ok);
    assert_eq!(
        r.details[0].message.en(),
        format!("matches `{EXPECT}`: `Options: FT`")
    );
}

#[test]
fn no_match_is_critical_and_shows_the_tail() {
    let r = evaluate(EXPECT, &[out("tvox1", 0, GOOD), out("tvox2", 0, EXPIRED)]);
    assert_eq!(r.status, Status::Crit);
    assert!(r.summary.starts_with("tvox2: output does not match"));
    assert!(
        r.summary
            .ends_with("`TVox license ⏎ Serial: 0042-ACME ⏎ Options: none ⏎ Valid until: 2024-01-31 (expired)`"),
        "{}",
        r.summary
    );
    insta::assert_yaml_snapshot!(r);
}

/// A failed command's words are no licence: the path in "No such file" named the option.
#[test]
fn a_match_from_a_failing_command_is_unknown() {
    let said = "sh: /opt/tvox/FT/license-info: No such file or directory\n";
    let r = evaluate("FT", &[out("tvox1", 127, said)]);
    assert_eq!(r.status, Status::Unknown, "{}", r.summary.en());
    assert!(r.summary.contains("exit status 127"), "{}", r.summary.en());
    assert_eq!(r.nodes["tvox1"]["matched"], true);
}

#[test]
fn a_failing_command_says_its_status() {
    let r = evaluate(
        EXPECT,
        &[out("tvox1", 127, "sh: tvox-license: command not found\n")],
    );
    assert_eq!(r.status, Status::Crit);
    assert!(r.summary.contains("(exit status 127)"));
    let r = evaluate(EXPECT, &[out("tvox1", 0, "")]);
    assert!(r.summary.ends_with("it ends: (no output)"));
}

#[test]
fn unreachable_is_unknown() {
    let r = evaluate(
        EXPECT,
        &[
            out("tvox1", 0, GOOD),
            NodeOutput {
                node: "tvox2".into(),
                result: Err("unreachable".into()),
            },
        ],
    );
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(r.lasting, None, "a node not answering yet may answer later");
}

const BASE: &str =
    "site: s\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 10.0.0.1 }\n";

fn load(extra: &str) -> Result<Inventory, String> {
    Inventory::parse(Path::new("t.yaml"), &format!("{BASE}{extra}")).map_err(|e| e.to_string())
}

#[test]
fn inventory_keys_load_and_are_checked() {
    let inv = load("license: { command: \"tvox-license | head\", expect: \"FT\" }\n").unwrap();
    let license = inv.license.unwrap();
    assert_eq!(license.command, "tvox-license | head");
    assert_eq!(license.expect, "FT");
    assert_eq!(load("").unwrap().license, None);

    let err = load("license: { command: x, expect: \"(FT\" }\n").unwrap_err();
    assert!(
        err.contains("`license.expect` is not a valid regular expression"),
        "{err}"
    );
    let err = load("license: { command: \" \", expect: FT }\n").unwrap_err();
    assert!(err.contains("`license.command` is empty"), "{err}");
    let err = load("license: { comand: x, expect: FT }\n").unwrap_err();
    assert!(err.contains("did you mean `command`?"), "{err}");
    let err = load("licence: { command: x, expect: FT }\n").unwrap_err();
    assert!(err.contains("did you mean `license`?"), "{err}");
}
