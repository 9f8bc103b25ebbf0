//! Honest answers: `--yes` never passes an evidence gate, every decision is journalled with
//! where it came from, an undecidable condition stops the run, `--from` asks before it
//! skips, a rollback undoes only what ran, an open run can be abandoned, and no secret or
//! readable-by-others file is left in the state directory.

use std::os::unix::fs::PermissionsExt;

use predicates::prelude::*;
use serde_json::Value;

use crate::site::Site;

const DEMO_ANSWERS: &str =
    "answers: { release: '22.1', new_ip: 10.9.9.9, snapshot_name: pre-demo }\n";

/// The records of every journal of `runbook`, in order.
fn records(site: &Site, runbook: &str) -> Vec<Value> {
    site.journal_text(runbook)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn yes_never_answers_a_gate_and_the_answers_file_does_by_name() {
    let site = Site::new();
    let answers = site.answers(DEMO_ANSWERS);
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("gate `snapshot`")
                .and(predicate::str::contains("never an evidence gate"))
                .and(predicate::str::contains("gates: { snapshot: yes }")),
        );
    let journal = site.journal_text("demo");
    assert!(
        journal.contains(r#""event":"interrupted","step":"snapshot","reason":"gate `snapshot`"#),
        "{journal}"
    );
    assert!(
        !journal.contains(r#""step":"snapshot","outcome""#),
        "{journal}"
    );

    // A misspelt gate is refused before anything runs, with the gate it meant.
    let typo = site.answers(&format!("{DEMO_ANSWERS}gates: {{ snapshto: yes }}\n"));
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&typo)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `snapshot`?"));

    let answers = site.answers(&format!("{DEMO_ANSWERS}gates: {{ snapshot: yes }}\n"));
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let gate = site.evidence("demo", "snapshot");
    let decided = gate["decided_by"].as_array().unwrap();
    assert!(
        decided.contains(
            &serde_json::json!({ "what": "answer", "name": "snapshot_name", "by": "answers_file" })
        ),
        "{gate}"
    );
    assert!(
        decided
            .contains(&serde_json::json!({ "what": "gate", "passed": true, "by": "answers_file" })),
        "{gate}"
    );
    // A plain manual step's "done?" is still answered by --yes, and says so.
    let manual = site.evidence("demo", "ask-release");
    assert!(
        manual["decided_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["what"] == "confirmation" && d["by"] == "yes"),
        "{manual}"
    );
}

#[test]
fn a_gate_answered_no_in_the_file_aborts_the_run() {
    let site = Site::new();
    let answers = site.answers(&format!("{DEMO_ANSWERS}gates: {{ snapshot: no }}\n"));
    site.tvdr()
        .args(["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("gate `snapshot` not passed"));
    let gate = site.evidence("demo", "snapshot");
    assert_eq!(gate["decided_by"][1]["what"], "gate", "{gate}");
    assert_eq!(gate["decided_by"][1]["passed"], false, "{gate}");
    assert_eq!(gate["decided_by"][1]["by"], "answers_file", "{gate}");
}

#[test]
fn from_asks_before_skipping_and_an_undecidable_condition_stops_until_answered() {
    let site = Site::new();
    // No terminal, no --yes: `--from` cannot be confirmed, and nothing is journalled.
    site.tvdr()
        .args(["runbook", "honest", "--from", "upload"])
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("`--from upload`").and(predicate::str::contains(
                "ask-kind (Ask how the licence comes)",
            )),
        );
    assert!(site.journals("honest").is_empty());

    // With --yes: `ask-kind` is recorded as skipped; `upload` reads its answer, which was
    // never given, so the run stops there instead of skipping it.
    site.tvdr()
        .args(["runbook", "honest", "--yes", "--from", "upload"])
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("step `upload` cannot be decided")
                .and(predicate::str::contains("`licence_kind`"))
                .and(predicate::str::contains("--only ask-kind")),
        );
    let all = records(&site, "honest");
    let from = all.iter().find(|r| r["event"] == "decided").unwrap();
    assert_eq!(from["what"], "confirmation", "{from}");
    assert_eq!(from["by"], "yes", "{from}");
    let stop = all.iter().find(|r| r["event"] == "interrupted").unwrap();
    assert_eq!(stop["step"], "upload");
    assert!(
        stop["reason"].as_str().unwrap().contains("licence_kind"),
        "{stop}"
    );
    assert!(
        !all.iter()
            .any(|r| r["event"] == "step_finished" && r["step"] == "upload"),
        "`upload` was recorded: {all:?}"
    );

    // Answer it, then resume: the condition is decided now and the step runs.
    let answers = site.answers("answers: { licence_kind: file }\n");
    site.tvdr()
        .args([
            "runbook",
            "honest",
            "--yes",
            "--only",
            "ask-kind",
            "--answers",
        ])
        .arg(&answers)
        .assert()
        .success();
    site.tvdr()
        .args(["runbook", "honest", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("resuming run"));
    assert_eq!(site.journals("honest").len(), 1);
    assert!(site.evidence("honest", "upload")["shown_at"].is_string());
}

#[test]
fn rollback_undoes_only_stages_in_which_a_step_ran() {
    let site = Site::new();
    // `ask-kind` and `upload` are skipped by `--from`: their stages changed nothing.
    site.tvdr()
        .args(["runbook", "honest", "--yes", "--from", "end-note"])
        .assert()
        .success();
    site.tvdr()
        .args(["runbook", "honest", "--rollback", "--yes"])
        .assert()
        .success();
    let journal = site.journal_text("honest.rollback");
    assert!(
        journal.contains(r#""step":"undo-end","outcome":"done""#),
        "{journal}"
    );
    let ran: Vec<Value> = records(&site, "honest.rollback")
        .into_iter()
        .filter(|r| r["event"] == "step_started")
        .map(|r| r["step"].clone())
        .collect();
    assert_eq!(ran, ["undo-end"], "{journal}");
}

#[test]
fn an_open_run_is_abandoned_with_a_reason_and_new_starts_another() {
    let site = Site::new();
    site.tvdr().args(["runbook", "demo"]).assert().code(5);
    assert_eq!(site.journals("demo").len(), 1);
    let lock = site.home_of("tvox1").join(format!(
        ".local/state/tvdr/locks/lab-{}_demo",
        site.lab.id()
    ));
    assert!(lock.is_dir(), "no lock on tvox1");

    // --new alone would leave the open run behind unsaid.
    site.tvdr()
        .args(["runbook", "demo", "--new"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--abandon REASON --new"));
    site.tvdr()
        .args(["runbook", "demo", "--abandon", "no"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a reason"));

    site.tvdr()
        .args([
            "runbook",
            "demo",
            "--abandon",
            "wrong release agreed, starting over",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("abandoned"));
    let first = records(&site, "demo");
    let abandoned = first.last().unwrap();
    assert_eq!(abandoned["event"], "abandoned");
    assert_eq!(abandoned["reason"], "wrong release agreed, starting over");
    assert_eq!(abandoned["operator"], "tech-a");
    assert!(
        !lock.exists(),
        "the abandoned run's lock was left on the cluster"
    );
    let out = site
        .tvdr()
        .args(["runbook", "demo", "--status", "--format", "json"])
        .assert()
        .success();
    let status: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(status["abandoned"], "wrong release agreed, starting over");
    site.tvdr()
        .args(["runbook", "demo", "--abandon", "nothing is open now"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no open run to abandon"));

    // The next run is a new one; abandoning it and starting another is one command.
    site.tvdr().args(["runbook", "demo"]).assert().code(5);
    assert_eq!(site.journals("demo").len(), 2);
    let answers = site.answers(&format!("{DEMO_ANSWERS}gates: {{ snapshot: yes }}\n"));
    site.tvdr()
        .args([
            "runbook",
            "demo",
            "--abandon",
            "rehearsal restarted",
            "--new",
            "--yes",
        ])
        .arg("--answers")
        .arg(&answers)
        .assert()
        .success()
        .stderr(predicate::str::contains("started run"));
    let journals = site.journals("demo");
    assert_eq!(journals.len(), 3);
    assert!(std::fs::read_to_string(&journals[1])
        .unwrap()
        .contains(r#""event":"abandoned""#));
    assert!(std::fs::read_to_string(&journals[2])
        .unwrap()
        .contains(r#""event":"run_finished""#));
    // The report of an abandoned run says so.
    let run = journals[1]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    site.tvdr()
        .args(["runbook", "demo", "--report", &run])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "**abandoned** by tech-a: rehearsal restarted",
        ));
}

#[test]
fn a_secret_never_reaches_the_journal_and_a_resumed_run_gets_it_again() {
    let site = Site::new();
    let secret = "Hunter2-s3cret";
    let answers = site.answers(&format!("answers: {{ admin_password: {secret} }}\n"));
    // Stops at the gate: the secret was answered, and journalled masked.
    site.tvdr()
        .args(["runbook", "secret", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .code(5);
    let journal = site.journal_text("secret");
    assert!(!journal.contains(secret), "{journal}");
    assert!(
        journal.contains(r#""admin_password":"••••••""#),
        "{journal}"
    );

    // Resumed: the answers file gives the secret again, the command uses it, and neither
    // its command line nor its output keeps it.
    let answers = site.answers(&format!(
        "answers: {{ admin_password: {secret} }}\ngates: {{ vault: yes }}\n"
    ));
    site.tvdr()
        .args(["runbook", "secret", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let journal = site.journal_text("secret");
    assert!(!journal.contains(secret), "{journal}");
    let used = site.evidence("secret", "use-secret");
    assert!(used.to_string().contains("pw=••••••"), "{used}");
    assert!(
        records(&site, "secret")
            .iter()
            .any(|r| r["event"] == "decided"
                && r["name"] == "admin_password"
                && r["by"] == "answers_file"),
        "{journal}"
    );

    // The report, made from the journal, masks it as well; written to a file, it is 0600.
    let report = site.home.path().join("secret-report.md");
    site.tvdr()
        .args(["runbook", "secret", "--report", "--output"])
        .arg(&report)
        .assert()
        .success();
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(!text.contains(secret), "{text}");
    assert!(text.contains("••••••"), "{text}");
    assert_eq!(mode(&report), 0o600);

    // The state directory is the operator's alone.
    assert_eq!(mode(&site.site_state()), 0o700);
    for path in site.journals("secret") {
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}
