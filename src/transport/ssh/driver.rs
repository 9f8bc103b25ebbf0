//! The driver of a node's session (see [`super::mux`]): one thread stepping every command
//! ([`Job`]) on the session, and waiting on the socket only when none can move and libssh2
//! holds nothing for any of them.

mod turns;

use crate::i18n::Msg;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::super::poll::{poll, IN};
use super::asks::{drain, Ask, Loan};
use super::job::Job;
use super::wire::{Stop, Wire};

pub(super) struct Driver {
    /// Lent out (`None`) only while the driver is parked for an interactive terminal.
    wire: Option<Wire>,
    inbox: Receiver<Ask>,
    wake: Arc<OwnedFd>,
    lost: Arc<Mutex<Option<Msg>>>,
    jobs: Vec<Job>,
    /// The job whose channel libssh2 is opening: the others wait their turn.
    opener: Option<usize>,
    /// The job whose call left a packet half sent: only it may call libssh2 next.
    sender: Option<usize>,
}

impl Driver {
    pub(super) fn new(
        wire: Wire,
        inbox: Receiver<Ask>,
        wake: Arc<OwnedFd>,
        lost: Arc<Mutex<Option<Msg>>>,
    ) -> Driver {
        Driver {
            wire: Some(wire),
            inbox,
            wake,
            lost,
            jobs: Vec::new(),
            opener: None,
            sender: None,
        }
    }

    pub(super) fn run(mut self) {
        let mut closing = false;
        let mut looked_again = false;
        loop {
            drain(&self.wake);
            let lend = match self.take_asks() {
                Ok(lend) => lend,
                Err(()) => {
                    closing = true;
                    None
                }
            };
            if let Some((lend, returned)) = lend {
                self.finish_all();
                let _ = lend.send(self.wire.take().expect("not lent twice"));
                match returned.recv() {
                    Ok(wire) => self.wire = Some(wire),
                    Err(_) => return,
                }
                continue;
            }
            if self.lost().is_some() {
                self.fail_all();
                if closing {
                    return;
                }
                self.idle();
                continue;
            }
            if closing && self.jobs.is_empty() {
                super::goodbye(&self.wire().session, "tvdr is done");
                return;
            }
            let moved = match self.step_all() {
                Ok(moved) => moved,
                Err(reason) => {
                    self.lose(reason);
                    continue;
                }
            };
            if moved {
                self.wire().heard();
                looked_again = false;
                continue;
            }
            // Once: an unread stream of another kind would otherwise spin the loop.
            if !looked_again && self.jobs.iter().any(Job::holds_more) {
                looked_again = true;
                continue;
            }
            looked_again = false;
            if self.jobs.is_empty() {
                if !closing {
                    self.idle();
                }
                continue;
            }
            self.expire();
            let Some(deadline) = self.jobs.iter().map(|j| j.deadline).min() else {
                continue;
            };
            let wake = Arc::clone(&self.wake);
            match self.wire().wait_or(deadline, Some(wake.as_fd())) {
                Ok(_) | Err(Stop::Deadline) => {}
                Err(Stop::Lost(reason)) => self.lose(reason),
                Err(Stop::Failed(e)) => self.lose(e.message().to_owned()),
            }
        }
    }

    /// New commands and requests; `Err` once every caller is gone.
    fn take_asks(&mut self) -> Result<Option<Loan>, ()> {
        loop {
            match self.inbox.try_recv() {
                Ok(Ask::Run(job)) => {
                    if self.jobs.is_empty() {
                        // Nothing was expected from the node until now.
                        self.wire().begin();
                    }
                    self.jobs.push(job);
                }
                Ok(Ask::Lend(loan)) => return Ok(Some(loan)),
                Err(TryRecvError::Empty) => return Ok(None),
                Err(TryRecvError::Disconnected) => return Err(()),
            }
        }
    }

    fn lost(&self) -> Option<Msg> {
        self.lost.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The session is gone: every caller hears it (their queue ends), new ones at once.
    fn lose(&mut self, reason: String) {
        // What libssh2 or the socket said: the same words in every language.
        *self.lost.lock().unwrap_or_else(|e| e.into_inner()) = Some(Msg::text(reason));
        self.fail_all();
    }

    fn fail_all(&mut self) {
        self.jobs.clear();
        self.opener = None;
        self.sender = None;
    }

    /// Lets every command end before lending the session (waits as long as they run).
    fn finish_all(&mut self) {
        while !self.jobs.is_empty() && self.lost().is_none() {
            match self.step_all() {
                Ok(true) => self.wire().heard(),
                Ok(false) => {
                    self.expire();
                    if let Some(deadline) = self.jobs.iter().map(|j| j.deadline).min() {
                        if let Err(Stop::Lost(reason)) = self.wire().wait(deadline) {
                            self.lose(reason);
                        }
                    }
                }
                Err(reason) => self.lose(reason),
            }
        }
    }

    fn wire(&mut self) -> &mut Wire {
        self.wire
            .as_mut()
            .expect("lent only while the driver is parked")
    }

    /// Nothing to run: sleeps until a caller rings.
    fn idle(&self) {
        let _ = poll(&[(self.wake.as_fd(), IN)], Duration::from_secs(3600));
    }
}
