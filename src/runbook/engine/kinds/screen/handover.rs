//! Starting a `screen` step's session and handing it its command.
//!
//! The command is in no process's arguments and in no file: it reaches the node on
//! the receipt tool's standard input (`receipt::script`), and the login shell hands it to
//! the session through a FIFO in the private directory (a FIFO's bytes are never on
//! disk). An argument would show it, and any secret answer in it, in `ps` to every user of
//! the node for the whole update, in screen's arguments and in the window's `sh`; the
//! environment does not cross `sudo -n` (env_reset) without sudoers allowing it; screen's
//! own ways in (`-X readbuf`/`paste`) read a file, and `-X stuff` takes the text as an
//! argument again. The hand-over happens on the node, inside the receipt's detached
//! wrapper: tvdr or the link dying cannot cut it. If it is cut anyway (the wrapper killed),
//! the session waits [`HANDOFF_WAIT`] at most, then ends with
//! [`NO_COMMAND_MARKER`](crate::runbook::verdict::log::NO_COMMAND_MARKER) as its whole log
//! instead of an exit status: never started, so safe to start again.

use crate::transport::Cmd;

/// The command inside screen (`$1` the FIFO, `$2` the seconds to wait for it): the step's
/// command read from the FIFO (its length in bytes on a line, then its bytes), checked
/// whole, the FIFO removed; then the command in a subshell (so its `exit` cannot skip the
/// marker), and its exit status on a line of its own at the end of the log (read by
/// `verdict::log::exit_status`: the `tvdr-exit:` marker). A command that did not arrive
/// whole in time is never run: `tvdr-no-command` instead (`verdict::log::NO_COMMAND_MARKER`).
/// `printf` is a shell builtin, so the command is in no process's arguments here either;
/// `eval` takes it out of the variables its programs would see.
const INNER: &str = r#"tvdr_nl='
'
tvdr_c=$(timeout "$2" cat -- "$1"; echo .)
rm -f -- "$1"
tvdr_c=${tvdr_c%.}
tvdr_n=-1
case $tvdr_c in
*"$tvdr_nl"*)
  tvdr_n=${tvdr_c%%"$tvdr_nl"*}
  tvdr_c=${tvdr_c#*"$tvdr_nl"}
  case $tvdr_n in '' | *[!0-9]*) tvdr_n=-1 ;; esac
  ;;
esac
if [ "$(($(printf %s "$tvdr_c" | wc -c)))" -ne "$tvdr_n" ]; then
  printf '\ntvdr-no-command\n'
  exit 125
fi
unset tvdr_nl tvdr_n
(eval "unset tvdr_c; $tvdr_c"); s=$?; printf '\ntvdr-exit:%s\n' "$s""#;

/// The login shell's side of the hand-over (`$1` the FIFO): what it is given, into the
/// FIFO, once the session opens it.
const HAND_OVER: &str = r#"cat >"$1""#;

/// How long a session waits for its command, and the login shell for the session to take
/// it: bounded, so a session whose hand-over was cut ends by itself.
pub const HANDOFF_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Starts `line` (an already quoted command line) detached in screen session `session`,
/// logging to `log` with a one-second flush, handing `line` over through the FIFO `fifo`
/// (made here, 0600, in the login user's private directory). Meant to run inside a
/// receipt's wrapper, which gets this text on standard input: `line` is then in no
/// process's arguments (`printf` is a shell builtin) and in no file.
///
/// `screen` runs as root (the updater patches the system): through sudo for a
/// `become: sudo` login, whose session then lives in root's socket directory — polled and
/// wiped as root too. Only `screen` needs root, never `sh`: a site's sudoers may name
/// `screen` alone. Root reads the login user's FIFO (root passes its 0700 directory).
/// `umask 022`: the log root's screen creates stays readable by the login user, who
/// follows it (the private directory around it is 0700).
pub fn start(session: &str, log: &str, rc: &str, fifo: &str, line: &str) -> Cmd {
    launch(session, log, rc, fifo, Some(line), HANDOFF_WAIT.as_secs())
}

