//! Shared test helpers: run the real `tvdr` binary in a clean environment.

#![allow(dead_code)] // each test module uses a different subset

use std::path::Path;

use assert_cmd::Command;

/// The `tvdr` binary with no `TVDR_*` variables from the developer's shell, `HOME` in a
/// throwaway directory (so `~/.ssh/known_hosts` is not the developer's), no colour, and
/// no agent (so authentication is exactly what the test sets up).
pub fn tvdr(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tvdr").expect("tvdr binary");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("TVDR_") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("SSH_AUTH_SOCK")
        .current_dir(home);
    cmd
}

/// The repository's own files (examples, runbooks).
pub fn repo_file(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}
