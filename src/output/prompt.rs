//! Questions to the technician: dialoguer on a terminal, plain lines from a pipe.
//!
//! On a terminal the questions are interactive. Without one, answers are read one per line
//! from standard input (an empty line takes the default), so scripts and tests can answer;
//! when standard input runs out, tvdr stops with exit code 5 and names the question instead
//! of hanging or guessing.

use std::io::{BufRead, Write};

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;

use super::term;
use crate::exit_code::Exit;
use crate::t;

pub struct Prompter {
    interactive: bool,
}

impl Prompter {
    /// Interactive when stdin and stderr are terminals, line-reading otherwise.
    pub fn new() -> Prompter {
        Prompter {
            interactive: term::can_prompt(),
        }
    }

    /// Asks for text; `check` returns an error message for an unacceptable answer.
    pub fn text(
        &self,
        prompt: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> Result<String> {
        if self.interactive {
            let theme = ColorfulTheme::default();
            let mut input = dialoguer::Input::<String>::with_theme(&theme).with_prompt(prompt);
            if let Some(default) = default {
                input = input.default(default.to_string());
            } else {
                input = input.allow_empty(false);
            }
            return Ok(input.validate_with(|s: &String| check(s)).interact_text()?);
        }
        let answer = self.read_line(prompt, default)?;
        let answer = match (answer.is_empty(), default) {
            (true, Some(default)) => default.to_string(),
            _ => answer,
        };
        check(&answer)
            .map_err(|msg| Exit::Usage(t!("prompt-bad-answer", prompt = prompt, message = msg)))?;
        Ok(answer)
    }

    /// Asks yes or no.
    pub fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        if self.interactive {
            return Ok(dialoguer::Confirm::with_theme(&ColorfulTheme::default())
                .with_prompt(prompt)
                .default(default)
                .interact()?);
        }
        let hint = if default {
            t!("prompt-yes-no-default-yes")
        } else {
            t!("prompt-yes-no-default-no")
        };
        let answer = self.read_line(&format!("{prompt} [{hint}]"), None)?;
        // Both languages' words are accepted whatever the language: a script written for
        // one still answers when the other is chosen.
        match answer.to_lowercase().as_str() {
            "" => Ok(default),
            "y" | "yes" | "s" | "si" | "sì" => Ok(true),
            "n" | "no" => Ok(false),
            other => {
                Err(Exit::Usage(t!("prompt-not-yes-or-no", prompt = prompt, answer = other)).into())
            }
        }
    }

    fn read_line(&self, prompt: &str, default: Option<&str>) -> Result<String> {
        let mut err = std::io::stderr().lock();
        match default {
            Some(d) if !d.is_empty() => write!(err, "{prompt} [{d}]: ")?,
            _ => write!(err, "{prompt}: ")?,
        }
        err.flush()?;
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line)? == 0 {
            writeln!(err)?;
            return Err(Exit::NeedsHuman(t!("prompt-input-ended", prompt = prompt)).into());
        }
        let answer = line.trim_end_matches(['\n', '\r']).trim().to_string();
        // Echo the answer so a transcript of a piped session reads like a dialogue.
        writeln!(err, "{answer}")?;
        Ok(answer)
    }
}

impl Default for Prompter {
    fn default() -> Self {
        Self::new()
    }
}
