//! Quoting is proven by running the quoted words through real shells.

#![allow(clippy::disallowed_methods)] // tests run the shells themselves

use std::process::Command;

use proptest::prelude::*;

use super::*;

/// What `shell -c 'printf %s <quoted>'` prints.
fn echoed(shell: &str, value: &[u8]) -> Vec<u8> {
    let script = format!("printf %s {}", quote(value));
    let out = Command::new(shell)
        .arg("-c")
        .arg(&script)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run the shell");
    assert!(out.status.success(), "{shell} failed on {script}: {out:?}");
    out.stdout
}

const SHELLS: &[&str] = &["/bin/sh", "/bin/bash"];

fn assert_round_trip(value: &[u8]) {
    for shell in SHELLS {
        assert_eq!(echoed(shell, value), value, "{shell}: {}", quote(value));
    }
}

#[test]
fn hostile_values_arrive_as_data() {
    for value in [
        "'; rm -rf / #",
        "$(touch x)",
        "`touch x`",
        "a\nb\n",
        "\n",
        "",
        "-n",
        "-e",
        "it's",
        "''",
        "\\",
        "\"$HOME\"",
        "~",
        "*",
        "a b\tc",
        "!event",
        "${IFS}",
        "; reboot",
        "| cat /etc/shadow",
        "été",
    ] {
        assert_round_trip(value.as_bytes());
    }
}

#[test]
fn non_utf8_bytes_arrive_exactly() {
    assert_round_trip(b"\xff");
    assert_round_trip(b"caf\xe9 \xff\xfe'x\n");
    assert_round_trip(b"\xe2\x82"); // a cut UTF-8 sequence
    assert_round_trip(b"\xff\n\xff\n");
}

