//! From a runbook file to a [`Runbook`]: parse, then check everything that can be checked
//! without a node — unique ids, fields that fit the kind, hosts, checks, conditions,
//! references to answers — reporting every problem with its `file:line:column`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde_saphyr::{Location, Spanned};
use sha2::{Digest, Sha256};

use super::condition::Condition;
use super::facts::Name;
use super::model::{CheckOptions, Runbook, Source, Stage, Step};
use super::raw::{RawDnsExpect, RawRunbook, RawStage, RawStep};
use super::text::Text;
use crate::i18n::Msg;
use crate::msg;
use crate::yaml::YamlError;
use master::Seen;

mod fields;
pub mod fingerprint;
mod master;
mod service;
mod shell;

/// Every problem found in one runbook file.
#[derive(Debug)]
pub struct Invalid(pub Vec<YamlError>);

impl std::error::Error for Invalid {}

/// English, one error after the other; a person reads [`Invalid::shown`].
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

impl Invalid {
    /// Every error in the language chosen at start.
    pub fn shown(&self) -> String {
        let shown: Vec<String> = self.0.iter().map(YamlError::shown).collect();
        shown.join("\n")
    }
}

/// Parses and validates runbook `text`, read from `name` (a path, or `embedded:…`). A text
/// may be in one language: it is shown as it is.
pub fn load(name: &str, text: &str) -> Result<Runbook, Invalid> {
    load_checked(name, text, false)
}

/// [`load`], saying whether every text must be in both languages: `tvdr lint` holds the
/// shipped runbooks to it (and files with `--bilingual`); a site's own runbook may be in
/// one.
pub fn load_checked(name: &str, text: &str, bilingual: bool) -> Result<Runbook, Invalid> {
    let path = Path::new(name);
    let raw: RawRunbook = crate::yaml::parse(path, text).map_err(|e| Invalid(vec![e]))?;
    let mut v = Validator {
        path,
        text,
        errors: Vec::new(),
        ids: BTreeSet::new(),
        answers: BTreeSet::new(),
        seen: BTreeMap::new(),
        rollback_of: None,
        later: BTreeSet::new(),
        open_outage: None,
        bilingual,
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
    /// The steps seen so far: where each runs, for `master: { node_of: STEP }`.
    seen: BTreeMap<String, Seen>,
    /// While validating a stage's `rollback:` steps, that stage's id.
    rollback_of: Option<String>,
    /// Every step id of the file, to tell "comes later" from "does not exist".
    later: BTreeSet<String>,
    /// The `service: down` step whose outage is still open at this point of the forward
    /// steps (see `service.rs`).
    open_outage: Option<String>,
    /// Every text must be in both languages (the shipped runbooks).
    bilingual: bool,
}

impl Validator<'_> {
    fn error(&mut self, at: &Location, message: impl Into<Msg>) {
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
            self.error(&raw.id.referenced, msg!("load-no-stage"));
        }
        self.later = raw
            .stages
            .iter()
            .flat_map(|s| s.steps.iter().chain(&s.rollback))
            .map(|s| s.id.value.clone())
            .collect();
        let stages = raw.stages.into_iter().map(|s| self.stage(s)).collect();
        Runbook {
            id: raw.id.value,
            title: self.text(raw.title),
            description: raw.description.map(|d| self.text(d)),
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
                msg!("load-bad-id", id = id.value.as_str(), what = what),
            );
        }
    }

    fn unique(&mut self, id: &Spanned<String>, what: &str) {
        self.id(id, what);
        if !self.ids.insert(id.value.clone()) {
            self.error(
                &id.referenced,
                msg!("load-duplicate-id", id = id.value.as_str()),
            );
        }
    }

    fn stage(&mut self, raw: RawStage) -> Stage {
        self.unique(&raw.id, "stage");
        let when = raw.when.as_ref().and_then(|w| self.condition(w));
        if raw.steps.is_empty() {
            self.error(
                &raw.id.referenced,
                msg!("load-empty-stage", stage = raw.id.value.as_str()),
            );
        }
        let mut open = self.open_outage.take();
        self.outages(&raw.steps, &mut open);
        self.open_outage = open;
        // A stage's rollback steps run on their own, stages in reverse: a window is judged
        // within one list.
        self.outages(&raw.rollback, &mut None);
        let steps = raw.steps.into_iter().map(|s| self.step(s)).collect();
        self.rollback_of = Some(raw.id.value.clone());
        let rollback = raw.rollback.into_iter().map(|s| self.step(s)).collect();
        self.rollback_of = None;
        Stage {
            id: raw.id.value,
            title: self.text(raw.title),
            instructions: raw.instructions.map(|i| self.text(i)),
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
                    self.error(&when.referenced, msg!("load-condition-constant"));
                }
                Some(condition)
            }
            Err(why) => {
                self.error(&when.referenced, msg!("load-bad-condition", why = why));
                None
            }
        }
    }

    /// A text, which must be in both languages in a shipped runbook.
    fn text(&mut self, text: Spanned<Text>) -> Text {
        if self.bilingual {
            let missing: Vec<&str> = text.value.missing().iter().map(|l| l.code()).collect();
            if !missing.is_empty() {
                self.error(
                    &text.referenced,
                    msg!(
                        "load-lacks-language",
                        missing = Msg::and_list(
                            &missing
                                .iter()
                                .map(|l| format!("`{l}:`"))
                                .collect::<Vec<_>>()
                        )
                    ),
                );
            }
        }
        text.value
    }

    /// An answer must be asked by an earlier step.
    fn known(&mut self, name: &Name, at: &Location) {
        if let Name::Answer(answer) = name {
            if !self.answers.contains(answer) {
                let message = match closest(answer, self.answers.iter().map(String::as_str)) {
                    Some(near) => msg!("load-unknown-answer-near", answer = answer, near = near),
                    None => msg!("load-unknown-answer", answer = answer),
                };
                self.error(at, message);
            }
        }
    }

    fn step(&mut self, raw: RawStep) -> Step {
        self.unique(&raw.id, "step");
        let when = raw.when.as_ref().and_then(|w| self.condition(w));
        let kind = self.kind(&raw);
        self.saw(&raw.id.value, &kind);
        let mut step = Step {
            id: raw.id.value,
            title: self.text(raw.title),
            instructions: raw.instructions.map(|i| self.text(i)),
            when,
            service: raw.service.as_ref().map(|s| s.value),
            kind,
            fingerprint: String::new(),
        };
        step.fingerprint = fingerprint::of(&step);
        step
    }
}

impl Validator<'_> {
    /// The options of a step's checks (`checks`: the checks they are for).
    fn check_options(&mut self, raw: &RawStep, checks: &[String]) -> CheckOptions {
        let options = raw.options.clone().unwrap_or_default();
        let master = options.master.as_ref().and_then(|m| self.master(m, checks));
        CheckOptions {
            expect_dr: options.expect == Some(RawDnsExpect::Dr),
            exact: options.exact,
            master,
            hosts_form: options.form,
            on: None,
        }
    }
}

/// The candidate closest to `given`, when one is close enough to be a typo of it.
pub(crate) fn closest<'a>(
    given: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
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
mod tests;
