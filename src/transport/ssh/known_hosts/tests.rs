//! Host key judgement against real known_hosts text, parsed by libssh2.

use std::collections::BTreeMap;
use std::time::Duration;

use super::*;

// Public keys only (made with `ssh-keygen` for these tests); `HASHED` is `ssh-keygen -H`
// of `10.77.0.1 KEY_A` and `[10.77.0.1]:2222 KEY_A`.
const KEY_A: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIE40RlVHrl13dc1a0Sw26uMMnBoM3r3JgvKo0qnmQ+Mv";
const KEY_B: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIJUr56EaJG4qpJpVigH4/06ApxH5/Mm2y8J8BIg7BHwL";
const KEY_C: &str = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKTHc8dxyLSQfrgh+4JpbdUbNCkX9ZVyqbXrjeKLV4bKf2tfK3YWlWqmtxAD9n7rzCQXp2qqXmuC8bC/U4x0zTA=";
const HASHED: &str = "\
|1|LYYXCo8wlqdnCG7ddzQH+KGwA40=|yFL1HkS2M+kCQwdvQkuio1ygdFs= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE40RlVHrl13dc1a0Sw26uMMnBoM3r3JgvKo0qnmQ+Mv
|1|MQlgf1YRpsZYdRW7BNkMEBCnlrk=|xDB7+QORYZyR2TVffLXdWDoH4fg= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE40RlVHrl13dc1a0Sw26uMMnBoM3r3JgvKo0qnmQ+Mv
";

fn target(port: u16, files: Vec<PathBuf>) -> Target {
    Target {
        name: "tvox1".into(),
        address: "10.77.0.1".into(),
        port,
        user: "root".into(),
        identity: None,
        known_hosts: files,
        connect_timeout: Duration::from_secs(1),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: Duration::from_secs(1),
        env: BTreeMap::new(),
        kind: crate::transport::TransportKind::Ssh,
    }
}

fn blob(key: &str) -> Vec<u8> {
    decode(key).unwrap()
}

/// Judges `key` as presented by 10.77.0.1:`port`, against files with these contents.
fn judge(port: u16, files: &[&str], key: &str) -> Trust {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = vec![dir.path().join("missing")];
    for (i, text) in files.iter().enumerate() {
        let path = dir.path().join(format!("known_hosts{i}"));
        fs::write(&path, text).unwrap();
        paths.push(path);
    }
    let target = target(port, paths);
    let session = Session::new().unwrap();
    let known = load(&session, &target).unwrap();
    known.prefer_known_types(&session).unwrap();
    match known.judge(&target, &blob(key)) {
        Trust::Known { file } | Trust::Changed { file } if !file.starts_with(dir.path()) => {
            panic!("file outside the test: {file:?}")
        }
        Trust::Known { file } => Trust::Known {
            file: file.strip_prefix(dir.path()).unwrap().into(),
        },
        Trust::Changed { file } => Trust::Changed {
            file: file.strip_prefix(dir.path()).unwrap().into(),
        },
        Trust::Unknown => Trust::Unknown,
    }
}

fn known(file: &str) -> Trust {
    Trust::Known { file: file.into() }
}

fn changed(file: &str) -> Trust {
    Trust::Changed { file: file.into() }
}

#[test]
fn plain_entry() {
    let line = format!("# tvdr\n10.77.0.1 ssh-ed25519 {KEY_A}\n");
    assert_eq!(judge(22, &[&line], KEY_A), known("known_hosts0"));
    assert_eq!(judge(22, &[&line], KEY_B), changed("known_hosts0"));
    let other = format!("10.77.0.9 ssh-ed25519 {KEY_A}\n");
    assert_eq!(judge(22, &[&other], KEY_A), Trust::Unknown);
}

#[test]
fn hashed_entries_with_and_without_port() {
    assert_eq!(judge(22, &[HASHED], KEY_A), known("known_hosts0"));
    assert_eq!(judge(2222, &[HASHED], KEY_A), known("known_hosts0"));
    assert_eq!(judge(22, &[HASHED], KEY_B), changed("known_hosts0"));
}

