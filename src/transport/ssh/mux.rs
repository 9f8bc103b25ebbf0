//! [`Link`]: the node's one SSH session, driven by a thread of its own so that commands
//! from several threads run on it at once, each on its own channel.
//!
//! Why a driver thread rather than callers taking turns on the session: with libssh2, any
//! read takes in the packets of every channel, so a caller sleeping on the socket for its
//! own channel would miss what another caller's read took in for it (the lost wake-up of
//! issue 10, between channels this time). One loop steps every command ([`Job`]), and only
//! waits on the socket when none can move and libssh2 holds nothing for any of them.
//! Callers wait on their own queue of events instead, and wake the driver through an
//! eventfd when they hand it a command or make room in their queue.
//!
//! libssh2 rules the loop keeps: one channel opening at a time per session, and a packet
//! it could only partly send must be sent again, first, by the same call.

use crate::i18n::Msg;
use std::os::fd::OwnedFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Instant;

use super::asks::{bell, ring, Ask};
use super::driver::Driver;
use super::job::{Event, Input, Job};
use super::wire::Wire;

/// Events a command's output may run ahead of its caller.
const QUEUE: usize = 8;

/// The caller's side of one session.
pub(super) struct Link {
    asks: Mutex<Option<Sender<Ask>>>,
    wake: Arc<OwnedFd>,
    lost: Arc<Mutex<Option<Msg>>>,
    driver: Mutex<Option<JoinHandle<()>>>,
}

/// A command handed to the driver: its events, and how to tell the driver there is room.
pub(super) struct Running {
    pub(super) events: Receiver<Event>,
    behind: Arc<AtomicBool>,
    wake: Arc<OwnedFd>,
}

impl Running {
    /// The next event; `None` when the session was lost under it.
    pub(super) fn next(&self) -> Option<Event> {
        let event = self.events.recv().ok();
        if self.behind.swap(false, Ordering::SeqCst) {
            ring(&self.wake);
        }
        event
    }
}

impl Drop for Running {
    /// A caller leaving early (its writer failed) lets the driver notice at once.
    fn drop(&mut self) {
        ring(&self.wake);
    }
}

impl Link {
    /// Starts the driver of a logged-in session.
    pub(super) fn start(wire: Wire, node: &str) -> std::io::Result<Link> {
        let wake = Arc::new(bell()?);
        let lost = Arc::new(Mutex::new(None));
        let (asks, inbox) = mpsc::channel();
        let driver = Driver::new(wire, inbox, Arc::clone(&wake), Arc::clone(&lost));
        let driver = std::thread::Builder::new()
            .name(format!("ssh {node}"))
            .spawn(move || driver.run())?;
        Ok(Link {
            asks: Mutex::new(Some(asks)),
            wake,
            lost,
            driver: Mutex::new(Some(driver)),
        })
    }

    /// Why the session is gone, if it is.
    pub(super) fn lost(&self) -> Option<Msg> {
        self.lost.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Hands `line` to the driver, with `input` for its standard input; its output and
    /// exit status come as events.
    pub(super) fn run(&self, line: String, input: Input, deadline: Instant) -> Option<Running> {
        let (events, receiver) = mpsc::sync_channel(QUEUE);
        let behind = Arc::new(AtomicBool::new(false));
        let job = Job::new(line, input, deadline, events, Arc::clone(&behind));
        self.ask(Ask::Run(job))?;
        Some(Running {
            events: receiver,
            behind,
            wake: Arc::clone(&self.wake),
        })
    }

    /// The whole session for `f` (an interactive terminal), once no command runs on it.
    pub(super) fn exclusive<R>(&self, f: impl FnOnce(&mut Wire) -> R) -> Option<R> {
        let (lend, borrowed) = mpsc::channel();
        let (give_back, returned) = mpsc::channel();
        self.ask(Ask::Lend((lend, returned)))?;
        let mut wire = borrowed.recv().ok()?;
        let result = f(&mut wire);
        let _ = give_back.send(wire);
        Some(result)
    }

    /// Marks the session lost (an interactive command found it gone).
    pub(super) fn lose(&self, reason: Msg) {
        *self.lost.lock().unwrap_or_else(|e| e.into_inner()) = Some(reason);
    }

    fn ask(&self, ask: Ask) -> Option<()> {
        let asks = self.asks.lock().unwrap_or_else(|e| e.into_inner());
        asks.as_ref()?.send(ask).ok()?;
        ring(&self.wake);
        Some(())
    }
}

impl Drop for Link {
    /// Lets the driver say goodbye to the node and waits for it (a second at most).
    fn drop(&mut self) {
        self.asks.lock().unwrap_or_else(|e| e.into_inner()).take();
        ring(&self.wake);
        if let Some(driver) = self.driver.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = driver.join();
        }
    }
}
