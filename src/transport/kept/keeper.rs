//! The keeper: a tvdr process in the background holding one node's logged-in session for
//! the next tvdr commands (`ssh.persist`), as OpenSSH's ControlPersist does for `ssh`.
//!
//! It logs in exactly as tvdr does (host key verified against the inventory's known_hosts,
//! agent or identity file, never a prompt: it has no terminal), learns the login
//! environment once, then serves the clients that connect to its Unix socket, each on a
//! channel of its own on the one session. It leaves when nobody has used it for its idle
//! time, when the session is lost, or when asked (`tvdr disconnect`).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::super::login_env::{self, Learned};
use super::super::poll::{poll, IN};
use super::super::{Cmd, NoSecrets, SshTransport, Target, Transport, TransportError};
use super::frame::{self, Tag};

/// How often the keeper looks at its idle time and its session while nobody connects.
const TICK: Duration = Duration::from_millis(500);

/// A session unused this long is asked a trivial command before a client gets it: a node
/// that rebooted meanwhile has forgotten the connection, and only traffic tells. The
/// client then starts a new keeper instead of failing its first command (a few
/// milliseconds, against a login's tens).
const PROBE_AFTER: Duration = Duration::from_secs(5);

/// The longest a keeper lends its session: past it, the next command line starts a new
/// keeper, which logs in and learns the login environment afresh (monitoring every minute
/// would otherwise keep one session, and what it learned, for ever).
const MAX_LIFE: Duration = Duration::from_secs(3600);

/// How long a leaving keeper waits for the commands it still carries.
const LAST_COMMANDS: Duration = Duration::from_secs(600);

/// How long the probe may take before the session is taken as gone.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// What the keeper tells the process that started it, on one line of its standard
/// output: `ready`, or why not.
pub(super) const READY: &str = "ready";
pub(super) const UNREACHABLE: &str = "unreachable";
pub(super) const REFUSED: &str = "refused";

/// Connects to `target`, then serves `socket` until idle for `idle`. `ready` gets one line
/// saying whether the session is there (then it is closed): the starter waits for it.
pub fn serve(socket: &Path, idle: Duration, target: &Target, mut ready: impl Write) -> i32 {
    let mut session = match SshTransport::connect(target, &NoSecrets) {
        Ok(session) => session,
        Err(e) => {
            let line = match &e {
                TransportError::Unreachable { reason, .. } => format!("{UNREACHABLE}\t{reason}"),
                other => format!("{REFUSED}\t{}", one_line(&other.to_string())),
            };
            let _ = writeln!(ready, "{line}");
            return 1;
        }
    };
    let learned = match login_env::learn(&mut session) {
        Ok(learned) => learned,
        Err(e) => {
            let _ = writeln!(ready, "{REFUSED}\t{}", one_line(&e.to_string()));
            return 1;
        }
    };
    // Clients send whole lines, their `env:` already in them.
    session.set_env(BTreeMap::new());
    let listener = match bind(socket) {
        Ok(listener) => listener,
        Err(e) => {
            let _ = writeln!(
                ready,
                "{REFUSED}\tcannot listen on {}: {e}",
                socket.display()
            );
            return 1;
        }
    };
    if writeln!(ready, "{READY}").is_err() {
        return 1;
    }
    drop(ready);
    let keeper = Keeper {
        socket: socket.to_owned(),
        bound: identity(socket),
        session: Mutex::new(Box::new(session)),
        learned,
        clients: AtomicUsize::new(0),
        last_left: Mutex::new(Instant::now()),
        stop: AtomicBool::new(false),
    };
    let keeper = Arc::new(keeper);
    keeper.accept(&listener, idle);
    // Its name first, then the listener: a client arriving now finds no keeper and starts
    // one. Then the commands still running end as they would have.
    keeper.retire();
    drop(listener);
    let leaving = Instant::now();
    while keeper.clients.load(Ordering::SeqCst) > 0 && leaving.elapsed() < LAST_COMMANDS {
        std::thread::sleep(Duration::from_millis(50));
    }
    0
}

/// The socket file's device and inode.
fn identity(socket: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(socket)
        .ok()
        .map(|meta| (meta.dev(), meta.ino()))
}

struct Keeper {
    socket: PathBuf,
    /// The socket file's identity once bound: its name is removed only while it is still
    /// this keeper's, never a successor's.
    bound: Option<(u64, u64)>,
    session: Mutex<Box<dyn Transport>>,
    learned: Learned,
    clients: AtomicUsize,
    last_left: Mutex<Instant>,
    stop: AtomicBool,
}

impl Keeper {
    /// Takes the keeper's name away, so the next client starts a new keeper.
    fn retire(&self) {
        if self.bound.is_some() && identity(&self.socket) == self.bound {
            let _ = std::fs::remove_file(&self.socket);
        }
    }

    /// Whether the session still carries a command, asked only when it has been unused
    /// for [`PROBE_AFTER`]; a lost one stops the keeper.
    fn alive(&self, handle: &mut dyn Transport) -> bool {
        if self.clients.load(Ordering::SeqCst) > 1 || self.idle_since().elapsed() < PROBE_AFTER {
            return true;
        }
        let probe = handle.exec(
            &Cmd::shell("true"),
            &mut io::sink(),
            &mut io::sink(),
            Some(PROBE_TIMEOUT),
        );
        if probe.is_err() {
            self.stop.store(true, Ordering::SeqCst);
            self.retire();
        }
        probe.is_ok()
    }

