//! The technician: answers, confirmations and decisions, from a terminal, from an answers
//! file (rehearsals), or from `--yes`. Without any of them, a step that needs a person
//! stops the run with exit code 5 and says what is needed — never hangs, never guesses.

use crate::i18n::Msg;
use std::sync::Mutex;

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;

pub use super::answers_file::{AnswersFile, Gate};
use crate::exit_code::Exit;
use crate::i18n::{Lang, Said};
use crate::inventory::values::Ip;
use crate::output::{hidden, term};
use crate::runbook::answers::Answer;
use crate::runbook::decided::{Decided, Source, What};
use crate::runbook::model::Ask;
use crate::runbook::raw::RawAskKind;
use crate::runbook::secret::{is_secret_name, MASK};
use crate::{said, t};

/// What to do about a failed step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Retry,
    Override(String),
    Abort,
}

pub struct Human {
    pub operator: String,
    /// `--yes`: confirmations are yes, failures abort. Never an evidence gate.
    pub yes: bool,
    pub file: AnswersFile,
    interactive: bool,
    /// Every decision since the runner last took them, with where it came from.
    decided: Mutex<Vec<Decided>>,
}

impl Human {
    pub fn new(operator: String, yes: bool, file: AnswersFile) -> Human {
        Human {
            operator,
            yes,
            file,
            interactive: term::can_prompt(),
            decided: Mutex::new(Vec::new()),
        }
    }

