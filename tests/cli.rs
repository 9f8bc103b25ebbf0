//! The command line itself: help, usage errors, generated files.

use predicates::prelude::*;

use crate::common::{repo_file, tvdr};

#[test]
fn help_lists_every_subcommand_of_the_design_with_examples() {
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path()).arg("--help").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for sub in [
        "runbook",
        "check",
        "status",
        "patch",
        "network-reset",
        "reboot",
        "snapshot",
        "uat",
        "lint",
        "init",
        "inventory",
        "exec",
        "trust",
    ] {
        assert!(
            text.contains(&format!("  {sub}")),
            "`{sub}` missing from:\n{text}"
        );
    }
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("Exit codes:"), "{text}");
}

#[test]
fn step_subcommands_without_their_node_or_phase_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    for sub in ["patch", "network-reset", "reboot", "uat"] {
        tvdr(home.path())
            .arg(sub)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("required"));
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path()).arg("--frobnicate").assert().code(2);
}

#[test]
fn a_report_format_for_the_plan_is_a_usage_error_naming_what_fits() {
    let home = tempfile::tempdir().unwrap();
    tvdr(home.path())
        .arg("--inventory")
        .arg(repo_file("examples/tvdr.yaml"))
        .args(["runbook", "upgrade", "--dry-run", "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("formats of --report"));
}

#[test]
fn committed_completions_and_man_pages_are_fresh() {
    let out = tempfile::tempdir().unwrap();
    tvdr(out.path())
        .args(["generate", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let mut compared = 0;
    for dir in ["completions", "man"] {
        let fresh_dir = out.path().join(dir);
        let mut fresh: Vec<_> = std::fs::read_dir(&fresh_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        fresh.sort();
        let mut committed: Vec<_> = std::fs::read_dir(repo_file(dir))
            .unwrap_or_else(|_| panic!("no {dir}/: run `cargo run -- generate`"))
            .map(|e| e.unwrap().file_name())
            .collect();
        committed.sort();
        assert_eq!(
            fresh, committed,
            "{dir}/ is stale: run `cargo run -- generate`"
        );
        for name in fresh {
            let want = std::fs::read(fresh_dir.join(&name)).unwrap();
            let have = std::fs::read(repo_file(dir).join(&name)).unwrap();
            assert!(
                want == have,
                "{dir}/{} is stale: run `cargo run -- generate`",
                name.to_string_lossy()
            );
            compared += 1;
        }
    }
    assert!(
        compared >= 4,
        "expected completions and man pages, compared {compared}"
    );
}

/// A mistyped `--runbooks` (or `TVDR_RUNBOOKS`) is refused, never taken for "no site
/// copies": `tvdr lint` in CI would pass on the shipped runbooks alone, and a run would use
/// them in place of the site's.
#[test]
fn a_runbooks_directory_that_cannot_be_read_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("runbookz");
    let example = repo_file("examples/tvdr.yaml");
    for args in [
        vec!["lint"],
        vec!["runbook", "--list"],
        vec!["runbook", "upgrade", "--dry-run"],
    ] {
        tvdr(home.path())
            .arg("--inventory")
            .arg(&example)
            .arg("--runbooks")
            .arg(&missing)
            .args(&args)
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("runbookz")
                    .and(predicate::str::contains("is not a directory tvdr can read")),
            );
    }
    // The same directory once it is there (and empty): the shipped runbooks, as before.
    std::fs::create_dir(&missing).unwrap();
    tvdr(home.path())
        .arg("--runbooks")
        .arg(&missing)
        .arg("lint")
        .assert()
        .success();
}

/// A CI rehearsal with the run's answers file (`--dry-run --answers`) finds what the run
/// would refuse (a file that does not parse or is not there, a gate the runbook lacks) and
/// what it would not use (a misspelt answer, override or UAT phase), before anyone is on
/// site.
#[test]
fn a_dry_run_checks_the_answers_file_the_run_would_use() {
    let home = tempfile::tempdir().unwrap();
    let example = repo_file("examples/tvdr.yaml");
    let dry_run = |answers: &std::path::Path| {
        let mut cmd = tvdr(home.path());
        cmd.arg("--inventory")
            .arg(&example)
            .args(["runbook", "standalone-to-ft", "--dry-run", "--answers"])
            .arg(answers);
        cmd
    };
    let file = |name: &str, text: &str| {
        let path = home.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    dry_run(&file("broken.yaml", "answers: { snapshot_name: [1,\n"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.yaml:"));
    dry_run(&home.path().join("absent.yaml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read answers"));
    dry_run(&file("gate.yaml", "gates: { snapshot-tvox: yes }\n"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `snapshot-tvox1`?"));
    dry_run(&file(
        "typos.yaml",
        "answers: { snapshot_nam: s1, uat_agreed_with: Ada }\n\
         overrides: { cluster-role: first sync }\n\
         uat: { baselin: { '*': pass } }\n",
    ))
    .assert()
    .success()
    .stderr(
        predicate::str::contains("`answers: snapshot_nam`")
            .and(predicate::str::contains("did you mean `snapshot_name`?"))
            .and(predicate::str::contains("did you mean `cluster-roles`?"))
            .and(predicate::str::contains("did you mean `baseline`?"))
            .and(predicate::str::contains("uat_agreed_with").not()),
    );
}
