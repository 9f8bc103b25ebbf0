//! `become: sudo`: a non-root login runs what needs root ([`Cmd::as_root`]) through sudo:
//! `sudo -n` when the site gave it NOPASSWD, else with the login's password, asked at the
//! terminal once per node.
//!
//! At connect, `sudo -n -l` tells whether this login may use sudo without a password
//! (sudo's default `listpw=any` lets it list without one as soon as one rule is
//! NOPASSWD). When sudo wants a password, the first command needing root asks for it
//! (hidden input), tries it (`sudo -S -k -v`) and keeps it, wiped on exit, for that node's
//! later commands in this process; a wrong one is said and asked again, three times at
//! most. The password reaches sudo on the command's standard input only (see
//! `quote/root.rs`): never on a command line, in an environment, a journal or a message.
//! Without a terminal, or when sudo refuses for another reason, a command needing root
//! is not sent: the caller gets [`TransportError::NeedsRoot`] with the reason — a check
//! reports UNKNOWN, a step stops with exit code 5.
//!
//! A program run on a terminal of its own (`network_reset`) gets plain `sudo`, which asks
//! the person at that terminal itself when it wants the password.

use crate::i18n::Msg;
use crate::msg;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

use super::secrets::{Secret, Secrets, TtySecrets};
use super::{Cmd, Console, Target, Transport, TransportError};

/// How many times a wrong password is asked again.
const TRIES: usize = 3;

/// The passwords given in this process, by login (`user@address:port`): asked once per
/// node, also across reconnections (a node that rebooted).
static PASSWORDS: Mutex<BTreeMap<String, Secret>> = Mutex::new(BTreeMap::new());

/// A transport whose root-needing commands go through sudo.
pub(super) struct Sudo {
    inner: Box<dyn Transport>,
    mode: Mode,
}

enum Mode {
    /// NOPASSWD: `sudo -n`.
    NoPassword,
    /// sudo wants the login's password (`said`: what `sudo -n -l` answered).
    Password { said: String, can_prompt: bool },
    /// sudo cannot be used: why.
    Refused(Msg),
}

/// Wraps `inner` when its node says `become: sudo` and the login is not root.
pub(super) fn wrap(
    mut inner: Box<dyn Transport>,
    secrets: &dyn Secrets,
) -> Result<Box<dyn Transport>, TransportError> {
    let target = inner.target();
    if !target.sudo || target.user == "root" {
        return Ok(inner);
    }
    let probe = inner.output(&probe_command())?;
    let said = last_line(&probe.stderr);
    let mode = match (probe.status, said) {
        (0, _) => Mode::NoPassword,
        (127, _) => Mode::Refused(msg!("sudo-not-installed")),
        (_, Some(said)) if wants_password(&said) => Mode::Password {
            said,
            can_prompt: secrets.can_prompt(),
        },
        (status, said) => {
            Mode::Refused(said.map_or_else(|| msg!("sudo-exit-status", status = status), Msg::text))
        }
    };
    Ok(Box::new(Sudo { inner, mode }))
}

/// `sudo -n -l`: may the login use sudo, and with a password? sudo's messages are
/// translated, and the login environment a node gives may be Italian (CentOS exports LANG
/// from /etc/locale.conf to every shell): `LC_ALL=C` keeps them in the English read here.
fn probe_command() -> Cmd {
    Cmd::new("sudo").env("LC_ALL", "C").args(["-n", "-l"])
}

/// `sudo -S -p '' -k -v`: is this the password? (English, as [`probe_command`].)
fn check_command() -> Cmd {
    Cmd::new("sudo")
        .env("LC_ALL", "C")
        .args(["-S", "-p", "", "-k", "-v"])
}

/// sudo asks for a password: "a password is required", or sudoers' Italian for it in
/// case a locale got through ("è necessaria una password").
fn wants_password(said: &str) -> bool {
    said.contains("password is required") || said.contains("necessaria una password")
}

/// sudo refused the password: "Sorry, try again." and "incorrect password attempt", or
/// the Italian "Riprovare." and "tentativo di immissione password non corretto".
fn wrong_password(said: &str) -> bool {
    [
        "incorrect password",
        "try again",
        "Riprovare",
        "password non corrett",
    ]
    .iter()
    .any(|words| said.contains(words))
}

