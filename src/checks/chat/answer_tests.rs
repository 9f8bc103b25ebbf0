//! Every fixture read into the answer it stands for.

use super::{parse, Answer};
use crate::checks::chat::status::{ReplStatus, Role};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/", $name, ".txt"))
    };
}

fn status(raw: &str) -> ReplStatus {
    match parse(raw) {
        Answer::Status(status) => status,
        other => panic!("expected a status, got {other:?}"),
    }
}

/// Each member as `name state optime-seconds`, for compact assertions.
fn members(status: &ReplStatus) -> Vec<String> {
    status
        .members
        .iter()
        .map(|m| {
            format!(
                "{} {} {:?}{}",
                m.name,
                m.state_str,
                m.optime_date.map(|t| t / 1000),
                if m.is_self { " self" } else { "" }
            )
        })
        .collect()
}

#[test]
fn legacy_4_0_literal() {
    let s = status(fixture!("legacy-4.0-primary-secondary"));
    assert_eq!(s.set.as_deref(), Some("rs0"));
    assert_eq!(
        members(&s),
        [
            "172.31.21.175:27017 PRIMARY Some(1772446540) self",
            "172.31.21.106:27017 SECONDARY Some(1772446538)"
        ]
    );
    assert_eq!(s.members[1].health, Some(1.0));
}

#[test]
fn legacy_3_0_literal_with_bare_timestamp_optime() {
    let s = status(fixture!("legacy-3.0-primary-secondary"));
    assert_eq!(
        members(&s),
        [
            "172.31.21.175:27017 PRIMARY Some(1591264735) self",
            "172.31.21.106:27017 SECONDARY Some(1591264735)"
        ]
    );
}

#[test]
fn every_form_of_the_same_healthy_set_reads_the_same() {
    let want = [
        "172.31.21.175:27017 PRIMARY Some(1772446805) self",
        "172.31.21.106:27017 SECONDARY Some(1772446805)",
    ];
    assert_eq!(
        members(&status(fixture!("mongosh-ejson-relaxed-healthy"))),
        want
    );
    let legacy_json = status(fixture!("legacy-4.0-json-stringify-healthy"));
    assert_eq!(legacy_json.members[0].optime_date, Some(1_772_446_805_000));
    assert_eq!(legacy_json.members[1].optime_date, Some(1_772_446_803_000));
}

#[test]
fn canonical_ejson_wrappers() {
    let s = status(fixture!("mongosh-ejson-canonical-secondary-lagging-25s"));
    assert_eq!(
        members(&s),
        [
            "172.31.21.175:27017 PRIMARY Some(1772446806) self",
            "172.31.21.106:27017 SECONDARY Some(1772446781)"
        ]
    );
    assert_eq!(
        (s.members[0].state, s.members[0].health),
        (Some(1), Some(1.0))
    );
}

#[test]
fn mongosh_1_unreachable_member() {
    let s = status(fixture!("mongosh-one-unreachable"));
    let down = &s.members[1];
    assert_eq!(
        (down.role(), down.optime_date, down.known_optime()),
        (Role::Unreachable, Some(0), None)
    );
    assert_eq!(
        down.message(),
        Some("Error connecting to 172.31.21.106:27017 :: caused by :: Connection refused")
    );
}

#[test]
fn crlf_reads_like_lf() {
    assert_eq!(
        parse(fixture!("mongosh-one-unreachable-crlf")),
        parse(fixture!("mongosh-one-unreachable"))
    );
}

#[test]
fn mongosh_2_single_quotes() {
    let s = status(fixture!("mongosh-2.x-secondary-lagging-40s"));
    assert_eq!(s.members[1].optime_date, Some(1_772_446_766_000));
}

#[test]
fn pasted_sessions_skip_banner_and_prompt() {
    assert_eq!(
        parse(fixture!("legacy-4.0-pasted-session")),
        parse(fixture!("legacy-4.0-primary-secondary"))
    );
    assert_eq!(
        parse(fixture!("mongosh-2.x-pasted-session")),
        parse(fixture!("mongosh-2.x-secondary-lagging-40s"))
    );
}

#[test]
fn arbiter_without_optime() {
    let s = status(fixture!("legacy-3.6-arbiter-three-members"));
    assert_eq!(
        (s.members[2].role(), s.members[2].optime_date),
        (Role::Arbiter, None)
    );
}