#[test]
fn safe_words_stay_bare_and_others_are_quoted() {
    assert_eq!(quote("pg_dump"), "pg_dump");
    assert_eq!(quote("/opt/telenia_data/sync/"), "/opt/telenia_data/sync/");
    assert_eq!(quote("--max-depth=1"), "'--max-depth=1'");
    assert_eq!(quote(""), "''");
    assert_eq!(quote("it's"), r"'it'\''s'");
    assert_eq!(quote(b"a\xffb"), r#"'a'"$(printf '\377')"'b'"#);
}

#[test]
fn accepts_paths_and_os_strings() {
    use std::os::unix::ffi::OsStrExt;
    let path = Path::new(OsStr::from_bytes(b"/tmp/a b\xff"));
    assert_eq!(quote(path), quote(b"/tmp/a b\xff"));
    assert_eq!(quote(path.to_path_buf()), quote(path));
    assert_eq!(quote(String::from("x y")), "'x y'");
}

#[test]
fn variable_names() {
    assert!(is_name("PGHOST"));
    assert!(is_name("_x1"));
    assert!(!is_name("1X"));
    assert!(!is_name(""));
    assert!(!is_name("A-B"));
    assert!(!is_name("X=$(reboot)"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any bytes except NUL (which no argument can hold) come back exactly, through dash
    /// (`/bin/sh` here) and bash.
    #[test]
    fn any_bytes_round_trip(value in proptest::collection::vec(1u8..=255, 0..40)) {
        for shell in SHELLS {
            prop_assert_eq!(echoed(shell, &value), value.clone(), "{}: {}", shell, quote(&value));
        }
    }

    /// The same with text-like values, where quotes and shell syntax are more likely.
    #[test]
    fn shell_syntax_round_trips(value in "[ -~\n\t\u{e9}\u{20ac}]{0,30}") {
        for shell in SHELLS {
            prop_assert_eq!(echoed(shell, value.as_bytes()), value.as_bytes().to_vec());
        }
    }
}

mod cmd {
    use super::*;

    /// Runs a rendered command with `/bin/sh` in a scratch directory and returns stdout.
    fn run(cmd: &Cmd, dir: &Path) -> Vec<u8> {
        let out = Command::new("/bin/sh")
            .arg("-c")
            .arg(cmd.render())
            .current_dir(dir)
            .output()
            .unwrap();
        out.stdout
    }

    #[test]
    fn renders_programs_pipes_and_lists() {
        let cmd = Cmd::new("pg_dump")
            .arg("--clean")
            .arg("davical_administrators")
            .pipe(Cmd::new("wc").arg("-c"));
        assert_eq!(
            cmd.render(),
            "pg_dump --clean davical_administrators | wc -c"
        );
        let cmd = Cmd::new("test")
            .args(["-d", "/opt"])
            .and(Cmd::new("echo").arg("yes"));
        assert_eq!(cmd.render(), "test -d /opt && echo yes");
        assert_eq!(cmd.to_string(), cmd.render());
    }

    #[test]
    fn arg_goes_to_the_last_command() {
        let cmd = Cmd::new("du").pipe(Cmd::new("sort")).arg("-h");
        assert_eq!(cmd.render(), "du | sort -h");
        let cmd = Cmd::shell("du -h --max-depth=1").arg("/opt/a b");
        assert_eq!(cmd.render(), "du -h --max-depth=1 '/opt/a b'");
    }

    #[test]
    fn env_applies_to_its_command_only() {
        let cmd = Cmd::new("psql").env("PGPASSFILE", "/root/.pgpass x");
        assert_eq!(cmd.render(), "PGPASSFILE='/root/.pgpass x' psql");
        let cmd = Cmd::new("a")
            .pipe(Cmd::new("b"))
            .env("X", "1")
            .and(Cmd::new("c"));
        assert_eq!(cmd.render(), "(export X=1; a | b) && c");
    }

    #[test]
    #[should_panic(expected = "not a shell variable name")]
    fn env_refuses_bad_names() {
        let _ = Cmd::new("a").env("X; reboot", "1");
    }

    #[test]
    fn shell_fragments_keep_their_meaning_in_lists() {
        let cmd = Cmd::new("true").and(Cmd::shell("false || echo fallback"));
        assert_eq!(cmd.render(), "true && { false || echo fallback; }");
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(run(&cmd, dir.path()), b"fallback\n");
        let cmd = Cmd::shell("echo a # note").pipe(Cmd::new("cat"));
        assert_eq!(cmd.render(), "{ echo a # note\n} | cat");
        assert_eq!(run(&cmd, dir.path()), b"a\n");
        let cmd = Cmd::new("false")
            .and(Cmd::new("true"))
            .pipe(Cmd::new("cat"));
        assert_eq!(cmd.render(), "{ false && true; } | cat");
    }

    #[test]
    fn redirections_quote_their_paths() {
        let cmd = Cmd::new("printf")
            .args(["%s", "x"])
            .write_to("out $(touch pwned)")
            .and(Cmd::new("echo").arg("more").append_to("out $(touch pwned)"))
            .and(Cmd::new("cat").arg("out $(touch pwned)").merge_stderr());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(run(&cmd, dir.path()), b"xmore\n");
        assert!(!dir.path().join("pwned").exists());
    }

    #[test]
    fn reserved_words_run_as_programs() {
        assert_eq!(Cmd::new("if").render(), "'if'");
        assert_eq!(Cmd::new("FOO=bar").render(), "'FOO=bar'");
    }

    #[test]
    fn hostile_arguments_do_not_run() {
        let dir = tempfile::tempdir().unwrap();
        let cmd = Cmd::new("printf").arg("%s|").args([
            "'; touch pwned #",
            "$(touch pwned)",
            "`touch pwned`",
            "a\nb",
            "",
            "-n",
        ]);
        assert_eq!(
            run(&cmd, dir.path()),
            b"'; touch pwned #|$(touch pwned)|`touch pwned`|a\nb||-n|"
        );
        assert!(!dir.path().join("pwned").exists());
    }
}