/// sudo's verdict comes last, after warnings such as `unable to resolve host`.
fn last_line(bytes: &[u8]) -> Option<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map(str::to_owned)
}

impl Sudo {
    fn needs_root(&self, command: &Cmd, reason: Msg) -> TransportError {
        let target = self.inner.target();
        TransportError::NeedsRoot {
            node: target.name.clone(),
            user: target.user.clone(),
            command: super::error::shorten(&command.render()),
            reason,
        }
    }

    fn login(&self) -> String {
        let t = self.inner.target();
        format!("{}@{}:{}", t.user, t.address, t.port)
    }

    /// `command` as the node runs it, and whether the password goes on its input.
    fn prepared(&self, command: &Cmd) -> Result<(Cmd, bool), TransportError> {
        if !command.needs_root() {
            // A receipt's tool passing the password on to a command made below.
            return Ok((command.clone(), command.reads_sudo_password()));
        }
        match &self.mode {
            Mode::NoPassword => Ok((command.through_sudo(), false)),
            // Said here, naming the command, rather than by the wrapper it is put in.
            Mode::Password { said, can_prompt } if !can_prompt && !self.known() => {
                Err(self.needs_root(command, msg!("sudo-no-terminal", said = said.as_str())))
            }
            Mode::Password { .. } => Ok((command.through_sudo_with_password(), true)),
            Mode::Refused(reason) => Err(self.needs_root(command, reason.clone())),
        }
    }

    /// The password was given earlier in this process.
    fn known(&self) -> bool {
        lock().contains_key(&self.login())
    }

    /// The login's sudo password: given earlier in this process, or asked now and tried.
    fn password(&mut self, command: &Cmd) -> Result<Secret, TransportError> {
        let Mode::Password { said, can_prompt } = &self.mode else {
            unreachable!("asked in password mode only")
        };
        let (said, can_prompt) = (said.clone(), *can_prompt);
        let login = self.login();
        if let Some(known) = lock().get(&login) {
            return Ok(known.clone());
        }
        if !can_prompt {
            return Err(self.needs_root(command, msg!("sudo-no-terminal", said = said)));
        }
        let (user, node) = (
            self.inner.target().user.clone(),
            self.inner.target().name.clone(),
        );
        for _ in 0..TRIES {
            let Some(password) = TtySecrets::sudo_password(&user, &node) else {
                return Err(self.needs_root(command, msg!("sudo-none-given", said = said)));
            };
            match self.try_password(&password)? {
                Tried::Taken => {
                    lock().insert(login, password.clone());
                    return Ok(password);
                }
                Tried::Wrong => eprintln!(
                    "{}",
                    crate::t!(
                        "sudo-wrong-password",
                        node = node.as_str(),
                        user = user.as_str()
                    )
                ),
                Tried::Refused(why) => return Err(self.needs_root(command, why)),
            }
        }
        Err(self.needs_root(command, msg!("sudo-wrong-times", times = TRIES)))
    }

    /// Asks sudo whether `password` is right (`-k`: whatever it remembers).
    fn try_password(&mut self, password: &Secret) -> Result<Tried, TransportError> {
        let check = check_command();
        let input = with_newline(password, &[]);
        let mut stderr = Vec::new();
        let status =
            self.inner
                .exec_input(&check, &input, &mut std::io::sink(), &mut stderr, None)?;
        let said = String::from_utf8_lossy(&stderr);
        Ok(if status == 0 {
            Tried::Taken
        } else if wrong_password(&said) {
            Tried::Wrong
        } else {
            Tried::Refused(
                last_line(&stderr)
                    .map_or_else(|| msg!("sudo-exit-status", status = status), Msg::text),
            )
        })
    }
}

enum Tried {
    Taken,
    Wrong,
    Refused(Msg),
}

fn lock() -> std::sync::MutexGuard<'static, BTreeMap<String, Secret>> {
    PASSWORDS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Wipes the sudo passwords given in this process. Called when the command is done: a
/// `static` is never dropped, so without this they would be left in memory to the end.
pub fn forget_sudo_passwords() {
    lock().clear();
}

/// The line sudo reads, then `more`, in memory wiped after use (sized once: growing
/// would leave a copy behind).
fn with_newline(password: &Secret, more: &[u8]) -> zeroize::Zeroizing<Vec<u8>> {
    let mut line = zeroize::Zeroizing::new(Vec::with_capacity(password.len() + 1 + more.len()));
    line.extend_from_slice(password.as_bytes());
    line.push(b'\n');
    line.extend_from_slice(more);
    line
}

