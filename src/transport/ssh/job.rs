//! One command on a channel of its own, moved on a step at a time by the session's driver
//! ([`super::mux`]) and never blocking, so that the commands of several checks share one
//! session at once. Its output goes to the waiting caller as events, a few chunks ahead at
//! most: a caller that does not keep up stops the reading of its channel only (SSH flow
//! control then holds the node), never the others.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError};
use std::sync::Arc;
use std::time::Instant;

use ssh2::{Channel, Session};

use super::super::marker::PidMarker;
use super::wire::{would_block, Stop};

/// One read from a channel: output is passed on in pieces this size, never collected.
const CHUNK: usize = 32 * 1024;
const EAGAIN: i32 = -37;

/// What a command reads on its standard input (a sudo password, or nothing), wiped once
/// the job is dropped.
pub(super) type Input = zeroize::Zeroizing<Vec<u8>>;

/// What the caller of a command receives, in order.
pub(super) enum Event {
    Stdout(Vec<u8>),
    Stderr(Vec<u8>),
    /// The exit status (see `script::signal_status`), or why the command did not end.
    Done(Result<i32, Stop>),
}

/// What a step did.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// Something moved: step the jobs again before waiting.
    Moved,
    /// Nothing to do until the node sends, or the caller takes its output.
    Blocked,
    /// Over: the job can be dropped.
    Over,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Open,
    Exec,
    /// Writing the command's input (sent before its end, `Eof`).
    Input,
    Eof,
    Stream,
    Close,
    /// Closed: the exit status waits for room in the caller's queue.
    Deliver,
    /// The caller has its answer or is gone; the channel, if any, is being closed.
    Closing,
}

pub(super) struct Job {
    line: String,
    input: Input,
    /// How much of `input` is sent.
    sent: usize,
    pub(super) deadline: Instant,
    phase: Phase,
    channel: Option<Channel>,
    marker: PidMarker,
    out_open: bool,
    err_open: bool,
    events: SyncSender<Event>,
    /// An event the caller's queue had no room for yet.
    held: Option<Event>,
    /// Set while `held` waits: the caller wakes the driver once it has taken an event.
    pub(super) caller_behind: Arc<AtomicBool>,
    /// Nobody listens any more (the caller's writer failed, or it has its answer).
    deaf: bool,
    /// Given up (a timeout): the caller hears this once the channel is closed.
    ended: Option<Stop>,
    /// Given up while the command ran: its process group is ended once closed.
    kill: Option<u32>,
    /// Nobody ever listened: tvdr's own cleanup (ending a timed-out command).
    quiet: bool,
}

impl Job {
    pub(super) fn new(
        line: String,
        input: Input,
        deadline: Instant,
        events: SyncSender<Event>,
        caller_behind: Arc<AtomicBool>,
    ) -> Job {
        Job {
            line,
            input,
            sent: 0,
            deadline,
            phase: Phase::Open,
            channel: None,
            marker: PidMarker::default(),
            out_open: true,
            err_open: true,
            events,
            held: None,
            caller_behind,
            deaf: false,
            ended: None,
            kill: None,
            quiet: false,
        }
    }

    /// A command nobody waits for: ending a given-up command's processes on the node.
    pub(super) fn quiet(line: String, deadline: Instant) -> Job {
        let (events, _) = std::sync::mpsc::sync_channel(1);
        let mut job = Job::new(
            line,
            Input::default(),
            deadline,
            events,
            Arc::new(AtomicBool::new(false)),
        );
        job.deaf = true;
        job.quiet = true;
        job
    }

    /// Nobody listens (any more): past its deadline it is simply let go.
    pub(super) fn deaf(&self) -> bool {
        self.deaf
    }

    /// Still waiting to open its channel (libssh2 opens one channel at a time per session).
    pub(super) fn opening(&self) -> bool {
        self.phase == Phase::Open
    }

    /// Holds a channel of the session (open, or still closing).
    pub(super) fn has_channel(&self) -> bool {
        self.channel.is_some()
    }

