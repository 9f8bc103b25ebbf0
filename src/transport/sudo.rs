//! `become: sudo`: a non-root login runs what needs root ([`Cmd::as_root`]) through
//! `sudo -n`, and says at once why it cannot when sudo would ask for a password.
//!
//! At connect, `sudo -n -l` tells whether this login may use sudo without a password
//! (sudo's default `listpw=any` lets it list without one as soon as one rule is
//! NOPASSWD). When it may not, a command needing root is not sent: the caller gets
//! [`TransportError::NeedsRoot`] with the reason — a check reports UNKNOWN, a step stops
//! with exit code 5 — instead of an error from deep inside the command.
//!
//! Why no password prompt: sudo reads the password on the command's own standard input
//! (`sudo -S`), which these transports do not hand over to a command, and a password
//! written there would meet the command's input or a `screen`/receipt wrapper. A site that
//! forbids root logins gives the login NOPASSWD for the programs tvdr needs (README).

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use super::{Cmd, Console, Target, Transport, TransportError};

/// A transport whose root-needing commands go through `sudo -n`.
pub(super) struct Sudo {
    inner: Box<dyn Transport>,
    /// Why sudo cannot be used without a password, when it cannot.
    refused: Option<String>,
}

/// Wraps `inner` when its node says `become: sudo` and the login is not root.
pub(super) fn wrap(mut inner: Box<dyn Transport>) -> Result<Box<dyn Transport>, TransportError> {
    let target = inner.target();
    if !target.sudo || target.user == "root" {
        return Ok(inner);
    }
    let probe = inner.output(&Cmd::new("sudo").args(["-n", "-l"]))?;
    let refused = match probe.status {
        0 => None,
        127 => Some("`sudo` is not installed on the node".to_owned()),
        status => Some(last_line(&probe.stderr).unwrap_or(format!("exit status {status}"))),
    };
    Ok(Box::new(Sudo { inner, refused }))
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
    fn prepared(&self, command: &Cmd) -> Result<Cmd, TransportError> {
        if !command.needs_root() {
            return Ok(command.clone());
        }
        match &self.refused {
            None => Ok(command.through_sudo()),
            Some(reason) => {
                let target = self.inner.target();
                Err(TransportError::NeedsRoot {
                    node: target.name.clone(),
                    user: target.user.clone(),
                    command: super::error::shorten(&command.render()),
                    reason: reason.clone(),
                })
            }
        }
    }
}

impl Transport for Sudo {
    fn target(&self) -> &Target {
        self.inner.target()
    }

    fn set_env(&mut self, env: BTreeMap<String, String>) {
        self.inner.set_env(env);
    }

    fn for_node(&self, command: &Cmd) -> Result<Cmd, TransportError> {
        self.prepared(command)
    }

    fn exec(
        &mut self,
        command: &Cmd,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError> {
        let command = self.prepared(command)?;
        self.inner.exec(&command, stdout, stderr, timeout)
    }

    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn Console,
    ) -> Result<i32, TransportError> {
        let command = self.prepared(command)?;
        self.inner.interactive(&command, console)
    }
}
