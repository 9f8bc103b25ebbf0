//! Real nodes are not the lab: a stock CentOS 7 sshd whose client lookup waits on a DNS
//! that does not answer, a login PATH the vendor tools need, what CentOS 7 lacks.

use predicates::prelude::*;

use crate::common::tvdr;
use crate::lab::Lab;
use crate::site::Site;

/// Longer than the lab inventory's `connect_timeout` (3 s): the login alone outlasts it.
const SLOW_LOGIN_SECS: u32 = 5;

#[test]
fn a_login_slower_than_the_connect_timeout_works_and_is_said_once_with_its_cause() {
    let lab = Lab::start();
    lab.slow_login("tvox2", SLOW_LOGIN_SECS);
    let home = tempfile::tempdir().unwrap();
    let out = tvdr(home.path())
        .args(["--inventory", lab.inventory().to_str().unwrap()])
        .args(["exec", "both", "--", "echo", "answered"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tvox2 | answered"))
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("tvox2: slow login").count(), 1, "{stderr}");
    assert!(stderr.contains("`UseDNS no`"), "{stderr}");
    assert!(!stderr.contains("tvox1: slow login"), "{stderr}");
}

#[test]
fn a_wait_step_counts_a_node_with_a_slow_login_as_up() {
    let site = Site::new();
    site.lab.slow_login("tvox2", SLOW_LOGIN_SECS);
    site.tvdr()
        .args(["runbook", "wait-up", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("✓ tvox2 up (tvox2 answers)"));
}

/// Appended to the lab user's ~/.profile on a node: login scripts that talk on both
/// outputs, ask a question, and count how often a login shell ran.
const CHATTY_PROFILE: &str = r#"
echo "Benvenuto su TVox: login banner on stdout"
echo "a warning from /etc/profile.d" >&2
printf 'Press enter to continue: '; read -r _ignored
echo run >> ~/logins
"#;

fn chatty_login(site: &Site, node: &str) {
    let profile = site.home_of(node).join(".profile");
    let mut text = std::fs::read_to_string(&profile).unwrap();
    text.push_str(CHATTY_PROFILE);
    std::fs::write(&profile, text).unwrap();
}

#[test]
fn vendor_programs_on_the_login_path_are_found_and_login_noise_stays_out() {
    let site = Site::new();
    chatty_login(&site, "tvox1");
    // Only a login shell finds the node's bin/ (the lab's sshd sets no PATH).
    site.stand_in(
        "tvox1",
        "network_reset_probe",
        "#!/bin/sh\necho vendor ok\n",
    );
    site.tvdr()
        .args(["exec", "tvox1", "--", "network_reset_probe"])
        .assert()
        .success()
        .stdout("vendor ok\n")
        .stderr(predicate::str::contains("Benvenuto").not())
        .stderr(predicate::str::contains("profile.d").not());
}

#[test]
fn the_login_environment_is_learned_once_per_connection_not_per_command() {
    let site = Site::new();
    chatty_login(&site, "tvox1");
    chatty_login(&site, "tvox2");
    // Several checks, many commands per node, one session each.
    site.tvdr()
        .args(["check", "hosts", "clock", "screen", "vip"])
        .assert()
        .success();
    assert_eq!(site.count("tvox1", "logins"), 1);
    assert_eq!(site.count("tvox2", "logins"), 1);
}

#[test]
fn the_inventory_adds_directories_before_the_login_path() {
    let site = Site::new();
    let extra = site.lab.node_dir("tvox2").join("pgsql-9.2/bin");
    std::fs::create_dir_all(&extra).unwrap();
    let program = extra.join("pg_dump_version");
    std::fs::write(&program, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.2.24'\n").unwrap();
    std::fs::set_permissions(
        &program,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let inventory = std::fs::read_to_string(site.lab.inventory()).unwrap();
    let tvox2_paths = format!(
        "paths: {{ sync_dir: {}",
        site.lab.node_dir("tvox2").join("sync").display()
    );
    assert!(inventory.contains(&tvox2_paths), "{inventory}");
    let with_extra = inventory.replace(
        &tvox2_paths,
        &tvox2_paths.replace(
            "paths: {",
            &format!("paths: {{ extra_path: [{}],", extra.display()),
        ),
    );
    std::fs::write(site.lab.inventory(), with_extra).unwrap();
    site.tvdr()
        .args([
            "exec",
            "both",
            "--",
            "sh",
            "-c",
            "pg_dump_version || echo missing",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "tvox2 | pg_dump (PostgreSQL) 9.2.24",
        ))
        .stdout(predicate::str::contains("tvox1 | missing"));
}

#[test]
fn a_runbook_says_at_its_start_which_programs_are_missing_where() {
    let site = Site::new();
    let out = site
        .tvdr()
        .args(["runbook", "preflight", "--yes"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let said = stderr
        .find("  tvox2: `tvox-vendor-tool` (step `vendor-tool`)")
        .unwrap_or_else(|| panic!("no preflight line:\n{stderr}"));
    // Before the first step, while nothing has been done yet.
    let first_step = stderr.find("Ready to start").unwrap();
    assert!(said < first_step, "{stderr}");
}
