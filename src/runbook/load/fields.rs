//! Validation of a step's fields against its kind: what each kind needs, what it refuses,
//! and the checks, hosts, commands, regexes and waits it names.

use crate::i18n::Msg;
use crate::msg;
use std::time::Duration;

use regex::Regex;
use serde_saphyr::{Location, Spanned};

use super::{closest, kind_name, Validator};
use crate::checks::registry;
use crate::runbook::facts::Name;
use crate::runbook::model::{Ask, Command, Expect, Kind, Role, Until};
use crate::runbook::raw::{RawAsk, RawAskKind, RawKind, RawLevel, RawPatterns, RawStep};
use crate::runbook::template::Template;
use crate::runbook::text::Text;
use crate::runbook::verdict::Rules;

impl Validator<'_> {
    pub(super) fn kind(&mut self, raw: &RawStep) -> Kind {
        let kind = raw.kind.value;
        self.only_fields_of(raw);
        let at = raw.kind.referenced;
        match kind {
            RawKind::Note => Kind::Note {
                level: raw.level.unwrap_or(RawLevel::Important),
            },
            RawKind::Manual => Kind::Manual {
                ask: self.asks(&raw.ask),
            },
            RawKind::Gate => {
                if let Some(evidence) = &raw.evidence {
                    if evidence.value != "snapshot" {
                        self.error(
                            &evidence.referenced,
                            msg!("load-unknown-evidence", evidence = evidence.value.as_str()),
                        );
                    }
                }
                let on = raw.on.as_ref().map(|_| self.single_on(raw, &at));
                Kind::Gate {
                    ask: self.asks(&raw.ask),
                    evidence: raw.evidence.as_ref().map(|e| e.value.clone()),
                    on,
                }
            }
            RawKind::Check => {
                if raw.checks.is_empty() {
                    self.error(&at, msg!("load-check-needs-checks"));
                }
                let checks = self.checks(&raw.checks);
                let mut options = self.check_options(raw, &checks);
                options.on = raw.on.as_ref().map(|_| self.cluster_node(raw, &at));
                Kind::Check { options, checks }
            }
            RawKind::Run => Kind::Run {
                on: self.on(raw, &at),
                command: self.command(raw, &at),
                expect: self.expect(raw),
                timeout: raw.timeout.map(|t| t.0),
                idempotent: raw.idempotent,
            },
            RawKind::Interactive => {
                let checks = self.checks(&raw.checks);
                Kind::Interactive {
                    on: self.single_on(raw, &at),
                    command: self.command(raw, &at),
                    options: self.check_options(raw, &checks),
                    checks,
                    from_address: raw
                        .from_address
                        .as_ref()
                        .and_then(|a| self.template(&a.value, &a.referenced)),
                    timeout: raw.timeout.map_or(Duration::from_secs(5 * 60), |t| t.0),
                }
            }
            RawKind::Screen => Kind::Screen {
                on: self.single_on(raw, &at),
                command: self.command(raw, &at),
                rules: self.rules(raw),
                timeout: raw.timeout.map_or(Duration::from_secs(2 * 3600), |t| t.0),
            },
            RawKind::Reboot => Kind::Reboot {
                on: self.single_on(raw, &at),
                timeout: raw.timeout.map_or(Duration::from_secs(15 * 60), |t| t.0),
            },
            RawKind::Wait => {
                let until = self.until(raw, &at);
                let options = match &until {
                    Until::Check(check) => self.check_options(raw, std::slice::from_ref(check)),
                    Until::Host { .. } => {
                        if raw.options.is_some() {
                            self.error(&at, msg!("load-options-for-check"));
                        }
                        Default::default()
                    }
                };
                Kind::Wait {
                    until,
                    options,
                    interval: raw.interval.map_or(Duration::from_secs(15), |t| t.0),
                    timeout: raw.timeout.map_or(Duration::from_secs(30 * 60), |t| t.0),
                }
            }
            RawKind::Uat => Kind::Uat {
                phase: match &raw.phase {
                    Some(phase) => phase.value.clone(),
                    None => {
                        self.error(&at, msg!("load-uat-needs-phase"));
                        String::new()
                    }
                },
            },
        }
    }

    /// Fields that mean nothing for the step's kind are mistakes, not decoration.
    fn only_fields_of(&mut self, raw: &RawStep) {
        use RawKind::*;
        let kind = raw.kind.value;
        let at = raw.id.referenced;
        let refuse = |present: bool, field: &str, kinds: &[RawKind]| {
            if present && !kinds.contains(&kind) {
                Some(msg!(
                    "load-field-meaningless",
                    field = field,
                    kind = format!("{kind:?}").to_lowercase()
                ))
            } else {
                None
            }
        };
        let problems: Vec<Msg> = [
            refuse(
                raw.on.is_some(),
                "on",
                &[Run, Interactive, Screen, Reboot, Gate, Check],
            ),
            refuse(
                raw.options.is_some(),
                "options",
                &[Check, Interactive, Wait],
            ),
            refuse(!raw.ask.is_empty(), "ask", &[Manual, Gate]),
            refuse(!raw.checks.is_empty(), "checks", &[Check, Interactive]),
            refuse(
                raw.command.is_some(),
                "command",
                &[Run, Interactive, Screen],
            ),
            refuse(raw.script.is_some(), "script", &[Run, Interactive, Screen]),
            refuse(raw.expect.is_some(), "expect", &[Run]),
            refuse(raw.success.is_some(), "success", &[Screen]),
            refuse(raw.failure.is_some(), "failure", &[Screen]),
            refuse(
                raw.timeout.is_some(),
                "timeout",
                &[Run, Screen, Reboot, Wait, Interactive],
            ),
            refuse(raw.from_address.is_some(), "from_address", &[Interactive]),
            refuse(raw.interval.is_some(), "interval", &[Wait]),
            refuse(raw.until.is_some(), "until", &[Wait]),
            refuse(raw.phase.is_some(), "phase", &[Uat]),
            refuse(raw.idempotent, "idempotent", &[Run]),
            refuse(raw.level.is_some(), "level", &[Note]),
            refuse(raw.evidence.is_some(), "evidence", &[Gate]),
        ]
        .into_iter()
        .flatten()
        .collect();
        for problem in problems {
            self.error(&at, problem);
        }
    }

    fn asks(&mut self, asks: &[RawAsk]) -> Vec<Ask> {
        asks.iter()
            .map(|ask| {
                let name = &ask.name;
                if Name::parse(&name.value).ok() != Some(Name::Answer(name.value.clone())) {
                    self.error(
                        &name.referenced,
                        msg!("load-bad-answer-name", name = name.value.as_str()),
                    );
                }
                if !self.answers.insert(name.value.clone()) {
                    self.error(
                        &name.referenced,
                        msg!("load-answer-twice", name = name.value.as_str()),
                    );
                }
                if ask.kind == RawAskKind::Choice && ask.choices.is_empty() {
                    self.error(&name.referenced, msg!("load-choice-needs-choices"));
                }
                let prompt = match ask.prompt.clone() {
                    Some(prompt) => self.text(prompt),
                    None => Text::Plain(name.value.replace('_', " ")),
                };
                Ask {
                    name: name.value.clone(),
                    kind: ask.kind,
                    prompt,
                    choices: ask.choices.clone(),
                    default: ask.default.clone(),
                }
            })
            .collect()
    }

    fn checks(&mut self, checks: &[Spanned<String>]) -> Vec<String> {
        for check in checks {
            if registry::find(&check.value).is_none() {
                let known = registry::names().join(", ");
                let message = match closest(&check.value, registry::names().into_iter()) {
                    Some(near) => msg!(
                        "load-unknown-check-near",
                        check = check.value.as_str(),
                        near = near,
                        known = known
                    ),
                    None => msg!(
                        "load-unknown-check",
                        check = check.value.as_str(),
                        known = known
                    ),
                };
                self.error(&check.referenced, message);
            }
        }
        checks.iter().map(|c| c.value.clone()).collect()
    }

    fn on(&mut self, raw: &RawStep, at: &Location) -> Role {
        match &raw.on {
            None => {
                self.error(
                    at,
                    msg!("load-needs-on", kind = kind_name(raw), roles = Role::NAMES),
                );
                Role::Local
            }
            Some(on) => on.value.parse().unwrap_or_else(|why: Msg| {
                self.error(&on.referenced, why);
                Role::Local
            }),
        }
    }

    /// `on:` of a check step: the one cluster node its checks look at.
    fn cluster_node(&mut self, raw: &RawStep, at: &Location) -> Role {
        let role = self.on(raw, at);
        if !matches!(role, Role::Tvox1 | Role::Tvox2) {
            if let Some(on) = &raw.on {
                self.error(&on.referenced, msg!("load-check-on"));
            }
        }
        role
    }

    fn single_on(&mut self, raw: &RawStep, at: &Location) -> Role {
        let role = self.on(raw, at);
        if !role.is_single() {
            if let Some(on) = &raw.on {
                self.error(&on.referenced, msg!("load-one-host", kind = kind_name(raw)));
            }
        }
        role
    }

    fn command(&mut self, raw: &RawStep, at: &Location) -> Command {
        match (&raw.command, &raw.script) {
            (Some(command), None) => {
                if command.value.is_empty() {
                    self.error(&command.referenced, msg!("load-command-empty"));
                }
                if let Some(at) = super::shell::shell_script_word(&command.value) {
                    if command.value[at].contains("{{") {
                        self.error(&command.referenced, msg!("load-reference-in-sh-c"));
                    }
                }
                let words = command
                    .value
                    .iter()
                    .filter_map(|w| self.template(w, &command.referenced))
                    .collect();
                Command::Argv(words)
            }
            (None, Some(script)) => {
                if let Some(why) = super::shell::misplaced(&script.value) {
                    self.error(
                        &script.referenced,
                        msg!("load-reference-misplaced", why = why),
                    );
                }
                Command::Script(
                    self.template(&script.value, &script.referenced)
                        .unwrap_or_else(|| Template::parse("").expect("empty template")),
                )
            }
            (Some(_), Some(script)) => {
                self.error(&script.referenced, msg!("load-command-and-script"));
                Command::Argv(Vec::new())
            }
            (None, None) => {
                self.error(at, msg!("load-needs-command", kind = kind_name(raw)));
                Command::Argv(Vec::new())
            }
        }
    }

    fn template(&mut self, text: &str, at: &Location) -> Option<Template> {
        match Template::parse(text) {
            Ok(template) => {
                for name in template.names() {
                    self.known(name, at);
                }
                Some(template)
            }
            Err(why) => {
                self.error(at, why);
                None
            }
        }
    }

    fn regex(&mut self, text: &Spanned<String>) -> Option<Regex> {
        match Regex::new(&text.value) {
            Ok(re) => Some(re),
            Err(err) => {
                self.error(
                    &text.referenced,
                    msg!("load-bad-regex", error = err.to_string()),
                );
                None
            }
        }
    }

    fn expect(&mut self, raw: &RawStep) -> Expect {
        let expect = raw.expect.as_ref();
        Expect {
            exit: expect.and_then(|e| e.exit).unwrap_or(0),
            output: expect
                .and_then(|e| e.output.as_ref())
                .and_then(|o| self.regex(o)),
        }
    }

    /// `success:` and `failure:` of a `screen` step, each one regex or a list: every regex
    /// checked where it is written.
    fn rules(&mut self, raw: &RawStep) -> Rules {
        let mut regexes = |field: &Option<Spanned<RawPatterns>>| -> Vec<Regex> {
            let Some(field) = field else {
                return Vec::new();
            };
            let spanned = match &field.value {
                RawPatterns::One(one) => {
                    vec![Spanned::new(one.clone(), field.referenced, field.defined)]
                }
                RawPatterns::Many(many) => {
                    if many.is_empty() {
                        self.error(&field.referenced, msg!("load-empty-regexes"));
                    }
                    many.clone()
                }
            };
            spanned.iter().filter_map(|re| self.regex(re)).collect()
        };
        let success = regexes(&raw.success);
        let failure = regexes(&raw.failure);
        Rules::new(success, failure)
    }

    fn until(&mut self, raw: &RawStep, at: &Location) -> Until {
        let Some(until) = &raw.until else {
            self.error(at, msg!("load-wait-needs-until"));
            return Until::Check(String::new());
        };
        match (&until.check, &until.host) {
            (Some(check), None) => {
                self.checks(std::slice::from_ref(check));
                Until::Check(check.value.clone())
            }
            (None, Some(host)) => {
                let on: Role = host.value.parse().unwrap_or_else(|why: Msg| {
                    self.error(&host.referenced, why);
                    Role::Local
                });
                let up = until.state != Some(crate::runbook::raw::RawHostState::Down);
                Until::Host { on, up }
            }
            _ => {
                self.error(at, msg!("load-until-one"));
                Until::Check(String::new())
            }
        }
    }
}
