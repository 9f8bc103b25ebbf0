//! Ctrl-C: one handler for the whole process (a process has one), installed at start.
//!
//! It ends tvdr with exit code 130 after what a run asked to be done first (journal the
//! interrupted step, say so). Ending through `exit` rather than dying of the signal runs
//! the `atexit` hook that puts the terminal's settings back
//! ([`keep_settings`](crate::transport::keep_settings)): killed at a hidden prompt, tvdr
//! left the technician's shell with echo off. A question in raw mode (dialoguer's
//! selections and confirmations) gets the key itself and ends the same way, by its error.
//!
//! A standard output closed under tvdr (`tvdr … | head`) ends it the same way, with its own
//! exit code ([`closed`](crate::output::closed)).

use std::sync::Mutex;

use crate::exit_code;

type First = Box<dyn Fn() + Send>;

/// What to do before exiting, set by a run while it lasts.
static FIRST: Mutex<Option<First>> = Mutex::new(None);

/// Installs the handler (once: a second call changes nothing).
pub fn install() {
    let _ = ctrlc::set_handler(|| stop(exit_code::INTERRUPTED));
}

/// Does what the run asked to be done first, gives the cursor back and exits with `code`.
pub fn stop(code: i32) -> ! {
    if let Some(first) = FIRST.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        first();
    }
    // A spinner hides the cursor on a terminal; a log file needs no escape sequence.
    let stderr = console::Term::stderr();
    if stderr.is_term() {
        let _ = stderr.show_cursor();
    }
    std::process::exit(code);
}

/// `first` runs on Ctrl-C before tvdr exits (on the handler's own thread).
pub fn first(first: impl Fn() + Send + 'static) {
    *FIRST.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(first));
}
