//! The journal read for a report: records in order, each step joined with what the
//! runbook says about it, each event with the operator of its session, and steps that
//! started but never finished made visible (a kill leaves no record of its own).

use crate::i18n::Lang;
use crate::runbook::text::Text;
use serde_json::Value;

use super::text::{is_secret_name, Redactor};
use crate::runbook::decided::Decided;
use crate::runbook::journal::{Outcome, Record};
use crate::runbook::model::{Runbook, Stage, Step};
use crate::time::Timestamp;

/// A reason tvdr recorded, in the report's language where the journal has it.
fn in_lang<'a>(lang: Lang, en: &'a Option<String>, it: &'a Option<String>) -> Option<&'a str> {
    match (lang, it) {
        (Lang::It, Some(it)) => Some(it),
        _ => en.as_deref(),
    }
}

/// What the runbook says about a step; `None` when the step is no longer in the runbook.
#[derive(Clone, Copy)]
pub struct StepInfo<'a> {
    pub stage: &'a Stage,
    pub step: &'a Step,
}

pub struct Finish<'a> {
    pub id: &'a str,
    pub info: Option<StepInfo<'a>>,
    pub outcome: Outcome,
    pub reason: Option<&'a str>,
    pub evidence: &'a Value,
    /// When it started, if it did (a skipped step never starts).
    pub started: Option<Timestamp>,
    pub at: Timestamp,
    pub seconds: f64,
    /// Who ran the session the step finished in.
    pub operator: &'a str,
}

pub enum Event<'a> {
    Started {
        at: Timestamp,
        operator: &'a str,
        host: &'a str,
    },
    Resumed {
        at: Timestamp,
        operator: &'a str,
        host: &'a str,
        hash: &'a str,
    },
    /// Another technician took the open run over from the journal on the cluster.
    TakenOver {
        at: Timestamp,
        operator: &'a str,
        host: &'a str,
        from_operator: &'a str,
        from_host: &'a str,
        node: &'a str,
    },
    Step(Finish<'a>),
    /// `killed`: no record says so; the step started and the next thing is a resume or
    /// the end of the journal.
    Interrupted {
        at: Timestamp,
        step: Option<&'a str>,
        killed: bool,
        /// Why, when the journal says (a person was needed, a condition undecided).
        reason: Option<&'a str>,
    },
    /// A decision about the whole run (resume a changed runbook, `--from`).
    Decided {
        at: Timestamp,
        decided: &'a Decided,
    },
    Abandoned {
        at: Timestamp,
        reason: &'a str,
        operator: &'a str,
        host: &'a str,
    },
    LockBroken {
        at: Timestamp,
        reason: &'a str,
        holder: &'a str,
        operator: &'a str,
    },
    Finished {
        at: Timestamp,
    },
}

impl Event<'_> {
    pub fn at(&self) -> Timestamp {
        match self {
            Event::Started { at, .. }
            | Event::Resumed { at, .. }
            | Event::TakenOver { at, .. }
            | Event::Interrupted { at, .. }
            | Event::LockBroken { at, .. }
            | Event::Decided { at, .. }
            | Event::Abandoned { at, .. }
            | Event::Finished { at } => *at,
            Event::Step(f) => f.started.unwrap_or(f.at),
        }
    }
}

/// What the run's first record says about it.
pub struct Start<'a> {
    pub run_id: &'a str,
    pub site: &'a str,
    pub source: &'a str,
    pub hash: &'a str,
    pub tvdr_version: &'a str,
    pub inventory: &'a str,
    pub inventory_hash: &'a str,
    pub rollback: bool,
}

pub struct View<'a> {
    pub runbook: &'a Runbook,
    /// The language the report is written in.
    pub lang: Lang,
    pub start: Option<Start<'a>>,
    pub events: Vec<Event<'a>>,
    pub redactor: Redactor,
    /// Names of the answers masked, in order of first appearance.
    pub masked: Vec<String>,
}

