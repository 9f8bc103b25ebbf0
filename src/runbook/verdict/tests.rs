//! The verdict on realistic updater logs (fixtures/, one per case, as the screen wrapper
//! leaves them: exit marker included, or missing when the run was killed), and its
//! properties on generated ones.

use proptest::prelude::*;
use regex::Regex;

use super::log::{clean, exit_status};
use super::*;

macro_rules! fixture {
    ($name:literal) => {
        ($name, &include_bytes!(concat!("fixtures/", $name))[..])
    };
}

enum Expect {
    /// A success, decided by this line.
    Success(&'static str),
    /// A failure, for exactly these reasons.
    Fails(Vec<Reason>),
}
use Expect::{Fails, Success};

fn says(line: &str) -> Reason {
    Reason::Says {
        line: line.to_string(),
        more: 0,
    }
}

fn says_more(line: &str, more: usize) -> Reason {
    Reason::Says {
        line: line.to_string(),
        more,
    }
}

fn cases() -> Vec<((&'static str, &'static [u8]), Expect)> {
    use Reason::{Exit, NoSuccess, UnknownExit};
    vec![
        (
            fixture!("success-english.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("success-italian.log"),
            Success("Aggiornamento completato con successo."),
        ),
        (
            fixture!("success-italian-eseguito-correttamente.log"),
            Success("Aggiornamento alla versione 22.1.3 eseguito correttamente"),
        ),
        (
            fixture!("success-italian-andato-a-buon-fine.log"),
            Success("L'aggiornamento è andato a buon fine."),
        ),
        (
            fixture!("success-with-preflight-warnings.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("success-after-errors-it-recovered-from-early.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("success-then-log-path-and-zero-error-summary.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("success-italian-senza-errori-and-counters-at-zero.log"),
            Success("Aggiornamento completato senza errori"),
        ),
        (
            fixture!("crlf-success.log"),
            Success("Aggiornamento completato con successo."),
        ),
        (
            fixture!("ansi-colours-success.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("progress-bar-carriage-returns-success.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("backspace-spinner-then-success.log"),
            Success("Update completed successfully."),
        ),
        (
            fixture!("preflight-success-words-then-killed.log"),
            Fails(vec![UnknownExit, NoSuccess]),
        ),
        (
            fixture!("preflight-success-words-then-migration-failed.log"),
            Fails(vec![
                Exit(4),
                says_more(
                    "ERROR 1146 (42S02) at line 3: Table 'tvox.calendar_idx' doesn't exist",
                    1,
                ),
                NoSuccess,
            ]),
        ),
        (
            fixture!("success-words-but-exit-1.log"),
            Fails(vec![Exit(1)]),
        ),
        (
            fixture!("negated-english-update-not-completed.log"),
            Fails(vec![says("Update NOT completed"), NoSuccess]),
        ),
        (
            fixture!("negated-italian-aggiornamento-non-completato.log"),
            Fails(vec![says("Aggiornamento NON completato"), NoSuccess]),
        ),
        (
            fixture!("negated-italian-non-e-stato-completato.log"),
            Fails(vec![
                says("L'aggiornamento non è stato completato"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("latin1-non-e-stato-completato.log"),
            Fails(vec![
                says("L'aggiornamento non \u{FFFD} stato completato"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("negated-italian-non-riuscito.log"),
            Fails(vec![
                says("Aggiornamento non riuscito: contattare l'assistenza Telenia"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("negated-english-did-not-complete-successfully.log"),
            Fails(vec![
                says("The upgrade did not complete successfully."),
                NoSuccess,
            ]),
        ),
        (
            fixture!("negated-english-could-not-be-applied.log"),
            Fails(vec![says("Update 22.1.3 could not be applied"), NoSuccess]),
        ),
        (
            fixture!("completed-with-errors-english.log"),
            Fails(vec![
                says("Update completed with errors, see /var/log/tvox/update.log"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("completato-con-errori-italian.log"),
            Fails(vec![
                says("Aggiornamento completato con 3 errori"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("yum-transaction-check-error.log"),
            Fails(vec![
                Exit(1),
                says_more("Transaction check error:", 1),
                NoSuccess,
            ]),
        ),
        (
            fixture!("rpm-failed-dependencies.log"),
            Fails(vec![
                Exit(1),
                says("error: Failed dependencies:"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("killed-midway-in-packages-no-end.log"),
            Fails(vec![UnknownExit, NoSuccess]),
        ),
        (
            fixture!("ansi-colours-red-errore-migration.log"),
            Fails(vec![
                Exit(2),
                says_more("ERRORE: migrazione 2202_calendar_index non applicata", 1),
                NoSuccess,
            ]),
        ),
        (
            fixture!("progress-bar-then-download-timed-out.log"),
            Fails(vec![
                says("Download of tvox-core-22.1.3-1.el7.x86_64.rpm timed out after 300 s"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("service-failed-to-start-after-success-line.log"),
            Fails(vec![says(
                "Starting tvox-chat:                                        [FAILED]",
            )]),
        ),
        (
            fixture!("aborted-by-the-operator.log"),
            Fails(vec![
                Exit(130),
                says("Update aborted by user (SIGINT)"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("rollback-after-migration-failure.log"),
            Fails(vec![says_more("Rolling back to 21.4.2 ...", 1), NoSuccess]),
        ),
        (fixture!("empty-log-exit-0.log"), Fails(vec![NoSuccess])),
        (
            fixture!("success-line-followed-by-too-many-lines.log"),
            Fails(vec![NoSuccess]),
        ),
        (
            fixture!("python-traceback.log"),
            Fails(vec![
                Exit(1),
                says_more("Traceback (most recent call last):", 1),
                NoSuccess,
            ]),
        ),
        (
            fixture!("incomplete-english.log"),
            Fails(vec![
                says("Upgrade incomplete: 3 of 5 components updated"),
                NoSuccess,
            ]),
        ),
        (
            fixture!("interrotto-italian.log"),
            Fails(vec![says("Aggiornamento interrotto"), NoSuccess]),
        ),
        (
            fixture!("killed-ucciso-italian-then-success-words.log"),
            Fails(vec![says(
                "/opt/tvox/update.sh: riga 212: 30117 Ucciso                  php /opt/tvox/bin/migrate.php 2202_calendar_index",
            )]),
        ),
        (
            fixture!("no-space-left-on-device.log"),
            Fails(vec![
                Exit(2),
                says_more(
                    "tar: opt/tvox/lib/libtvx.so.22: Cannot write: No space left on device",
                    1,
                ),
                NoSuccess,
            ]),
        ),
    ]
}

fn judge_log(log: &[u8]) -> Verdict {
    judge(&clean(log), exit_status(log), &Rules::default())
}

#[test]
fn every_fixture_gets_the_verdict_it_shows() {
    let mut wrong = Vec::new();
    for ((name, log), expect) in cases() {
        let verdict = judge_log(log);
        let ok = match &expect {
            Success(line) => {
                verdict.success() && verdict.success.as_ref().map(|h| h.line.as_str()) == Some(line)
            }
            Fails(reasons) => !verdict.success() && &verdict.reasons == reasons,
        };
        if !ok {
            wrong.push(format!("{name}: {verdict:#?}"));
        }
    }
    assert!(wrong.is_empty(), "wrong verdicts:\n{}", wrong.join("\n"));
}

#[test]
fn every_fixture_file_has_a_case() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/runbook/verdict/fixtures");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut named: Vec<String> = cases().iter().map(|((n, _), _)| n.to_string()).collect();
    named.sort();
    assert_eq!(files, named);
    assert!(files.len() >= 25);
}

#[test]
fn a_success_says_nothing_against_it_and_earlier_recovered_errors_are_kept() {
    let verdict = judge_log(include_bytes!(
        "fixtures/success-after-errors-it-recovered-from-early.log"
    ));
    assert!(verdict.success(), "{verdict:#?}");
    assert!(verdict.failures.is_empty());
    assert_eq!(verdict.why(), "");
    let earlier: Vec<&str> = verdict
        .earlier_failures
        .iter()
        .map(|h| h.line.as_str())
        .collect();
    assert_eq!(earlier.len(), 3, "{earlier:#?}");
    assert!(earlier[1].starts_with("ERROR: mirror1 unreachable"));
    assert!(earlier[2].starts_with("ERROR 1050 (42S01)"));
}

#[test]
fn the_reasons_read_as_the_technician_needs_them() {
    let verdict = judge_log(include_bytes!(
        "fixtures/preflight-success-words-then-migration-failed.log"
    ));
    assert_eq!(
        verdict.why(),
        "exit status 4; the output says `ERROR 1146 (42S02) at line 3: Table \
         'tvox.calendar_idx' doesn't exist` (and 1 more failure line); no success output in \
         the last 10 lines"
    );
    let evidence = verdict.evidence();
    assert_eq!(evidence["result"], "failed");
    assert_eq!(evidence["exit"], 4);
    assert_eq!(evidence["success_line"], serde_json::Value::Null);
    assert_eq!(
        evidence["failure_line"],
        "ERROR 1146 (42S02) at line 3: Table 'tvox.calendar_idx' doesn't exist"
    );
    assert_eq!(evidence["failure_lines"].as_array().unwrap().len(), 2);
    assert_eq!(evidence["why"], verdict.why().en());
    assert_eq!(
        verdict.why().in_lang(crate::i18n::Lang::It),
        "stato di uscita 4; l'output dice `ERROR 1146 (42S02) at line 3: Table \
         'tvox.calendar_idx' doesn't exist` (e un'altra riga di errore); nessun output di \
         successo nelle ultime 10 righe"
    );
    let killed = judge_log(include_bytes!(
        "fixtures/killed-midway-in-packages-no-end.log"
    ));
    assert!(
        killed.why().starts_with("unknown exit status"),
        "{}",
        killed.why()
    );
    assert_eq!(killed.exit, None);
}

#[test]
fn the_final_output_is_the_last_non_empty_lines_within_the_byte_cap() {
    let text: String = (1..=30).map(|i| format!("line {i}\n\n")).collect();
    let (earlier, last) = final_output(&text);
    assert_eq!(earlier.len(), 20);
    assert_eq!(last.first(), Some(&"line 21"));
    assert_eq!(last.last(), Some(&"line 30"));
    // One long line near the end pushes the shorter ones before it out; the last stays.
    let long = "x".repeat(FINAL_BYTES);
    let text = format!("update completed\n{long}\nend\n");
    let (_, last) = final_output(&text);
    assert_eq!(last, vec!["end"]);
    let text = format!("update completed\n{long}{long}\n");
    assert_eq!(final_output(&text).1.len(), 1);
}

#[test]
fn runbook_rules_replace_the_success_rule_and_add_failure_rules() {
    let rules = Rules::new(
        vec![Regex::new("^Patch 22 OK$").unwrap()],
        vec![Regex::new("ATTENZIONE: licenza").unwrap()],
    );
    let judged = |text: &str| judge(text, Some(0), &rules);
    assert!(judged("Patch 22 OK\n").success());
    // The default success words no longer prove anything...
    assert_eq!(
        judged("Update completed\n").reasons,
        vec![Reason::NoSuccess]
    );
    // ...the shipped failure rules still apply, and the step's own too.
    assert!(!judged("Patch 22 OK\nUpdate NOT completed\n").success());
    assert_eq!(
        judged("ATTENZIONE: licenza scaduta\nPatch 22 OK\n").reasons,
        vec![says("ATTENZIONE: licenza scaduta")]
    );
    // A rule someone wrote means what it says: no benign parts are removed for it.
    let strict = Rules::new(Vec::new(), vec![Regex::new("0 errors").unwrap()]);
    assert!(!judge("Update completed, 0 errors\n", Some(0), &strict).success());
    assert!(judge("Update completed, 0 errors\n", Some(0), &Rules::default()).success());
}

#[test]
fn the_log_is_judged_without_escapes_redraws_or_the_marker() {
    let log = b"\x1b[1mUpdating\x1b[0m\r\n 10%\r 50%\r100%\r\nwait |\x08/\x08-\x08\x07ok\r\nupdate completed\r\n\r\ntvdr-exit:0\r\n";
    assert_eq!(clean(log), "Updating\n100%\nwait ok\nupdate completed\n\n");
    assert_eq!(exit_status(log), Some(0));
    assert_eq!(exit_status(b"killed halfway\r\n"), None);
    assert_eq!(exit_status(b"x\ntvdr-exit:3\n"), Some(3));
}

/// The successful fixtures.
fn successes() -> Vec<&'static [u8]> {
    cases()
        .into_iter()
        .filter(|(_, e)| matches!(e, Success(_)))
        .map(|((_, log), _)| log)
        .collect()
}

/// Words of consonants only: never a real word of either language, so never a negation
/// or an "0 errors" that would turn a failure line benign.
fn filler() -> impl Strategy<Value = String> {
    proptest::collection::vec("[bcdfghjklmnpqrstvwxz]{1,8}", 0..5).prop_map(|w| w.join(" "))
}

/// Failure lines in the forms the shipped rules know, around filler text.
fn failure_line() -> impl Strategy<Value = String> {
    let forms = prop_oneof![
        Just("Aggiornamento NON completato"),
        Just("Update NOT completed"),
        Just("L'aggiornamento non è stato completato"),
        Just("the upgrade did not complete"),
        Just("update was not successful"),
        Just("aggiornamento non riuscito"),
        Just("Update completed with errors"),
        Just("aggiornamento completato con errori"),
        Just("ERROR:"),
        Just("ERRORE:"),
        Just("FATAL"),
        Just("error: Failed dependencies:"),
        Just("failed"),
        Just("fallita"),
        Just("aborted"),
        Just("interrotto"),
        Just("incomplete"),
        Just("rollback"),
        Just("[FAILED]"),
    ];
    (filler(), forms, filler()).prop_map(|(a, form, b)| format!("{a} {form} {b}"))
}

proptest! {
    // Few cases: each judges a whole log, and the machine is shared.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn appending_a_failure_line_to_any_success_makes_it_fail(
        which in any::<prop::sample::Index>(),
        line in failure_line(),
    ) {
        let all = successes();
        let log = all[which.index(all.len())];
        let text = clean(log);
        prop_assert!(judge(&text, Some(0), &Rules::default()).success());
        let appended = format!("{text}{line}\n");
        let verdict = judge(&appended, Some(0), &Rules::default());
        prop_assert!(!verdict.success());
        prop_assert_eq!(verdict.failures.last().map(|h| h.line.clone()), Some(line.trim_end().to_string()));
    }

    #[test]
    fn a_success_with_a_nonzero_or_unknown_exit_fails_by_its_exit(
        which in any::<prop::sample::Index>(),
        exit in prop_oneof![Just(None), (1..256i32).prop_map(Some)],
    ) {
        let all = successes();
        let text = clean(all[which.index(all.len())]);
        let verdict = judge(&text, exit, &Rules::default());
        let expected = match exit {
            Some(code) => Reason::Exit(code),
            None => Reason::UnknownExit,
        };
        prop_assert_eq!(verdict.reasons, vec![expected]);
    }

    #[test]
    fn failures_far_before_the_end_do_not_outweigh_a_clean_success(
        which in any::<prop::sample::Index>(),
        early in proptest::collection::vec(failure_line(), 1..20),
    ) {
        let all = successes();
        let text = clean(all[which.index(all.len())]);
        let before = format!("{}\n{text}", early.join("\n"));
        let verdict = judge(&before, Some(0), &Rules::default());
        prop_assert!(verdict.success());
        prop_assert!(!verdict.earlier_failures.is_empty());
    }
}

/// The shipped rules run with ASCII word boundaries (fast on non-ASCII lines) but are
/// shown as written, in plans and journals.
#[test]
fn shipped_rules_are_shown_as_written_and_judge_accented_lines() {
    let rules = Rules::default();
    assert_eq!(rules.success[0].as_str(), DEFAULT_SUCCESS);
    assert!(rules.failure.iter().all(|r| !r.as_str().contains("(?-u:")));
    for (line, fails) in [
        ("Aggiornamento città: non è stato completato", true),
        ("perché l'installazione è fallita", true),
        ("è fallito", true),
        (
            "Aggiornamento completato — nessun errore, più veloce",
            false,
        ),
    ] {
        assert_eq!(rules.failure_in(line).is_some(), fails, "{line}");
    }
    assert!(rules
        .success_in("Aggiornamento completato — più veloce")
        .is_some());
}

/// Found by fuzzing: a long line of `�` (a Latin-1 log without line ends) kept the
/// Unicode word boundaries of the rules on the regex engine's slow path, and the benign
/// parts were removed once per rule. This log took 26 s in a debug build, 0.6 s since:
/// the deadline sits far from both.
#[test]
fn a_long_line_of_non_utf8_bytes_is_judged_on_the_fast_path() {
    let log: Vec<u8> = b"\xe8 fallit\xe0 ".repeat(64 << 10);
    let deadline = std::time::Duration::from_secs(10);
    let held = crate::fuzz::guard::bounded(log, 256 << 20, deadline, |log| {
        let verdict = judge(&clean(log), exit_status(log), &Rules::default());
        assert!(!verdict.success());
    });
    assert!(held < 64 << 20, "{held}");
}

#[test]
fn only_a_log_that_is_the_no_command_marker_alone_says_never_started() {
    use super::log::never_started;
    // As screen logs it: the window's CRLF line ends.
    let never = b"\r\ntvdr-no-command\r\n";
    assert!(never_started(never));
    assert_eq!((clean(never).trim(), exit_status(never)), ("", None));
    // A command that printed the marker itself ran: it ended, or was killed after it.
    assert!(!never_started(b"step 1\r\ntvdr-no-command\r\n"));
    assert!(!never_started(b"tvdr-no-command\r\n\r\ntvdr-exit:0\r\n"));
    assert!(!never_started(b""));
}
