//! Reports of journals built record by record, snapshotted: a reviewer sees every change
//! of the text the customer's DR plan receives.

use std::time::{Duration, SystemTime};

use serde_json::{json, Value};

use super::{render, Site};
use crate::checks::{Report, Status};
use crate::runbook::journal::{Outcome, Record};
use crate::runbook::model::Runbook;
use crate::time::Timestamp;

pub(super) const FT: &str = r#"
id: standalone-to-ft
title: Stand-alone to Fault Tolerance
stages:
  - id: prepare
    title: Prepare
    steps:
      - { id: uat-baseline, kind: uat, phase: baseline, title: UAT before the change }
      - id: new-ips
        kind: manual
        title: Get two new physical addresses
        ask:
          - { name: tvox1_ip, type: ip, prompt: "New physical IP of TVOX 1" }
          - { name: tvox2_ip, type: ip, prompt: "New physical IP of TVOX 2" }
      - id: snapshot
        kind: gate
        title: Snapshot of TVOX 1, machine off, memory excluded
        ask: [ { name: snapshot_name, type: text } ]
      - { id: licence-v21, kind: manual, when: "tvox.version >= 21", title: Licence check from OCC }
  - id: convert
    title: Convert to FT
    steps:
      - { id: hosts, kind: check, checks: [hosts], title: /etc/hosts maps the node IP }
      - { id: patch, kind: run, on: tvox2, title: Install the FT package, command: [/opt/updater, --ip, "{{ tvox1_ip }}"] }
      - { id: reboot-1, kind: reboot, on: tvox1, title: Reboot TVOX 1 }
      - { id: sync, kind: check, checks: [calendars, fs-sync], title: Calendars and files in sync }
      - { id: uat-after, kind: uat, phase: after-ft, title: UAT after the conversion }
"#;

pub(super) const DR: &str = r#"
id: dr-activate
title: Activate the Disaster Recovery client
stages:
  - id: decide
    title: Decide
    steps:
      - id: disaster-declared
        kind: gate
        title: The customer has declared the disaster
        ask:
          - { name: declared_by, type: text, prompt: "Declared by (name, role)" }
          - { name: incident_ref, type: text, prompt: "Incident reference" }
  - id: isolate-main
    title: Isolate the main site
    steps:
      - { id: main-off, kind: gate, service: down, title: The main TVox is off }
      - { id: main-isolated, kind: check, checks: [dr-isolated], title: The main TVox no longer answers }
  - id: activate
    title: Activate the DR client
    steps:
      - { id: activate-button, kind: manual, title: Press the DR activation button }
      - { id: dr-client-up, kind: wait, until: { host: dr_client, state: up }, title: The DR client answers }
      - { id: dns-check, kind: check, checks: [dns], title: The domain resolves to the DR client }
  - id: verify
    title: Verify
    steps:
      - { id: dr-serving, kind: gate, service: up, title: Calls work on the DR client }
"#;

/// The outages of a stand-alone conversion outside its `down` … `up` window.
pub(super) const OUTAGES: &str = r#"
id: standalone-to-ft
title: Stand-alone to Fault Tolerance
stages:
  - id: prepare
    title: Prepare
    steps:
      - { id: snapshot, kind: gate, service: outage, title: "Snapshot of TVOX 1, machine off" }
      - { id: licence-reboot, kind: manual, service: outage, title: Reboot TVOX 1 to apply the licence }
      - { id: warn-customer-down, kind: gate, service: down, title: The outage starts now }
      - { id: network-reset, kind: manual, title: network_reset on TVOX 1 }
      - { id: service-back, kind: gate, service: up, title: TVOX 1 is back as FT master }
"#;

pub(super) const PLAIN: &str = r#"
id: demo
title: Engine demo
stages:
  - id: prepare
    title: Prepare
    steps:
      - { id: hello, kind: note, title: This is a rehearsal }
      - id: ask
        kind: manual
        title: Agree the release
        ask:
          - { name: release, type: text, prompt: "Release to install" }
          - { name: admin_password, type: text, prompt: "OCC admin password" }
      - { id: write, kind: run, on: master, title: Write a marker, script: "echo {{ release }} {{ admin_password }}" }
      - { id: screen-patch, kind: screen, on: tvox1, title: Patch in screen, command: [/opt/updater], success: "done" }
