//! Receipts: what a node remembers of the commands tvdr started on it. A step's command
//! runs detached from the SSH session (it survives tvdr's death and the link's) between a
//! start record and an end record kept on the node ([`script`]). Whoever comes next — the
//! same tvdr after a retry, a resumed run, a colleague's laptop — reads the receipt before
//! anything else and knows whether the command finished (and how), is still running,
//! never started, or started and vanished without an end (the node rebooted under it).

#[cfg(test)]
mod input_tests;
mod parse;
pub mod script;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unreadable_tests;

use std::time::Duration;

use crate::i18n::Msg;
use crate::msg;
use crate::transport::{Cmd, Transport, TransportError};

/// How much of each output stream comes back (the rest stays on the node).
const OUTPUT_CAP: usize = 4 << 20;

/// What became of the latest attempt of a step on one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum State {
    /// No attempt was ever made.
    #[default]
    None,
    Running,
    Finished,
    /// Started, no end record, and its process is gone: the node rebooted, or the process
    /// was killed. Whether the command did its work is unknown.
    Gone,
}

impl State {
    fn parse(text: &str) -> Result<State, String> {
        Ok(match text.trim() {
            "none" => State::None,
            "running" => State::Running,
            "finished" => State::Finished,
            "gone" => State::Gone,
            other => return Err(format!("unknown state `{other}`")),
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            State::None => "none",
            State::Running => "running",
            State::Finished => "finished",
            State::Gone => "gone",
        }
    }
}

/// One attempt's receipt, as the node keeps it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Receipt {
    pub state: State,
    pub attempt: u32,
    pub pid: Option<u32>,
    /// Seconds since the epoch, on the node's clock.
    pub started: Option<f64>,
    pub ended: Option<f64>,
    pub exit: Option<i32>,
    /// The boot the command started in, and the node's boot now.
    pub boot: Option<String>,
    pub boot_now: Option<String>,
    /// This very call started it.
    pub fresh: bool,
    /// Someone else had already made this attempt: what is reported is theirs.
    pub raced: bool,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Receipt {
    /// The node rebooted since the command started.
    pub fn rebooted(&self) -> bool {
        matches!((&self.boot, &self.boot_now), (Some(a), Some(b)) if a != b)
    }

    /// Started, ended and exit status for the journal (outputs are kept apart).
    pub fn evidence(&self) -> serde_json::Value {
        serde_json::json!({
            "attempt": self.attempt,
            "state": self.state.name(),
            "pid": self.pid,
            "started": self.started,
            "ended": self.ended,
            "exit": self.exit,
            "rebooted_since": self.rebooted(),
        })
    }

    /// What happened to an attempt that started and has no end, in words.
    pub fn gone_why(&self) -> Msg {
        let Some(started) = self.started else {
            return msg!("reason-attempt-never-ran", attempt = self.attempt);
        };
        let at = crate::time::Timestamp::from_epoch(started).to_string();
        if self.rebooted() {
            msg!("reason-attempt-rebooted", attempt = self.attempt, at = at)
        } else {
            msg!(
                "reason-attempt-gone",
                attempt = self.attempt,
                at = at,
                pid = self.pid.map_or("?".into(), |p| p.to_string())
            )
        }
    }
}

/// Which step's receipts: the run and the step, as safe names.
#[derive(Debug, Clone)]
pub struct Key {
    run: String,
    step: String,
}

impl Key {
    pub fn new(run: &str, step: &str) -> Key {
        Key {
            run: safe(run),
            step: safe(step),
        }
    }
}

/// A name safe as one path component: letters, digits, `-`, `_` and `.` (never `..`).
fn safe(text: &str) -> String {
    let name: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    match name.trim_matches('.') {
        "" => "_".to_string(),
        _ => name.replace("..", "__"),
    }
}

/// Why a receipt could not be read or kept.
#[derive(Debug, thiserror::Error)]
pub enum ReceiptError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The node cannot keep receipts (its private directory is not private, a full disk).
    #[error("{node} cannot keep a receipt: {why}")]
    Refused { node: String, why: String },
    /// The node's receipt is there but cannot be read (permissions, a record that is not
    /// a file), or what the node printed does not read as a receipt.
    #[error(
        "the receipt on {node} is unreadable: {why}; it is never taken as \"not started\": \
         look at it on the node, then retry"
    )]
    Unreadable { node: String, why: String },
}

