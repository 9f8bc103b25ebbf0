//! `scripts/package`: the .deb and .rpm as a user receives them — their metadata and file
//! lists read with the distributions' own tools, the sums checked, and the .deb installed
//! into a throwaway root where its `tvdr` runs and its man page opens.
//!
//! The packages are made from this test's own build of tvdr, not the static release build
//! `scripts/package` makes by default: that one takes minutes the suite does not have,
//! and the packaging is the same whichever binary it is given.

use std::path::Path;
use std::process::Command;

use crate::common::repo_file;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Runs a program, asserts it succeeded, returns its standard output.
fn run(program: &str, args: &[&str], dir: &Path) -> String {
    // dpkg wants `ldconfig` and `start-stop-daemon` on the PATH, which a normal user's
    // PATH leaves out with the rest of /usr/sbin.
    let path = format!(
        "{}:/usr/sbin:/sbin",
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("MANWIDTH", "80")
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (installed by scripts/test)"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What both packages install, wherever the formats agree.
fn common_files() -> Vec<String> {
    let mut files = vec![
        "/usr/bin/tvdr".to_string(),
        "/usr/share/bash-completion/completions/tvdr".into(),
        "/usr/share/fish/vendor_completions.d/tvdr.fish".into(),
        "/usr/share/doc/tvdr/README.md".into(),
    ];
    for page in std::fs::read_dir(repo_file("man")).unwrap().flatten() {
        let name = page.file_name().to_string_lossy().into_owned();
        files.push(format!("/usr/share/man/man1/{name}.gz"));
    }
    files
}

#[test]
fn the_deb_and_the_rpm_carry_everything_and_the_deb_installs_and_runs() {
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    run(
        &repo_file("scripts/package").display().to_string(),
        &[
            "--binary",
            env!("CARGO_BIN_EXE_tvdr"),
            "--out",
            &dist.display().to_string(),
        ],
        &repo_file("."),
    );
    let deb = format!("tvdr_{VERSION}-1_amd64.deb");
    let rpm = format!("tvdr-{VERSION}-1.x86_64.rpm");

    // The sums name both packages and match them.
    let sums = std::fs::read_to_string(dist.join("SHA256SUMS")).unwrap();
    assert!(sums.contains(&deb) && sums.contains(&rpm), "{sums}");
    run("sha256sum", &["--check", "--strict", "SHA256SUMS"], &dist);

    // The .deb: its control fields and its files.
    for (field, want) in [
        ("Package", "tvdr".to_string()),
        ("Version", format!("{VERSION}-1")),
        ("Architecture", "amd64".into()),
    ] {
        let got = run("dpkg-deb", &["--field", &deb, field], &dist);
        assert_eq!(got.trim(), want, "{field}");
    }
    let info = run("dpkg-deb", &["--info", &deb], &dist);
    assert!(info.contains("Maintainer: "), "{info}");
    assert!(
        info.contains("Description: Checkable, resumable runbooks"),
        "{info}"
    );
    let listed = run("dpkg-deb", &["--contents", &deb], &dist);
    let deb_files: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|p| p.trim_start_matches('.'))
        .collect();
    let mut want = common_files();
    want.push("/usr/share/zsh/vendor-completions/_tvdr".into());
    want.push("/usr/share/doc/tvdr/copyright".into());
    for file in &want {
        assert!(
            deb_files.contains(&file.as_str()),
            "{file} not in:\n{listed}"
        );
    }
    assert!(listed.contains("-rwxr-xr-x root/root"), "{listed}");

    // The .rpm: its header and its files, the licences marked as such.
    let header = run(
        "rpm",
        &[
            "-qp",
            "--qf",
            "%{NAME} %{VERSION} %{RELEASE} %{ARCH} %{LICENSE}",
            &rpm,
        ],
        &dist,
    );
    assert_eq!(header, format!("tvdr {VERSION} 1 x86_64 MIT OR Apache-2.0"));
    let info = run("rpm", &["-qip", &rpm], &dist);
    assert!(info.contains("Summary     : Checkable"), "{info}");
    let rpm_files = run("rpm", &["-qlp", &rpm], &dist);
    let mut want = common_files();
    want.push("/usr/share/zsh/site-functions/_tvdr".into());
    want.push("/usr/share/licenses/tvdr/LICENSE-MIT".into());
    want.push("/usr/share/licenses/tvdr/LICENSE-APACHE".into());
    for file in &want {
        assert!(
            rpm_files.lines().any(|l| l == file),
            "{file} not in:\n{rpm_files}"
        );
    }
    let licences = run("rpm", &["-qp", "--licensefiles", &rpm], &dist);
    assert_eq!(licences.lines().count(), 2, "{licences}");

    // The .deb installed by dpkg into a root of its own, then used.
    let root = out.path().join("root");
    let admin = root.join("var/lib/dpkg");
    std::fs::create_dir_all(admin.join("info")).unwrap();
    std::fs::create_dir_all(admin.join("updates")).unwrap();
    std::fs::write(admin.join("status"), "").unwrap();
    let root_arg = format!("--root={}", root.display());
    run(
        "dpkg",
        &[
            &root_arg,
            "--log=/dev/null",
            "--force-script-chrootless",
            // A root of its own needs no privilege: the suite's unprivileged users too.
            "--force-not-root",
            "--install",
            &deb,
        ],
        &dist,
    );
    let status = run("dpkg", &[&root_arg, "--status", "tvdr"], &dist);
    assert!(status.contains("Status: install ok installed"), "{status}");
    let tvdr = root.join("usr/bin/tvdr");
    let version = run(&tvdr.display().to_string(), &["--version"], &dist);
    assert_eq!(version.trim(), format!("tvdr {VERSION}"));
    let page = root.join("usr/share/man/man1/tvdr-runbook.1.gz");
    let man = run(
        "man",
        &["-l", "-P", "cat", &page.display().to_string()],
        &dist,
    );
    assert!(
        man.contains("NAME") && man.contains("tvdr-runbook"),
        "{man}"
    );
    assert!(man.contains("--report"), "{man}");
}
