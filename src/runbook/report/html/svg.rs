//! The run drawn as an inline SVG: one row per step under its stage, each attempt a bar
//! on a UTC time axis coloured by its outcome, the outage windows shaded across every
//! row, sessions (start, resume, take-over) marked on the axis, and for a DR activation
//! the RTO objective as a line the recovery must beat. Plain SVG and CSS: it needs no
//! script to show and prints as it looks.

use std::fmt::Write;

use super::super::downtime::{self, Window};
use super::super::text::{self as t, shorten};
use super::super::view::{Event, View};
use super::super::Site;
use super::axis::Axis;
use super::escape::esc;
use super::rows::{rows, Bar, Row};
use crate::i18n::Lang;
use crate::t;
use crate::time::Timestamp;

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
        esc(&crate::t!(
            in view.lang,
            "report-html-axis-title",
            steps = steps,
            from = t::time(first),
            to = t::time(last)
        ))
    );
    grid(&mut svg, &axis, bottom);
    for w in &windows {
        outage(&mut svg, &axis, w, bottom, view.lang);
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

fn outage(svg: &mut String, axis: &Axis, w: &Window, bottom: f64, lang: Lang) {
    let x = axis.x(w.start());
    let end = w.end().map_or(axis.right, |end| axis.x(end));
    let label = match w.length() {
        Some(length) => t!(in lang, "report-html-outage", length = t::duration(length)),
        None => t!(in lang, "report-html-outage-open"),
    };
    let _ = writeln!(
        svg,
        r#"<g class="outage{}"><rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}"><title>{}</title></rect><text x="{:.1}" y="{:.1}">{}</text></g>"#,
        if w.is_open() { " open" } else { "" },
        TOP - 12.0,
        (end - x).max(MIN_BAR),
        bottom - TOP + 12.0,
        esc(&match w.end() {
            Some(e) => t!(
                in lang,
                "report-html-outage-from-to",
                label = label.as_str(),
                from = t::time(w.start()),
                to = t::time(e)
            ),
            None => t!(
                in lang,
                "report-html-outage-from",
                label = label.as_str(),
                from = t::time(w.start())
            ),
        }),
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
        t!(in view.lang, "report-html-rto-objective", rto = t::duration(site.rto)),
    ))
}

/// What the colours mean, under the picture.
pub fn legend(lang: Lang) -> String {
    let items = [
        ("done", t!(in lang, "report-html-legend-done")),
        ("overridden", t!(in lang, "report-html-legend-overridden")),
        ("failed", t!(in lang, "report-html-legend-failed")),
        ("skipped", t!(in lang, "report-html-legend-skipped")),
        ("interrupted", t!(in lang, "report-html-legend-interrupted")),
        ("outage", t!(in lang, "report-html-legend-outage")),
        ("session", t!(in lang, "report-html-legend-session")),
    ];
    let mut out = String::from(r#"<ul class="legend">"#);
    for (class, text) in items {
        let _ = write!(
            out,
            r#"<li><span class="swatch {class}"></span>{}</li>"#,
            esc(&text)
        );
    }
    out.push_str("</ul>\n");
    out
}
