//! The one door to the outside: every command tvdr runs on a node goes through here.
//!
//! A [`Target`] says where a node is and how to log in; [`connect`] turns it into a
//! [`Transport`] (ssh2, the system `ssh`, or the local machine), and a [`Fleet`] keeps one
//! per node for the whole process and runs commands on several nodes in parallel.
//! Commands are always [`Cmd`] values, built by the quoting helper, never pasted strings.

mod child;
mod console;
mod error;
mod fleet;
pub mod kept;
mod local;
mod login_env;
mod marker;
mod moved;
mod openssh;
mod poll;
pub mod quote;
mod script;
mod secrets;
mod ssh;
mod sudo;
pub mod terminal;
#[cfg(test)]
pub(crate) mod testing;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

pub use console::{keep_settings, Console, KeptSettings, Tty};
pub use error::TransportError;
pub use fleet::Fleet;
pub use local::LocalTransport;
pub use moved::{accept_moved, trusted_key, Moved};
pub use openssh::{check_proxy_jump, disconnect as disconnect_openssh, OpenSshTransport};
pub use quote::{quote, Cmd};
pub use secrets::{NoSecrets, Secret, Secrets, TtySecrets};
pub use ssh::{add_known_host, scan_host_key, HostKey, SshTransport, Trust};
pub use sudo::forget_sudo_passwords;

/// Where a node is and how to log in to it: everything the transport needs, resolved
/// from the inventory (per-node overrides already applied, `~` already expanded).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Target {
    /// Inventory name of the node (`tvox1`, `tvox2`, `dr_client`): used in every message.
    pub name: String,
    /// IP address or host name to connect to.
    pub address: String,
    pub port: u16,
    pub user: String,
    /// `become: sudo`: what needs root ([`Cmd::as_root`]) runs through sudo when `user`
    /// is not root (`sudo -n`, or the password asked once at the terminal).
    pub sudo: bool,
    /// Identity file tried after the agent.
    pub identity: Option<PathBuf>,
    /// known_hosts files, in the order they are consulted.
    pub known_hosts: Vec<PathBuf>,
    /// Bounds the TCP connect and the node's SSH banner: how long a dead node takes to
    /// be called unreachable.
    pub connect_timeout: Duration,
    /// Bounds the key exchange and the login once the node has answered: a stock sshd
    /// looking up the client in a DNS that does not answer (`UseDNS yes`) takes seconds
    /// here while being perfectly alive.
    pub login_timeout: Duration,
    pub command_timeout: Duration,
    /// Variables exported before every command on this node (over the node's login
    /// environment, learned at connect).
    pub env: BTreeMap<String, String>,
    /// Directories put before the login PATH (`paths.extra_path`): where a site keeps
    /// programs its login scripts do not name.
    pub extra_path: Vec<String>,
    /// How the node is reached.
    pub kind: TransportKind,
}

impl Target {
    /// Runs on this machine instead of over SSH (tvdr runs on the node itself).
    pub fn is_local(&self) -> bool {
        self.kind == TransportKind::Local
    }
}

/// How tvdr reaches a node (`transport:` in the inventory).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TransportKind {
    /// libssh2, one session per node (the default).
    #[default]
    Ssh,
    /// This machine: tvdr runs on the node itself.
    Local,
    /// The system `ssh`, one ControlMaster connection per node: for what only OpenSSH
    /// does, such as jumping through a bastion.
    OpenSsh {
        /// `[user@]host[:port]` hops, comma-separated (checked by [`check_proxy_jump`]).
        proxy_jump: Option<String>,
        /// An ssh_config file read instead of `~/.ssh/config` and `/etc/ssh/ssh_config`.
        config: Option<PathBuf>,
    },
}

impl TransportKind {
    /// As written in the inventory.
    pub fn name(&self) -> &'static str {
        match self {
            TransportKind::Ssh => "ssh",
            TransportKind::Local => "local",
            TransportKind::OpenSsh { .. } => "openssh",
        }
    }
}