impl<'a> View<'a> {
    pub fn new(records: &'a [Record], runbook: &'a Runbook, lang: Lang) -> View<'a> {
        let mut view = View {
            runbook,
            lang,
            start: None,
            events: Vec::new(),
            redactor: Redactor::default(),
            masked: Vec::new(),
        };
        let mut operator = "";
        let mut open: Option<(&'a str, Timestamp)> = None;
        for record in records {
            match record {
                Record::RunStarted {
                    run_id,
                    runbook_source,
                    runbook_hash,
                    tvdr_version,
                    inventory,
                    inventory_hash,
                    site,
                    operator: op,
                    host,
                    rollback,
                    at,
                    ..
                } => {
                    view.start = Some(Start {
                        run_id,
                        site,
                        source: runbook_source,
                        hash: runbook_hash,
                        tvdr_version,
                        inventory,
                        inventory_hash,
                        rollback: *rollback,
                    });
                    operator = op;
                    view.events.push(Event::Started {
                        at: *at,
                        operator: op,
                        host,
                    });
                }
                Record::Resumed {
                    operator: op,
                    host,
                    runbook_hash,
                    at,
                } => {
                    view.killed(&mut open);
                    operator = op;
                    view.events.push(Event::Resumed {
                        at: *at,
                        operator: op,
                        host,
                        hash: runbook_hash,
                    });
                }
                Record::StepStarted { step, at } => {
                    view.killed(&mut open);
                    open = Some((step, *at));
                }
                Record::StepFinished {
                    step,
                    outcome,
                    reason,
                    reason_it,
                    evidence,
                    at,
                    seconds,
                } => {
                    let started = open.filter(|(id, _)| id == step).map(|(_, at)| at);
                    if started.is_some() {
                        open = None;
                    }
                    view.learn_secrets(evidence);
                    view.events.push(Event::Step(Finish {
                        id: step,
                        info: find(runbook, step),
                        outcome: *outcome,
                        reason: in_lang(lang, reason, reason_it),
                        evidence,
                        started,
                        at: *at,
                        seconds: *seconds,
                        operator,
                    }));
                }
                Record::Interrupted {
                    step,
                    reason,
                    reason_it,
                    at,
                } => {
                    open = None;
                    view.events.push(Event::Interrupted {
                        at: *at,
                        step: step.as_deref(),
                        killed: false,
                        reason: in_lang(lang, reason, reason_it),
                    });
                }
                Record::Decided { decided, at } => {
                    view.events.push(Event::Decided { at: *at, decided });
                }
                Record::Abandoned {
                    reason,
                    operator: op,
                    host,
                    at,
                } => {
                    view.killed(&mut open);
                    view.events.push(Event::Abandoned {
                        at: *at,
                        reason,
                        operator: op,
                        host,
                    });
                }
                Record::LockBroken { reason, holder, at } => {
                    view.events.push(Event::LockBroken {
                        at: *at,
                        reason,
                        holder,
                        operator,
                    });
                }
                Record::TakenOver {
                    operator: op,
                    host,
                    from_operator,
                    from_host,
                    node,
                    at,
                    ..
                } => {
                    view.killed(&mut open);
                    operator = op;
                    view.events.push(Event::TakenOver {
                        at: *at,
                        operator: op,
                        host,
                        from_operator,
                        from_host,
                        node,
                    });
                }
                Record::RunFinished { at } => view.events.push(Event::Finished { at: *at }),
            }
        }
        view.killed(&mut open);
        view
    }

    /// A step that started and has no end when the next session begins (or the journal
    /// ends): tvdr was killed inside it, or it is still running.
    fn killed(&mut self, open: &mut Option<(&'a str, Timestamp)>) {
        if let Some((step, at)) = open.take() {
            self.events.push(Event::Interrupted {
                at,
                step: Some(step),
                killed: true,
                reason: None,
            });
        }
    }

    fn learn_secrets(&mut self, evidence: &Value) {
        let Some(answers) = evidence.get("answers").and_then(Value::as_object) else {
            return;
        };
        for (name, value) in answers {
            if is_secret_name(name) {
                if let Some(value) = value.as_str() {
                    self.redactor.add(value);
                }
                if !self.masked.contains(name) {
                    self.masked.push(name.clone());
                }
            }
        }
    }

    pub fn steps(&self) -> impl Iterator<Item = &Finish<'a>> {
        self.events.iter().filter_map(|e| match e {
            Event::Step(f) => Some(f),
            _ => None,
        })
    }

    /// A step's title from the runbook, else its id.
    pub fn title(&self, id: &str) -> String {
        find(self.runbook, id).map_or_else(|| id.to_string(), |i| self.text(&i.step.title).into())
    }

    /// A runbook text in the report's language.
    pub fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }
}

/// Finds a step among the stages' steps and rollback steps.
pub fn find<'a>(runbook: &'a Runbook, id: &str) -> Option<StepInfo<'a>> {
    runbook.stages.iter().find_map(|stage| {
        stage
            .steps
            .iter()
            .chain(&stage.rollback)
            .find(|s| s.id == id)
            .map(|step| StepInfo { stage, step })
    })
}
