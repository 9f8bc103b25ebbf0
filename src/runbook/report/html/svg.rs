//! The run drawn as an inline SVG: one row per step under its stage, each attempt a bar
//! on a UTC time axis coloured by its outcome, the outage windows shaded across every
//! row, sessions (start, resume, take-over) marked on the axis, and for a DR activation
//! the RTO objective as a line the recovery must beat. Plain SVG and CSS: it needs no
//! script to show and prints as it looks.

use std::fmt::Write;

use super::super::downtime::{self, Window};
use super::super::text::{self as t, shorten};
use super::super::view::{Event, Finish, View};
use super::super::{outcome_label, Site};
use super::axis::Axis;
use super::escape::esc;
use crate::runbook::journal::Outcome;
use crate::runbook::time::Timestamp;

const WIDTH: f64 = 1000.0;
/// Where the bars start: the step titles are to the left.
const BARS_LEFT: f64 = 340.0;
const BARS_RIGHT: f64 = 985.0;
const ROW: f64 = 18.0;
/// Room above the rows for the outage and RTO labels.
const TOP: f64 = 30.0;
/// Room below the rows for the tick labels.
const BOTTOM: f64 = 28.0;
/// Longest step title drawn; the whole one is in the bar's tooltip and in the tables.
const LABEL_CHARS: usize = 52;
/// A bar is at least this wide, so a step of a second still shows.
const MIN_BAR: f64 = 3.0;

struct Bar {
    from: Timestamp,
    to: Timestamp,
    class: &'static str,
    title: String,
}

enum Row<'v> {
    Stage(String),
    Step { id: &'v str, bars: Vec<Bar> },
}

/// A moment of the run as a whole: started, resumed, taken over, abandoned, finished.
struct Mark {
    at: Timestamp,
    title: String,
}

