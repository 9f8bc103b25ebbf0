//! `tvdr runbook ID --report`: a rehearsal run in the lab, then its Markdown report —
//! every step, the answers, and none of the lab's secrets — and its HTML page, opened in
//! a headless browser.

use crate::common::{repo_file, tvdr};
use crate::lab::Lab;

/// Secrets the lab holds: the lab user's password and the encrypted key's passphrase.
const LAB_SECRETS: &[&str] = &["lab-secret-pw", "lab-key-pass"];

#[test]
fn the_report_of_a_rehearsal_names_every_step_and_answer_and_no_secret() {
    let lab = Lab::start();
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state");
    let answers = home.path().join("answers.yaml");
    std::fs::write(
        &answers,
        "answers: { release: '22.1', new_ip: 10.9.9.9, snapshot_name: 'pre-demo | <b>' }\n\
         gates: { snapshot: yes }\n",
    )
    .unwrap();
    let site = |args: &[&str]| {
        let mut cmd = tvdr(home.path());
        cmd.arg("-i")
            .arg(lab.inventory())
            .arg("--runbooks")
            .arg(repo_file("tests/fixtures/runbooks"))
            .arg("--state-dir")
            .arg(&state)
            .env("USER", "tech-r")
            .args(args);
        cmd
    };
    site(&["runbook", "demo", "--yes", "--answers"])
        .arg(&answers)
        .assert()
        .success();

    let out = site(&["runbook", "demo", "--report"]).assert().success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for step in [
        "hello",
        "ask-release",
        "snapshot",
        "who-is-master",
        "write-marker",
        "both-uptime",
        "old-licence",
    ] {
        assert!(
            report.contains(&format!("(`{step}`)")),
            "{step} missing:\n{report}"
        );
    }
    for answer in [
        "release",
        "22.1",
        "new_ip",
        "10.9.9.9",
        r"pre-demo \| \<b\>",
    ] {
        assert!(report.contains(answer), "{answer} missing:\n{report}");
    }
    assert!(report.contains("**finished**"), "{report}");
    assert!(report.contains("tech-r"), "{report}");
    // Who decided: the gate and the answers came from the file, the confirmations from --yes.
    assert!(
        report.contains("gate passed by the answers file"),
        "{report}"
    );
    assert!(
        report.contains("| 22.1 | the answers file (run by tech-r) |"),
        "{report}"
    );
    assert!(report.contains("confirmation by --yes"), "{report}");
    assert!(report.contains("vip OK"), "{report}");
    for secret in LAB_SECRETS {
        assert!(!report.contains(secret), "{secret} leaked:\n{report}");
    }

    // The same run by id, to a file.
    let run = std::fs::read_dir(state.join(format!("lab-{}", lab.id())).join("runs/demo"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap();
    let file = home.path().join("report.md");
    site(&["runbook", "demo", "--report", &run, "--output"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), report);
    // The report names the site's addresses and answers: the operator's alone.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "report mode {mode:o}");

    // The same run as one HTML page, opened in a real browser: it loads with nothing
    // blocked or broken, the picture has one row per step, and it prints on A4.
    let page = home.path().join("report.html");
    site(&[
        "runbook", "demo", "--report", &run, "--format", "html", "--output",
    ])
    .arg(&page)
    .assert()
    .success()
    .stdout("");
    let mode = std::fs::metadata(&page).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "report mode {mode:o}");
    let html = std::fs::read_to_string(&page).unwrap();
    for secret in LAB_SECRETS {
        assert!(!html.contains(secret), "{secret} leaked:\n{html}");
    }
    // Named .html, the file gets the page without being told.
    let named = home.path().join("named.html");
    site(&["runbook", "demo", "--report", &run, "--output"])
        .arg(&named)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&named).unwrap(), html);
    let opened = crate::browser::open(&page);
    assert!(opened.console.is_empty(), "{:#?}", opened.console);
    let svg = opened.dom.find("<svg").map(|i| &opened.dom[i..]);
    let svg = svg.unwrap_or_else(|| panic!("no picture:\n{}", opened.dom));
    assert_eq!(svg.matches("<g class=\"step\"").count(), 7, "{svg}");
    assert!(svg.contains("data-step=\"write-marker\""), "{svg}");
    let (pages, media) = opened.pages();
    assert!(pages >= 2, "{pages} pages");
    // A4 in points.
    let media = media.expect("a page size");
    let size: Vec<f64> = media
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(
        (size[2] - 595.0).abs() < 2.0 && (size[3] - 842.0).abs() < 2.0,
        "{media}"
    );

    // JSON is the journal's business, not the report's.
    site(&["runbook", "demo", "--report", "--format", "json"])
        .assert()
        .code(2);

    // A run that does not exist is a usage error naming the runs there are.
    let out = site(&["runbook", "demo", "--report", "nope"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains(&run));
}