/// The collected result of one command.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Output {
    pub fn success(&self) -> bool {
        self.status == 0
    }

    pub fn stdout_lossy(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// A live connection to one node.
pub trait Transport: Send {
    fn target(&self) -> &Target;

    /// Runs `command` (with the node's `env:` exported first), streaming its output into the
    /// writers as it arrives, and returns its exit status. `timeout` defaults to the
    /// target's command timeout. The command's standard input is empty.
    fn exec(
        &mut self,
        command: &Cmd,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError> {
        self.exec_input(command, &[], stdout, stderr, timeout)
    }

    /// [`Transport::exec`] with `input` on the command's standard input, then its end: how
    /// a sudo password reaches `sudo -S`, and a step's command the receipt tool, without a
    /// command line. Nothing keeps the bytes.
    /// Every transport implements this one; `exec` is it with no input.
    fn exec_input(
        &mut self,
        command: &Cmd,
        input: &[u8],
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError>;

    /// The node's environment for every later command: its login environment with the
    /// inventory's `env:` over it (see `login_env`).
    fn set_env(&mut self, env: BTreeMap<String, String>);

    /// `command` as this node runs it: what needs root through `sudo -n` on a
    /// `become: sudo` node, or an error saying why it cannot. For a command that is
    /// rendered into a wrapper's input (a receipt) instead of run by [`Transport::exec`],
    /// which does this itself.
    fn for_node(&self, command: &Cmd) -> Result<Cmd, TransportError> {
        Ok(command.clone())
    }

    /// Runs `command` and collects its output (for short outputs; stream long ones).
    fn output(&mut self, command: &Cmd) -> Result<Output, TransportError> {
        let mut out = Output::default();
        out.status = self.exec(command, &mut out.stdout, &mut out.stderr, None)?;
        Ok(out)
    }

    /// Another handle on this same connection, for running commands from another thread
    /// at the same time (`None`: the transport runs one command at a time).
    fn share(&self) -> Option<Box<dyn Transport>> {
        None
    }

    /// The connection is known to be gone (a shared handle saw it die).
    fn is_lost(&self) -> bool {
        false
    }

    /// Runs `command` (with the node's `env:` exported first) on a terminal of its own,
    /// wired to `console` both ways until it exits, and returns its exit status. No
    /// deadline: a person is at the keyboard (a lost connection is still noticed).
    fn interactive(
        &mut self,
        command: &Cmd,
        console: &mut dyn Console,
    ) -> Result<i32, TransportError> {
        let _ = (command, console);
        Err(TransportError::Ssh {
            node: self.target().name.clone(),
            context: crate::msg!("transport-context-opening-a-terminal"),
            message: "this transport cannot run interactive programs".to_owned(),
        })
    }
}

/// Opens a transport to `target`: the local machine, or an SSH connection whose host key
/// has been verified and whose user is authenticated.
pub fn connect(
    target: &Target,
    secrets: &dyn Secrets,
) -> Result<Box<dyn Transport>, TransportError> {
    connect_keeping(target, secrets, None)
}

/// [`connect`], where `keep` (`ssh.persist`) keeps a `transport: openssh` node's master for
/// later command lines (the default transport keeps its sessions through
/// [`kept::connect`]).
pub fn connect_keeping(
    target: &Target,
    secrets: &dyn Secrets,
    keep: Option<&kept::Keep>,
) -> Result<Box<dyn Transport>, TransportError> {
    let mut transport: Box<dyn Transport> = match target.kind {
        // tvdr runs on the node, started from the technician's login shell already.
        TransportKind::Local => {
            return sudo::wrap(
                Box::new(local::LocalTransport::new(target.clone())),
                secrets,
            )
        }
        TransportKind::Ssh => Box::new(ssh::SshTransport::connect(target, secrets)?),
        TransportKind::OpenSsh { .. } => {
            Box::new(openssh::OpenSshTransport::connect(target, secrets, keep)?)
        }
    };
    login_env::adopt(transport.as_mut())?;
    sudo::wrap(transport, secrets)
}