#[test]
fn port_entry() {
    let line = format!("[10.77.0.1]:2222 ssh-ed25519 {KEY_A}\n");
    assert_eq!(judge(2222, &[&line], KEY_A), known("known_hosts0"));
    assert_eq!(judge(22, &[&line], KEY_A), Trust::Unknown);
}

#[test]
fn files_are_read_in_order_and_any_match_wins() {
    let stale = format!("10.77.0.1 ssh-ed25519 {KEY_B}\n");
    let fresh = format!("10.77.0.1 ssh-ed25519 {KEY_A}\n");
    assert_eq!(judge(22, &[&stale, &fresh], KEY_A), known("known_hosts1"));
    assert_eq!(judge(22, &[&stale, &fresh], KEY_C), changed("known_hosts0"));
}

#[test]
fn lines_libssh2_cannot_parse_do_not_hide_the_rest() {
    let text = format!(
        "@cert-authority *.example ssh-ed25519 {KEY_B}\n\
         10.77.0.1 sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIA==\n\
         garbage\n\
         10.77.0.1 ssh-ed25519 {KEY_A}\n"
    );
    assert_eq!(judge(22, &[&text], KEY_A), known("known_hosts0"));
}

#[test]
fn revoked_key_is_refused() {
    let text = format!("@revoked * ssh-ed25519 {KEY_A}\n10.77.0.1 ssh-ed25519 {KEY_A}\n");
    assert_eq!(judge(22, &[&text], KEY_A), changed("known_hosts0"));
}

#[test]
fn a_new_key_type_for_a_known_host_is_a_change() {
    let line = format!("10.77.0.1 ssh-ed25519 {KEY_A}\n");
    assert_eq!(judge(22, &[&line], KEY_C), changed("known_hosts0"));
}

#[test]
fn key_type_comes_from_the_blob() {
    assert_eq!(key_type(&blob(KEY_A)).as_deref(), Some("ssh-ed25519"));
    assert_eq!(
        key_type(&blob(KEY_C)).as_deref(),
        Some("ecdsa-sha2-nistp256")
    );
    assert_eq!(key_type(b"\0\0"), None);
}

fn host_key(key: &str) -> HostKey {
    HostKey {
        key_type: key_type(&blob(key)).unwrap(),
        base64: key.to_owned(),
        fingerprint: String::new(),
    }
}

#[test]
fn add_known_host_creates_a_private_file_that_verifies() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new/dir/known_hosts");
    add_known_host(&file, "10.77.0.1", 22, &host_key(KEY_A)).unwrap();
    add_known_host(&file, "10.77.0.1", 2222, &host_key(KEY_C)).unwrap();
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(
        text,
        format!("10.77.0.1 ssh-ed25519 {KEY_A}\n[10.77.0.1]:2222 ecdsa-sha2-nistp256 {KEY_C}\n")
    );
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let parent = file.parent().unwrap();
    assert_eq!(
        fs::metadata(parent).unwrap().permissions().mode() & 0o777,
        0o700
    );
    assert_eq!(judge(22, &[&text], KEY_A), known("known_hosts0"));
    assert_eq!(judge(2222, &[&text], KEY_C), known("known_hosts0"));
}

#[test]
fn add_known_host_starts_a_new_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("known_hosts");
    fs::write(&file, format!("10.77.0.9 ssh-ed25519 {KEY_B}")).unwrap();
    add_known_host(&file, "10.77.0.1", 22, &host_key(KEY_A)).unwrap();
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), 2);
}

#[test]
fn add_known_host_refuses_what_would_add_fields_or_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("known_hosts");
    for address in ["10.0.0.1 evil", "a\nb", "", "@revoked", "|1|x"] {
        assert!(
            add_known_host(&file, address, 22, &host_key(KEY_A)).is_err(),
            "{address:?}"
        );
    }
    let mut bad = host_key(KEY_A);
    bad.base64.push_str("\n* ssh-ed25519 x");
    assert!(add_known_host(&file, "10.0.0.1", 22, &bad).is_err());
    assert!(!file.exists());
}