"#;

pub(super) fn runbook(text: &str) -> Runbook {
    crate::runbook::load("embedded:test.yaml", text).expect("valid test runbook")
}

pub(super) fn site() -> Site {
    Site {
        name: "acme-milano".into(),
        rpo: Duration::from_secs(15 * 60),
        rto: Duration::from_secs(30 * 60),
        lang: crate::i18n::Lang::En,
    }
}

/// Writes a journal as the runner would, with a clock the test moves.
pub(super) struct Journal {
    pub(super) records: Vec<Record>,
    now: SystemTime,
}

impl Journal {
    pub(super) fn start(rb: &Runbook, operator: &str, host: &str) -> Journal {
        let now = crate::time::rfc3339::parse("2026-03-14T08:00:00Z").unwrap();
        let mut j = Journal {
            records: Vec::new(),
            now,
        };
        j.records.push(Record::RunStarted {
            run_id: "20260314T080000Z-4242".into(),
            runbook: rb.id.clone(),
            runbook_source: rb.source.name.clone(),
            runbook_hash: rb.source.hash.clone(),
            steps: Default::default(),
            tvdr_version: "0.1.0".into(),
            inventory: "/etc/tvdr/acme.yaml".into(),
            inventory_hash: "1f2e3d".into(),
            site: "acme-milano".into(),
            operator: operator.into(),
            host: host.into(),
            rollback: false,
            at: j.at(),
        });
        j
    }

    pub(super) fn at(&self) -> Timestamp {
        Timestamp(self.now)
    }

    pub(super) fn wait(&mut self, secs: u64) -> &mut Self {
        self.now += Duration::from_secs(secs);
        self
    }

    pub(super) fn started(&mut self, step: &str) -> &mut Self {
        let at = self.at();
        self.records.push(Record::StepStarted {
            step: step.into(),
            at,
        });
        self
    }

    pub(super) fn finished(
        &mut self,
        step: &str,
        outcome: Outcome,
        reason: Option<&str>,
        evidence: Value,
        secs: u64,
    ) -> &mut Self {
        self.wait(secs);
        let at = self.at();
        self.records.push(Record::StepFinished {
            step: step.into(),
            outcome,
            reason: reason.map(str::to_string),
            reason_it: None,
            evidence,
            at,
            seconds: secs as f64,
        });
        self
    }

    /// A step that started and finished.
    pub(super) fn step(
        &mut self,
        step: &str,
        outcome: Outcome,
        reason: Option<&str>,
        evidence: Value,
        secs: u64,
    ) -> &mut Self {
        self.started(step)
            .finished(step, outcome, reason, evidence, secs)
    }

    pub(super) fn done(&mut self, step: &str, evidence: Value, secs: u64) -> &mut Self {
        self.step(step, Outcome::Done, None, evidence, secs)
    }

    pub(super) fn skipped(&mut self, step: &str, reason: &str) -> &mut Self {
        self.finished(step, Outcome::Skipped, Some(reason), json!({}), 0)
    }

    /// A step that ended for a reason tvdr wrote: journalled with its Italian beside.
    pub(super) fn ended_for(
        &mut self,
        step: &str,
        outcome: Outcome,
        reason: &crate::i18n::Msg,
        evidence: Value,
    ) -> &mut Self {
        let at = self.at();
        let (reason, reason_it) = crate::runbook::reason::recorded(Some(reason));
        self.records.push(Record::StepFinished {
            step: step.into(),
            outcome,
            reason,
            reason_it,
            evidence,
            at,
            seconds: 0.0,
        });
        self
    }

    pub(super) fn push(&mut self, record: impl FnOnce(Timestamp) -> Record) -> &mut Self {
        let at = self.at();
        self.records.push(record(at));
        self
    }

