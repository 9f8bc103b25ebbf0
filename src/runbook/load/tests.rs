//! Lint cases: each invalid runbook is reported at its line and column.

use super::*;
use crate::runbook::model::{Kind, Role};
use crate::runbook::raw::RawService;

pub(super) const HEAD: &str = "id: t\ntitle: T\nstages:\n  - id: s\n    title: S\n    steps:\n";

/// Each invalid runbook gives one error at `line:column` saying `message`.
pub(super) fn assert_invalid(steps: &str, line: u64, column: u64, message: &str) {
    let text = format!("{HEAD}{steps}");
    let errors = load("t.yaml", &text).expect_err("should be invalid").0;
    assert!(
        errors
            .iter()
            .any(|e| e.line == line && e.column == column && e.message.contains(message)),
        "want {line}:{column} `{message}` in:\n{}",
        Invalid(errors)
    );
}

#[test]
fn a_valid_runbook_loads() {
    let text = format!(
        "{HEAD}      - {{ id: a, kind: manual, title: A, ask: [{{ name: ip1, type: ip }}] }}\n      - {{ id: b, kind: run, title: B, on: master, command: [echo, '{{{{ ip1 }}}}'] }}\n"
    );
    let rb = load("t.yaml", &text).unwrap();
    assert_eq!(rb.stages[0].steps.len(), 2);
    assert_eq!(rb.source.hash.len(), 64);
}

#[test]
fn unknown_kind() {
    assert_invalid(
        "      - { id: a, kind: reboto, title: A }\n",
        7,
        24,
        "unknown variant `reboto`",
    );
}

#[test]
fn duplicate_id() {
    assert_invalid(
        "      - { id: a, kind: note, title: A }\n      - { id: a, kind: note, title: B }\n",
        8,
        15,
        "duplicate id `a`",
    );
}

#[test]
fn unknown_check_with_suggestion() {
    assert_invalid(
        "      - { id: a, kind: check, title: A, checks: [calendar] }\n",
        7,
        50,
        "did you mean `calendars`?",
    );
}

#[test]
fn unknown_host_role() {
    assert_invalid(
        "      - { id: a, kind: run, title: A, on: slav, command: [x] }\n",
        7,
        43,
        "unknown host `slav`",
    );
}

#[test]
fn bad_condition() {
    assert_invalid(
        "      - { id: a, kind: note, title: A, when: 'tvox.version >=' }\n",
        7,
        46,
        "bad condition",
    );
}

#[test]
fn reference_to_an_answer_never_asked() {
    assert_invalid(
        "      - { id: a, kind: run, title: A, on: tvox1, command: [echo, '{{ later }}'] }\n      - { id: b, kind: manual, title: B, ask: [{ name: later }] }\n",
        7,
        59,
        "`later` is not asked by any earlier step",
    );
}

#[test]
fn field_that_does_not_fit_the_kind() {
    assert_invalid(
        "      - { id: a, kind: note, title: A, command: [x] }\n",
        7,
        15,
        "`command` has no meaning for a `note` step",
    );
}

#[test]
fn missing_required_fields() {
    assert_invalid(
        "      - { id: a, kind: run, title: A, command: [x] }\n",
        7,
        24,
        "needs `on:`",
    );
    assert_invalid(
        "      - { id: a, kind: uat, title: A }\n",
        7,
        24,
        "needs `phase:`",
    );
    assert_invalid(
        "      - { id: a, kind: wait, title: A }\n",
        7,
        24,
        "needs `until:`",
    );
}

#[test]
fn screen_success_and_failure_rules_are_regexes_checked_where_written() {
    assert_invalid(
        "      - { id: a, kind: screen, title: A, on: tvox1, command: [x], success: \"(\" }\n",
        7,
        76,
        "bad regex",
    );
    assert_invalid(
        "      - id: a\n        kind: screen\n        title: A\n        on: tvox1\n        command: [x]\n        failure:\n          - \"NON completato\"\n          - \"[unclosed\"\n",
        14,
        13,
        "bad regex",
    );
    assert_invalid(
        "      - { id: a, kind: screen, title: A, on: tvox1, command: [x], success: [] }\n",
        7,
        76,
        "an empty list of regexes",
    );
    assert_invalid(
        "      - { id: a, kind: run, title: A, on: tvox1, command: [x], failure: x }\n",
        7,
        15,
        "`failure` has no meaning for a `run` step",
    );
}

