//! Many sites rendered: worst first for people, every family once for Prometheus, one
//! passive result per site for Nagios, and the exit code of the worst.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

use super::*;
use crate::checks::{Metric, Report, Status};

fn report(name: &str, status: Status, summary: &str) -> Report {
    Report::new(name, status, summary)
}

fn site(name: &str, reports: Vec<Report>) -> SiteOutcome {
    SiteOutcome {
        site: name.to_string(),
        inventory: PathBuf::from(format!("sites/{name}.yaml")),
        reports,
        skipped: vec![("dr-sync".into(), "no DR client in the inventory".into())],
        unreachable: BTreeMap::new(),
        error: None,
        timed_out: false,
        elapsed: Duration::from_millis(412),
    }
}

fn sample() -> Vec<SiteOutcome> {
    let mut lagging = report("chat", Status::Crit, "no PRIMARY");
    lagging.metrics.insert(
        "lag_seconds@tvox2".into(),
        Metric {
            value: 12.5,
            unit: "s",
            warn: Some(30.0),
            crit: Some(60.0),
        },
    );
    let mut down = site("beta", vec![report("vip", Status::Ok, "tvox1 is master")]);
    down.unreachable
        .insert("tvox2".into(), "connection refused".into());
    let mut broken = site("gamma", Vec::new());
    broken.error = Some("gamma.yaml:3:7: unknown field `nodez`".into());
    let mut slow = site("delta", Vec::new());
    slow.error = Some("no verdict within 2s (--site-timeout)".into());
    slow.timed_out = true;
    slow.elapsed = Duration::from_secs(2);
    vec![
        site(
            "acme",
            vec![report("vip", Status::Ok, "tvox1 is master"), lagging],
        ),
        down,
        broken,
        site("omega", vec![report("vip", Status::Ok, "tvox1 is master")]),
        slow,
    ]
}

#[test]
fn a_site_is_unknown_when_a_node_was_not_reached_or_nothing_ran() {
    let sites = sample();
    let statuses: Vec<Status> = sites.iter().map(SiteOutcome::status).collect();
    assert_eq!(
        statuses,
        [
            Status::Crit,
            Status::Unknown,
            Status::Unknown,
            Status::Ok,
            Status::Unknown
        ]
    );
    assert_eq!(worst(&sites), Status::Crit);
    assert_eq!(worst(&[]), Status::Unknown);
}

#[test]
fn exit_codes_follow_the_worst_site() {
    let sites = sample();
    assert_eq!(
        exit_code(Format::Human, &sites),
        crate::exit_code::UNREACHABLE
    );
    assert_eq!(exit_code(Format::Nagios, &sites), 2);
    let fine = vec![site("acme", vec![report("vip", Status::Ok, "ok")])];
    assert_eq!(exit_code(Format::Json, &fine), crate::exit_code::OK);
    let warn = vec![site("acme", vec![report("vip", Status::Warn, "hmm")])];
    assert_eq!(exit_code(Format::Json, &warn), crate::exit_code::FAILED);
}

#[test]
fn the_human_table_has_one_line_per_site_worst_first() {
    let text = render(Format::Human, &sample(), None, false);
    insta::assert_snapshot!(text);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| {
            ["acme", "beta", "gamma", "delta", "omega"]
                .iter()
                .any(|s| l.contains(&format!(" {s} ")))
        })
        .collect();
    let first = |site: &str| {
        rows.iter()
            .position(|l| l.contains(&format!(" {site} ")))
            .unwrap()
    };
    assert!(first("acme") < first("beta"), "{text}");
    assert!(
        first("delta") < first("omega") && first("gamma") < first("omega"),
        "{text}"
    );
    assert!(text.contains("5 sites: 1 CRIT, 3 UNKNOWN, 1 OK"), "{text}");
}

#[test]
fn json_is_one_document_with_every_site() {
    let text = render(
        Format::Json,
        &sample(),
        Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000)),
        false,
    );
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["status"], "CRIT");
    assert_eq!(doc["generated_at"], "2023-11-14T22:13:20Z");
    let sites = doc["sites"].as_array().unwrap();
    assert_eq!(sites.len(), 5);
    assert_eq!(sites[0]["site"], "acme");
    assert_eq!(sites[0]["checks"][1]["name"], "chat");
    assert_eq!(sites[1]["unreachable"]["tvox2"], "connection refused");
    assert_eq!(sites[1]["reached"], false);
    assert_eq!(sites[2]["error"], "gamma.yaml:3:7: unknown field `nodez`");
    assert_eq!(sites[4]["timed_out"], true);
    assert_eq!(sites[3]["error"], serde_json::Value::Null);
    assert_eq!(sites[3]["skipped"][0]["check"], "dr-sync");
}

#[test]
fn nagios_gets_one_passive_result_per_site() {
    let text = render(
        Format::Nagios,
        &sample(),
        Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000)),
        false,
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with(
        "[1700000000] PROCESS_SERVICE_CHECK_RESULT;acme;tvdr;2;TVDR CRITICAL - chat: no PRIMARY; vip: OK | 'chat.lag_seconds@tvox2'=12.5s;30;60\\n"
    ), "{}", lines[0]);
    assert!(lines[1].starts_with("[1700000000] PROCESS_SERVICE_CHECK_RESULT;beta;tvdr;3;TVDR UNKNOWN - vip: OK\\ntvox2 not reached: connection refused"), "{}", lines[1]);
    assert!(
        lines[2].contains(";gamma;tvdr;3;TVDR UNKNOWN - gamma.yaml:3:7: unknown field `nodez`"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains(";omega;tvdr;0;TVDR OK - vip: OK"),
        "{}",
        lines[3]
    );
}

#[test]
fn prometheus_writes_each_family_once_with_a_site_label() {
    let text = render(
        Format::Prometheus,
        &sample(),
        Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000)),
        false,
    );
    insta::assert_snapshot!(text);
    let mut seen = std::collections::HashSet::new();
    let mut current = String::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let name = rest.split(' ').next().unwrap().to_string();
            assert!(seen.insert(name.clone()), "family {name} twice:\n{text}");
            current = name;
        } else if !line.starts_with('#') {
            assert!(
                line.starts_with(&format!("{current}{{")),
                "{line} outside its family"
            );
        }
    }
    assert!(text.contains("tvdr_site_up{site=\"beta\"} 0"), "{text}");
    assert!(text.contains("tvdr_site_up{site=\"acme\"} 1"), "{text}");
    assert!(text.contains("tvdr_site_up{site=\"gamma\"} 0"), "{text}");
    assert!(
        text.contains("tvdr_check_status{site=\"acme\",check=\"chat\"} 2"),
        "{text}"
    );
}

#[test]
fn junit_has_one_suite_per_site_and_errors_for_sites_without_verdicts() {
    let text = render(Format::Junit, &sample(), None, false);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 5);
    assert_eq!(suites[2].attribute("name"), Some("tvdr.gamma"));
    assert_eq!(suites[2].attribute("errors"), Some("1"));
    assert!(text.contains("unknown field `nodez`"));
}
