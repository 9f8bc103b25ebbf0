//! Secrets typed at a terminal: a secret answer is not echoed and is typed twice, a plain
//! one is echoed as typed, and neither the screen, the journal nor the report shows the
//! secret afterwards (also where a command repeats it).

use crate::site::Site;
use crate::terminal::session;

const SECRET: &str = "Hunter2-typed-s3cret";
/// A typo in the second entry: shares its first part with the secret, so a leak of either
/// is caught by looking for that part.
const TYPO: &str = "Hunter2-typed-s3creT";
const LEAK: &str = "Hunter2-typed";

#[test]
fn a_secret_answer_is_typed_twice_unseen_and_shown_nowhere_after() {
    let site = Site::new();
    let mut args = site.global_args();
    args.extend(["runbook", "typed-secret"].map(String::from));
    let enter = |text: &str| format!("{text}\r");
    let (vault, secret, typo) = (enter("acme-vault-7"), enter(SECRET), enter(TYPO));
    let out = session(
        site.home.path(),
        &args,
        &[
            ("Vault name", &vault),
            // The runbook's prompt, as today's tvdr showed it too (then echoing the secret).
            ("OCC admin password", &secret),
            ("(again, to be sure", &typo),
            // The two differ: both asked again.
            ("the two differ", ""),
            ("OCC admin password (not shown as you type)", &secret),
            ("(again, to be sure", &secret),
            ("done?", "y"),
        ],
    );
    let shown = &out.shown;
    assert!(out.status.success(), "{shown}");
    assert!(out.echo_after(), "{shown}");
    // The plain answer is echoed; the secret is not, nor is it repeated by the command's
    // output (masked), which proves it got the secret intact by its SHA-256.
    assert!(shown.contains("acme-vault-7"), "{shown}");
    assert!(shown.contains("(not shown as you type)"), "{shown}");
    assert!(
        !shown.contains(LEAK),
        "the secret reached the screen:\n{shown}"
    );
    assert!(shown.contains("vault=acme-vault-7 pw=••••••"), "{shown}");
    assert!(
        shown.contains("Logs into vault acme-vault-7 with ••••••."),
        "{shown}"
    );
    assert!(
        shown.contains("b002ba4430daafc5fc419615b6ed47f012361d4984957da32644617f5fce91e0"),
        "{shown}"
    );

    let journal = site.journal_text("typed-secret");
    assert!(!journal.contains(LEAK), "{journal}");
    assert!(
        journal.contains(r#""admin_password":"••••••""#) && journal.contains("acme-vault-7"),
        "{journal}"
    );
    let report = site
        .tvdr()
        .args(["runbook", "typed-secret", "--report"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report = String::from_utf8_lossy(&report);
    assert!(!report.contains(LEAK), "{report}");
    assert!(report.contains("acme-vault-7"), "{report}");

    // In Italian the prompt says the same; Ctrl-C at it stops the run (exit 130).
    let mut args = site.global_args();
    args.extend(["--lang", "it", "runbook", "typed-secret"].map(String::from));
    let out = session(
        site.home.path(),
        &args,
        &[
            ("Vault name", &vault),
            ("OCC admin password (non si vede mentre scrivi)", "\u{3}"),
        ],
    );
    assert_eq!(out.status.code(), Some(130), "{}", out.shown);
    // Interrupted at the hidden prompt, the terminal echoes again, and the journal says
    // where the run was interrupted.
    assert!(out.echo_after(), "{}", out.shown);
    let journal = site.journal_text("typed-secret");
    assert!(
        journal.contains(r#""event":"interrupted","step":"ask""#),
        "{journal}"
    );
}

#[test]
fn ctrl_c_at_a_password_prompt_gives_the_terminal_back_echoing() {
    let lab = crate::lab::Lab::start();
    // No identity file and no agent: the node's password is asked.
    let inventory = lab.inventory_without_identity("password.yaml");
    let home = tempfile::tempdir().unwrap();
    // In Italian: the transport's prompt is in the chosen language too.
    let inventory = inventory.display().to_string();
    let args: Vec<String> = [
        "--lang", "it", "-i", &inventory, "exec", "tvox1", "--", "true",
    ]
    .map(String::from)
    .to_vec();
    let out = session(
        home.path(),
        &args,
        &[("password per `tvdrlab` su `tvox1`", "\u{3}")],
    );
    assert_eq!(out.status.code(), Some(130), "{}", out.shown);
    assert!(out.echo_after(), "{}", out.shown);
}
