//! The driver of a node's session (see [`super::mux`]): one thread stepping every command
//! ([`Job`]) on the session, and waiting on the socket only when none can move and libssh2
//! holds nothing for any of them.

use std::os::fd::{AsFd, OwnedFd};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ssh2::BlockDirections;

use super::super::marker::kill_line;
use super::super::poll::{poll, IN};
use super::asks::{drain, Ask, Loan, CHANNELS, CLEANUP};
use super::job::{Job, Step};
use super::wire::{Stop, Wire};

pub(super) struct Driver {
    /// Lent out (`None`) only while the driver is parked for an interactive terminal.
    wire: Option<Wire>,
    inbox: Receiver<Ask>,
    wake: Arc<OwnedFd>,
    lost: Arc<Mutex<Option<String>>>,
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
        lost: Arc<Mutex<Option<String>>>,
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

    /// Steps every job that may call libssh2 now; whether any moved.
    fn step_all(&mut self) -> Result<bool, String> {
        let mut moved = false;
        let mut i = 0;
        while i < self.jobs.len() {
            let room = self.jobs.iter().filter(|j| j.has_channel()).count() < CHANNELS;
            let may = match (self.sender, self.opener) {
                (Some(s), _) => s == i,
                (None, Some(o)) => o == i || !self.jobs[i].opening(),
                (None, None) => room || !self.jobs[i].opening(),
            };
            if !may {
                i += 1;
                continue;
            }
            let session = &self.wire.as_ref().expect("not lent").session;
            let step = self.jobs[i].step(session);
            let outbound = matches!(
                session.block_directions(),
                BlockDirections::Outbound | BlockDirections::Both
            );
            let step = match step {
                Ok(step) => step,
                Err(Stop::Lost(reason)) => return Err(reason),
                Err(stop) => {
                    self.give_up(i, stop);
                    Step::Moved
                }
            };
            moved |= step == Step::Moved;
            let blocked = step == Step::Blocked;
            self.sender = (blocked && outbound).then_some(i);
            self.opener = if self.jobs[i].opening() && blocked {
                Some(i)
            } else if self.opener == Some(i) {
                None
            } else {
                self.opener
            };
            if self.jobs[i].caller_gone() {
                self.give_up(i, Stop::Deadline);
            }
            if step == Step::Over {
                if let Some(pid) = self.jobs[i].kill_after() {
                    // Nobody waits for it: what is left of the given-up command's group.
                    let kill = Job::quiet(kill_line(pid), Instant::now() + CLEANUP);
                    self.jobs.push(kill);
                }
                self.remove(i);
                continue;
            }
            i += 1;
        }
        Ok(moved)
    }

    /// Gives job `i` up (see [`Job::give_up`]): its cleanup has [`CLEANUP`].
    fn give_up(&mut self, i: usize, stop: Stop) {
        self.jobs[i].give_up(stop);
        self.jobs[i].deadline = Instant::now() + CLEANUP;
        if self.opener == Some(i) {
            self.opener = None;
        }
    }

    fn remove(&mut self, i: usize) {
        self.jobs.remove(i);
        let shift = |slot: &mut Option<usize>| {
            *slot = match *slot {
                Some(j) if j == i => None,
                Some(j) if j > i => Some(j - 1),
                other => other,
            }
        };
        shift(&mut self.opener);
        shift(&mut self.sender);
    }

    /// Jobs past their deadline: a running command is given up; one given up and still
    /// closing after its cleanup time is let go (its caller told); one nobody waits for
    /// is dropped.
    fn expire(&mut self) {
        let now = Instant::now();
        let mut i = 0;
        while i < self.jobs.len() {
            let job = &mut self.jobs[i];
            if job.deadline > now {
                i += 1;
            } else if job.given_up() {
                job.stop_closing();
                job.deadline = now + CLEANUP;
                i += 1;
            } else if job.deaf() {
                self.remove(i);
            } else {
                self.give_up(i, Stop::Deadline);
                i += 1;
            }
        }
    }

    fn lost(&self) -> Option<String> {
        self.lost.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The session is gone: every caller hears it (their queue ends), new ones at once.
    fn lose(&mut self, reason: String) {
        *self.lost.lock().unwrap_or_else(|e| e.into_inner()) = Some(reason);
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
