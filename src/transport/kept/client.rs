//! [`KeptTransport`]: a command line's handle on a session its keeper holds; commands go
//! over the keeper's socket as whole lines and come back as output frames and a status.

use crate::i18n::Msg;
use crate::msg;
use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::super::error::shorten;
use super::super::login_env::Learned;
use super::super::script::script;
use super::super::{Cmd, Target, Transport, TransportError};
use super::frame::{self, Tag};

pub(super) struct KeptTransport {
    target: Target,
    socket: PathBuf,
    stream: UnixStream,
    lost: Option<Msg>,
}

impl KeptTransport {
    /// Connects to the keeper at `socket`; also returns what it learned of the login.
    pub(super) fn open(target: &Target, socket: &Path) -> Option<(KeptTransport, Learned)> {
        crate::trace::mark(|| format!("{}: keeper connect", target.name));
        let mut stream = UnixStream::connect(socket).ok()?;
        let learned = match frame::read(&mut stream).ok()?? {
            (Tag::Learned, stdout) => Learned {
                stdout,
                stderr: Vec::new(),
            },
            (Tag::NotLearned, stderr) => Learned {
                stdout: Vec::new(),
                stderr,
            },
            _ => return None,
        };
        crate::trace::mark(|| format!("{}: keeper hello", target.name));
        let kept = KeptTransport {
            target: target.clone(),
            socket: socket.to_owned(),
            stream,
            lost: None,
        };
        Some((kept, learned))
    }

    fn gone(&mut self, reason: Msg) -> TransportError {
        self.lost = Some(reason.clone());
        TransportError::Lost {
            node: self.target.name.clone(),
            reason,
        }
    }
}

impl Transport for KeptTransport {
    fn target(&self) -> &Target {
        &self.target
    }

    fn set_env(&mut self, env: BTreeMap<String, String>) {
        self.target.env = env;
    }

    fn exec_input(
        &mut self,
        command: &Cmd,
        input: &[u8],
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        timeout: Option<Duration>,
    ) -> Result<i32, TransportError> {
        if let Some(reason) = &self.lost {
            return Err(TransportError::Lost {
                node: self.target.name.clone(),
                reason: reason.clone(),
            });
        }
        let timeout = timeout.unwrap_or(self.target.command_timeout);
        let line = script(&self.target, command)?;
        let millis = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        let sent = frame::write(&mut self.stream, Tag::Line, line.as_bytes())
            .and_then(|()| frame::write(&mut self.stream, Tag::Timeout, &millis.to_be_bytes()))
            .and_then(|()| frame::write(&mut self.stream, Tag::Input, input));
        if let Err(e) = sent {
            return Err(self.gone(msg!(
                "transport-reason-keeper-gone-why",
                error = e.to_string()
            )));
        }
        crate::trace::mark(|| format!("{}: sent {}", self.target.name, shorten(&command.render())));
        let node = self.target.name.clone();
        let mut first = true;
        let pass = |e| {
            TransportError::io(
                &node,
                crate::msg!("transport-context-cannot-pass-on-the-output"),
                e,
            )
        };
        loop {
            let (tag, payload) = match frame::read(&mut self.stream) {
                Ok(Some(frame)) => frame,
                Ok(None) => return Err(self.gone(msg!("transport-reason-keeper-gone"))),
                Err(e) => {
                    return Err(self.gone(msg!(
                        "transport-reason-keeper-gone-why",
                        error = e.to_string()
                    )))
                }
            };
            if first || tag == Tag::Done {
                first = false;
                crate::trace::mark(|| format!("{node}: {tag:?} frame, {} bytes", payload.len()));
            }
            match tag {
                Tag::Stdout => stdout.write_all(&payload).map_err(pass)?,
                Tag::Stderr => stderr.write_all(&payload).map_err(pass)?,
                Tag::Done if payload.len() == 4 => {
                    stdout.flush().map_err(pass)?;
                    stderr.flush().map_err(pass)?;
                    let status = [payload[0], payload[1], payload[2], payload[3]];
                    return Ok(i32::from_be_bytes(status));
                }
                Tag::Deadline => {
                    return Err(TransportError::Timeout {
                        node,
                        command: shorten(&command.render()),
                        timeout,
                    })
                }
                Tag::Lost => return Err(self.gone(Msg::text(String::from_utf8_lossy(&payload)))),
                Tag::Failed => {
                    return Err(TransportError::Ssh {
                        node,
                        context: crate::msg!("transport-context-running-a-command"),
                        message: String::from_utf8_lossy(&payload).into_owned(),
                    })
                }
                _ => return Err(self.gone(msg!("transport-reason-keeper-unexpected"))),
            }
        }
    }

    /// Another connection to the keeper: its commands run beside this one's.
    fn share(&self) -> Option<Box<dyn Transport>> {
        if self.lost.is_some() {
            return None;
        }
        let (mut other, _) = KeptTransport::open(&self.target, &self.socket)?;
        other.target = self.target.clone();
        Some(Box::new(other))
    }

    fn is_lost(&self) -> bool {
        self.lost.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use std::os::unix::net::UnixListener;

    /// A keeper that takes one command and dies before answering: the command line says
    /// its session was lost, in English for the journal and in Italian for a person, and
    /// every later command fails at once for the same reason.
    #[test]
    fn a_keeper_that_went_away_is_said_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("keeper.sock");
        let listener = UnixListener::bind(&socket).unwrap();
        let keeper = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            frame::write(&mut stream, Tag::NotLearned, b"").unwrap();
            while let Ok(Some((tag, _))) = frame::read(&mut stream) {
                if tag == Tag::Input {
                    break;
                }
            }
        });
        let target = crate::transport::testing::local("tvox1");
        let (mut kept, _) = KeptTransport::open(&target, &socket).unwrap();
        let ran = kept.exec(&Cmd::new("true"), &mut Vec::new(), &mut Vec::new(), None);
        keeper.join().unwrap();
        let Err(TransportError::Lost { reason, .. }) = ran else {
            panic!("{ran:?}");
        };
        assert_eq!(reason.en(), "its keeper went away");
        assert_eq!(
            reason.in_lang(Lang::It),
            "il processo che la teneva aperta non c'è più"
        );
        let again = kept.exec(&Cmd::new("true"), &mut Vec::new(), &mut Vec::new(), None);
        assert!(matches!(again, Err(TransportError::Lost { reason: r, .. }) if r == reason));
    }
}
