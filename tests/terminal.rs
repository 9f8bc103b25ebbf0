//! tvdr at a real terminal (`script` gives it a pseudo-terminal), with keys typed as a
//! person would: each only once what it answers is on the screen. What the terminal
//! showed is `script`'s transcript (echoed keys included, as the person saw them).

#![allow(dead_code)] // each test module uses a different subset

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::common::LOCALE;

/// Printed before the terminal's settings once tvdr has ended.
const TTY_MARK: &str = "terminal-after-tvdr:";

/// What a session at the terminal came to.
pub struct Session {
    pub status: ExitStatus,
    /// Everything the terminal showed.
    pub shown: String,
}

impl Session {
    /// Whether tvdr gave the terminal back echoing what is typed.
    pub fn echo_after(&self) -> bool {
        let Some((_, settings)) = self.shown.rsplit_once(TTY_MARK) else {
            panic!(
                "no terminal settings after tvdr; it showed:\n{}",
                self.shown
            )
        };
        settings.split_whitespace().any(|flag| flag == "echo")
    }
}

/// Runs `tvdr ARGS` in a terminal, `HOME` = `home`. For each `(wait_for, keys)` in turn,
/// waits until `wait_for` is on the screen (after what the previous one waited for), then
/// types `keys` (`\r` is Enter). Panics when a prompt never comes.
pub fn session(home: &Path, args: &[String], script: &[(&str, &str)]) -> Session {
    let transcript = home.join("transcript");
    let mut line = vec![quoted(
        &assert_cmd::cargo::cargo_bin("tvdr").display().to_string(),
    )];
    line.extend(args.iter().map(|a| quoted(a)));
    // After tvdr, the terminal's settings: a person's shell gets the terminal back as
    // tvdr leaves it (echo off after a hidden prompt would hide their typing). Like a
    // person's interactive shell, this one outlives a Ctrl-C meant for tvdr: a
    // non-interactive `sh` (dash) would die of it before `stty`. The trap is reset for tvdr
    // by `exec`, so tvdr meets Ctrl-C as it would at a prompt. The mark is printed from
    // parts, so that `script`'s header (which repeats this line) never holds it whole.
    let (mark, rest) = TTY_MARK.split_at(8);
    let line = format!(
        "trap : INT; {}; s=$?; printf '\\n%s%s' '{mark}' '{rest}'; stty -a | tr '\\n' ' '; exit $s",
        line.join(" ")
    );
    let mut cmd = Command::new("script");
    cmd.arg("-qfec")
        .arg(line)
        .arg(&transcript)
        .env("HOME", home)
        // `script` runs the line with `$SHELL`: the same shell wherever the tests run.
        .env("SHELL", "/bin/sh")
        .env("USER", "tech-a")
        .env("NO_COLOR", "1")
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for locale in LOCALE {
        cmd.env_remove(locale);
    }
    let mut child = cmd.spawn().unwrap();
    let mut keyboard = child.stdin.take().unwrap();
    let mut seen = 0;
    for (wait_for, keys) in script {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let shown = std::fs::read(&transcript).unwrap_or_default();
            let shown = String::from_utf8_lossy(&shown);
            if let Some(at) = shown.get(seen..).and_then(|rest| rest.find(wait_for)) {
                seen += at + wait_for.len();
                break;
            }
            if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`{wait_for}` never showed; the terminal showed:\n{shown}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        // The prompt is drawn before the terminal is set for it (echo off for a secret):
        // a person does not type within the same instant either.
        std::thread::sleep(Duration::from_millis(400));
        keyboard.write_all(keys.as_bytes()).unwrap();
        keyboard.flush().unwrap();
    }
    // The keyboard stays attached until tvdr is done (`script` ends the session at EOF).
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let shown = std::fs::read(&transcript).unwrap_or_default();
            panic!(
                "tvdr did not end; the terminal showed:\n{}",
                String::from_utf8_lossy(&shown)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    drop(keyboard);
    let shown = std::fs::read(&transcript).unwrap_or_default();
    Session {
        status,
        shown: String::from_utf8_lossy(&shown).into_owned(),
    }
}

/// One word of a `sh -c` line.
fn quoted(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
