//! The technician: answers, confirmations and decisions, from a terminal, from an answers
//! file (rehearsals), or from `--yes`. Without any of them, a step that needs a person
//! stops the run with exit code 5 and says what is needed — never hangs, never guesses.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use dialoguer::theme::ColorfulTheme;
use serde::Deserialize;

use crate::exit_code::Exit;
use crate::inventory::values::Ip;
use crate::output::term;
use crate::runbook::model::Ask;
use crate::runbook::raw::RawAskKind;

/// `--answers FILE`: pre-answered questions, overrides and UAT results for rehearsals.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Answers by question name.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Steps whose failure is accepted, with the written reason.
    #[serde(default)]
    pub overrides: BTreeMap<String, String>,
    /// UAT results: phase → case id → `pass`, `fail` or `skip` (`*` for every case).
    #[serde(default)]
    pub uat: BTreeMap<String, BTreeMap<String, String>>,
}

impl AnswersFile {
    pub fn load(path: &Path) -> Result<AnswersFile> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read answers `{}`", path.display()))?;
        Ok(crate::yaml::parse(path, &text)?)
    }
}

/// What to do about a failed step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Retry,
    Override(String),
    Abort,
}

pub struct Human {
    pub operator: String,
    /// `--yes`: confirmations are yes, failures abort.
    pub yes: bool,
    pub file: AnswersFile,
    interactive: bool,
}

impl Human {
    pub fn new(operator: String, yes: bool, file: AnswersFile) -> Human {
        Human {
            operator,
            yes,
            file,
            interactive: term::can_prompt(),
        }
    }

    pub fn interactive(&self) -> bool {
        self.interactive
    }

    fn needs_human(step: &str, what: &str) -> anyhow::Error {
        Exit::NeedsHuman(format!(
            "step `{step}` needs {what}, but there is no terminal: run at a terminal, or pass \
             `--answers FILE` / `--yes`"
        ))
        .into()
    }

    /// The answer to `ask`: from the answers file, else asked at the terminal.
    pub fn answer(&self, step: &str, ask: &Ask) -> Result<String> {
        if let Some(value) = self.file.answers.get(&ask.name) {
            check_answer(ask, value)
                .map_err(|why| Exit::Usage(format!("answers file: `{}`: {why}", ask.name)))?;
            return Ok(value.clone());
        }
        if !self.interactive {
            if let (true, Some(default)) = (self.yes, &ask.default) {
                return Ok(default.clone());
            }
            return Err(Self::needs_human(
                step,
                &format!("an answer to `{}` ({})", ask.name, ask.prompt),
            ));
        }
        let theme = ColorfulTheme::default();
        let value = match ask.kind {
            RawAskKind::Choice => {
                let start = ask
                    .default
                    .as_ref()
                    .and_then(|d| ask.choices.iter().position(|c| c == d))
                    .unwrap_or(0);
                let picked = dialoguer::Select::with_theme(&theme)
                    .with_prompt(&ask.prompt)
                    .items(&ask.choices)
                    .default(start)
                    .interact()?;
                ask.choices[picked].clone()
            }
            RawAskKind::YesNo => {
                let yes = dialoguer::Confirm::with_theme(&theme)
                    .with_prompt(&ask.prompt)
                    .default(ask.default.as_deref() == Some("yes"))
                    .interact()?;
                if yes { "yes" } else { "no" }.to_string()
            }
            RawAskKind::Text | RawAskKind::Ip => {
                let mut input =
                    dialoguer::Input::<String>::with_theme(&theme).with_prompt(&ask.prompt);
                if let Some(default) = &ask.default {
                    input = input.default(default.clone());
                }
                input
                    .validate_with(|s: &String| check_answer(ask, s))
                    .interact_text()?
            }
        };
        Ok(value)
    }

    /// A yes/no confirmation (manual step done? gate passed?).
    pub fn confirm(&self, step: &str, prompt: &str) -> Result<bool> {
        if self.yes {
            return Ok(true);
        }
        if !self.interactive {
            return Err(Self::needs_human(
                step,
                &format!("a confirmation ({prompt})"),
            ));
        }
        Ok(dialoguer::Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .default(false)
            .interact()?)
    }

    /// A failed step: retry, override with a written reason, or abort. An override in the
    /// answers file is taken; `--yes` or no terminal means no one can decide: abort.
    pub fn on_failure(&self, step: &str) -> Result<Decision> {
        if let Some(reason) = self.file.overrides.get(step) {
            return Ok(Decision::Override(reason.clone()));
        }
        if self.yes || !self.interactive {
            return Ok(Decision::Abort);
        }
        let theme = ColorfulTheme::default();
        let choice = dialoguer::Select::with_theme(&theme)
            .with_prompt(format!("step `{step}` failed"))
            .items(&[
                "retry",
                "override (go on, with a written reason)",
                "abort (resume later)",
            ])
            .default(0)
            .interact()?;
        Ok(match choice {
            0 => Decision::Retry,
            1 => {
                let reason: String = dialoguer::Input::with_theme(&theme)
                    .with_prompt("Why is it safe to go on? (recorded in the report)")
                    .validate_with(|s: &String| {
                        if s.trim().len() >= 5 {
                            Ok(())
                        } else {
                            Err("write a reason a colleague will understand")
                        }
                    })
                    .interact_text()?;
                Decision::Override(reason)
            }
            _ => Decision::Abort,
        })
    }
}

/// Checks an answer against its question's type.
pub fn check_answer(ask: &Ask, value: &str) -> Result<(), String> {
    match ask.kind {
        RawAskKind::Ip => value.parse::<Ip>().map(|_| ()),
        RawAskKind::Choice if !ask.choices.iter().any(|c| c == value) => Err(format!(
            "`{value}` is not one of {}",
            ask.choices.join(", ")
        )),
        RawAskKind::YesNo if value != "yes" && value != "no" => {
            Err(format!("`{value}` is neither yes nor no"))
        }
        RawAskKind::Text if value.trim().is_empty() => Err("an answer is needed".into()),
        _ => Ok(()),
    }
}
