//! The technician's terminal, handed to a program on a node by
//! [`Transport::interactive`](super::Transport::interactive): keys in, screen out, the
//! window size, and raw mode while the program has it.
//!
//! Raw mode is restored when the [`Tty`] is dropped (normal end, or unwinding after a
//! panic) and also at process exit (`atexit`), because the Ctrl-C handler of a run ends
//! the process with `exit(130)`, which runs no destructors.

use std::io::{self, Write};
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

/// What an interactive command talks to.
pub trait Console {
    /// The terminal type to ask the node for (`TERM`).
    fn term(&self) -> String;
    /// Columns and rows right now.
    fn size(&self) -> (u32, u32);
    /// True once after each change of the window size.
    fn resized(&mut self) -> bool;
    /// The descriptor keys arrive on, so the transport can wait on it with its socket.
    fn input_fd(&self) -> RawFd;
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
static SAVED: Mutex<Option<libc::termios>> = Mutex::new(None);
static WINCH: AtomicBool = AtomicBool::new(false);
static HOOKS: Once = Once::new();

impl Tty {
    /// Watches window size changes from now on.
    pub fn new() -> Tty {
        HOOKS.call_once(|| {
            // SAFETY: the handler only stores to an atomic, which is async-signal-safe;
            // `restore_at_exit` is an `extern "C" fn()` as atexit(3) wants.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_winch as extern "C" fn(libc::c_int) as usize;
                action.sa_flags = libc::SA_RESTART;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(libc::SIGWINCH, &action, std::ptr::null_mut());
                libc::atexit(restore_at_exit);
            }
        });
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

extern "C" fn on_winch(_: libc::c_int) {
    WINCH.store(true, Ordering::Relaxed);
}

extern "C" fn restore_at_exit() {
    restore();
}

fn restore() {
    let saved = SAVED.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(termios) = saved {
        // SAFETY: a termios read earlier from the same descriptor.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &termios) };
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
        // SAFETY: TIOCGWINSZ fills the winsize passed; on failure it is left zeroed.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
        if ok && size.ws_col > 0 && size.ws_row > 0 {
            (u32::from(size.ws_col), u32::from(size.ws_row))
        } else {
            (80, 24)
        }
    }

    fn resized(&mut self) -> bool {
        WINCH.swap(false, Ordering::Relaxed)
    }

    fn input_fd(&self) -> RawFd {
        libc::STDIN_FILENO
    }

    fn read_input(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Straight from the descriptor: Rust's stdin buffers lines, and a key must reach
        // the node the moment it is typed.
        // SAFETY: reads at most `buf.len()` bytes into `buf`.
        let n = unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(n as usize)
        }
    }

    fn output(&mut self) -> &mut dyn Write {
        &mut self.stdout
    }

    fn raw(&mut self) -> io::Result<()> {
        // SAFETY: tcgetattr/tcsetattr on standard input with a termios of our own.
        unsafe {
            let mut termios: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut termios) != 0 {
                return Err(io::Error::last_os_error());
            }
            let original = termios;
            libc::cfmakeraw(&mut termios);
            if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &termios) != 0 {
                return Err(io::Error::last_os_error());
            }
            SAVED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(original);
        }
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
