//! The traceability tables of `runbooks/README.md` read as claims about the shipped
//! runbooks, so a test can hold the README to the truth (test-only).
//!
//! The third column ("runbook → step / check") is prose with references in it. It is read
//! token by token (code spans, words, `(`, `)`, `;`, `,`); whatever the grammar does not
//! name is prose and ignored:
//!
//! - **runbook word**: `s2f`, `upg`, `drs`, `dra`, `drr` as a bare word. The step ids after
//!   it belong to that runbook until the next runbook word of the cell (parentheses and `;`
//!   do not reset it). `runbook dra` names a whole runbook.
//! - **step id**: a code span holding a bare id (lowercase letters and digits in words
//!   joined by single hyphens: `vip-on-tvox2`). It must be a step, a rollback step or a
//!   stage of the runbook in force; an id before any runbook word is an error.
//! - **check list**: `check` or `checks` followed by code spans joined by `,` or `and`:
//!   checks tvdr must have. When `at` follows (after at most one parenthesis), each step id
//!   of the list after `at` must run every one of those checks; runbook words, `,` and `and`
//!   may sit between its ids, anything else ends the list.
//! - **a parenthesis right after a step id** makes claims about that step: `check(s) `X``
//!   (without `at`): it runs X; `phase `P``: it is a `uat` step of phase P;
//!   `` `service: S` ``: its outage marker is S.
//! - **skipped**: code spans that are not bare ids (fields, conditions, commands, files),
//!   the code span after `phase` (outside such a parenthesis), after `inventory` (a
//!   field) and after `when` (a condition, even a bare one), and every other word or sign. `case(s) `C`, …` names cases of
//!   `uat-standard.yaml`.
//!
//! A step runs check X when it is a `check` step listing X, a `wait` step
//! `until: { check: X }`, or an `interactive` step with `checks: [X]`.

mod readme;
mod tests;
mod token;
mod verify;

use token::{tokens, Token};

/// The runbook words and the runbooks they name.
pub const RUNBOOKS: &[(&str, &str)] = &[
    ("s2f", "standalone-to-ft"),
    ("upg", "upgrade"),
    ("drs", "dr-setup"),
    ("dra", "dr-activate"),
    ("drr", "dr-rollback"),
];

/// A step id as written: the runbook word in force (if any) and the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRef {
    pub runbook: Option<&'static str>,
    pub id: String,
}

/// What a cell says that can be verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The runbook has a step, rollback step or stage with this id.
    Exists(StepRef),
    /// tvdr has a check of this name.
    Check(String),
    /// The step runs this check.
    Runs(StepRef, String),
    /// The step is a `uat` step of this phase.
    Phase(StepRef, String),
    /// The step carries `service: S`.
    Service(StepRef, String),
    /// `uat-standard.yaml` has a case with this id.
    Case(String),
}

/// A bare id: `vip-on-tvox2`, `db`.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn id_span(token: Token<'_>) -> bool {
    matches!(token, Token::Code(code) if is_id(code))
}

fn runbook_word(word: &str) -> Option<&'static str> {
    RUNBOOKS.iter().find(|(w, _)| *w == word).map(|(w, _)| *w)
}

/// The claims of one cell of the third column.
pub fn parse(cell: &str) -> Vec<Claim> {
    let mut parser = Parser {
        tokens: tokens(cell),
        pos: 0,
        runbook: None,
        claims: Vec::new(),
    };
    parser.items(None, false);
    parser.claims
}

struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    pos: usize,
    runbook: Option<&'static str>,
    claims: Vec<Claim>,
}

impl<'a> Parser<'a> {
    fn peek(&self, ahead: usize) -> Option<Token<'a>> {
        self.tokens.get(self.pos + ahead).copied()
    }

    fn step(&mut self, id: &str) -> StepRef {
        let at = StepRef {
            runbook: self.runbook,
            id: id.to_string(),
        };
        self.claims.push(Claim::Exists(at.clone()));
        at
    }

    /// Items up to the end of the cell, or of the parenthesis when `nested`; `subject` is
    /// the step the parenthesis follows.
    fn items(&mut self, subject: Option<&StepRef>, nested: bool) {
        let mut last_step = None;
        while let Some(token) = self.peek(0) {
            let next = self.peek(1);
            let mut step = None;
            match (token, next) {
                (Token::Close, _) if nested => {
                    self.pos += 1;
                    return;
                }
                (Token::Open, _) => {
                    self.pos += 1;
                    let follows: Option<StepRef> = last_step.take();
                    self.items(follows.as_ref(), true);
                    continue;
                }
                (Token::Word("check" | "checks"), Some(next)) if id_span(next) => {
                    self.pos += 1;
                    self.checks(subject);
                    continue;
                }
                (Token::Word("phase"), Some(Token::Code(phase))) => {
                    if let Some(at) = subject {
                        self.claims
                            .push(Claim::Phase(at.clone(), phase.to_string()));
                    }
                    self.pos += 1;
                }
                (Token::Word("case" | "cases"), Some(next)) if id_span(next) => {
                    self.pos += 1;
                    let cases = self.list();
                    self.claims.extend(cases.into_iter().map(Claim::Case));
                    continue;
                }
                (Token::Word("inventory" | "when"), Some(Token::Code(_))) => self.pos += 1,
                (Token::Word(word), _) if runbook_word(word).is_some() => {
                    self.runbook = runbook_word(word);
                }
                (Token::Code(id), _) if is_id(id) => step = Some(self.step(id)),
                (Token::Code(code), _) => {
                    if let (Some(at), Some(service)) = (subject, code.strip_prefix("service:")) {
                        let service = service.trim().to_string();
                        self.claims.push(Claim::Service(at.clone(), service));
                    }
                }
                _ => {}
            }
            self.pos += 1;
            last_step = step;
        }
    }

    /// Bare ids in code spans joined by `,` or `and`: `vip`, `db` and `chat`.
    fn list(&mut self) -> Vec<String> {
        let mut names = Vec::new();
        while let Some(Token::Code(name)) = self.peek(0).filter(|t| id_span(*t)) {
            names.push(name.to_string());
            self.pos += 1;
            match (self.peek(0), self.peek(1)) {
                (Some(Token::Comma | Token::Word("and")), Some(next)) if id_span(next) => {
                    self.pos += 1
                }
                _ => break,
            }
        }
        names
    }

    /// After `check`/`checks`: the names, then an optional parenthesis and `at` list.
    fn checks(&mut self, subject: Option<&StepRef>) {
        let names = self.list();
        self.claims.extend(names.iter().cloned().map(Claim::Check));
        if self.peek(0) == Some(Token::Open) {
            self.pos += 1;
            self.items(None, true);
        }
        if self.peek(0) != Some(Token::Word("at")) {
            if let Some(at) = subject {
                for name in &names {
                    self.claims.push(Claim::Runs(at.clone(), name.clone()));
                }
            }
            return;
        }
        self.pos += 1;
        while let Some(token) = self.peek(0) {
            match token {
                Token::Word(word) if runbook_word(word).is_some() => {
                    self.runbook = runbook_word(word)
                }
                Token::Code(id) if is_id(id) => {
                    let at = self.step(id);
                    for name in &names {
                        self.claims.push(Claim::Runs(at.clone(), name.clone()));
                    }
                    if !matches!(self.peek(1), Some(Token::Comma | Token::Word("and"))) {
                        self.pos += 1;
                        return;
                    }
                    self.pos += 1;
                }
                _ => return,
            }
            self.pos += 1;
        }
    }
}
