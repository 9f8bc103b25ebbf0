//! The step's command travels on the receipt tool's standard input, run for real by
//! `/bin/sh` on this machine: in no process's arguments, byte for byte, never cut, and
//! followed by the sudo password when the command reads it.

use super::tests::local;
use super::*;

#[test]
fn a_secret_in_the_command_is_in_no_process_arguments_while_it_runs() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let marker = format!("Hunter2-receipt-{}", std::process::id());
    // Every process is looked at while the tool starts the command and while it runs.
    // `env` shows whether the command's own programs inherit it.
    let cmd = Cmd::operator_script(format!("sleep 1; pw='{marker}'; echo \"$pw\"; env"));
    let (r, seen, looks) = crate::transport::testing::watching_arguments(marker.as_bytes(), || {
        start(&mut t, &Key::new("run-1", "secret"), 1, &cmd, None).unwrap()
    });
    assert_eq!(seen, None, "the secret was in a process's arguments");
    assert!(looks > 10, "looked {looks} times only");
    assert_eq!(r.exit, Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    let out = String::from_utf8_lossy(&r.stdout);
    assert_eq!(out.matches(&marker).count(), 1, "inherited:\n{out}");
}

#[test]
fn any_command_text_arrives_byte_for_byte() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let canary = home.path().join("canary");
    let mut text = format!(
        "'\"; touch {0}; $(touch {0}) `touch {0}` \\ $HOME ${{IFS}} * ~ -n\tx\r\n",
        canary.display()
    )
    .into_bytes();
    text.extend_from_slice(b"caf\xe9 \xff\xfe \xc3\n\n");
    let mut cases: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    // A here-document gives the text back; the trailing newlines after it, like any byte
    // lost on the way, would make the tool refuse the command (its length is checked).
    let mut heredoc = b"cat <<'TVDR_END'\n".to_vec();
    heredoc.extend_from_slice(&text);
    heredoc.extend_from_slice(b"TVDR_END\n\n\n");
    cases.push((heredoc, text.clone()));
    // A leading `-` is no option of the shell.
    cases.push((
        b"-tvdr-no-such 2>/dev/null; printf ok".to_vec(),
        b"ok".to_vec(),
    ));
    cases.push((Vec::new(), Vec::new()));
    // Bigger than a pipe holds, within what a program is given.
    let big = |size| {
        let mut big = b": '".to_vec();
        big.extend(std::iter::repeat_n(b'x', size));
        big.extend_from_slice(b"'\nprintf big");
        big
    };
    cases.push((big(130_000), b"big".to_vec()));
    for (n, (command, want)) in cases.iter().enumerate() {
        let key = Key::new("run-1", &format!("bytes-{n}"));
        let r = launch(&mut t, &key, 1, command, None, false).unwrap();
        assert_eq!(r.exit, Some(0), "case {n}: {r:?}");
        assert_eq!(&r.stdout, want, "case {n}");
    }
    assert!(!canary.exists());
    // Too big to hand to a program: said, and no attempt is made.
    let key = Key::new("run-1", "too-big");
    let err = launch(&mut t, &key, 1, &big(140_000), None, false).unwrap_err();
    assert!(err.to_string().contains("140015 bytes"), "{err}");
    assert_eq!(look(&mut t, &key).unwrap().state, State::None);
}

#[test]
fn a_command_cut_on_the_way_is_refused_and_never_attempted() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    let key = Key::new("run-1", "cut");
    for input in [&b"12\necho h"[..], b"", b"x\necho", b"2"] {
        let err = call(&mut t, "start", &key, 1, input, None, false).unwrap_err();
        assert!(
            matches!(&err, ReceiptError::Refused { why, .. } if why.contains("nothing was started") || why.contains("did not arrive")),
            "{err}"
        );
    }
    assert_eq!(look(&mut t, &key).unwrap().state, State::None);
}

#[test]
fn the_sudo_password_after_the_command_reaches_the_command_alone() {
    let home = tempfile::tempdir().unwrap();
    let mut t = local(home.path());
    // What the sudo transport sends for a receipt (`transport::sudo` tests the order):
    // the command's length and bytes, then the password line.
    let command = b"IFS= read -r pw; printf '%s|' \"$pw\"; cat; printf 'end\n\n'\n\n";
    let mut input = format!("{}\n", command.len()).into_bytes();
    input.extend_from_slice(command);
    input.extend_from_slice(b"s3cr3t pw\n");
    let key = Key::new("run-1", "sudo");
    let r = call(&mut t, "start", &key, 1, &input, None, true).unwrap();
    assert_eq!(
        r.stdout,
        b"s3cr3t pw|end\n\n",
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    // Without `input`, the command reads nothing at all.
    let r = call(&mut t, "start", &key, 2, &input, None, false).unwrap();
    assert_eq!(r.stdout, b"|end\n\n");
}