    pub(super) fn resumed(&mut self, operator: &str, host: &str, hash: &str) -> &mut Self {
        self.push(|at| Record::Resumed {
            operator: operator.into(),
            host: host.into(),
            runbook_hash: hash.into(),
            at,
        })
    }

    pub(super) fn interrupted(&mut self, step: &str) -> &mut Self {
        self.push(|at| Record::Interrupted {
            step: Some(step.into()),
            reason: None,
            reason_it: None,
            at,
        })
    }

    pub(super) fn end(&mut self) -> &mut Self {
        self.push(|at| Record::RunFinished { at })
    }
}

/// A conversion with an outage window: the journal both report forms are tested on.
pub(super) fn outage_run(rb: &Runbook) -> Journal {
    let mut j = Journal::start(rb, "alice", "laptop-alice");
    j.done("snapshot", answers(&[], "alice"), 420)
        .wait(60)
        .done("licence-reboot", answers(&[], "alice"), 300)
        .wait(30)
        .done("warn-customer-down", answers(&[], "alice"), 10)
        .done("network-reset", json!({}), 1500)
        .done("service-back", answers(&[], "alice"), 300)
        .end();
    j
}

pub(super) fn answers(pairs: &[(&str, &str)], operator: &str) -> Value {
    let answers: serde_json::Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    json!({ "answers": answers, "operator": operator, "confirmed_at": "2026-03-14T08:00:00Z" })
}

/// `evidence` with the step's decisions, as the runner journals them.
pub(super) fn decided(mut evidence: Value, decided_by: Value) -> Value {
    evidence["decided_by"] = decided_by;
    evidence
}

pub(super) fn checks(reports: Vec<Report>, attempts: u64) -> Value {
    json!({ "reports": reports, "attempts": attempts })
}

/// A `uat` step's evidence, in the shape the step writes (`engine::kinds::uat`).
pub(super) fn uat(
    phase: &str,
    cases: &[(&str, &str, &str)],
    regressions: &[(&str, &str)],
) -> Value {
    let cases: Vec<Value> = cases
        .iter()
        .map(|(id, result, note)| {
            let area = if *id == "voicemail" { "voicemail" } else { "calls" };
            json!({ "id": id, "title": id.replace('-', " "), "area": area, "result": result, "note": note })
        })
        .collect();
    let regressions: Vec<Value> = regressions
        .iter()
        .map(|(id, phase)| json!({ "id": id, "passed_in": phase }))
        .collect();
    json!({ "checklist": "uat-standard", "phase": phase, "cases": cases, "regressions": regressions })
}

#[test]
fn a_finished_conversion_with_an_override_a_failed_check_a_resume_and_a_regression() {
    let rb = runbook(FT);
    let j = conversion(&rb);
    insta::assert_snapshot!(render(&j.records, &rb, &site()));
}

