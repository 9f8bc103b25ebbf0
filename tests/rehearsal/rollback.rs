//! Rollbacks that lose data say so: rolling back the conversion shows how old TVOX 1's
//! snapshot is and asks who accepted losing what was written since, naming the snapshot.

use super::chain::conversion_answers;
use super::tvox::Tvox;

#[test]
fn rolling_back_the_conversion_names_the_snapshot_and_what_is_lost() {
    let site = Tvox::standalone();
    site.tvdr()
        .args(["trust", "tvox1", "--address", &site.lab.node_ip(), "--yes"])
        .assert()
        .success();
    // The conversion begins (its `convert` stage is entered), then stops at network_reset.
    let out = site.rehearse("standalone-to-ft", &conversion_answers(&site), &[]);
    assert_eq!(out.status.code(), Some(5));

    let answers = conversion_answers(&site)
        .replace(
            "uat: {",
            "  rollback_ticket: TEL-2\n  data_loss_accepted_by: the customer's IT manager\n  \
             restored_snapshot: pre-ft\nuat: { after-rollback: { '*': pass }, ",
        )
        .replace(
            "gates: {",
            "gates: { rollback-support-done: yes, rollback-data-lost: yes, rollback-tvox2-off: yes, \
             rollback-restore-tvox1: yes, rollback-service-back: yes, ",
        );
    let out = site.rehearse(
        "standalone-to-ft",
        &answers,
        &["--rollback", "--break-lock", "rehearsal of the rollback"],
    );
    assert!(out.status.success(), "exit {:?}", out.status.code());
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The snapshot's name as the technician gave it, not a placeholder.
    assert!(
        stderr.contains("when snapshot `pre-ft` was taken"),
        "{stderr}"
    );
    // A rollback is a run of its own, journalled beside the forward one.
    let outcomes = site.outcomes("standalone-to-ft.rollback");
    for step in ["rollback-snapshot-age", "rollback-data-lost"] {
        assert!(
            outcomes.contains(&(step.to_string(), "done".to_string())),
            "{step}: {outcomes:?}"
        );
    }
    // The age shown comes from the snapshot recorded at `snapshot-tvox1`.
    let journal = site.journal("standalone-to-ft.rollback");
    let age = journal
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|r| r["event"] == "step_finished" && r["step"] == "rollback-snapshot-age")
        .expect("rollback-snapshot-age journalled");
    assert!(age["evidence"].to_string().contains("pre-ft"), "{age}");
    let lost = journal
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|r| r["event"] == "step_finished" && r["step"] == "rollback-data-lost")
        .unwrap();
    assert_eq!(
        lost["evidence"]["answers"]["data_loss_accepted_by"],
        "the customer's IT manager"
    );
}