#[test]
fn not_initiated_in_every_form() {
    for raw in [
        fixture!("legacy-not-initialized"),
        fixture!("legacy-4.0-json-stringify-not-initialized"),
        fixture!("mongosh-1.x-not-initialized"),
        fixture!("mongosh-2.x-not-initialized"),
    ] {
        assert!(matches!(parse(raw), Answer::NotInitiated(_)), "{raw}");
    }
    assert_eq!(
        parse(fixture!("legacy-not-initialized")),
        Answer::NotInitiated(
            "no replset config has been received (code 94 NotYetInitialized)".into()
        )
    );
}

#[test]
fn standalone_in_every_form() {
    for raw in [
        fixture!("legacy-3.4-standalone"),
        fixture!("mongosh-1.x-standalone"),
        fixture!("mongosh-2.x-standalone"),
    ] {
        assert!(matches!(parse(raw), Answer::Standalone(_)), "{raw}");
    }
}

#[test]
fn connection_refused_in_every_form() {
    assert_eq!(
        parse(fixture!("legacy-4.0-connection-refused")),
        Answer::Unreachable(
            "Error: couldn't connect to server 127.0.0.1:27017, connection attempt failed: SocketException: \
             Error connecting to 127.0.0.1:27017 :: caused by :: Connection refused :"
                .into()
        )
    );
    for raw in [
        fixture!("legacy-3.4-connection-refused"),
        fixture!("mongosh-1.x-connection-refused"),
        fixture!("mongosh-2.x-connection-refused"),
    ] {
        assert!(matches!(parse(raw), Answer::Unreachable(_)), "{raw}");
    }
}

#[test]
fn auth_errors() {
    for raw in [
        fixture!("legacy-4.0-auth-required"),
        fixture!("legacy-4.0-login-failed"),
        fixture!("mongosh-2.x-login-failed"),
    ] {
        assert!(matches!(parse(raw), Answer::Denied(_)), "{raw}");
    }
}

#[test]
fn a_mongosh_too_new_for_the_server_failed_it_did_not_find_it_unreachable() {
    let answer = parse(fixture!("mongosh-2.x-server-3.4-too-old"));
    let Answer::Failed(said) = answer else {
        panic!("{answer:?}")
    };
    assert!(said.contains("requires at least 7 (MongoDB 4.0)"), "{said}");
}

#[test]
fn no_shell() {
    assert_eq!(
        parse(fixture!("shell-not-found-dash")),
        Answer::NoShell("sh: 1: mongo: not found".into())
    );
    assert!(matches!(
        parse(fixture!("shell-not-found-bash")),
        Answer::NoShell(_)
    ));
    // bash 5.2 with LANGUAGE=it, as on a node whose locale is Italian.
    assert_eq!(
        parse(fixture!("shell-not-found-bash-italian")),
        Answer::NoShell("bash: riga 1: mongo: comando non trovato".into())
    );
}

#[test]
fn empty_and_blank() {
    assert_eq!(parse(fixture!("empty")), Answer::Empty);
    assert_eq!(parse(fixture!("blank-lines")), Answer::Empty);
}

#[test]
fn truncated_output_says_so() {
    for raw in [
        fixture!("legacy-4.0-truncated"),
        fixture!("mongosh-ejson-truncated"),
    ] {
        match parse(raw) {
            Answer::Unreadable(why) => assert!(why.starts_with("the output is cut short"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn unknown_text_is_unreadable() {
    assert_eq!(
        parse("hello\n"),
        Answer::Unreadable(crate::msg!("db-unexpected-output", first = "hello"))
    );
    assert!(matches!(parse("[1, 2]"), Answer::Unreadable(_)));
    assert!(matches!(parse("{ ok: 1 }"), Answer::Failed(_)));
    assert!(
        matches!(parse("{ ok: 0, errmsg: 'boom', code: 1 }"), Answer::Failed(m) if m == "boom (code 1)")
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_on_random_output(text in ".*") {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_error_like_output(text in r"(\{|ERROR|Error:|Mongo[A-Za-z]*Error(\[[A-Za-z]+\])?:|\n|\] | |[a-z0-9:.'])*") {
        let _ = parse(&text);
    }
}
