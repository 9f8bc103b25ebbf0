//! Kept sessions (`ssh.persist`): a node's SSH session outlives the tvdr command that
//! opened it, for the next ones, like OpenSSH's ControlPersist.
//!
//! Why: a check's own work on the node takes tens of milliseconds, while opening a session
//! (TCP, key exchange, login, the login environment) takes as long again or longer — and
//! monitoring runs the same checks every minute, each time a new login in the node's logs.
//! With `ssh.persist: 2m`, the first command starts a keeper per node (see [`keeper`]) and
//! every later command within two minutes of the last one finds the session open.
//!
//! What stays as without it: the host key is verified and the user logged in by the keeper
//! exactly as by tvdr (a keeper that cannot log in without a question — a passphrase, a
//! host key to trust — leaves it to the command, which connects itself as always); `sudo`
//! passwords stay in the command that asked for them; each command still runs on a channel
//! of its own. Only commands that need no terminal use kept sessions: `check`, `status`,
//! `exec`. A runbook opens its own sessions and keeps them for its whole run anyway.
//!
//! Where: `<state dir>/<site>/keep/`, 0700, one socket per node and login (address, user,
//! key, known_hosts, env…: a changed inventory gets a new keeper), reachable only by the
//! same user. `tvdr disconnect` stops them; each stops by itself once idle.

mod client;
mod frame;
mod keeper;
mod spawn;

use std::path::PathBuf;
use std::time::Duration;

pub use keeper::serve;

/// The first argument of a tvdr started as a keeper.
pub const KEEPER: &str = "__keep";
pub use spawn::{disconnect, private_dir, socket_for};

use super::{login_env, sudo, Secrets, Target, Transport, TransportError};

/// Where kept sessions live, and how long one stays unused before it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keep {
    pub dir: PathBuf,
    pub idle: Duration,
}

/// Opens `target` through its keeper, starting one when there is none; a target whose
/// keeper cannot log in by itself is connected directly, as without `ssh.persist`.
pub fn connect(
    target: &Target,
    keep: &Keep,
    secrets: &dyn Secrets,
) -> Result<Box<dyn Transport>, TransportError> {
    match spawn::open(target, keep)? {
        Some((mut kept, learned)) => {
            login_env::apply(&mut kept, &learned);
            sudo::wrap(Box::new(kept), secrets)
        }
        None => super::connect(target, secrets),
    }
}