    /// Still running on the node as far as tvdr knows (a timeout must end it there).
    pub(super) fn running(&self) -> bool {
        matches!(
            self.phase,
            Phase::Exec | Phase::Input | Phase::Eof | Phase::Stream
        )
    }

    /// The caller went away without its answer (its writer failed, `tvdr exec … | head`).
    pub(super) fn caller_gone(&self) -> bool {
        self.deaf && !self.quiet && !matches!(self.phase, Phase::Closing | Phase::Deliver)
    }

    /// Given up and being closed (its cleanup time is what its deadline says now).
    pub(super) fn given_up(&self) -> bool {
        self.phase == Phase::Closing
    }

    /// The process group to end on the node, once this given-up job's channel closed.
    pub(super) fn kill_after(&self) -> Option<u32> {
        self.kill
    }

    /// Whether libssh2 already holds data or the end of this job's channel, taken off the
    /// socket by another read (see `exec::stream`): step again before waiting.
    pub(super) fn holds_more(&self) -> bool {
        self.phase == Phase::Stream
            && self
                .channel
                .as_ref()
                .is_some_and(|c| c.eof() || c.read_window().available > 0)
    }

    /// Gives the command up as tvdr always did: its channel closed first (sshd answers once
    /// the command's shell is gone), then the caller told `stop`, then what is left of its
    /// process group ended on the node ([`Job::kill_after`]).
    pub(super) fn give_up(&mut self, stop: Stop) {
        if self.phase == Phase::Closing {
            return;
        }
        if self.running() && !self.quiet {
            self.kill = self.marker.pid();
        }
        // Output the caller had no room for yet is dropped: it is told why instead.
        self.held = None;
        self.ended = Some(stop);
        self.phase = Phase::Closing;
    }

    /// The cleanup time is over with the channel still open: the caller is told now, and
    /// nothing more is done (the node is not answering).
    pub(super) fn stop_closing(&mut self) {
        self.kill = None;
        self.channel = None;
        self.tell_end();
    }

    fn tell_end(&mut self) {
        if let Some(stop) = self.ended.take() {
            if !self.deaf {
                self.offer(Event::Done(Err(stop)));
            }
        }
        self.deaf = true;
        self.phase = Phase::Deliver;
    }

    /// Moves the job on as far as it goes without blocking.
    pub(super) fn step(&mut self, session: &Session) -> Result<Step, Stop> {
        if !self.deliver() {
            return Ok(Step::Blocked);
        }
        let mut moved = false;
        loop {
            let next = match self.phase {
                Phase::Open => again(session.channel_session())?.map(|channel| {
                    self.channel = Some(channel);
                    Phase::Exec
                }),
                Phase::Exec => {
                    let line = &self.line;
                    let channel = self.channel.as_mut().expect("opened");
                    again(channel.exec(line))?.map(|()| Phase::Input)
                }
                Phase::Input => self.write_input()?,
                // Then the end of the input: nothing more, as with the local transport.
                Phase::Eof => again(self.channel_mut().send_eof())?.map(|()| Phase::Stream),
                Phase::Stream => {
                    let (heard, next) = self.stream()?;
                    moved |= heard;
                    next
                }
                Phase::Close => match again(self.channel_mut().close())? {
                    Some(()) => {
                        let status = self.status();
                        self.send(Event::Done(Ok(status)));
                        Some(Phase::Deliver)
                    }
                    None => None,
                },
                Phase::Deliver => {
                    return Ok(if self.held.is_some() {
                        blocked_or(moved)
                    } else {
                        Step::Over
                    })
                }
                Phase::Closing => {
                    let closed = match &mut self.channel {
                        None => true,
                        Some(channel) => again(channel.close())?.is_some(),
                    };
                    if !closed {
                        return Ok(blocked_or(moved));
                    }
                    self.tell_end();
                    Some(Phase::Deliver)
                }
            };
            match next {
                Some(phase) => {
                    self.phase = phase;
                    moved = true;
                }
                None => return Ok(blocked_or(moved)),
            }
            if self.held.is_some() {
                return Ok(Step::Moved);
            }
        }
    }