/// A stand-alone conversion (`FT`) with an override, a failed check, a kill, two resumes
/// and a UAT regression.
pub(super) fn conversion(rb: &Runbook) -> Journal {
    let mut j = Journal::start(rb, "alice", "laptop-alice");
    let baseline = [
        ("inbound-external", "pass", ""),
        ("voicemail", "pass", ""),
        ("fax", "skip", "no fax at this site"),
    ];
    j.done("uat-baseline", uat("baseline", &baseline, &[]), 1800)
        .done(
            "new-ips",
            decided(
                answers(&[("tvox1_ip", "10.0.0.11"), ("tvox2_ip", "10.0.0.12")], "alice"),
                json!([
                    { "what": "answer", "name": "tvox1_ip", "by": "operator", "operator": "alice" },
                    { "what": "answer", "name": "tvox2_ip", "by": "answers_file" },
                    { "what": "confirmation", "prompt": "Get two new physical addresses — done?", "yes": true, "by": "yes" }
                ]),
            ),
            95,
        )
        .done(
            "snapshot",
            decided(
                answers(&[("snapshot_name", "pre-ft-2026-03-14")], "alice"),
                json!([
                    { "what": "answer", "name": "snapshot_name", "by": "answers_file" },
                    { "what": "gate", "passed": true, "by": "operator", "operator": "alice" }
                ]),
            ),
            420,
        )
        .ended_for(
            "licence-v21",
            Outcome::Skipped,
            &crate::msg!("reason-condition-false"),
            json!({}),
        )
        .step(
            "hosts",
            Outcome::Overridden,
            Some("tvox2 is re-imaged in the next stage; its hosts file is rewritten there"),
            decided(
                checks(
                    vec![Report::new("hosts", Status::Crit, "tvox2: no line maps 10.0.0.10 to pbx.acme.it")
                        .detail(Status::Ok, Some("tvox1"), "/etc/hosts", "10.0.0.10 pbx.acme.it")
                        .detail(Status::Crit, Some("tvox2"), "/etc/hosts", "missing: 10.0.0.10 pbx.acme.it")],
                    2,
                ),
                json!([
                    { "what": "retry", "by": "operator", "operator": "alice" },
                    { "what": "override", "by": "operator", "operator": "alice" }
                ]),
            ),
            12,
        )
        .wait(5)
        .started("patch")
        .wait(30)
        .interrupted("patch")
        .wait(600)
        .resumed("bob", "laptop-bob", &rb.source.hash)
        .done(
            "patch",
            json!({
                "command": "/opt/updater --ip 10.0.0.11",
                "hosts": { "tvox2": { "exit": 0, "stdout_tail": "ok", "stderr_tail": "", "seconds": 252.4 } }
            }),
            252,
        )
        .done("reboot-1", json!({ "node": "tvox1", "boot_id_changed": true, "down_seconds": 14, "up_seconds": 97.5, "console": "a\nb" }), 112)
        .step(
            "sync",
            Outcome::Failed,
            Some("fs-sync CRIT: 2 directories differ"),
            checks(
                vec![
                    Report::new("calendars", Status::Ok, "master and slave identical (412 kB)"),
                    Report::new("fs-sync", Status::Crit, "2 directories differ")
                        .detail(Status::Crit, None, "recordings", "master 4.1 GB, slave 3.2 GB")
                        .detail(Status::Ok, None, "voicemail", "identical")
                        .hint("run setperms.sh on the master"),
                ],
                1,
            ),
            40,
        )
        .wait(1200)
        .resumed("bob", "laptop-bob", &rb.source.hash)
        .done("sync", checks(vec![Report::new("calendars", Status::Ok, "identical"), Report::new("fs-sync", Status::Ok, "in sync")], 1), 38)
        .done(
            "uat-after",
            // The step recorded the voicemail regression; the inbound one is found by the
            // report comparing the phases of this run.
            uat(
                "after-ft",
                &[("inbound-external", "fail", "one-way audio"), ("voicemail", "fail", "no MWI | lamp"), ("fax", "skip", "")],
                &[("voicemail", "baseline")],
            ),
            1500,
        )
        .end();
    j
}

#[test]
fn a_dr_activation_measures_the_rto_and_says_it_was_exceeded() {
    let rb = runbook(DR);
    let j = dr_activation(&rb);
    insta::assert_snapshot!(render(&j.records, &rb, &site()));
}

/// The same two runs in Italian: every heading, label and sentence of the report from the
/// Italian catalogue; ids, commands, answers and times stay as they are.
#[test]
fn a_conversion_and_a_dr_activation_in_italian() {
    let it = Site {
        lang: crate::i18n::Lang::It,
        ..site()
    };
    let rb = runbook(FT);
    let conversion = render(&conversion(&rb).records, &rb, &it);
    let rb = runbook(DR);
    let activation = render(&dr_activation(&rb).records, &rb, &it);
    for english in [
        "## Timeline",
        "run started",
        "Measured RTO",
        "| Time |",
        "at the terminal",
    ] {
        assert!(!conversion.contains(english), "{english} in:\n{conversion}");
        assert!(!activation.contains(english), "{english} in:\n{activation}");
    }
    insta::assert_snapshot!(format!("{conversion}\n---\n\n{activation}"));
}

