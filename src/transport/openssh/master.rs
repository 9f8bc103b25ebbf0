//! The node's master connection: started (logging in, then in the background), asked
//! whether it is still there, stopped; and, when it could not start, why.

use std::io;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::super::child::{self, Failure, Group};
use super::super::ssh::scan_host_key;
use super::super::{TransportError, TransportKind};
use super::config::Mode;
use super::{classify, jump, OpenSshTransport, CONTROL_WAIT};

/// Logging in may take a person typing a passphrase.
const PROMPT_WAIT: Duration = Duration::from_secs(300);
/// Nodes are reached in parallel: one ssh asking on the terminal at a time.
static PROMPTING: Mutex<()> = Mutex::new(());

impl OpenSshTransport {
    /// Logs in and leaves the master running in the background (also after it ended on
    /// its own, idle for [`PERSIST_SECS`](super::private_dir::PERSIST_SECS)).
    pub(super) fn start_master(&mut self) -> Result<(), TransportError> {
        let node = &self.target.name;
        // A master that died without cleaning up would stop the new one from listening.
        let _ = std::fs::remove_file(self.dir.socket());
        let _turn = (!self.batch).then(|| PROMPTING.lock().unwrap_or_else(PoisonError::into_inner));
        let (wait, group) = if self.batch {
            (self.login_time(), Group::Own)
        } else {
            (PROMPT_WAIT, Group::Shared)
        };
        let mut said = Vec::new();
        let mut ssh = self.ssh(Mode::Master)?;
        let ran = child::run(
            &mut ssh,
            &mut io::sink(),
            &mut said,
            Instant::now() + wait,
            group,
        );
        match ran {
            Ok(0) if self.dir.socket().exists() => Ok(()),
            Ok(0) => Err(TransportError::Ssh {
                node: node.clone(),
                context: crate::msg!("transport-context-starting-the-master-connection"),
                message: "ssh logged in but opened no control socket".to_owned(),
            }),
            Ok(_) => Err(self.refused(&String::from_utf8_lossy(&said))),
            Err(Failure::Deadline) => Err(TransportError::Unreachable {
                node: node.clone(),
                address: self.target.address.clone(),
                port: self.target.port,
                reason: crate::msg!(
                    "transport-reason-no-session",
                    within = crate::time::duration::format(wait).to_string()
                ),
            }),
            Err(Failure::Start(e)) => Err(super::cannot_start(node, e)),
            Err(Failure::Pass(e) | Failure::Wait(e)) => Err(TransportError::io(
                node,
                crate::msg!("transport-context-cannot-follow-ssh"),
                e,
            )),
        }
    }

    /// The connect timeout for the node and for each bastion, and time to log in (ssh's
    /// `ConnectTimeout` bounds only the connection and the banner, as ours does).
    fn login_time(&self) -> Duration {
        let hops = jump::jump_hosts(&self.target).len() as u32 + 1;
        self.target.connect_timeout * hops + self.target.login_timeout
    }

    /// What ssh's message means, with the fingerprint of an unknown key when libssh2 can
    /// see it the way `tvdr trust` will (a direct route: no bastion, no ssh_config).
    pub(super) fn refused(&self, said: &str) -> TransportError {
        let mut said = said.to_owned();
        if !jump::hops(&self.target).is_empty() && !classify::recognised(&said) {
            said.insert_str(0, &self.probe());
        }
        let mut error = classify::failure(&self.target, &said);
        if let TransportError::HostKeyUnknown {
            fingerprint,
            key_type,
            ..
        } = &mut error
        {
            let direct = matches!(
                &self.target.kind,
                TransportKind::OpenSsh {
                    proxy_jump: None,
                    config: None
                }
            );
            match direct.then(|| scan_host_key(&self.target)) {
                Some(Ok((key, _))) => {
                    *fingerprint = key.fingerprint;
                    *key_type = key.key_type;
                }
                _ => *fingerprint = "(ssh does not show the fingerprint of an unknown key)".into(),
            }
        }
        error
    }

    /// What the last bastion says when asked for the node on its own (see [`Mode::Probe`]).
    fn probe(&self) -> String {
        let Ok(mut ssh) = self.ssh(Mode::Probe) else {
            return String::new();
        };
        let mut said = Vec::new();
        let deadline = Instant::now() + self.login_time();
        let _ = child::run(&mut ssh, &mut io::sink(), &mut said, deadline, Group::Own);
        String::from_utf8_lossy(&said).into_owned()
    }

    /// Is the master still there? Asked after ssh exited 255 in the middle of a command:
    /// the command's own 255, or the connection gone.
    pub(super) fn master_alive(&self) -> bool {
        let Ok(mut ssh) = self.ssh(Mode::Control("check")) else {
            return false;
        };
        let deadline = Instant::now() + CONTROL_WAIT;
        let sink = &mut io::sink();
        matches!(
            child::run(&mut ssh, sink, &mut io::sink(), deadline, Group::Own),
            Ok(0)
        )
    }

    /// `ssh -O exit`: the master logs out and ends.
    pub(super) fn stop_master(&self) {
        if !self.dir.socket().exists() {
            return;
        }
        if let Ok(mut ssh) = self.ssh(Mode::Control("exit")) {
            let deadline = Instant::now() + CONTROL_WAIT;
            let sink = &mut io::sink();
            let _ = child::run(&mut ssh, sink, &mut io::sink(), deadline, Group::Own);
        }
    }
}
