//! [`LocalTransport`]: runs commands on the machine tvdr runs on (a technician logged into
//! a node), with the same rendering, streaming and timeout as over SSH.

use std::io::Write;
use std::time::{Duration, Instant};

use super::child::{self, Failure, Group};
use super::error::shorten;
use super::script::script;
use super::{Cmd, Target, Transport, TransportError};

pub struct LocalTransport {
    target: Target,
}

impl LocalTransport {
    pub fn new(target: Target) -> LocalTransport {
        LocalTransport { target }
    }
}

impl Transport for LocalTransport {
    fn target(&self) -> &Target {
        &self.target
    }

    fn set_env(&mut self, env: std::collections::BTreeMap<String, String>) {
        self.target.env = env;
    }

    fn exec_input(
        &mut self,
        command: &Cmd,
        input: &[u8],
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError> {
        let node = &self.target.name;
        let line = script(&self.target, command)?;
        let timeout = timeout.unwrap_or(self.target.command_timeout);
        let deadline = Instant::now() + timeout;
        let mut shell = child::command("/bin/sh");
        shell.arg("-c").arg(&line);
        match child::run_with_input(&mut shell, input, stdout, stderr, deadline, Group::Own) {
            Ok(status) => Ok(status),
            Err(Failure::Start(e)) => Err(TransportError::io(
                node,
                crate::msg!("transport-context-cannot-start-bin-sh"),
                e,
            )),
            Err(Failure::Pass(e)) => Err(TransportError::io(
                node,
                crate::msg!("transport-context-cannot-pass-on-command-output"),
                e,
            )),
            Err(Failure::Wait(e)) => Err(TransportError::io(
                node,
                crate::msg!("transport-context-cannot-wait-for-the-command"),
                e,
            )),
            Err(Failure::Deadline) => Err(TransportError::Timeout {
                node: node.clone(),
                command: shorten(&command.render()),
                timeout,
            }),
        }
    }

    /// The program gets this terminal itself (inherited descriptors, same process group,
    /// so it stays in the foreground and can read the keyboard): it sets raw mode and
    /// follows window changes on its own, as it would started from a shell.
    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn super::Console,
    ) -> Result<i32, TransportError> {
        let node = &self.target.name;
        let line = script(&self.target, command)?;
        let _ = console.output().flush();
        let mut shell = child::command("/bin/sh");
        shell.arg("-c").arg(&line);
        child::run_on_terminal(&mut shell).map_err(|e| {
            TransportError::io(
                node,
                crate::msg!("transport-context-cannot-start-bin-sh"),
                e,
            )
        })
    }
}

#[cfg(test)]
mod tests;
