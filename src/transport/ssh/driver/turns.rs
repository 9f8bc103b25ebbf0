//! Whose turn it is on the session: which commands may call libssh2 now (one channel
//! opening at a time, a half-sent packet finished first by the call that left it, at most
//! [`CHANNELS`] open), and what happens to a command past its deadline.

use std::time::Instant;

use ssh2::BlockDirections;

use super::super::asks::{CHANNELS, CLEANUP};
use super::super::job::{Job, Step};
use super::super::wire::Stop;
use super::Driver;
use crate::transport::marker::kill_line;

impl Driver {
    /// Steps every job that may call libssh2 now; whether any moved.
    pub(super) fn step_all(&mut self) -> Result<bool, String> {
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
    pub(super) fn expire(&mut self) {
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
}
