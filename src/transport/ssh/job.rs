//! One command on a channel of its own, moved on a step at a time by the session's driver
//! ([`super::mux`]) and never blocking, so that the commands of several checks share one
//! session at once. Its output goes to the waiting caller as events, a few chunks ahead at
//! most: a caller that does not keep up stops the reading of its channel only (SSH flow
//! control then holds the node), never the others.

mod caller;
mod output;
mod step;

use std::sync::atomic::AtomicBool;
use std::sync::mpsc::SyncSender;
use std::sync::Arc;
use std::time::Instant;

use ssh2::Channel;

use super::super::marker::PidMarker;
use super::wire::Stop;

/// One read from a channel: output is passed on in pieces this size, never collected.
const CHUNK: usize = 32 * 1024;
const EAGAIN: i32 = -37;

/// What a command reads on its standard input (a sudo password, a receipt's command, or
/// nothing), wiped once the job is dropped.
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
}
