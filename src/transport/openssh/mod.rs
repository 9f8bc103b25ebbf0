//! [`OpenSshTransport`]: the system `ssh`, one ControlMaster connection per node for the
//! whole process, for sites only OpenSSH reaches (a bastion to jump through, an
//! ssh_config of their own).
//!
//! The rules are the libssh2 transport's: host keys verified against the target's
//! known_hosts and never learned (`tvdr trust` adds them), the same rendered command line
//! (node `env:`, pid marker), output streamed, and a timeout ends the command on the node
//! too. The master logs in once (`ssh -M -N -f`, in the background); each command is one
//! short-lived `ssh` client riding it; dropping the transport stops it (`ssh -O exit`).
//!
//! One difference: a command killed by a signal reads as 255, not 128 + the signal, as
//! OpenSSH's client does not pass the signal on. ssh's own 255 is told apart by the pid
//! marker (before it, the command never started) and by asking the master (after it, a
//! master gone means the connection was lost).

mod classify;
mod config;
mod jump;
mod master;
mod persisting;
mod private_dir;
mod stderr;

use std::io::{self, Write};
use std::time::{Duration, Instant};

use super::child::{self, Failure, Group};
use super::error::shorten;
use super::kept::Keep;
use super::marker::{kill_line, PRINT_PID};
use super::script::script;
use super::{Cmd, Console, Secrets, Target, Transport, TransportError};
use config::Mode;
pub use jump::check_proxy_jump;
pub use persisting::disconnect;
use private_dir::PrivateDir;
use stderr::Watch;

/// Asking the master something, or ending a timed-out command on the node.
const CONTROL_WAIT: Duration = Duration::from_secs(5);

pub struct OpenSshTransport {
    target: Target,
    /// Never ask: no terminal (or nobody) to ask on.
    batch: bool,
    /// Set once the connection is lost: later commands fail at once.
    lost: Option<crate::i18n::Msg>,
    /// Declared last: removed after `Drop::drop` has stopped the master.
    dir: PrivateDir,
}

impl OpenSshTransport {
    /// Starts the master connection to `target`: host key verified, user logged in.
    /// `ssh` asks for passphrases and passwords itself, and only when `secrets` says a
    /// person is at the terminal. With `keep` (`ssh.persist`), the master is the one an
    /// earlier command line left running for this node and login when there is one, and
    /// the one started here outlives this command line by `keep.idle`.
    pub fn connect(
        target: &Target,
        secrets: &dyn Secrets,
        keep: Option<&Keep>,
    ) -> Result<OpenSshTransport, TransportError> {
        let node = &target.name;
        let batch = !secrets.can_prompt();
        let text = config::ssh_config(target, batch).map_err(|message| TransportError::Ssh {
            node: node.clone(),
            context: crate::msg!("transport-context-writing-its-ssh-configuration"),
            message,
        })?;
        let cannot_create = |e| {
            TransportError::io(
                node,
                crate::msg!("transport-context-cannot-create-ssh-private-dir"),
                e,
            )
        };
        // The lock, held until the master is there, lets one command line at a time start
        // a kept master; the others then find it.
        let (dir, _starting) = match keep.and_then(|keep| persisting::kept_dir(target, keep)) {
            Some((dir, lock)) => (dir, Some(lock)),
            None => (PrivateDir::create().map_err(cannot_create)?, None),
        };
        dir.write_config(&text).map_err(|e| {
            TransportError::io(
                node,
                crate::msg!("transport-context-cannot-write-the-ssh-configuration"),
                e,
            )
        })?;
        let mut transport = OpenSshTransport {
            target: target.clone(),
            batch,
            lost: None,
            dir,
        };
        let kept_alive =
            transport.dir.is_kept() && transport.dir.socket().exists() && transport.master_alive();
        if !kept_alive {
            transport.start_master()?;
        }
        Ok(transport)
    }

    fn ssh(&self, mode: Mode) -> Result<std::process::Command, TransportError> {
        let args =
            config::args(&self.target, &self.dir, mode).map_err(|message| TransportError::Ssh {
                node: self.target.name.clone(),
                context: crate::msg!("transport-context-building-the-ssh-command-line"),
                message,
            })?;
        let mut ssh = child::command("ssh");
        ssh.args(args);
        Ok(ssh)
    }