/// [`start`] waiting `wait` seconds for the hand-over; without `line`, the hand-over left
/// out (as if it were cut).
pub(super) fn launch(
    session: &str,
    log: &str,
    rc: &str,
    fifo: &str,
    line: Option<&str>,
    wait: u64,
) -> Cmd {
    let wait = wait.to_string();
    let started = Cmd::shell("umask 022")
        .and(
            Cmd::new("printf")
                .arg("logfile %s\\nlogfile flush 1\\n")
                .arg(log)
                .write_to(rc),
        )
        .and(Cmd::new("mkfifo").args(["-m", "600", "--", fifo]))
        .and(
            Cmd::new("screen")
                .args(["-dmS", session, "-L", "-c", rc, "sh", "-c", INNER, "tvdr"])
                .args([fifo, wait.as_str()])
                .as_root(),
        );
    let Some(line) = line else {
        return started;
    };
    started.and(
        Cmd::new("printf")
            .arg("%s\\n%s")
            .arg(line.len().to_string())
            .arg(line)
            .pipe(Cmd::new("timeout").arg(wait.as_str()).args([
                "sh",
                "-c",
                HAND_OVER,
                "tvdr-hand-over",
                fifo,
            ])),
    )
}

/// The FIFO that hands `log`'s session its command (beside its log and screenrc).
pub fn fifo_of(log: &str) -> String {
    format!("{}.fifo", log.trim_end_matches(".log"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_command_quotes_every_value_and_names_the_command_once_to_a_builtin() {
        let line = "updater --x 'y'";
        let cmd = start(
            "tvdr-patch-r1",
            "/home/a b/s.log",
            "/home/r.rc",
            "/home/a b/s.fifo",
            line,
        );
        let quoted = crate::transport::quote(line);
        assert_eq!(
            cmd.render(),
            format!(
                "umask 022 && printf 'logfile %s\\nlogfile flush 1\\n' '/home/a b/s.log' > /home/r.rc && \
                 mkfifo -m 600 -- '/home/a b/s.fifo' && \
                 screen -dmS tvdr-patch-r1 -L -c /home/r.rc sh -c {} tvdr '/home/a b/s.fifo' 60 && \
                 printf '%s\\n%s' 15 {quoted} | timeout 60 sh -c 'cat >\"$1\"' tvdr-hand-over '/home/a b/s.fifo'",
                crate::transport::quote(INNER),
            )
        );
        // The line is given to `printf` alone (a builtin of the login shell), after screen.
        assert_eq!(cmd.render().matches(&quoted).count(), 1);
        assert!(INNER.contains(&format!("printf '\\n{NO_COMMAND}\\n'")));
    }

    const NO_COMMAND: &str = crate::runbook::verdict::log::NO_COMMAND_MARKER;

    #[test]
    fn only_screen_goes_through_sudo_and_the_hand_over_stays_the_login_users() {
        let start = start("s", "/h/s.log", "/h/s.rc", "/h/s.fifo", "u")
            .through_sudo()
            .render();
        // screen alone through sudo: the hand-over is the login user's, no `sudo sh`.
        assert!(
            start.contains(
                r#"> /h/s.rc && mkfifo -m 600 -- /h/s.fifo && { sudo -n -- "$(command -v screen || echo screen)" -dmS s"#
            ),
            "{start}"
        );
        assert!(
            start.ends_with(
                r#"/h/s.fifo 60; } && printf '%s\n%s' 1 u | timeout 60 sh -c 'cat >"$1"' tvdr-hand-over /h/s.fifo"#
            ),
            "{start}"
        );
        assert_eq!(start.matches("sudo").count(), 1, "{start}");
        assert_eq!(fifo_of("/h/tvdr-a-r1.log"), "/h/tvdr-a-r1.fifo");
    }
}