#[test]
fn screen_rules_default_to_the_shipped_ones_and_add_the_steps_failures() {
    let screen = |fields: &str| {
        let text = format!(
            "{HEAD}      - {{ id: a, kind: screen, title: A, on: tvox1, command: [x]{fields} }}\n"
        );
        match load("t.yaml", &text).unwrap().stages[0].steps[0]
            .kind
            .clone()
        {
            crate::runbook::Kind::Screen { rules, .. } => rules,
            other => panic!("{other:?}"),
        }
    };
    let shipped = crate::runbook::verdict::Rules::default();
    let default = screen("");
    assert_eq!(default.success[0].as_str(), shipped.success[0].as_str());
    assert_eq!(default.failure.len(), shipped.failure.len());
    let own = screen(", success: [\"^Patch OK\", \"^Fine\"], failure: \"ATTENZIONE\"");
    let success: Vec<&str> = own.success.iter().map(|r| r.as_str()).collect();
    assert_eq!(success, ["^Patch OK", "^Fine"]);
    assert_eq!(own.failure.len(), shipped.failure.len() + 1);
    assert_eq!(own.failure.last().unwrap().as_str(), "ATTENZIONE");
}

#[test]
fn a_condition_that_names_nothing_is_unreachable_or_pointless() {
    assert_invalid(
        "      - { id: a, kind: note, title: A, when: 'false' }\n",
        7,
        46,
        "names no fact or answer",
    );
}

#[test]
fn bad_ids_and_empty_stages() {
    assert_invalid(
        "      - { id: Bad_Id, kind: note, title: A }\n",
        7,
        15,
        "not a valid step id",
    );
    let errors = load(
        "t.yaml",
        "id: t\ntitle: T\nstages:\n  - { id: s, title: S, steps: [] }\n",
    )
    .unwrap_err()
    .0;
    assert!(errors[0].message.contains("has no steps"));
}

#[test]
fn every_shipped_runbook_is_valid() {
    for (name, text) in super::super::library::EMBEDDED {
        if let Err(errors) = load(name, text) {
            panic!("{name}:\n{errors}");
        }
    }
}

#[test]
fn service_outage_on_a_step_that_takes_no_time() {
    assert_invalid(
        "      - { id: a, kind: note, title: A, service: outage }\n",
        7,
        49,
        "a `note` step does not take the service down",
    );
}

#[test]
fn service_outage_inside_a_down_up_window_would_count_twice() {
    assert_invalid(
        "      - { id: a, kind: gate, title: A, service: down }\n      - { id: b, kind: gate, title: B, service: outage }\n      - { id: c, kind: gate, title: C, service: up }\n",
        8,
        49,
        "inside the outage that `a` (`service: down`) opens",
    );
    let text = format!(
        "{HEAD}      - {{ id: a, kind: gate, title: A, service: outage }}\n      - {{ id: b, kind: gate, title: B, service: down }}\n      - {{ id: c, kind: gate, title: C, service: up }}\n      - {{ id: d, kind: manual, title: D, service: outage }}\n"
    );
    let rb = load("t.yaml", &text).unwrap();
    assert_eq!(rb.stages[0].steps[3].service, Some(RawService::Outage));
}

