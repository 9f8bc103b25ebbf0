//! Shared test helpers: run the real `tvdr` binary in a clean environment.

#![allow(dead_code)] // each test module uses a different subset

use std::path::Path;

use assert_cmd::Command;

/// The `tvdr` binary with no `TVDR_*` variables from the developer's shell, `HOME` in a
/// throwaway directory (so `~/.ssh/known_hosts` is not the developer's), no colour, and
/// no agent (so authentication is exactly what the test sets up), and no locale (so the
/// messages are English whatever the developer's language; tests of Italian ask for it).
pub fn tvdr(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tvdr").expect("tvdr binary");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("TVDR_") {
            cmd.env_remove(&key);
        }
    }
    for locale in LOCALE {
        cmd.env_remove(locale);
    }
    cmd.env("HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("SSH_AUTH_SOCK")
        .current_dir(home);
    cmd
}

/// The variables a locale is read from.
pub const LOCALE: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The repository's own files (examples, runbooks).
pub fn repo_file(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}