/// A DR activation (`DR`) whose recovery exceeds the 30-minute objective.
pub(super) fn dr_activation(rb: &Runbook) -> Journal {
    let mut j = Journal::start(rb, "carla", "noc-pc");
    j.done(
        "disaster-declared",
        answers(
            &[
                ("declared_by", "M. Rossi, IT manager"),
                ("incident_ref", "INC-2026-0042"),
            ],
            "carla",
        ),
        300,
    )
    .done("main-off", answers(&[], "carla"), 600)
    .done(
        "main-isolated",
        checks(
            vec![Report::new(
                "dr-isolated",
                Status::Ok,
                "neither tvox1 nor tvox2 answers",
            )],
            1,
        ),
        20,
    )
    .done("activate-button", answers(&[], "carla"), 480)
    .done(
        "dr-client-up",
        json!({
            "until": "dr_client up",
            "until_it": "dr_client attivo",
            "attempts": 12,
            "seconds": 95,
            "last": "dr_client answers",
            "last_it": "dr_client risponde"
        }),
        95,
    )
    .step(
        "dns-check",
        Outcome::Overridden,
        Some("DNS points at the DR client"),
        checks(
            vec![Report::new(
                "dns",
                Status::Crit,
                "pbx.acme.it resolves to 10.9.0.5, expected 10.0.0.10",
            )],
            1,
        ),
        5,
    )
    .wait(1300)
    .done("dr-serving", answers(&[], "carla"), 120)
    .end();
    j
}

#[test]
fn a_run_without_service_markers_is_not_measured_and_a_killed_step_shows() {
    let rb = runbook(PLAIN);
    let mut j = Journal::start(&rb, "dave", "laptop-dave");
    j.done(
        "hello",
        json!({ "shown_at": "2026-03-14T08:00:00Z", "operator": "dave" }),
        0,
    )
    .step(
        "screen-patch",
        Outcome::Overridden,
        Some("the updater printed its success line in Italian"),
        // The shape `engine::kinds::screen` writes.
        json!({
            "node": "tvox1", "command": "/opt/updater", "screen": "tvdr-screen-patch",
            "log": "/tmp/tvdr-screen-patch.log", "log_tail": "aggiornamento completato\n",
            "exit": 0, "success_regex": "done", "seconds": 3725.2,
            "started_at": "2026-03-14T08:00:00Z", "result": "no success output"
        }),
        3725,
    )
    .wait(20)
    .started("ask");
    insta::assert_snapshot!(render(&j.records, &rb, &site()));
}

