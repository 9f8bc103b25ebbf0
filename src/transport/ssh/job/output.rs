//! A command's output read off its channel as far as it goes without blocking, passed on
//! in chunks (standard error without tvdr's pid marker), and its exit status.

use std::io::Read;

use super::super::wire::{would_block, Stop};
use super::{Event, Job, Phase, CHUNK};

impl Job {
    /// Reads both outputs as far as they go: whether anything came, and `Some(Close)` once
    /// both ended.
    pub(super) fn stream(&mut self) -> Result<(bool, Option<Phase>), Stop> {
        let mut buf = vec![0u8; CHUNK];
        let mut any = false;
        while self.held.is_none() && (self.out_open || self.err_open) {
            let mut heard = false;
            if self.out_open {
                match self.channel_mut().read(&mut buf) {
                    Ok(0) => self.out_open = false,
                    Ok(n) => {
                        heard = true;
                        self.send(Event::Stdout(buf[..n].to_vec()));
                    }
                    Err(e) if would_block(&e) => {}
                    Err(e) => return Err(Stop::Lost(e.to_string())),
                }
            }
            if self.err_open && self.held.is_none() {
                let read = self.channel_mut().stderr().read(&mut buf);
                match read {
                    Ok(0) => self.err_open = false,
                    Ok(n) => {
                        heard = true;
                        let mut shown = Vec::new();
                        // Writing into a Vec does not fail.
                        let _ = self.marker.feed(&buf[..n], &mut shown);
                        if !shown.is_empty() {
                            self.send(Event::Stderr(shown));
                        }
                    }
                    Err(e) if would_block(&e) => {}
                    Err(e) => return Err(Stop::Lost(e.to_string())),
                }
            }
            if !heard && (self.out_open || self.err_open) {
                return Ok((any, None));
            }
            any |= heard;
        }
        if self.held.is_some() {
            return Ok((any, None));
        }
        let mut tail = Vec::new();
        let _ = self.marker.finish(&mut tail);
        if !tail.is_empty() {
            self.send(Event::Stderr(tail));
        }
        Ok((true, Some(Phase::Close)))
    }

    /// The exit status of the closed channel (see `script::signal_status`).
    pub(super) fn status(&mut self) -> i32 {
        let channel = self.channel_mut();
        let signal = channel.exit_signal().ok().and_then(|s| s.exit_signal);
        match signal {
            Some(name) => super::super::signal::signal_number(&name)
                .map_or(-1, crate::transport::script::signal_status),
            None => channel.exit_status().unwrap_or(-1),
        }
    }
}
