//! A command moved through its phases — channel opened, command sent, its input (if any)
//! written and closed, output streamed, channel closed, status delivered — as far as each goes without
//! blocking (libssh2 answers "would block" and is called again later).

use std::io::Write;

use ssh2::{Channel, Session};

use super::super::wire::{would_block, Stop};
use super::{Event, Job, Phase, Step, EAGAIN};

impl Job {
    /// Moves the job on as far as it goes without blocking.
    pub(in crate::transport::ssh) fn step(&mut self, session: &Session) -> Result<Step, Stop> {
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

    pub(super) fn channel_mut(&mut self) -> &mut Channel {
        self.channel
            .as_mut()
            .expect("the channel is open in this phase")
    }
}

/// `Ok(Some(v))` done, `Ok(None)` would block, `Err` anything else.
fn again<T>(result: Result<T, ssh2::Error>) -> Result<Option<T>, Stop> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if matches!(e.code(), ssh2::ErrorCode::Session(EAGAIN)) => Ok(None),
        Err(e) => Err(super::super::wire::classify(e)),
    }
}

fn blocked_or(moved: bool) -> Step {
    if moved {
        Step::Moved
    } else {
        Step::Blocked
    }
}
