//! [`SshTransport`]: one libssh2 session per node, host key verified before any
//! credential is sent, reused for every command of the process — by several threads at
//! once, each command on a channel of its own ([`mux`]).

mod asks;
mod auth;
mod banner;
mod driver;
mod exec;
mod interactive;
mod job;
mod known_hosts;
mod mux;
mod signal;
mod slow;
mod tcp;
mod wire;

use std::io::Write;
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ssh2::Session;

use super::{Cmd, Console, Secrets, Target, Transport, TransportError};
pub use known_hosts::{add_known_host, HostKey, Trust};
use mux::Link;
pub(crate) use tcp::keepalive_interval;
use wire::Wire;

/// A handle on the node's session; [`Transport::share`] gives more handles on the same
/// session, and the last one dropped says goodbye to the node.
pub struct SshTransport {
    target: Target,
    link: Arc<Link>,
}

impl SshTransport {
    /// Connects, verifies the host key against `target.known_hosts`, and logs in.
    pub fn connect(target: &Target, secrets: &dyn Secrets) -> Result<SshTransport, TransportError> {
        let (session, socket, known, answered) = handshake(target)?;
        let (key, blob) = presented(&session, target)?;
        let refused = match known.judge(target, &blob) {
            Trust::Known { .. } => None,
            Trust::Unknown => Some(TransportError::HostKeyUnknown {
                node: target.name.clone(),
                address: target.address.clone(),
                fingerprint: key.fingerprint,
                key_type: key.key_type,
            }),
            Trust::Changed { file } => Some(TransportError::HostKeyChanged {
                node: target.name.clone(),
                address: target.address.clone(),
                fingerprint: key.fingerprint,
                key_type: key.key_type,
                file,
            }),
        };
        if let Some(refused) = refused {
            goodbye(&session, "host key refused");
            return Err(refused);
        }
        auth::login(&session, target, secrets)?;
        slow::tell(target, answered.elapsed());
        let wire = Wire::new(session, socket, tcp::keepalive_interval(target));
        let link = Link::start(wire, &target.name).map_err(|e| {
            TransportError::io(
                &target.name,
                crate::msg!("transport-context-cannot-start-session-driver"),
                e,
            )
        })?;
        Ok(SshTransport {
            target: target.clone(),
            link: Arc::new(link),
        })
    }
}

/// Connects to `target` and completes the SSH handshake only, without verifying or
/// logging in: the host key it presents (the same algorithm [`SshTransport::connect`]
/// would negotiate) and what the known_hosts files say about it. For `tvdr trust`.
pub fn scan_host_key(target: &Target) -> Result<(HostKey, Trust), TransportError> {
    let (session, _, known, _) = handshake(target)?;
    let (key, blob) = presented(&session, target)?;
    let trust = known.judge(target, &blob);
    goodbye(&session, "host key scanned");
    Ok((key, trust))
}

/// TCP connection and the node's banner, bounded by the connect timeout; then the SSH
/// handshake in blocking mode, bounded (with the login that follows, also blocking:
/// prompts sit between libssh2 calls) by the login timeout. Also returns when the node
/// answered, from which the login's slowness is measured.
fn handshake(
    target: &Target,
) -> Result<(Session, TcpStream, known_hosts::Known, Instant), TransportError> {
    let started = Instant::now();
    let stream = tcp::connect(target)?;
    banner::wait(&stream, target, started + target.connect_timeout)?;
    let answered = Instant::now();
    // The driver waits on the socket while libssh2 owns it: a duplicate of its own.
    let socket = stream.try_clone().map_err(|e| {
        TransportError::io(
            &target.name,
            crate::msg!("transport-context-cannot-duplicate-the-socket"),
            e,
        )
    })?;
    let ssh_error = |context: crate::i18n::Msg, e: ssh2::Error| TransportError::Ssh {
        node: target.name.clone(),
        context,
        message: e.message().to_owned(),
    };
    let mut session = Session::new()
        .map_err(|e| ssh_error(crate::msg!("transport-context-starting-a-session"), e))?;
    let known = known_hosts::load(&session, target)?;
    known.prefer_known_types(&session).map_err(|e| {
        ssh_error(
            crate::msg!("transport-context-choosing-host-key-algorithms"),
            e,
        )
    })?;
    session.set_tcp_stream(stream);
    session.set_blocking(true);
    session.set_timeout(millis(target.login_timeout));
    session
        .handshake()
        .map_err(|e| TransportError::Unreachable {
            node: target.name.clone(),
            address: target.address.clone(),
            port: target.port,
            reason: match e.code() {
                ssh2::ErrorCode::Session(-9) => crate::msg!(
                    "transport-reason-no-handshake",
                    within = crate::time::duration::format(target.login_timeout).to_string()
                ),
                _ => crate::msg!("transport-reason-handshake-failed", error = e.message()),
            },
        })?;
    Ok((session, socket, known, answered))
}

fn presented(session: &Session, target: &Target) -> Result<(HostKey, Vec<u8>), TransportError> {
    known_hosts::presented(session).ok_or_else(|| TransportError::Ssh {
        node: target.name.clone(),
        context: crate::msg!("transport-context-reading-the-host-key"),
        message: "the server presented no usable host key".to_owned(),
    })
}

fn millis(duration: Duration) -> u32 {
    duration.as_millis().clamp(1, u128::from(u32::MAX)) as u32
}

/// Says goodbye politely, waiting at most a second for the node.
fn goodbye(session: &Session, why: &str) {
    session.set_blocking(true);
    session.set_timeout(1000);
    let _ = session.disconnect(Some(ssh2::DisconnectCode::ByApplication), why, None);
}

impl SshTransport {
    fn lost(&self) -> Result<(), TransportError> {
        match self.link.lost() {
            Some(reason) => Err(TransportError::Lost {
                node: self.target.name.clone(),
                reason,
            }),
            None => Ok(()),
        }
    }
}

impl Transport for SshTransport {
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
        self.lost()?;
        let timeout = timeout.unwrap_or(self.target.command_timeout);
        exec::run(
            &self.link,
            &self.target,
            command,
            input,
            stdout,
            stderr,
            timeout,
        )
    }

    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn Console,
    ) -> Result<i32, TransportError> {
        self.lost()?;
        let term = super::terminal::choose(self, &console.term())?;
        let mut console = super::terminal::Named {
            inner: console,
            term,
        };
        let target = &self.target;
        let result = self
            .link
            .exclusive(|wire| interactive::run(wire, target, command, &mut console))
            .unwrap_or_else(|| {
                Err(TransportError::Lost {
                    node: target.name.clone(),
                    reason: self
                        .link
                        .lost()
                        .unwrap_or_else(|| crate::msg!("transport-reason-connection-closed")),
                })
            });
        if let Err(TransportError::Lost { reason, .. }) = &result {
            self.link.lose(reason.clone());
        }
        result
    }

    fn share(&self) -> Option<Box<dyn Transport>> {
        Some(Box::new(SshTransport {
            target: self.target.clone(),
            link: Arc::clone(&self.link),
        }))
    }

    fn is_lost(&self) -> bool {
        self.link.lost().is_some()
    }
}