    fn accept(self: &Arc<Self>, listener: &UnixListener, idle: Duration) {
        let born = Instant::now();
        loop {
            if self.stop.load(Ordering::SeqCst) || self.lost() || born.elapsed() > MAX_LIFE {
                return;
            }
            if self.clients.load(Ordering::SeqCst) == 0 && self.idle_since().elapsed() >= idle {
                return;
            }
            match poll(&[(listener.as_fd(), IN)], TICK) {
                Ok(ready) if ready[0].is_empty() => continue,
                Ok(_) => {}
                Err(_) => return,
            }
            let Ok((stream, _)) = listener.accept() else {
                continue;
            };
            if !same_user(&stream) {
                continue;
            }
            let Some(handle) = self.handle() else {
                return;
            };
            self.clients.fetch_add(1, Ordering::SeqCst);
            let keeper = Arc::clone(self);
            let spawned = std::thread::Builder::new()
                .name("kept client".into())
                .spawn(move || {
                    keeper.serve_client(stream, handle);
                    *keeper.last_left.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
                    keeper.clients.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.clients.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    fn idle_since(&self) -> Instant {
        *self.last_left.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lost(&self) -> bool {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_lost()
    }

    /// A handle on the session for one client: its commands run beside the others'.
    fn handle(&self) -> Option<Box<dyn Transport>> {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .share()
    }

    /// One client: the learned environment first, then its commands one after the other
    /// until it hangs up.
    fn serve_client(&self, mut stream: UnixStream, mut handle: Box<dyn Transport>) {
        // No hello from a keeper whose session is gone: the client starts another.
        if !self.alive(handle.as_mut()) {
            return;
        }
        let hello = if self.learned.stdout.is_empty() {
            frame::write(&mut stream, Tag::NotLearned, &self.learned.stderr)
        } else {
            frame::write(&mut stream, Tag::Learned, &self.learned.stdout)
        };
        if hello.is_err() {
            return;
        }
        while let Ok(Some(request)) = read_request(&mut stream) {
            let Request::Run {
                line,
                timeout,
                input,
            } = request
            else {
                self.stop.store(true, Ordering::SeqCst);
                return;
            };
            let Ok(mut out) = stream.try_clone() else {
                return;
            };
            let Ok(mut err) = stream.try_clone() else {
                return;
            };
            let mut stdout = Relay(&mut out, Tag::Stdout);
            let mut stderr = Relay(&mut err, Tag::Stderr);
            // A client that died leaves its command to end at its deadline: nothing is
            // read from it while the command runs, and the first output it cannot take
            // ends the command.
            let result = handle.exec_input(
                &Cmd::rendered(line),
                &input,
                &mut stdout,
                &mut stderr,
                Some(timeout),
            );
            let sent = match result {
                Ok(status) => frame::write(&mut stream, Tag::Done, &status.to_be_bytes()),
                Err(TransportError::Timeout { .. }) => {
                    frame::write(&mut stream, Tag::Deadline, &[])
                }
                Err(TransportError::Lost { reason, .. }) => {
                    let _ = frame::write(&mut stream, Tag::Lost, reason.as_bytes());
                    return;
                }
                Err(e) => frame::write(
                    &mut stream,
                    Tag::Failed,
                    one_line(&e.to_string()).as_bytes(),
                ),
            };
            if sent.is_err() {
                return;
            }
        }
    }
}

/// What a client asks.
enum Request {
    Run {
        line: String,
        timeout: Duration,
        input: zeroize::Zeroizing<Vec<u8>>,
    },
    Stop,
}

/// A request is a line, its timeout and its input, in that order; or a stop.
fn read_request(stream: &mut UnixStream) -> io::Result<Option<Request>> {
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_owned());
    let Some((tag, line)) = frame::read(stream)? else {
        return Ok(None);
    };
    match tag {
        Tag::Stop => return Ok(Some(Request::Stop)),
        Tag::Line => {}
        _ => return Err(bad("a request starts with its line")),
    }
    let line = String::from_utf8(line).map_err(|_| bad("a line is text"))?;
    let timeout = match frame::read(stream)? {
        Some((Tag::Timeout, millis)) if millis.len() == 8 => {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&millis);
            Duration::from_millis(u64::from_be_bytes(bytes))
        }
        _ => return Err(bad("a line is followed by its timeout")),
    };
    let input = match frame::read(stream)? {
        Some((Tag::Input, input)) => zeroize::Zeroizing::new(input),
        _ => return Err(bad("a timeout is followed by the input")),
    };
    Ok(Some(Request::Run {
        line,
        timeout,
        input,
    }))
}

/// Passes a command's output on to the client as frames of one kind.
struct Relay<'a>(&'a mut UnixStream, Tag);

impl Write for Relay<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let data = &data[..data.len().min(frame::MAX)];
        frame::write(self.0, self.1, data)?;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Binds the socket, replacing a stale one (its keeper is gone: nobody answers on it).
/// Whoever starts keepers holds the spawn lock, so no live keeper is replaced here.
fn bind(socket: &Path) -> io::Result<UnixListener> {
    match UnixListener::bind(socket) {
        Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
            if UnixStream::connect(socket).is_ok() {
                return Err(e);
            }
            std::fs::remove_file(socket)?;
            UnixListener::bind(socket)
        }
        other => other,
    }
}

/// The socket's directory is private already; this also turns away a process of another
/// user that could reach it anyway (root aside).
fn same_user(stream: &UnixStream) -> bool {
    rustix::net::sockopt::socket_peercred(stream)
        .is_ok_and(|peer| peer.uid == rustix::process::getuid())
}

fn one_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}