impl ReceiptError {
    /// In every language, for the technician (`Display` is the English, for the journal).
    pub fn msg(&self) -> Msg {
        match self {
            ReceiptError::Transport(e) => e.msg(),
            ReceiptError::Refused { node, why } => {
                msg!("reason-receipt-refused", node = node, why = why)
            }
            ReceiptError::Unreadable { node, why } => {
                msg!("reason-receipt-unreadable", node = node, why = why)
            }
        }
    }
}

/// The latest attempt of `key` on this node (`State::None` if there is none).
pub fn look(t: &mut dyn Transport, key: &Key) -> Result<Receipt, ReceiptError> {
    call(t, "look", key, 0, &[], None, false)
}

/// Starts attempt `attempt` of `key` with `command` and follows it to its end (or the
/// timeout: the command goes on, on the node). If the attempt exists already, it is not
/// started again: the existing one is followed (`raced`).
pub fn start(
    t: &mut dyn Transport,
    key: &Key,
    attempt: u32,
    command: &Cmd,
    timeout: Option<Duration>,
) -> Result<Receipt, ReceiptError> {
    let command = t.for_node(command)?;
    let password = command.reads_sudo_password();
    launch(
        t,
        key,
        attempt,
        command.render().as_bytes(),
        timeout,
        password,
    )
}

/// [`start`] with the command's shell text as bytes. They travel on the tool's standard
/// input (their length on a line, then them), never as an argument: `ps` on the node
/// would show them to all its users. `password`: the command reads the sudo password,
/// which the transport sends after them.
fn launch(
    t: &mut dyn Transport,
    key: &Key,
    attempt: u32,
    command: &[u8],
    timeout: Option<Duration>,
    password: bool,
) -> Result<Receipt, ReceiptError> {
    let length = format!("{}\n", command.len());
    // Sized once and wiped: the command may hold a secret answer.
    let mut input = zeroize::Zeroizing::new(Vec::with_capacity(length.len() + command.len()));
    input.extend_from_slice(length.as_bytes());
    input.extend_from_slice(command);
    call(t, "start", key, attempt, &input, timeout, password)
}

/// Follows attempt `attempt` of `key`, started earlier, to its end.
pub fn follow(
    t: &mut dyn Transport,
    key: &Key,
    attempt: u32,
    timeout: Option<Duration>,
) -> Result<Receipt, ReceiptError> {
    call(t, "follow", key, attempt, &[], timeout, false)
}

/// Removes the receipts of runs untouched for more than `minutes` minutes, except those of
/// a run whose journal mirrored on the node is still open.
pub fn prune(t: &mut dyn Transport, minutes: u32) -> Result<(), ReceiptError> {
    call(t, "prune", &Key::new("_", "_"), minutes, &[], None, false).map(|_| ())
}

fn call(
    t: &mut dyn Transport,
    op: &str,
    key: &Key,
    attempt: u32,
    input: &[u8],
    timeout: Option<Duration>,
    password: bool,
) -> Result<Receipt, ReceiptError> {
    let node = t.target().name.clone();
    let mut cmd = Cmd::new("sh")
        .arg("-c")
        .arg(script::tool().as_str())
        .arg("tvdr-receipt")
        .args([op, &key.run, &key.step, &attempt.to_string()])
        .arg(script::WRAPPER)
        .arg(OUTPUT_CAP.to_string().as_str());
    if password {
        // The command reads the sudo password: the transport sends it after `input`, and
        // the tool hands it on.
        cmd = cmd.arg("input").passing_sudo_password();
    }
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = t.exec_input(&cmd, input, &mut stdout, &mut stderr, timeout)?;
    if status != 0 {
        let why = String::from_utf8_lossy(&stderr).trim().to_string();
        return Err(ReceiptError::Refused {
            node,
            why: if why.is_empty() {
                format!("the receipt tool ended with exit status {status}")
            } else {
                why
            },
        });
    }
    parse::parse(&stdout).map_err(|why| ReceiptError::Unreadable { node, why })
}
