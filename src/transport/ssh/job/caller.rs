//! The caller's side of a command: its events queued a few ahead at most, one held back
//! while the queue is full (and the driver woken once the caller makes room), and the end
//! told once.

use std::sync::atomic::Ordering;
use std::sync::mpsc::TrySendError;

use super::{Event, Job, Phase};

impl Job {
    /// The caller hears how a given-up command ended (once), and nothing after.
    pub(super) fn tell_end(&mut self) {
        if let Some(stop) = self.ended.take() {
            if !self.deaf {
                self.offer(Event::Done(Err(stop)));
            }
        }
        self.deaf = true;
        self.phase = Phase::Deliver;
    }

    /// Queues `event` for the caller, or holds it until there is room.
    pub(super) fn send(&mut self, event: Event) {
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
    pub(super) fn deliver(&mut self) -> bool {
        match self.held.take() {
            None => true,
            Some(event) => {
                self.offer(event);
                self.held.is_none()
            }
        }
    }
}
