//! What the picture shows, row by row: each step once, in the order it first ran, under a
//! heading wherever the stage changes; each attempt at it a bar (finished, skipped, or
//! interrupted — a killed step is taken to have run until the next session); and the
//! moments of the run as a whole (started, resumed, taken over, abandoned, finished).

use std::fmt::Write;

use super::super::downtime;
use super::super::text as t;
use super::super::view::{find, Event, Finish, View};
use super::super::{outcome_label, outcome_word};
use crate::runbook::journal::Outcome;
use crate::t;
use crate::time::Timestamp;

pub struct Bar {
    pub from: Timestamp,
    pub to: Timestamp,
    pub class: &'static str,
    pub title: String,
}

pub enum Row<'v> {
    Stage(String),
    Step { id: &'v str, bars: Vec<Bar> },
}

/// A moment of the run as a whole: started, resumed, taken over, abandoned, finished.
pub struct Mark {
    pub at: Timestamp,
    pub title: String,
}

/// Rows in the order steps first appear, a stage heading wherever the stage changes, and
/// the run's own moments.
pub fn rows<'v>(view: &'v View) -> (Vec<Row<'v>>, Vec<Mark>) {
    let l = view.lang;
    let mut rows: Vec<Row> = Vec::new();
    let mut marks = Vec::new();
    let mut stage: Option<&str> = None;
    let mut add = |rows: &mut Vec<Row<'v>>, id: &'v str, bar: Bar| {
        let found = rows
            .iter_mut()
            .find_map(|r| matches!(r, Row::Step { id: i, .. } if *i == id).then_some(r));
        if let Some(Row::Step { bars, .. }) = found {
            bars.push(bar);
            return;
        }
        let info = find(view.runbook, id);
        let this = info.map_or("?", |i| i.stage.id.as_str());
        if stage != Some(this) {
            stage = Some(this);
            rows.push(Row::Stage(info.map_or_else(
                || t!(in l, "report-html-steps-gone"),
                |i| view.text(&i.stage.title).to_string(),
            )));
        }
        rows.push(Row::Step {
            id,
            bars: vec![bar],
        });
    };
    for (i, e) in view.events.iter().enumerate() {
        let next = view.events.get(i + 1).map(Event::at);
        match e {
            Event::Step(f) => add(&mut rows, f.id, finished(view, f)),
            Event::Interrupted {
                at,
                step: Some(id),
                killed,
                ..
            } => {
                // A killed step ran, as far as anyone knows, until the next session.
                let to = if *killed { next.unwrap_or(*at) } else { *at };
                let title = t!(
                    in l,
                    "report-html-interrupted-at",
                    step = view.title(id),
                    at = t::time(*at)
                );
                add(
                    &mut rows,
                    id,
                    Bar {
                        from: *at,
                        to,
                        class: "interrupted",
                        title,
                    },
                );
            }
            Event::Started { at, operator, host } => marks.push(Mark {
                at: *at,
                title: t!(in l, "report-html-run-started", operator = *operator, host = *host),
            }),
            Event::Resumed {
                at, operator, host, ..
            } => marks.push(Mark {
                at: *at,
                title: t!(in l, "report-html-run-resumed", operator = *operator, host = *host),
            }),
            Event::TakenOver {
                at, operator, host, ..
            } => marks.push(Mark {
                at: *at,
                title: t!(in l, "report-html-run-taken-over", operator = *operator, host = *host),
            }),
            Event::Abandoned { at, reason, .. } => marks.push(Mark {
                at: *at,
                title: t!(in l, "report-html-run-abandoned", reason = *reason),
            }),
            Event::Finished { at } => marks.push(Mark {
                at: *at,
                title: t!(in l, "report-run-finished"),
            }),
            _ => {}
        }
    }
    (rows, marks)
}

fn finished(view: &View, f: &Finish) -> Bar {
    let from = if f.outcome == Outcome::Skipped {
        f.at
    } else {
        downtime::outage_start(f)
    };
    let l = view.lang;
    let mut title = t!(
        in l,
        "report-html-bar",
        step = view.title(f.id),
        outcome = outcome_word(f.outcome, l),
        at = t::time(f.at)
    );
    if f.outcome != Outcome::Skipped {
        title.push_str(&t!(in l, "report-html-after", took = t::seconds(f.seconds)));
    }
    if let Some(reason) = f.reason {
        let _ = write!(title, ": {reason}");
    }
    Bar {
        from,
        to: f.at,
        class: outcome_label(f.outcome),
        title,
    }
}
