//! The technician's terminal, handed to a program on a node by
//! [`Transport::interactive`](super::Transport::interactive): keys in, screen out, the
//! window size, and raw mode while the program has it.
//!
//! Raw mode is restored when the [`Tty`] is dropped (normal end, or unwinding after a
//! panic) and also at process exit (`atexit`), because the Ctrl-C handler ends the
//! process with `exit(130)`, which runs no destructors. A hidden prompt keeps the settings
//! for that hook the same way ([`keep_settings`]): it reads with echo off.

use std::io::{self, Write};
use std::os::fd::BorrowedFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

use rustix::stdio::{stdin, stdout};
use rustix::termios::{tcgetattr, tcgetwinsize, tcsetattr, OptionalActions, Termios};

/// What an interactive command talks to.
pub trait Console {
    /// The terminal type to ask the node for (`TERM`).
    fn term(&self) -> String;
    /// Columns and rows right now.
    fn size(&self) -> (u32, u32);
    /// True once after each change of the window size.
    fn resized(&mut self) -> bool;
    /// The descriptor keys arrive on, so the transport can wait on it with its socket.
    fn input_fd(&self) -> BorrowedFd<'_>;
    fn read_input(&mut self, buf: &mut [u8]) -> io::Result<usize>;
    fn output(&mut self) -> &mut dyn Write;
    /// Keys go to the node as typed (Ctrl-C included) until the console is dropped. Only
    /// a transport that relays keys asks for it: a local program sets the terminal itself.
    fn raw(&mut self) -> io::Result<()>;
}

/// The terminal tvdr runs in (standard input and output).
pub struct Tty {
    raw: bool,
    stdout: io::Stdout,
}

/// The terminal settings to put back, shared with the `atexit` hook.
static SAVED: Mutex<Option<Termios>> = Mutex::new(None);
static WINCH: AtomicBool = AtomicBool::new(false);
static HOOKS: Once = Once::new();
static AT_EXIT: Once = Once::new();

/// Registers [`restore`] to run at process exit, once.
fn restore_at_exit_once() {
    AT_EXIT.call_once(|| {
        // No crate wraps atexit(3), and the Ctrl-C handler's `exit(130)` runs no
        // destructor: this is the one way to give the technician their terminal back.
        // SAFETY: `restore_at_exit` is an `extern "C" fn()` as atexit(3) wants.
        unsafe { libc::atexit(restore_at_exit) };
    });
}

/// The terminal's settings as they are now, put back at exit until this is dropped. For a
/// hidden prompt: it turns echo off while it reads and back on after, but Ctrl-C there ends
/// tvdr with `exit(130)`, which would leave the technician's shell not echoing.
pub struct KeptSettings {
    mine: bool,
}

pub fn keep_settings() -> KeptSettings {
    restore_at_exit_once();
    let mut saved = SAVED.lock().unwrap_or_else(|e| e.into_inner());
    // Settings kept already (raw mode around us) are the ones to put back.
    let mine = saved.is_none();
    if mine {
        *saved = tcgetattr(stdin()).ok();
    }
    KeptSettings { mine }
}

impl Drop for KeptSettings {
    /// The prompt put them back itself: nothing left to restore.
    fn drop(&mut self) {
        if self.mine {
            SAVED.lock().unwrap_or_else(|e| e.into_inner()).take();
        }
    }
}

impl Tty {
    /// Watches window size changes from now on.
    pub fn new() -> Tty {
        HOOKS.call_once(|| {
            // Without the hook the node's screen keeps its first size: a nuisance only.
            let _ = signal_hook::flag::register(signal_hook::consts::SIGWINCH, &WINCH);
        });
        restore_at_exit_once();
        WINCH.store(false, Ordering::Relaxed);
        Tty {
            raw: false,
            stdout: io::stdout(),
        }
    }
}

impl Default for Tty {
    fn default() -> Self {
        Tty::new()
    }
}

extern "C" fn restore_at_exit() {
    restore();
}

fn restore() {
    let saved = SAVED.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(termios) = saved {
        let _ = tcsetattr(stdin(), OptionalActions::Now, &termios);
    }
}

impl Console for Tty {
    fn term(&self) -> String {
        std::env::var("TERM")
            .ok()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "xterm".to_string())
    }

    fn size(&self) -> (u32, u32) {
        match tcgetwinsize(stdout()) {
            Ok(size) if size.ws_col > 0 && size.ws_row > 0 => {
                (u32::from(size.ws_col), u32::from(size.ws_row))
            }
            _ => (80, 24),
        }
    }

    fn resized(&mut self) -> bool {
        WINCH.swap(false, Ordering::SeqCst)
    }

    fn input_fd(&self) -> BorrowedFd<'_> {
        stdin()
    }

    fn read_input(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Straight from the descriptor: Rust's stdin buffers lines, and a key must reach
        // the node the moment it is typed.
        Ok(rustix::io::read(stdin(), buf)?)
    }

    fn output(&mut self) -> &mut dyn Write {
        &mut self.stdout
    }

    fn raw(&mut self) -> io::Result<()> {
        let original = tcgetattr(stdin())?;
        let mut termios = original.clone();
        termios.make_raw();
        tcsetattr(stdin(), OptionalActions::Now, &termios)?;
        SAVED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert(original);
        self.raw = true;
        Ok(())
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        let _ = self.stdout.flush();
        if self.raw {
            restore();
        }
    }
}
