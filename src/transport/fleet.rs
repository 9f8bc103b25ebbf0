//! [`Fleet`]: one transport per node, opened on first use and kept for the whole process,
//! and commands run on several nodes at once.

use std::sync::{Mutex, MutexGuard};

use super::kept::{self, Keep};
use super::{connect, connect_keeping, Secrets, Target, Transport, TransportError, TransportKind};

/// The nodes of one run and their connections.
///
/// A node that could not be reached, trusted or logged in to keeps answering with that
/// same error (without waiting for its connect timeout again) until [`Fleet::reset`] or
/// [`Fleet::forget_failures`] — which a runbook calls before every step and every retry,
/// so a node that comes back is used again; a connection lost mid-command is dropped, and
/// the next use reconnects.
pub struct Fleet {
    nodes: Vec<Node>,
    secrets: Box<dyn Secrets + Send + Sync>,
    /// `ssh.persist`: sessions opened through keepers that outlive this process.
    keep: Option<Keep>,
}

struct Node {
    target: Target,
    state: Mutex<State>,
}

enum State {
    Closed,
    Open(Box<dyn Transport>),
    Failed(TransportError),
    /// Failed earlier with this error; the next use connects again and says so.
    Again(TransportError),
}

impl Fleet {
    pub fn new(targets: Vec<Target>, secrets: Box<dyn Secrets + Send + Sync>) -> Fleet {
        let nodes = targets
            .into_iter()
            .map(|target| Node {
                target,
                state: Mutex::new(State::Closed),
            })
            .collect();
        Fleet {
            nodes,
            secrets,
            keep: None,
        }
    }

    /// Opens the SSH sessions through keepers (`ssh.persist`, see [`kept`]): for commands
    /// that need no terminal.
    pub fn keeping(mut self, keep: Option<Keep>) -> Fleet {
        self.keep = keep;
        self
    }

    /// The targets, in the order given to [`Fleet::new`].
    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        self.nodes.iter().map(|n| &n.target)
    }

    pub fn target(&self, node: &str) -> Option<&Target> {
        self.find(node).ok().map(|n| &n.target)
    }

    /// Runs `f` with the transport of `node`, connecting first if needed. Other callers
    /// wanting the same node wait; other nodes are not held up.
    pub fn with<R>(
        &self,
        node: &str,
        f: impl FnOnce(&mut dyn Transport) -> Result<R, TransportError>,
    ) -> Result<R, TransportError> {
        let node = self.find(node)?;
        let mut state = lock(&node.state);
        if let State::Again(earlier) = &*state {
            eprintln!(
                "  {}",
                crate::t!(
                    "fleet-trying-again",
                    node = node.target.name.as_str(),
                    earlier = earlier.msg().shown()
                )
            );
            *state = State::Closed;
        }
        if let State::Closed = *state {
            crate::trace::mark(|| format!("{}: connecting", node.target.name));
            let opened = match (&self.keep, &node.target.kind) {
                (Some(keep), TransportKind::Ssh) => {
                    kept::connect(&node.target, keep, &*self.secrets)
                }
                (keep, _) => connect_keeping(&node.target, &*self.secrets, keep.as_ref()),
            };
            crate::trace::mark(|| format!("{}: connected ({})", node.target.name, opened.is_ok()));
            *state = match opened {
                Ok(transport) => State::Open(transport),
                Err(e) => State::Failed(e),
            };
        }
        let transport = match &mut *state {
            State::Open(transport) => transport,
            State::Failed(e) => return Err(e.clone()),
            State::Closed | State::Again(_) => unreachable!("connected above"),
        };
        // A transport that runs commands side by side lends a handle and lets other
        // callers in at once; the others run one caller at a time, under the lock.
        let Some(mut shared) = transport.share() else {
            let result = f(transport.as_mut());
            if let Err(TransportError::Lost { .. }) = &result {
                *state = State::Closed;
            }
            return result;
        };
        drop(state);
        let result = f(shared.as_mut());
        if let Err(TransportError::Lost { .. }) = &result {
            let mut state = lock(&node.state);
            // Only if it is still the connection that died: another caller may have
            // connected again meanwhile.
            if matches!(&*state, State::Open(t) if t.is_lost()) {
                *state = State::Closed;
            }
        }
        result
    }

    /// Runs `f` on each of `nodes` in parallel (one thread per node) and returns every
    /// node's result, in the order given: a node that fails does not stop the others.
    pub fn run_each<R, F>(&self, nodes: &[&str], f: F) -> Vec<(String, Result<R, TransportError>)>
    where
        R: Send,
        F: Fn(&mut dyn Transport) -> Result<R, TransportError> + Sync,
    {
        let f = &f;
        std::thread::scope(|scope| {
            let running: Vec<_> = nodes
                .iter()
                .map(|&node| (node, scope.spawn(move || self.with(node, f))))
                .collect();
            running
                .into_iter()
                .map(|(node, thread)| {
                    let result = thread
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    (node.to_owned(), result)
                })
                .collect()
        })
    }

    /// A connection of its own to `node` at another `address` (same port, login and
    /// known_hosts): the node before a step moves it to its inventory address.
    pub fn connect_at(
        &self,
        node: &str,
        address: &str,
    ) -> Result<Box<dyn Transport>, TransportError> {
        let mut target = self.find(node)?.target.clone();
        target.address = address.to_string();
        connect(&target, &*self.secrets)
    }

    /// Forgets the connection or the failure of `node` (after a reboot, or once the
    /// technician has fixed what was wrong): the next use connects again.
    pub fn reset(&self, node: &str) {
        if let Ok(node) = self.find(node) {
            *lock(&node.state) = State::Closed;
        }
    }

    /// Every node that failed to connect is tried again at its next use (a new step, a
    /// retry): a failure is never cached for the rest of a run.
    pub fn forget_failures(&self) {
        for node in &self.nodes {
            let mut state = lock(&node.state);
            if let State::Failed(e) = &*state {
                *state = State::Again(e.clone());
            }
        }
    }

    /// `node` failed to connect and has not been tried since: a best-effort task (the
    /// journal's mirror) skips it rather than wait for its connect timeout again.
    pub fn known_down(&self, node: &str) -> bool {
        self.find(node)
            .is_ok_and(|n| matches!(*lock(&n.state), State::Failed(_) | State::Again(_)))
    }

    fn find(&self, node: &str) -> Result<&Node, TransportError> {
        self.nodes
            .iter()
            .find(|n| n.target.name == node)
            .ok_or_else(|| TransportError::UnknownNode {
                node: node.to_owned(),
            })
    }
}

/// A panic in one command must not make the node unusable for the rest of the run.
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests;
