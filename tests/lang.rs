//! Italian and English: `--lang`, `TVDR_LANG` and the locale choose the language of what
//! people read; machine outputs (JSON) are the same bytes in both.

use crate::common::{repo_file, tvdr};
use crate::site::Site;

fn dry_run(env: &[(&str, &str)], args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = tvdr(home.path());
    cmd.arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .args(["runbook", "standalone-to-ft", "--dry-run"])
        .args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const TITLE_IT: &str = "Predisporre l'ambiente in produzione";
const TITLE_EN: &str = "Prepare the production environment";

#[test]
fn lang_it_shows_the_dry_run_in_italian() {
    let it = dry_run(&[], &["--lang", "it"]);
    assert!(it.contains(TITLE_IT), "{it}");
    assert!(it.contains("prova a secco di `standalone-to-ft`"), "{it}");
    assert!(!it.contains(TITLE_EN), "{it}");
    let en = dry_run(&[], &[]);
    assert!(en.contains(TITLE_EN) && !en.contains(TITLE_IT), "{en}");
}

#[test]
fn tvdr_lang_and_the_locale_choose_italian_and_lang_overrides_them() {
    assert!(dry_run(&[("TVDR_LANG", "it")], &[]).contains(TITLE_IT));
    assert!(dry_run(&[("LANG", "it_IT.UTF-8")], &[]).contains(TITLE_IT));
    assert!(dry_run(&[("LC_ALL", "it_IT.UTF-8"), ("LANG", "en_US.UTF-8")], &[]).contains(TITLE_IT));
    assert!(dry_run(&[("LANG", "it_IT.UTF-8")], &["--lang", "en"]).contains(TITLE_EN));
    assert!(dry_run(&[("LANG", "fr_FR.UTF-8")], &[]).contains(TITLE_EN));
}

#[test]
fn the_json_plan_is_the_same_bytes_in_both_languages() {
    for rollback in [&[][..], &["--rollback"][..]] {
        let json = |lang: &str| {
            let mut args = vec!["--lang", lang, "--format", "json"];
            args.extend_from_slice(rollback);
            dry_run(&[], &args)
        };
        let (en, it) = (json("en"), json("it"));
        assert_eq!(en, it);
        assert!(en.contains(&format!("\"title_it\": \"{TITLE_IT}\"")) || !rollback.is_empty());
    }
}

#[test]
fn italian_help_lists_the_commands_in_italian() {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .args(["--lang", "it", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("Comandi:") && help.contains("Avvia o riprende una procedura"),
        "{help}"
    );
}

#[test]
fn italian_help_explains_every_option_and_gives_examples() {
    let home = tempfile::tempdir().unwrap();
    let help = |args: &[&str]| {
        let out = tvdr(home.path()).args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let runbook = help(&["--lang", "it", "runbook", "--help"]);
    for italian in [
        "Stampa il piano risolto senza collegarsi a nulla",
        "Esempi:",
        "tvdr runbook upgrade --dry-run --format json",
    ] {
        assert!(runbook.contains(italian), "{italian} missing:\n{runbook}");
    }
    let top = help(&["--lang", "it", "--help"]);
    assert!(top.contains("Codici di uscita:"), "{top}");
    let english = help(&["runbook", "--help"]);
    assert!(english.contains("Print the resolved plan"), "{english}");
}

#[test]
fn check_json_is_the_same_in_both_languages_on_the_lab() {
    let site = Site::new();
    let json = |lang: &str| {
        let out = site
            .tvdr()
            .args(["--lang", lang, "check", "vip", "hosts", "--format", "json"])
            .output()
            .unwrap();
        let mut value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // The one field that differs between two runs whatever the language.
        value.as_object_mut().unwrap().remove("generated_at");
        value.to_string()
    };
    assert_eq!(json("en"), json("it"));
}

/// `tvdr --lang it check` against real nodes: the verdicts (summaries, details) read in
/// Italian, the status words and the check names stay as they are.
#[test]
fn check_verdicts_read_in_italian_on_the_lab() {
    let site = Site::new();
    let out = site
        .tvdr()
        .args(["--lang", "it", "check", "vip", "hosts"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{table}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for italian in ["è master (ha ", "su ogni nodo", "riepilogo", "messaggio"] {
        assert!(table.contains(italian), "{italian} missing:\n{table}");
    }
    for english in ["is master (holds", "on every node"] {
        assert!(!table.contains(english), "{english} in:\n{table}");
    }
    let english = site.tvdr().args(["check", "vip"]).output().unwrap();
    let english = String::from_utf8_lossy(&english.stdout);
    assert!(english.contains("is master (holds"), "{english}");
}

/// A run in Italian on the lab: the question that nobody can answer, the resume and the
/// report speak Italian; the journal's events, step ids and decisions stay the same.
#[test]
fn a_run_in_italian_asks_resumes_and_reports_in_italian() {
    let site = Site::new();
    site.tvdr()
        .args(["--lang", "it", "runbook", "demo"])
        .assert()
        .code(5)
        .stderr(predicates::str::contains("non c'è un terminale"));
    let answers = site.answers(
        "answers: { release: '22.1', new_ip: 10.9.9.9, snapshot_name: pre-demo }\ngates: { snapshot: yes }\n",
    );
    site.tvdr()
        .args(["--lang", "it", "runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success()
        .stderr(predicates::str::contains("ripresa dell'esecuzione"));
    let journal = site.journal_text("demo");
    assert!(
        journal.contains(r#""event":"interrupted","step":"ask-release""#),
        "{journal}"
    );
    // The question nobody could answer is journalled in English, its Italian beside it.
    let interrupted: serde_json::Value = journal
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["event"] == "interrupted")
        .unwrap();
    let reason = interrupted["reason"].as_str().unwrap();
    assert!(
        reason.contains("step `ask-release` needs an answer to `release`"),
        "{journal}"
    );
    assert!(!reason.contains("richiede"), "{journal}");
    assert!(
        interrupted["reason_it"]
            .as_str()
            .unwrap()
            .contains("richiede"),
        "{journal}"
    );
    let out = site
        .tvdr()
        .args(["--lang", "it", "runbook", "demo", "--report"])
        .assert()
        .success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for italian in [
        "## Cronologia",
        "**terminata**",
        "verifica superata dal file delle risposte",
    ] {
        assert!(report.contains(italian), "{italian} missing:\n{report}");
    }
}

/// A step that fails on a node, in Italian: the terminal and the Italian report say why in
/// Italian, the journal keeps the English reason with the Italian beside it, and the
/// English report of the same run reads English.
#[test]
fn a_step_failure_on_a_node_reads_in_italian_and_is_journalled_in_english() {
    let site = Site::new();
    let answers = site.answers(
        "answers: { release: '21.9', new_ip: 10.9.9.8, snapshot_name: pre-demo }\ngates: { snapshot: yes }\n",
    );
    site.tvdr()
        .args(["--lang", "it", "runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "l'output non corrisponde a `^22`",
        ))
        .stderr(predicates::str::contains("fermato a `write-marker`"));
    let journal = site.journal_text("demo");
    let failed: serde_json::Value = journal
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["event"] == "step_finished" && r["step"] == "write-marker")
        .unwrap();
    assert_eq!(failed["outcome"], "failed");
    assert!(
        failed["reason"]
            .as_str()
            .unwrap()
            .ends_with("output does not match `^22`"),
        "{failed}"
    );
    assert!(
        failed["reason_it"]
            .as_str()
            .unwrap()
            .ends_with("l'output non corrisponde a `^22`"),
        "{failed}"
    );
    let report = |lang: &str| {
        let out = site
            .tvdr()
            .args(["--lang", lang, "runbook", "demo", "--report"])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let it = report("it");
    // Markdown escapes the backticks of what it quotes.
    assert!(it.contains("l'output non corrisponde a \\`^22\\`"), "{it}");
    assert!(!it.contains("output does not match"), "{it}");
    let en = report("en");
    assert!(en.contains("output does not match \\`^22\\`"), "{en}");
}

/// `tvdr inventory` speaks the chosen language, every line of it.
#[test]
fn inventory_reads_in_italian() {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .arg("-i")
        .arg(repo_file("examples/tvdr.yaml"))
        .args(["--lang", "it", "inventory"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for italian in [
        "tempi massimi: connessione",
        "soglie: ritardo chat",
        "obiettivi: RPO",
    ] {
        assert!(text.contains(italian), "{italian} missing:\n{text}");
    }
    for english in ["timeouts:", "thresholds:", "objectives:"] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
}
