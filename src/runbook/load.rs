//! From a runbook file to a [`Runbook`]: parse, then check everything that can be checked
//! without a node — unique ids, fields that fit the kind, hosts, checks, conditions,
//! references to answers — reporting every problem with its `file:line:column`.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use std::time::Duration;

use regex::Regex;
use serde_saphyr::{Location, Spanned};
use sha2::{Digest, Sha256};

use super::condition::Condition;
use super::facts::Name;
use super::model::{
    Ask, CheckOptions, Command, Expect, Kind, Role, Runbook, Source, Stage, Step, Until,
};
use super::raw::{
    RawAsk, RawAskKind, RawDnsExpect, RawKind, RawLevel, RawRunbook, RawStage, RawStep,
};
use super::template::Template;
use crate::checks::registry;
use crate::yaml::YamlError;

/// Every problem found in one runbook file.
#[derive(Debug)]
pub struct Invalid(pub Vec<YamlError>);

impl std::error::Error for Invalid {}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, err) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{err}")?;
        }
        Ok(())
    }
}

/// Parses and validates runbook `text`, read from `name` (a path, or `embedded:…`).
pub fn load(name: &str, text: &str) -> Result<Runbook, Invalid> {
    let path = Path::new(name);
    let raw: RawRunbook = crate::yaml::parse(path, text).map_err(|e| Invalid(vec![e]))?;
    let mut v = Validator {
        path,
        text,
        errors: Vec::new(),
        ids: BTreeSet::new(),
        answers: BTreeSet::new(),
    };
    let runbook = v.runbook(raw, name, text);
    if v.errors.is_empty() {
        Ok(runbook)
    } else {
        // In file order, as an editor would walk them.
        v.errors.sort_by_key(|e| (e.line, e.column));
        Err(Invalid(v.errors))
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

struct Validator<'a> {
    path: &'a Path,
    text: &'a str,
    errors: Vec<YamlError>,
    /// Stage and step ids seen so far.
    ids: BTreeSet<String>,
    /// Answers asked by the steps seen so far (a step may only use earlier answers).
    answers: BTreeSet<String>,
}

impl Validator<'_> {
    fn error(&mut self, at: &Location, message: impl Into<String>) {
        self.errors.push(YamlError::at(
            self.path,
            self.text,
            at.line(),
            at.column(),
            message,
        ));
    }

    fn runbook(&mut self, raw: RawRunbook, name: &str, text: &str) -> Runbook {
        self.id(&raw.id, "runbook");
        if raw.stages.is_empty() {
            self.error(&raw.id.referenced, "a runbook needs at least one stage");
        }
        let stages = raw.stages.into_iter().map(|s| self.stage(s)).collect();
        Runbook {
            id: raw.id.value,
            title: raw.title,
            description: raw.description,
            uat: raw.uat,
            stages,
            source: Source {
                name: name.to_string(),
                text: text.to_string(),
                hash: sha256_hex(text.as_bytes()),
            },
        }
    }

    /// Ids are stable names in journals and on the command line: lowercase, digits, `-`.
    fn id(&mut self, id: &Spanned<String>, what: &str) {
        let valid = !id.value.is_empty()
            && id
                .value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.value.starts_with('-');
        if !valid {
            self.error(
                &id.referenced,
                format!(
                    "`{}` is not a valid {what} id: lowercase letters, digits and `-`",
                    id.value
                ),
            );
        }
    }

    fn unique(&mut self, id: &Spanned<String>, what: &str) {
        self.id(id, what);
        if !self.ids.insert(id.value.clone()) {
            self.error(&id.referenced, format!("duplicate id `{}`", id.value));
        }
    }

    fn stage(&mut self, raw: RawStage) -> Stage {
        self.unique(&raw.id, "stage");
        let when = raw.when.as_ref().and_then(|w| self.condition(w));
        if raw.steps.is_empty() {
            self.error(
                &raw.id.referenced,
                format!("stage `{}` has no steps", raw.id.value),
            );
        }
        let steps = raw.steps.into_iter().map(|s| self.step(s)).collect();
        let rollback = raw.rollback.into_iter().map(|s| self.step(s)).collect();
        Stage {
            id: raw.id.value,
            title: raw.title,
            instructions: raw.instructions,
            when,
            steps,
            rollback,
        }
    }

    fn condition(&mut self, when: &Spanned<String>) -> Option<Condition> {
        match Condition::parse(&when.value) {
            Ok(condition) => {
                for name in condition.names() {
                    self.known(name, &when.referenced);
                }
                if condition.names().is_empty() {
                    self.error(
                        &when.referenced,
                        "this condition names no fact or answer: the step would always or \
                         never run",
                    );
                }
                Some(condition)
            }
            Err(why) => {
                self.error(&when.referenced, format!("bad condition: {why}"));
                None
            }
        }
    }

    /// An answer must be asked by an earlier step.
    fn known(&mut self, name: &Name, at: &Location) {
        if let Name::Answer(answer) = name {
            if !self.answers.contains(answer) {
                let hint = closest(answer, self.answers.iter().map(String::as_str))
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                self.error(
                    at,
                    format!("`{answer}` is not asked by any earlier step (nor a known fact){hint}"),
                );
            }
        }
    }

    fn step(&mut self, raw: RawStep) -> Step {
        self.unique(&raw.id, "step");
        let when = raw.when.as_ref().and_then(|w| self.condition(w));
        let fingerprint = sha256_hex(format!("{raw:?}").as_bytes());
        let kind = self.kind(&raw);
        Step {
            id: raw.id.value,
            title: raw.title,
            instructions: raw.instructions,
            when,
            service: raw.service,
            kind,
            fingerprint,
        }
    }

    fn kind(&mut self, raw: &RawStep) -> Kind {
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
                            format!("unknown evidence `{}`: expected `snapshot`", evidence.value),
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
                    self.error(&at, "a `check` step needs `checks:`");
                }
                Kind::Check {
                    checks: self.checks(&raw.checks),
                    options: check_options(raw),
                }
            }
            RawKind::Run => Kind::Run {
                on: self.on(raw, &at),
                command: self.command(raw, &at),
                expect: self.expect(raw),
                timeout: raw.timeout.map(|t| t.0),
                idempotent: raw.idempotent,
            },
            RawKind::Interactive => Kind::Interactive {
                on: self.single_on(raw, &at),
                command: self.command(raw, &at),
                checks: self.checks(&raw.checks),
                options: check_options(raw),
            },
            RawKind::Screen => Kind::Screen {
                on: self.single_on(raw, &at),
                command: self.command(raw, &at),
                success: self.success(raw, &at),
                timeout: raw.timeout.map_or(Duration::from_secs(2 * 3600), |t| t.0),
            },
            RawKind::Reboot => Kind::Reboot {
                on: self.single_on(raw, &at),
                timeout: raw.timeout.map_or(Duration::from_secs(15 * 60), |t| t.0),
            },
            RawKind::Wait => Kind::Wait {
                until: self.until(raw, &at),
                interval: raw.interval.map_or(Duration::from_secs(15), |t| t.0),
                timeout: raw.timeout.map_or(Duration::from_secs(30 * 60), |t| t.0),
            },
            RawKind::Uat => Kind::Uat {
                phase: match &raw.phase {
                    Some(phase) => phase.value.clone(),
                    None => {
                        self.error(&at, "a `uat` step needs `phase:`");
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
                Some(format!(
                    "`{field}` has no meaning for a `{}` step",
                    format!("{kind:?}").to_lowercase()
                ))
            } else {
                None
            }
        };
        let problems: Vec<String> = [
            refuse(
                raw.on.is_some(),
                "on",
                &[Run, Interactive, Screen, Reboot, Gate],
            ),
            refuse(raw.options.is_some(), "options", &[Check, Interactive]),
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
            refuse(
                raw.timeout.is_some(),
                "timeout",
                &[Run, Screen, Reboot, Wait],
            ),
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
                if Name::parse(&name.value) != Ok(Name::Answer(name.value.clone())) {
                    self.error(
                        &name.referenced,
                        format!(
                            "`{}` is not a usable answer name: letters, digits, `_`",
                            name.value
                        ),
                    );
                }
                if !self.answers.insert(name.value.clone()) {
                    self.error(
                        &name.referenced,
                        format!("`{}` is already asked by an earlier step", name.value),
                    );
                }
                if ask.kind == RawAskKind::Choice && ask.choices.is_empty() {
                    self.error(&name.referenced, "a `choice` question needs `choices:`");
                }
                Ask {
                    name: name.value.clone(),
                    kind: ask.kind,
                    prompt: ask
                        .prompt
                        .clone()
                        .unwrap_or_else(|| name.value.replace('_', " ")),
                    choices: ask.choices.clone(),
                    default: ask.default.clone(),
                }
            })
            .collect()
    }

    fn checks(&mut self, checks: &[Spanned<String>]) -> Vec<String> {
        for check in checks {
            if registry::find(&check.value).is_none() {
                let hint = closest(&check.value, registry::names().into_iter())
                    .map(|near| format!("did you mean `{near}`? "))
                    .unwrap_or_default();
                self.error(
                    &check.referenced,
                    format!(
                        "unknown check `{}`: {hint}known checks: {}",
                        check.value,
                        registry::names().join(", ")
                    ),
                );
            }
        }
        checks.iter().map(|c| c.value.clone()).collect()
    }

    fn on(&mut self, raw: &RawStep, at: &Location) -> Role {
        match &raw.on {
            None => {
                self.error(
                    at,
                    format!("a `{}` step needs `on:` ({})", kind_name(raw), Role::NAMES),
                );
                Role::Local
            }
            Some(on) => on.value.parse().unwrap_or_else(|why: String| {
                self.error(&on.referenced, why);
                Role::Local
            }),
        }
    }

    fn single_on(&mut self, raw: &RawStep, at: &Location) -> Role {
        let role = self.on(raw, at);
        if !role.is_single() {
            if let Some(on) = &raw.on {
                self.error(
                    &on.referenced,
                    format!("a `{}` step runs on one host, not `both`", kind_name(raw)),
                );
            }
        }
        role
    }

    fn command(&mut self, raw: &RawStep, at: &Location) -> Command {
        match (&raw.command, &raw.script) {
            (Some(command), None) => {
                if command.value.is_empty() {
                    self.error(&command.referenced, "`command` is empty");
                }
                let words = command
                    .value
                    .iter()
                    .filter_map(|w| self.template(w, &command.referenced))
                    .collect();
                Command::Argv(words)
            }
            (None, Some(script)) => Command::Script(
                self.template(&script.value, &script.referenced)
                    .unwrap_or_else(|| Template::parse("").expect("empty template")),
            ),
            (Some(_), Some(script)) => {
                self.error(
                    &script.referenced,
                    "give either `command` or `script`, not both",
                );
                Command::Argv(Vec::new())
            }
            (None, None) => {
                self.error(
                    at,
                    format!("a `{}` step needs `command:` or `script:`", kind_name(raw)),
                );
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
                self.error(&text.referenced, format!("bad regex: {err}"));
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

    fn success(&mut self, raw: &RawStep, at: &Location) -> Regex {
        let fallback = || Regex::new("$^").expect("constant regex");
        match &raw.success {
            Some(success) => self.regex(success).unwrap_or_else(fallback),
            None => {
                self.error(
                    at,
                    "a `screen` step needs `success:`, the regex that proves the command worked",
                );
                fallback()
            }
        }
    }

    fn until(&mut self, raw: &RawStep, at: &Location) -> Until {
        let Some(until) = &raw.until else {
            self.error(
                at,
                "a `wait` step needs `until:` (`check:` or `host:` with `state:`)",
            );
            return Until::Check(String::new());
        };
        match (&until.check, &until.host) {
            (Some(check), None) => {
                self.checks(std::slice::from_ref(check));
                Until::Check(check.value.clone())
            }
            (None, Some(host)) => {
                let on: Role = host.value.parse().unwrap_or_else(|why: String| {
                    self.error(&host.referenced, why);
                    Role::Local
                });
                let up = until.state != Some(super::raw::RawHostState::Down);
                Until::Host { on, up }
            }
            _ => {
                self.error(at, "`until:` needs exactly one of `check:` or `host:`");
                Until::Check(String::new())
            }
        }
    }
}

fn check_options(raw: &RawStep) -> CheckOptions {
    let options = raw.options.unwrap_or_default();
    CheckOptions {
        expect_dr: options.expect == Some(RawDnsExpect::Dr),
        exact: options.exact,
    }
}

/// The candidate closest to `given`, when one is close enough to be a typo of it.
fn closest<'a>(given: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn kind_name(raw: &RawStep) -> String {
    format!("{:?}", raw.kind.value).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id: t\ntitle: T\nstages:\n  - id: s\n    title: S\n    steps:\n";

    /// Each invalid runbook gives one error at `line:column` saying `message`.
    fn assert_invalid(steps: &str, line: u64, column: u64, message: &str) {
        let text = format!("{HEAD}{steps}");
        let errors = load("t.yaml", &text).expect_err("should be invalid").0;
        assert!(
            errors
                .iter()
                .any(|e| e.line == line && e.column == column && e.message.contains(message)),
            "want {line}:{column} `{message}` in:\n{}",
            Invalid(errors)
        );
    }

    #[test]
    fn a_valid_runbook_loads() {
        let text = format!(
            "{HEAD}      - {{ id: a, kind: manual, title: A, ask: [{{ name: ip1, type: ip }}] }}\n      - {{ id: b, kind: run, title: B, on: master, command: [echo, '{{{{ ip1 }}}}'] }}\n"
        );
        let rb = load("t.yaml", &text).unwrap();
        assert_eq!(rb.stages[0].steps.len(), 2);
        assert_eq!(rb.source.hash.len(), 64);
    }

    #[test]
    fn unknown_kind() {
        assert_invalid(
            "      - { id: a, kind: reboto, title: A }\n",
            7,
            24,
            "unknown variant `reboto`",
        );
    }

    #[test]
    fn duplicate_id() {
        assert_invalid(
            "      - { id: a, kind: note, title: A }\n      - { id: a, kind: note, title: B }\n",
            8,
            15,
            "duplicate id `a`",
        );
    }

    #[test]
    fn unknown_check_with_suggestion() {
        assert_invalid(
            "      - { id: a, kind: check, title: A, checks: [calendar] }\n",
            7,
            50,
            "did you mean `calendars`?",
        );
    }

    #[test]
    fn unknown_host_role() {
        assert_invalid(
            "      - { id: a, kind: run, title: A, on: slav, command: [x] }\n",
            7,
            43,
            "unknown host `slav`",
        );
    }

    #[test]
    fn bad_condition() {
        assert_invalid(
            "      - { id: a, kind: note, title: A, when: 'tvox.version >=' }\n",
            7,
            46,
            "bad condition",
        );
    }

    #[test]
    fn reference_to_an_answer_never_asked() {
        assert_invalid(
            "      - { id: a, kind: run, title: A, on: tvox1, command: [echo, '{{ later }}'] }\n      - { id: b, kind: manual, title: B, ask: [{ name: later }] }\n",
            7,
            59,
            "`later` is not asked by any earlier step",
        );
    }

    #[test]
    fn field_that_does_not_fit_the_kind() {
        assert_invalid(
            "      - { id: a, kind: note, title: A, command: [x] }\n",
            7,
            15,
            "`command` has no meaning for a `note` step",
        );
    }

    #[test]
    fn missing_required_fields() {
        assert_invalid(
            "      - { id: a, kind: run, title: A, command: [x] }\n",
            7,
            24,
            "needs `on:`",
        );
        assert_invalid(
            "      - { id: a, kind: screen, title: A, on: tvox1, command: [x] }\n",
            7,
            24,
            "needs `success:`",
        );
        assert_invalid(
            "      - { id: a, kind: uat, title: A }\n",
            7,
            24,
            "needs `phase:`",
        );
        assert_invalid(
            "      - { id: a, kind: wait, title: A }\n",
            7,
            24,
            "needs `until:`",
        );
    }

    #[test]
    fn a_condition_that_names_nothing_is_unreachable_or_pointless() {
        assert_invalid(
            "      - { id: a, kind: note, title: A, when: 'false' }\n",
            7,
            46,
            "names no fact or answer",
        );
    }

    #[test]
    fn bad_ids_and_empty_stages() {
        assert_invalid(
            "      - { id: Bad_Id, kind: note, title: A }\n",
            7,
            15,
            "not a valid step id",
        );
        let errors = load(
            "t.yaml",
            "id: t\ntitle: T\nstages:\n  - { id: s, title: S, steps: [] }\n",
        )
        .unwrap_err()
        .0;
        assert!(errors[0].message.contains("has no steps"));
    }

    #[test]
    fn every_shipped_runbook_is_valid() {
        for (name, text) in super::super::library::EMBEDDED {
            if let Err(errors) = load(name, text) {
                panic!("{name}:\n{errors}");
            }
        }
    }
}
