//! What a long step shows while it waits: a spinner with the elapsed time (and the last
//! lines of a log) on a terminal; plain lines otherwise, so a CI log or a pipe reads as
//! a transcript and is not flooded with redraws.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget};

use crate::runbook::secret::Secrets;

/// Log lines kept under the spinner.
const SHOWN_LINES: usize = 4;

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    timeout: Option<Duration>,
    status: String,
    lines: Vec<String>,
    /// Masked in every line shown: a log may repeat a secret answer.
    secrets: Secrets,
}

impl Progress {
    /// `timeout`, when given, is shown next to the elapsed time; `already` is time spent
    /// before this process (a re-attached step).
    pub fn new(timeout: Option<Duration>, already: Duration) -> Progress {
        let started = Instant::now()
            .checked_sub(already)
            .unwrap_or_else(Instant::now);
        let bar = console::Term::stderr().is_term().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(crate::output::progress::style("  {spinner} {msg}"));
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            started,
            timeout,
            status: String::new(),
            lines: Vec::new(),
            secrets: Secrets::default(),
        }
    }

    /// Lines shown with these secrets masked.
    pub fn masking(mut self, secrets: Secrets) -> Progress {
        self.secrets = secrets;
        self
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// A new status ("waiting for tvox1 to answer"). Without a terminal it is printed
    /// only when it changes.
    pub fn status(&mut self, status: &str) {
        if self.bar.is_none() && status != self.status {
            eprintln!("  {status} ({})", self.clock());
        }
        self.status = status.to_string();
        self.redraw();
    }

    /// A line of output (a log line): under the spinner on a terminal, printed otherwise.
    pub fn line(&mut self, prefix: &str, line: &str) {
        // One screen line each under the spinner: a long line would wrap and break the redraw.
        let line = format!("{prefix} | {}", self.secrets.mask(line));
        let width = usize::from(console::Term::stderr().size().1)
            .saturating_sub(6)
            .max(20);
        let line = match (self.bar.is_some(), line.char_indices().nth(width)) {
            (true, Some((cut, _))) => format!("{}…", &line[..cut]),
            _ => line,
        };
        if self.bar.is_none() {
            eprintln!("  {line}");
            return;
        }
        self.lines.push(line);
        let excess = self.lines.len().saturating_sub(SHOWN_LINES);
        self.lines.drain(..excess);
    }

    /// Called between polls: updates the clock.
    pub fn tick(&mut self) {
        self.redraw();
    }

    fn clock(&self) -> String {
        let elapsed = crate::time::duration::format(Duration::from_secs(self.elapsed().as_secs()));
        match self.timeout {
            Some(t) => format!("{elapsed} of {}", crate::time::duration::format(t)),
            None => elapsed.to_string(),
        }
    }

    fn redraw(&self) {
        if let Some(bar) = &self.bar {
            let mut message = format!("{} ({})", self.status, self.clock());
            for line in &self.lines {
                message.push_str("\n    ");
                message.push_str(line);
            }
            bar.set_message(message);
        }
    }

    /// Removes the spinner, leaving the last lines it showed; the caller prints the
    /// outcome.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
            for line in &self.lines {
                eprintln!("    {line}");
            }
        }
    }
}