pub fn timeline(view: &View, site: &Site) -> String {
    let r = &view.redactor;
    let (rows, marks) = rows(view);
    let windows = downtime::windows(view);
    let Some(first) = view.events.first().map(Event::at) else {
        return String::new();
    };
    let mut last = view.events.iter().map(Event::at).max().unwrap_or(first);
    for row in &rows {
        if let Row::Step { bars, .. } = row {
            last = bars.iter().map(|b| b.to).fold(last, Ord::max);
        }
    }
    // The objective is drawn even when the run ended well before it: the margin shows.
    let rto = rto_line(view, &windows, site);
    if let Some((at, ..)) = &rto {
        last = last.max(*at);
    }
    let axis = Axis::new(first, last, BARS_LEFT, BARS_RIGHT);
    let bottom = TOP + ROW * rows.len() as f64;
    let height = bottom + BOTTOM;
    let steps = rows
        .iter()
        .filter(|r| matches!(r, Row::Step { .. }))
        .count();

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="timeline-title">"#
    );
    let _ = writeln!(
        svg,
        r#"<title id="timeline-title">{}</title>"#,
        esc(&format!(
            "The run on a time axis (UTC): {steps} steps from {} to {}",
            t::time(first),
            t::time(last)
        ))
    );
    grid(&mut svg, &axis, bottom);
    for w in &windows {
        outage(&mut svg, &axis, w, bottom);
    }
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        match row {
            Row::Stage(title) => {
                let _ = writeln!(
                    svg,
                    r#"<text class="stage" x="4" y="{:.1}">{}</text>"#,
                    y + ROW - 5.0,
                    esc(&shorten(&r.clean(title), LABEL_CHARS + 4))
                );
            }
            Row::Step { id, bars } => step(&mut svg, view, &axis, y, id, bars),
        }
    }
    for mark in &marks {
        let x = axis.x(mark.at);
        let _ = writeln!(
            svg,
            r#"<path class="session" d="M{x:.1} {bottom:.1} l-4 7 h8 z"><title>{}</title></path>"#,
            esc(&r.clean(&mark.title))
        );
    }
    if let Some((at, class, label)) = rto {
        let x = axis.x(at);
        let _ = writeln!(
            svg,
            r#"<g class="rto {class}"><line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{bottom:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text></g>"#,
            TOP - 14.0,
            x - 3.0,
            TOP - 16.0,
            esc(&label)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// Rows in the order steps first appear, a stage heading wherever the stage changes, and
/// the run's own moments.
fn rows<'v>(view: &'v View) -> (Vec<Row<'v>>, Vec<Mark>) {
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
        let info = super::super::view::find(view.runbook, id);
        let this = info.map_or("?", |i| i.stage.id.as_str());
        if stage != Some(this) {
            stage = Some(this);
            rows.push(Row::Stage(info.map_or_else(
                || "(steps no longer in the runbook)".to_string(),
                |i| i.stage.title.clone(),
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
                let title = format!("{} — interrupted at {}", view.title(id), t::time(*at));
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
                title: format!("run started by {operator} on {host}"),
            }),
            Event::Resumed {
                at, operator, host, ..
            } => marks.push(Mark {
                at: *at,
                title: format!("run resumed by {operator} on {host}"),
            }),
            Event::TakenOver {
                at, operator, host, ..
            } => marks.push(Mark {
                at: *at,
                title: format!("run taken over by {operator} on {host}"),
            }),
            Event::Abandoned { at, reason, .. } => marks.push(Mark {
                at: *at,
                title: format!("run abandoned: {reason}"),
            }),
            Event::Finished { at } => marks.push(Mark {
                at: *at,
                title: "run finished".into(),
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
    let mut title = format!(
        "{} — {} at {}",
        view.title(f.id),
        outcome_label(f.outcome),
        t::time(f.at)
    );
    if f.outcome != Outcome::Skipped {
        let _ = write!(title, " after {}", t::seconds(f.seconds));
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

fn step(svg: &mut String, view: &View, axis: &Axis, y: f64, id: &str, bars: &[Bar]) {
    let r = &view.redactor;
    let title = view.title(id);
    let _ = writeln!(
        svg,
        r#"<g class="step" data-step="{}"><text class="label" x="14" y="{:.1}">{}<title>{}</title></text>"#,
        esc(&r.clean(id)),
        y + ROW - 5.0,
        esc(&shorten(&r.clean(&title), LABEL_CHARS)),
        esc(&r.clean(&format!("{title} ({id})")))
    );
    for bar in bars {
        let x = axis.x(bar.from);
        let width = (axis.x(bar.to) - x).max(MIN_BAR);
        let _ = writeln!(
            svg,
            r#"<rect class="bar {}" x="{x:.1}" y="{:.1}" width="{width:.1}" height="{:.1}"><title>{}</title></rect>"#,
            bar.class,
            y + 3.0,
            ROW - 6.0,
            esc(&r.clean(&bar.title))
        );
    }
    svg.push_str("</g>\n");
}

fn grid(svg: &mut String, axis: &Axis, bottom: f64) {
    svg.push_str("<g class=\"grid\">\n");
    let _ = writeln!(
        svg,
        r#"<line class="axis" x1="{BARS_LEFT}" y1="{bottom:.1}" x2="{BARS_RIGHT}" y2="{bottom:.1}"/>"#
    );
    for (at, label) in axis.ticks() {
        let x = axis.x(at);
        let _ = writeln!(
            svg,
            r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{bottom:.1}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            bottom + 20.0,
            esc(&label)
        );
    }
    svg.push_str("</g>\n");
}

fn outage(svg: &mut String, axis: &Axis, w: &Window, bottom: f64) {
    let x = axis.x(w.start());
    let end = w.end().map_or(axis.right, |end| axis.x(end));
    let label = match w.length() {
        Some(length) => format!("outage {}", t::duration(length)),
        None => "outage, no end in this run".into(),
    };
    let _ = writeln!(
        svg,
        r#"<g class="outage{}"><rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}"><title>{}</title></rect><text x="{:.1}" y="{:.1}">{}</text></g>"#,
        if w.is_open() { " open" } else { "" },
        TOP - 12.0,
        (end - x).max(MIN_BAR),
        bottom - TOP + 12.0,
        esc(&format!(
            "{label}, from {}{}",
            t::time(w.start()),
            w.end()
                .map(|e| format!(" to {}", t::time(e)))
                .unwrap_or_default()
        )),
        x + 2.0,
        TOP - 3.0,
        esc(&label)
    );
}

/// Where the recovery had to be done by, whether it was, and the label: only for a DR
/// activation whose outage started in this run.
fn rto_line(
    view: &View,
    windows: &[Window],
    site: &Site,
) -> Option<(Timestamp, &'static str, String)> {
    if !downtime::measures_rto(view) {
        return None;
    }
    let recovery = downtime::recovery(windows)?;
    let due = Timestamp(recovery.start().0 + site.rto);
    let class = match recovery.length() {
        Some(length) if length <= site.rto => "ok",
        Some(_) => "exceeded",
        // Still out: exceeded once the objective is past.
        None if view.events.last().is_some_and(|e| e.at() > due) => "exceeded",
        None => "open",
    };
    Some((
        due,
        class,
        format!("RTO objective {}", t::duration(site.rto)),
    ))
}

/// What the colours mean, under the picture.
pub fn legend() -> &'static str {
    concat!(
        r#"<ul class="legend">"#,
        r#"<li><span class="swatch done"></span>done</li>"#,
        r#"<li><span class="swatch overridden"></span>overridden (failed, gone past on a written reason)</li>"#,
        r#"<li><span class="swatch failed"></span>failed or aborted</li>"#,
        r#"<li><span class="swatch skipped"></span>skipped</li>"#,
        r#"<li><span class="swatch interrupted"></span>interrupted</li>"#,
        r#"<li><span class="swatch outage"></span>service out</li>"#,
        r#"<li><span class="swatch session"></span>run started, resumed, taken over, finished</li>"#,
        "</ul>\n"
    )
}