/// What a command reading the sudo password gets on its standard input: the password line
/// first for one made here ([`Cmd::through_sudo_with_password`] reads it before anything);
/// after `input` for a wrapper passing it on ([`Cmd::passing_sudo_password`]: a receipt's
/// tool reads the step's command from `input`, then hands the rest to the command). A
/// command already made by [`Cmd::through_sudo_with_password`] no longer needs root and
/// goes the wrapper's way: only a receipt's tool sends one, inside its input.
fn stdin_with(command: &Cmd, password: &Secret, input: &[u8]) -> zeroize::Zeroizing<Vec<u8>> {
    if command.needs_root() {
        return with_newline(password, input);
    }
    let mut all = zeroize::Zeroizing::new(Vec::with_capacity(input.len() + password.len() + 1));
    all.extend_from_slice(input);
    all.extend_from_slice(password.as_bytes());
    all.push(b'\n');
    all
}

impl Transport for Sudo {
    fn target(&self) -> &Target {
        self.inner.target()
    }

    fn set_env(&mut self, env: BTreeMap<String, String>) {
        self.inner.set_env(env);
    }

    fn for_node(&self, command: &Cmd) -> Result<Cmd, TransportError> {
        self.prepared(command).map(|(cmd, _)| cmd)
    }

    fn exec_input(
        &mut self,
        command: &Cmd,
        input: &[u8],
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError> {
        let (prepared, with_password) = self.prepared(command)?;
        if !with_password {
            return self
                .inner
                .exec_input(&prepared, input, stdout, stderr, timeout);
        }
        let password = self.password(command)?;
        let line = stdin_with(command, &password, input);
        self.inner
            .exec_input(&prepared, &line, stdout, stderr, timeout)
    }

    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn Console,
    ) -> Result<i32, TransportError> {
        let command = match (&self.mode, command.needs_root()) {
            (Mode::Password { .. }, true) => command.through_sudo_on_terminal(),
            _ => self.prepared(command)?.0,
        };
        self.inner.interactive(&command, console)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sudo_passwords_are_wiped_when_forgotten() {
        const PASSWORD: &str = "Hunter2-sudo-forgotten";
        let login = "forget@192.0.2.9:22".to_string();
        lock().insert(login.clone(), Secret::new(PASSWORD.to_string()));
        let leaked = crate::fuzz::alloc::freed_holding(PASSWORD.as_bytes(), forget_sudo_passwords);
        assert!(!leaked, "the sudo password was freed unwiped");
        assert!(!lock().contains_key(&login));
    }

    #[test]
    fn sudo_speaks_english_to_tvdr_and_its_italian_is_understood_too() {
        assert_eq!(probe_command().render(), "LC_ALL=C sudo -n -l");
        assert_eq!(check_command().render(), "LC_ALL=C sudo -S -p '' -k -v");
        // sudo 1.9 on Debian 12, with LANGUAGE=it (sudoers.mo).
        assert!(wants_password("sudo: a password is required"));
        assert!(wants_password("sudo: è necessaria una password"));
        assert!(!wants_password(
            "sudo: a terminal is required to read the password"
        ));
        for said in [
            "Sorry, try again.",
            "sudo: 1 incorrect password attempt",
            "Riprovare.",
            "sudo: 1 tentativo di immissione password non corretto",
        ] {
            assert!(wrong_password(said), "{said}");
        }
        assert!(!wrong_password(
            "sudo: no tty present and no askpass program specified"
        ));
    }

    #[test]
    fn a_wrapper_gets_the_password_after_its_own_input_a_root_command_before() {
        let password = Secret::new("pw".to_string());
        let root = Cmd::new("reboot").as_root();
        assert_eq!(&stdin_with(&root, &password, b"more")[..], b"pw\nmore");
        let wrapper = Cmd::new("sh").passing_sudo_password();
        assert_eq!(
            &stdin_with(&wrapper, &password, b"4\nls\n\n")[..],
            b"4\nls\n\npw\n"
        );
        assert_eq!(&stdin_with(&wrapper, &password, b"")[..], b"pw\n");
    }
}