#[test]
fn from_address_only_on_interactive_steps() {
    assert_invalid(
        "      - { id: a, kind: run, title: A, on: tvox1, command: [true], from_address: 10.0.0.1 }\n",
        7,
        15,
        "`from_address` has no meaning for a `run` step",
    );
    let text = format!(
        "{HEAD}      - {{ id: a, kind: interactive, title: A, on: tvox1, command: [network_reset], from_address: '{{{{ cluster.node_ip }}}}', timeout: 2m }}\n"
    );
    let rb = load("t.yaml", &text).unwrap();
    match &rb.stages[0].steps[0].kind {
        Kind::Interactive {
            from_address: Some(from),
            timeout,
            ..
        } => {
            assert_eq!(from.source, "{{ cluster.node_ip }}");
            assert_eq!(timeout.as_secs(), 120);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_check_step_looks_at_one_cluster_node_in_a_hosts_form() {
    assert_invalid(
        "      - { id: a, kind: check, title: A, checks: [hosts], on: both }\n",
        7,
        62,
        "`tvox1` or `tvox2`",
    );
    let text = format!(
        "{HEAD}      - {{ id: a, kind: check, title: A, checks: [hosts], on: tvox1, options: {{ form: standalone }} }}\n"
    );
    let rb = load("t.yaml", &text).unwrap();
    match &rb.stages[0].steps[0].kind {
        Kind::Check { options, .. } => {
            assert_eq!(options.on, Some(Role::Tvox1));
            assert_eq!(
                options.hosts_form,
                Some(crate::checks::hosts::Form::Standalone)
            );
        }
        other => panic!("{other:?}"),
    }
}

/// A reference the shell would not read as one word: an answer `$(reboot)` would run.
#[test]
fn a_reference_inside_quotes_in_a_script_is_refused() {
    let ask = "      - { id: a, kind: manual, title: A, ask: [{ name: v }] }\n";
    assert_invalid(
        &format!("{ask}      - {{ id: b, kind: run, title: B, on: master, script: 'echo \"{{{{ v }}}}\"' }}\n"),
        8,
        59,
        "inside double quotes in `script:`",
    );
    assert_invalid(
        &format!("{ask}      - {{ id: b, kind: run, title: B, on: master, command: [sh, -c, 'echo {{{{ v }}}}'] }}\n"),
        8,
        60,
        "in the script of a shell's `-c` becomes shell code",
    );
    let bare = format!(
        "{HEAD}{ask}      - {{ id: b, kind: run, title: B, on: master, script: 'echo {{{{ v }}}} \"ok\"' }}\n      - {{ id: c, kind: run, title: C, on: master, command: [sh, -c, 'echo \"$1\"', sh, '{{{{ v }}}}'] }}\n"
    );
    assert!(load("t.yaml", &bare).is_ok());
}

#[test]
fn every_shipped_runbook_says_everything_in_english_and_italian() {
    for (name, text) in crate::runbook::library::EMBEDDED {
        if let Err(errors) = load_checked(&format!("embedded:{name}"), text, true) {
            panic!("{errors}");
        }
    }
}

#[test]
fn a_shipped_runbook_with_one_italian_text_removed_fails_at_its_line() {
    let (name, text) = crate::runbook::library::EMBEDDED[0];
    let (at, _) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("it: "))
        .expect("an Italian text");
    let cut: Vec<&str> = text
        .lines()
        .enumerate()
        .filter(|(n, _)| *n != at)
        .map(|(_, l)| l)
        .collect();
    let errors = load_checked(name, &cut.join("\n"), true).unwrap_err().0;
    assert_eq!(errors.len(), 1, "{}", Invalid(errors));
    // The text's `en:` line, just above the removed one, names the place.
    assert_eq!(errors[0].line as usize, at, "{}", errors[0]);
    assert!(errors[0].message.contains("`it:`"), "{}", errors[0]);
    // A site's own runbook may be in one language: it loads and shows what it has.
    let runbook = load("site.yaml", &cut.join("\n")).unwrap();
    assert!(!runbook.title.en().is_empty());
}

#[test]
fn a_plain_text_is_one_language_and_shown_in_both() {
    let text = format!("{HEAD}      - {{ id: a, kind: note, title: Riavvia TVOX 1 }}\n");
    let runbook = load("t.yaml", &text).unwrap();
    let title = &runbook.stages[0].steps[0].title;
    assert_eq!(title.get(crate::i18n::Lang::En), "Riavvia TVOX 1");
    let errors = load_checked("t.yaml", &text, true).unwrap_err().0;
    assert!(errors.iter().any(|e| e.message.contains("`en:` and `it:`")));
}