    /// Fails at once when the connection was lost; starts the master again when it
    /// ended on its own.
    fn ready(&mut self) -> Result<(), TransportError> {
        if let Some(reason) = &self.lost {
            return Err(TransportError::Lost {
                node: self.target.name.clone(),
                reason: reason.clone(),
            });
        }
        if !self.dir.socket().exists() {
            self.start_master()?;
        }
        Ok(())
    }

    fn lose(&mut self, said: Option<String>) -> TransportError {
        let reason = said.map_or_else(
            || crate::msg!("transport-reason-ssh-ended"),
            crate::i18n::Msg::text,
        );
        self.lost = Some(reason.clone());
        TransportError::Lost {
            node: self.target.name.clone(),
            reason,
        }
    }

    /// Ends a timed-out command's process group on the node. Best effort, bounded.
    fn abandon(&self, pid: Option<u32>) {
        let Some(pid) = pid else { return };
        let kill = kill_line(pid);
        let Ok(mut ssh) = self.ssh(Mode::Exec(&kill)) else {
            return;
        };
        let deadline = Instant::now() + CONTROL_WAIT.min(self.target.connect_timeout);
        let sink = &mut io::sink();
        let _ = child::run(&mut ssh, sink, &mut io::sink(), deadline, Group::Own);
    }
}

fn cannot_start(node: &str, e: io::Error) -> TransportError {
    TransportError::io(
        node,
        crate::msg!("transport-context-cannot-start-openssh"),
        e,
    )
}

impl Transport for OpenSshTransport {
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
        self.ready()?;
        let node = self.target.name.clone();
        let timeout = timeout.unwrap_or(self.target.command_timeout);
        let line = format!("{PRINT_PID}{}", script(&self.target, command)?);
        let mut ssh = self.ssh(Mode::Exec(&line))?;
        let mut watch = Watch::new(stderr);
        let deadline = Instant::now() + timeout;
        let ran = child::run_with_input(&mut ssh, input, stdout, &mut watch, deadline, Group::Own);
        let pid = watch.pid();
        match ran {
            // ssh's own 255 before the command started: it says why (or, silent, the
            // master went away under it).
            Ok(255) if pid.is_none() && !watch.held().trim().is_empty() => {
                Err(self.refused(&watch.held()))
            }
            Ok(255) if !self.master_alive() => Err(self.lose(watch.last_line())),
            Ok(status) => {
                watch.finish().map_err(|e| {
                    TransportError::io(
                        &node,
                        crate::msg!("transport-context-cannot-pass-on-the-output"),
                        e,
                    )
                })?;
                Ok(status)
            }
            Err(Failure::Deadline) => {
                self.abandon(pid);
                Err(TransportError::Timeout {
                    node,
                    command: shorten(&command.render()),
                    timeout,
                })
            }
            Err(Failure::Pass(e)) => {
                self.abandon(pid);
                Err(TransportError::io(
                    &node,
                    crate::msg!("transport-context-cannot-pass-on-the-output"),
                    e,
                ))
            }
            Err(Failure::Start(e)) => Err(cannot_start(&node, e)),
            Err(Failure::Wait(e)) => Err(TransportError::io(
                &node,
                crate::msg!("transport-context-cannot-wait-for-ssh"),
                e,
            )),
        }
    }

    /// `ssh -tt` on this terminal: ssh sets raw mode and follows window changes itself.
    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn Console,
    ) -> Result<i32, TransportError> {
        self.ready()?;
        let term = super::terminal::choose(self, &console.term())?;
        let line = script(&self.target, command)?;
        let _ = console.output().flush();
        let mut ssh = self.ssh(Mode::Terminal(&line))?;
        // ssh passes its own TERM to the node's terminal.
        ssh.env("TERM", term);
        let status =
            child::run_on_terminal(&mut ssh).map_err(|e| cannot_start(&self.target.name, e))?;
        if status == 255 && !self.master_alive() {
            return Err(self.lose(None));
        }
        Ok(status)
    }
}

impl Drop for OpenSshTransport {
    /// A kept master stays for the next command line (`ssh.persist`); this process's own
    /// logs out.
    fn drop(&mut self) {
        if self.lost.is_none() && !self.dir.is_kept() {
            self.stop_master();
        }
    }
}