#[test]
fn hostile_text_is_escaped_and_a_password_is_masked_everywhere() {
    let rb = runbook(PLAIN);
    let mut j = Journal::start(&rb, "eve | `root`", "laptop\n<b>");
    let secret = "Hunter2-s3cret!";
    j.done("hello", json!({}), 1)
        .done(
            "ask",
            answers(&[("release", "22 | `rm -rf /` <script>alert(1)</script>\n# heading"), ("admin_password", secret)], "eve"),
            30,
        )
        .step(
            "write",
            Outcome::Overridden,
            Some("it's fine | really\n<img src=x onerror=alert(1)> ``` [link](http://x)"),
            json!({
                "command": format!("sh -c 'echo 22 {secret}' ```"),
                "hosts": { "tvox1": { "exit": 1, "stdout_tail": format!("login {secret}\n\u{1b}[31mred"), "stderr_tail": "denied | `x`", "seconds": 0.4 } }
            }),
            1,
        )
        .step("gone-step", Outcome::Failed, Some("a step this runbook no longer has"), json!({ "api_token": "tok-123456", "note": "n|o" }), 2);
    let report = render(&j.records, &rb, &site());
    assert!(!report.contains(secret), "{report}");
    assert!(!report.contains("tok-123456"), "{report}");
    // Every `<` that could open a tag is escaped, except the line breaks the report
    // writes itself (`<1s` cannot: a tag starts with a letter).
    let text = report.replace("<br>", "");
    let opens_tag = |i: usize| {
        !text[..i].ends_with('\\') && !text[i + 1..].starts_with(|c: char| c.is_ascii_digit())
    };
    assert!(
        !text.match_indices('<').any(|(i, _)| opens_tag(i)),
        "{report}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn an_rto_within_the_objective_is_ok_and_an_outage_never_ended_is_not_measured() {
    let rb = runbook(DR);
    let mut j = Journal::start(&rb, "carla", "noc-pc");
    j.done("main-off", json!({}), 60)
        .wait(600)
        .done("dr-serving", json!({}), 60);
    let report = render(&j.records, &rb, &site());
    assert!(
        report.contains("Measured RTO **11m** against the objective of 30m: **OK** (19m to spare)"),
        "{report}"
    );

    let mut j = Journal::start(&rb, "carla", "noc-pc");
    j.done("main-off", json!({}), 60);
    let report = render(&j.records, &rb, &site());
    assert!(report.contains("not measured"), "{report}");
    assert!(report.contains("RTO not measured"), "{report}");
}

#[test]
fn a_runbook_changed_during_the_run_is_a_warning() {
    let rb = runbook(PLAIN);
    let mut j = Journal::start(&rb, "dave", "laptop-dave");
    j.resumed("dave", "laptop-dave", "0123abcd");
    let report = render(&j.records, &rb, &site());
    assert!(
        report.contains("**Warning:** the runbook changed during the run"),
        "{report}"
    );
    assert!(
        report.contains("no longer the one this run used"),
        "{report}"
    );
}

#[test]
fn outage_steps_outside_the_markers_are_measured_with_them() {
    let rb = runbook(OUTAGES);
    let j = outage_run(&rb);
    let report = render(&j.records, &rb, &site());
    // 7m with the machine off, 5m of licence reboot, 30m of IP change.
    assert!(report.contains("Total measured: **42m**"), "{report}");
    insta::assert_snapshot!(report);
}

#[test]
fn a_from_confirmation_an_undecidable_condition_and_an_abandoned_run_say_who_and_why() {
    use crate::runbook::decided::{Decided, Source, What};
    let rb = runbook(PLAIN);
    let mut j = Journal::start(&rb, "dave", "laptop-dave");
    j.push(|at| Record::Decided {
        decided: Decided {
            what: What::Confirmation {
                prompt: "Record hello as skipped and start at `ask`?".into(),
                yes: true,
            },
            by: Source::Yes,
        },
        at,
    })
    .skipped("hello", "before `--from ask`")
    .done(
        "ask",
        decided(
            answers(&[("release", "22.1"), ("admin_password", crate::runbook::secret::MASK)], "dave"),
            json!([
                { "what": "answer", "name": "release", "by": "answers_file" },
                { "what": "answer", "name": "admin_password", "by": "operator", "operator": "dave" },
                { "what": "confirmation", "prompt": "Agree the release — done?", "yes": true, "by": "yes" }
            ]),
        ),
        30,
    )
    .push(|at| Record::Interrupted {
        step: Some("write".into()),
        reason: Some("step `write` cannot be decided: its condition reads `licence_kind`, never answered in this run".into()),
        reason_it: None,
        at,
    })
    .wait(3600)
    .push(|at| Record::Abandoned {
        reason: "the customer postponed the upgrade".into(),
        operator: "erin".into(),
        host: "laptop-erin".into(),
        at,
    });
    let report = render(&j.records, &rb, &site());
    assert!(
        report.contains("**abandoned** by erin: the customer postponed the upgrade"),
        "{report}"
    );
    assert!(report.contains("never answered in this run"), "{report}");
    assert!(report.contains("— by --yes"), "{report}");
    assert!(
        report.contains("| 22.1 | the answers file (run by dave) |"),
        "{report}"
    );
    assert!(
        report.contains("| •••••• | dave at the terminal |"),
        "{report}"
    );
    insta::assert_snapshot!(report);
}

/// A check step journalled with its reports' Italian words: the Italian report shows the
/// verdicts in Italian, the English one as before; the journal's `reports` stay English.
#[test]
fn check_verdicts_read_in_the_language_of_the_report() {
    let report = Report::new(
        "vip",
        Status::Crit,
        crate::msg!("vip-none", ip = "10.0.0.10"),
    )
    .detail(
        Status::Unknown,
        Some("tvox2"),
        "node IP",
        crate::msg!("vip-no-address"),
    )
    .hint(crate::msg!("vip-switch-hint", node = "tvox2"));
    let mut evidence = serde_json::Map::new();
    crate::checks::words::record(&mut evidence, &[report]);
    evidence.insert("attempts".into(), json!(1));
    assert_eq!(
        evidence["reports"][0]["summary"],
        "no node holds the node IP 10.0.0.10"
    );
    let rb = runbook(FT);
    let mut j = Journal::start(&rb, "alice", "laptop-alice");
    j.step(
        "sync",
        Outcome::Failed,
        Some("vip CRIT"),
        Value::Object(evidence),
        5,
    )
    .end();
    let it = Site {
        lang: crate::i18n::Lang::It,
        ..site()
    };
    let italian = render(&j.records, &rb, &it);
    for words in [
        "nessun nodo ha l'IP del nodo 10.0.0.10",
        "non ha mostrato alcun indirizzo",
        "scopri perché",
    ] {
        assert!(italian.contains(words), "{words} missing:\n{italian}");
    }
    let english = render(&j.records, &rb, &site());
    assert!(
        english.contains("no node holds the node IP 10.0.0.10"),
        "{english}"
    );
    assert!(!english.contains("nessun nodo"), "{english}");
}

/// Reasons tvdr wrote (a condition, a patch's verdict, a step that needed a person) read
/// in the report's language; a person's typed reason and an old journal's English stay as
/// written; the journal keeps the English in `reason` and the Italian in `reason_it`.
#[test]
fn reasons_tvdr_wrote_read_in_the_language_of_the_report() {
    let rb = runbook(FT);
    let mut j = Journal::start(&rb, "alice", "laptop-alice");
    let failed = crate::msg!(
        "reason-screen-failed",
        node = "tvox2",
        why = crate::msg!("reason-exit-status", code = 4),
        how = crate::msg!("reason-screen-died"),
        log = "/tmp/u.log"
    );
    j.ended_for(
        "licence-v21",
        Outcome::Skipped,
        &crate::msg!("reason-condition-false"),
        json!({}),
    )
    .ended_for("sync", Outcome::Failed, &failed, json!({}))
    .finished(
        "hosts",
        Outcome::Overridden,
        Some("customer agreed"),
        json!({}),
        1,
    );
    let (en, it) = crate::runbook::reason::recorded(Some(&crate::msg!("reason-unknown-exit")));
    j.push(|at| Record::Interrupted {
        step: Some("sync".into()),
        reason: en,
        reason_it: it,
        at,
    });
    let line = serde_json::to_string(&j.records[2]).unwrap();
    assert!(
        line.contains(r#""reason":"the updater failed on tvox2: exit status 4"#),
        "{line}"
    );
    assert!(
        line.contains(r#""reason_it":"l'updater è fallito su tvox2"#),
        "{line}"
    );
    let it = Site {
        lang: crate::i18n::Lang::It,
        ..site()
    };
    for html in [false, true] {
        let render = |site: &Site| {
            if html {
                crate::runbook::report::html::render(&j.records, &rb, site)
            } else {
                render(&j.records, &rb, site)
            }
        };
        let italian = render(&it);
        for words in [
            "la sua condizione qui è falsa",
            "l'updater è fallito su tvox2: stato di uscita 4",
            "contatta il supporto Telenia",
            "stato di uscita sconosciuto",
            "customer agreed",
        ] {
            assert!(italian.contains(words), "{words} missing:\n{italian}");
        }
        assert!(!italian.contains("exit status 4"), "{italian}");
        let english = render(&site());
        for words in [
            "its condition is false here",
            "the updater failed on tvox2: exit status 4",
            "unknown exit status",
        ] {
            assert!(english.contains(words), "{words} missing:\n{english}");
        }
    }
}