    /// Sends what is left of the input; `Some(Eof)` once all is sent.
    fn write_input(&mut self) -> Result<Option<Phase>, Stop> {
        while self.sent < self.input.len() {
            let from = self.sent;
            let channel = self.channel.as_mut().expect("opened");
            match channel.write(&self.input[from..]) {
                Ok(n) => self.sent += n,
                Err(e) if would_block(&e) => return Ok(None),
                Err(e) => return Err(Stop::Lost(e.to_string())),
            }
        }
        Ok(Some(Phase::Eof))
    }

    fn channel_mut(&mut self) -> &mut Channel {
        self.channel
            .as_mut()
            .expect("the channel is open in this phase")
    }

    /// Reads both outputs as far as they go: whether anything came, and `Some(Close)` once
    /// both ended.
    fn stream(&mut self) -> Result<(bool, Option<Phase>), Stop> {
        let mut buf = vec![0u8; CHUNK];
        let mut any = false;
        while self.held.is_none() && (self.out_open || self.err_open) {
            let mut heard = false;
            if self.out_open {
                match self.channel_mut().read(&mut buf) {
                    Ok(0) => self.out_open = false,
                    Ok(n) => {
                        heard = true;
                        self.send(Event::Stdout(buf[..n].to_vec()));
                    }
                    Err(e) if would_block(&e) => {}
                    Err(e) => return Err(Stop::Lost(e.to_string())),
                }
            }
            if self.err_open && self.held.is_none() {
                let read = self.channel_mut().stderr().read(&mut buf);
                match read {
                    Ok(0) => self.err_open = false,
                    Ok(n) => {
                        heard = true;
                        let mut shown = Vec::new();
                        // Writing into a Vec does not fail.
                        let _ = self.marker.feed(&buf[..n], &mut shown);
                        if !shown.is_empty() {
                            self.send(Event::Stderr(shown));
                        }
                    }
                    Err(e) if would_block(&e) => {}
                    Err(e) => return Err(Stop::Lost(e.to_string())),
                }
            }
            if !heard && (self.out_open || self.err_open) {
                return Ok((any, None));
            }
            any |= heard;
        }
        if self.held.is_some() {
            return Ok((any, None));
        }
        let mut tail = Vec::new();
        let _ = self.marker.finish(&mut tail);
        if !tail.is_empty() {
            self.send(Event::Stderr(tail));
        }
        Ok((true, Some(Phase::Close)))
    }

    /// The exit status of the closed channel (see `script::signal_status`).
    fn status(&mut self) -> i32 {
        let channel = self.channel_mut();
        let signal = channel.exit_signal().ok().and_then(|s| s.exit_signal);
        match signal {
            Some(name) => {
                super::signal::signal_number(&name).map_or(-1, super::super::script::signal_status)
            }
            None => channel.exit_status().unwrap_or(-1),
        }
    }

    /// Queues `event` for the caller, or holds it until there is room.
    fn send(&mut self, event: Event) {
        if !self.deaf {
            self.offer(event);
        }
    }

    fn offer(&mut self, event: Event) {
        // Raised before trying, so a caller taking an event meanwhile rings the driver
        // (a needless ring at worst); left raised only when the event is held.
        self.caller_behind.store(true, Ordering::SeqCst);
        match self.events.try_send(event) {
            Ok(()) => self.caller_behind.store(false, Ordering::SeqCst),
            Err(TrySendError::Full(event)) => self.held = Some(event),
            Err(TrySendError::Disconnected(_)) => self.deaf = true,
        }
    }

    /// Passes on a held event if the caller made room; false while it still waits.
    fn deliver(&mut self) -> bool {
        match self.held.take() {
            None => true,
            Some(event) => {
                self.offer(event);
                self.held.is_none()
            }
        }
    }
}

/// `Ok(Some(v))` done, `Ok(None)` would block, `Err` anything else.
fn again<T>(result: Result<T, ssh2::Error>) -> Result<Option<T>, Stop> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if matches!(e.code(), ssh2::ErrorCode::Session(EAGAIN)) => Ok(None),
        Err(e) => Err(super::wire::classify(e)),
    }
}

fn blocked_or(moved: bool) -> Step {
    if moved {
        Step::Moved
    } else {
        Step::Blocked
    }
}