    /// A technician who is not at a terminal, whatever this process's stdin is (tests).
    #[cfg(test)]
    pub fn without_terminal(operator: &str, yes: bool, file: AnswersFile) -> Human {
        Human {
            interactive: false,
            ..Human::new(operator.to_string(), yes, file)
        }
    }

    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// The decisions made since the last call, oldest first (the runner journals them with
    /// the step that made them).
    pub fn take_decided(&self) -> Vec<Decided> {
        std::mem::take(&mut *self.decided.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Notes a decision and where it came from.
    pub fn note(&self, what: What, by: Source) {
        self.decided
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Decided { what, by });
    }

    /// The person at the terminal, as a source.
    pub fn at_terminal(&self) -> Source {
        Source::Operator {
            operator: self.operator.clone(),
        }
    }

    fn needs_human(step: &str, what: Said) -> anyhow::Error {
        Self::needs_human_for(&said!("human-step", step = step), what)
    }

    /// `subject` (a step, `--from`, resuming…) needs `what` and nobody can give it; said
    /// in both languages, as the journal keeps it.
    fn needs_human_for(subject: &Said, what: Said) -> anyhow::Error {
        let said = Said {
            shown: t!(
                "human-needs",
                subject = subject.shown.as_str(),
                what = what.shown
            ),
            recorded: t!(
                in Lang::En,
                "human-needs",
                subject = subject.recorded.as_str(),
                what = what.recorded
            ),
        };
        Exit::NeedsHuman(crate::i18n::raise(said)).into()
    }

    /// The answer to `ask`: from the answers file, else asked at the terminal.
    pub fn answer(&self, step: &str, ask: &Ask) -> Result<Answer> {
        let answered = |by| {
            self.note(
                What::Answer {
                    name: ask.name.clone(),
                },
                by,
            )
        };
        if let Some(value) = self.file.answers.get(&ask.name) {
            check_unnamed(ask, value).map_err(|why| {
                let said = crate::msg!(
                    "human-answers-file-bad",
                    name = ask.name.as_str(),
                    why = why
                )
                .said();
                Exit::Usage(crate::i18n::raise(said))
            })?;
            answered(Source::AnswersFile);
            return Ok(Answer::new(value.to_string()));
        }
        if !self.interactive {
            if let (true, Some(default)) = (self.yes, &ask.default) {
                answered(Source::Yes);
                return Ok(Answer::new(default.clone()));
            }
            return Err(Self::needs_human(
                step,
                Said {
                    shown: t!(
                        "human-an-answer",
                        name = ask.name.as_str(),
                        prompt = ask.prompt.local()
                    ),
                    recorded: t!(
                        in Lang::En,
                        "human-an-answer",
                        name = ask.name.as_str(),
                        prompt = ask.prompt.en()
                    ),
                },
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
                    .with_prompt(ask.prompt.local())
                    .items(&ask.choices)
                    .default(start)
                    .interact()?;
                Answer::new(ask.choices[picked].clone())
            }
            RawAskKind::YesNo => {
                let yes = dialoguer::Confirm::with_theme(&theme)
                    .with_prompt(ask.prompt.local())
                    .default(ask.default.as_deref() == Some("yes"))
                    .interact()?;
                Answer::new(if yes { "yes" } else { "no" }.to_string())
            }
            // Not echoed, and never in a plain `String` of ours.
            RawAskKind::Text | RawAskKind::Ip if is_secret_name(&ask.name) => {
                hidden::typed_twice(ask.prompt.local(), ask.default.as_deref(), |s| {
                    check_unnamed(ask, s).map_err(|why| why.shown().to_string())
                })?
            }
            RawAskKind::Text | RawAskKind::Ip => {
                let mut input =
                    dialoguer::Input::<String>::with_theme(&theme).with_prompt(ask.prompt.local());
                if let Some(default) = &ask.default {
                    input = input.default(default.clone());
                }
                Answer::new(
                    input
                        .validate_with(|s: &String| {
                            check_answer(ask, s).map_err(|why| why.shown().to_string())
                        })
                        .interact_text()?,
                )
            }
        };
        answered(self.at_terminal());
        Ok(value)
    }

    /// A yes/no confirmation (a manual step done? run it again?): `--yes` answers it.
    /// The journal records the prompt in English, the person reads it in their language.
    pub fn confirm(&self, step: &str, prompt: &Said) -> Result<bool> {
        self.confirm_about(&said!("human-step", step = step), prompt)
    }

    /// A confirmation about the whole run rather than a step (`subject`: "`--from x`",
    /// "resuming with a changed runbook"), answered the same ways.
    pub fn confirm_about(&self, subject: &Said, prompt: &Said) -> Result<bool> {
        let confirmed = |yes: bool, by| {
            self.note(
                What::Confirmation {
                    prompt: prompt.recorded.clone(),
                    yes,
                },
                by,
            );
            yes
        };
        if self.yes {
            return Ok(confirmed(true, Source::Yes));
        }
        if !self.interactive {
            return Err(Self::needs_human_for(
                subject,
                Said {
                    shown: t!("human-a-confirmation", prompt = prompt.shown.as_str()),
                    recorded: t!(
                        in Lang::En,
                        "human-a-confirmation",
                        prompt = prompt.recorded.as_str()
                    ),
                },
            ));
        }
        let yes = dialoguer::Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(&prompt.shown)
            .default(false)
            .interact()?;
        Ok(confirmed(yes, self.at_terminal()))
    }

    /// An evidence gate (a snapshot taken, a machine off): true only on a person's word at
    /// the terminal or the answers file's `gates:` entry for this very step. `--yes` never
    /// answers it: without either, the run stops (exit 5) naming the gate.
    pub fn gate(&self, step: &str, title: &str) -> Result<bool> {
        if let Some(Gate { passed }) = self.file.gates.get(step) {
            self.note(What::Gate { passed: *passed }, Source::AnswersFile);
            return Ok(*passed);
        }
        if !self.interactive {
            let said = said!("human-gate-needs", step = step, title = title);
            return Err(Exit::NeedsHuman(crate::i18n::raise(said)).into());
        }
        let passed = dialoguer::Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(t!("human-gate-prompt", title = title))
            .default(false)
            .interact()?;
        self.note(What::Gate { passed }, self.at_terminal());
        Ok(passed)
    }

    /// The override the answers file gives for `step`, if any (noted as decided there).
    pub fn file_override(&self, step: &str) -> Option<String> {
        let reason = self.file.overrides.get(step)?;
        self.note(What::Override, Source::AnswersFile);
        Some(reason.clone())
    }

    /// A failed step: retry, override with a written reason, or abort. An override in the
    /// answers file is taken; `--yes` or no terminal means no one can decide: abort.
    pub fn on_failure(&self, step: &str) -> Result<Decision> {
        if let Some(reason) = self.file_override(step) {
            return Ok(Decision::Override(reason));
        }
        if self.yes {
            self.note(What::Stop, Source::Yes);
            return Ok(Decision::Abort);
        }
        // Nobody to ask: no decision is made, the step is recorded as failed.
        if !self.interactive {
            return Ok(Decision::Abort);
        }
        let theme = ColorfulTheme::default();
        let choice = dialoguer::Select::with_theme(&theme)
            .with_prompt(t!("human-failed", step = step))
            .items([t!("human-retry"), t!("human-override"), t!("human-abort")])
            .default(0)
            .interact()?;
        let decision = match choice {
            0 => Decision::Retry,
            1 => {
                let reason: String = dialoguer::Input::with_theme(&theme)
                    .with_prompt(t!("human-override-why"))
                    .validate_with(|s: &String| {
                        if s.trim().len() >= 5 {
                            Ok(())
                        } else {
                            Err(t!("human-override-why-short"))
                        }
                    })
                    .interact_text()?;
                Decision::Override(reason)
            }
            _ => Decision::Abort,
        };
        let what = match decision {
            Decision::Retry => What::Retry,
            Decision::Override(_) => What::Override,
            Decision::Abort => What::Stop,
        };
        self.note(what, self.at_terminal());
        Ok(decision)
    }
}

/// [`check_answer`], whose complaint never names a secret's value: it is shown on the
/// screen (under a prompt that hid the typing) and may end in the journal.
fn check_unnamed(ask: &Ask, value: &str) -> Result<(), Msg> {
    check_answer(ask, value).map_err(|why| match is_secret_name(&ask.name) {
        true if !value.is_empty() => {
            why.map(|text| text.replace(&format!("`{value}`"), &format!("`{MASK}`")))
        }
        _ => why,
    })
}

/// Checks an answer against its question's type.
pub fn check_answer(ask: &Ask, value: &str) -> Result<(), Msg> {
    match ask.kind {
        RawAskKind::Ip => value.parse::<Ip>().map(|_| ()),
        RawAskKind::Choice if !ask.choices.iter().any(|c| c == value) => Err(crate::msg!(
            "human-not-a-choice",
            value = value,
            choices = ask.choices.join(", ")
        )),
        RawAskKind::YesNo if value != "yes" && value != "no" => {
            Err(crate::msg!("human-not-yes-no", value = value))
        }
        RawAskKind::Text if value.trim().is_empty() => Err(crate::msg!("human-answer-needed")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit_code::{self, for_error};

    fn file(text: &str) -> AnswersFile {
        crate::yaml::parse(std::path::Path::new("answers.yaml"), text).unwrap()
    }

    #[test]
    fn yes_confirms_but_never_passes_a_gate() {
        let human = Human::without_terminal("tech-a", true, AnswersFile::default());
        assert!(human
            .confirm("done", &crate::said!("human-step", step = "x"))
            .unwrap());
        let err = human.gate("snapshot", "Snapshot taken").unwrap_err();
        assert_eq!(for_error(&err), exit_code::NEEDS_HUMAN);
        let text = err.to_string();
        assert!(text.contains("gate `snapshot` (Snapshot taken)"), "{text}");
        assert!(text.contains("gates: { snapshot: yes }"), "{text}");
        assert_eq!(
            human.take_decided(),
            vec![Decided {
                what: What::Confirmation {
                    prompt: "step `x`".into(),
                    yes: true
                },
                by: Source::Yes
            }]
        );
    }

    #[test]
    fn the_answers_file_answers_a_gate_by_name_and_says_so() {
        let human = Human::without_terminal(
            "tech-a",
            false,
            file("gates: { snapshot: yes, machine-off: 'no' }\noverrides: { hosts: checked by hand }\n"),
        );
        assert!(human.gate("snapshot", "Snapshot taken").unwrap());
        assert!(!human.gate("machine-off", "Machine off").unwrap());
        assert_eq!(
            human.on_failure("hosts").unwrap(),
            Decision::Override("checked by hand".into())
        );
        // Nobody to decide: the step fails, and no decision is claimed.
        assert_eq!(human.on_failure("other").unwrap(), Decision::Abort);
        let by: Vec<(What, Source)> = human
            .take_decided()
            .into_iter()
            .map(|d| (d.what, d.by))
            .collect();
        assert_eq!(
            by,
            vec![
                (What::Gate { passed: true }, Source::AnswersFile),
                (What::Gate { passed: false }, Source::AnswersFile),
                (What::Override, Source::AnswersFile),
            ]
        );
        assert!(human.take_decided().is_empty(), "taken once");
    }

    #[test]
    fn a_gate_answer_is_yes_or_no() {
        let err = crate::yaml::parse::<AnswersFile>(
            std::path::Path::new("answers.yaml"),
            "gates: { snapshot: maybe }\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("`yes` or `no`"), "{err}");
    }

    #[test]
    fn a_secret_answer_found_wrong_is_not_named() {
        let ask = |name: &str| Ask {
            name: name.into(),
            kind: RawAskKind::Ip,
            prompt: "Address".into(),
            choices: Vec::new(),
            default: None,
        };
        let human = Human::without_terminal(
            "tech-a",
            false,
            file("answers: { vpn_key: Hunter2-not-an-ip, vpn_host: not-an-ip }\n"),
        );
        let err = human.answer("s", &ask("vpn_key")).unwrap_err().to_string();
        assert!(!err.contains("Hunter2"), "{err}");
        assert!(
            err.contains(&format!("`{MASK}` is not a valid IP address")),
            "{err}"
        );
        // Any other answer is named, to be found and corrected.
        let err = human.answer("s", &ask("vpn_host")).unwrap_err().to_string();
        assert!(err.contains("`not-an-ip` is not"), "{err}");
    }

    #[test]
    fn with_yes_a_failure_stops_and_says_yes_decided() {
        let human = Human::without_terminal("tech-a", true, AnswersFile::default());
        assert_eq!(human.on_failure("x").unwrap(), Decision::Abort);
        assert_eq!(human.take_decided()[0].by, Source::Yes);
    }
}
