//! Measured service downtime: from the first `service: down` step finishing to the next
//! `service: up` step finishing, plus the whole run of each `service: outage` step (a
//! snapshot with the machine off, a licence reboot of a stand-alone), as the journal timed
//! them. For a DR activation that window
//! is the measured RTO, compared with the site's objective. Nothing is estimated: without
//! both markers the report says "not measured".

use std::fmt::Write;
use std::time::Duration;

use super::text as t;
use super::view::{Finish, View};
use super::Site;
use crate::runbook::journal::Outcome;
use crate::runbook::raw::RawService;
use crate::t;
use crate::time::Timestamp;

/// The runbook whose outage window is the recovery time.
const DR_ACTIVATE: &str = "dr-activate";

pub(super) enum Window<'v> {
    /// From a `service: down` step finishing to a `service: up` step finishing (`None`:
    /// not yet).
    Between {
        down: &'v Finish<'v>,
        up: Option<&'v Finish<'v>>,
    },
    /// A `service: outage` step, from its start to its end: the service was out while it
    /// ran (a snapshot with the only machine off, a reboot of a stand-alone).
    During(&'v Finish<'v>),
}

impl Window<'_> {
    pub(super) fn length(&self) -> Option<Duration> {
        match self {
            Window::Between { down, up } => up.map(|up| up.at.since(down.at)),
            Window::During(f) => Some(f.at.since(outage_start(f))),
        }
    }

    pub(super) fn is_open(&self) -> bool {
        matches!(self, Window::Between { up: None, .. })
    }

    /// When the service went out.
    pub(super) fn start(&self) -> Timestamp {
        match self {
            Window::Between { down, .. } => down.at,
            Window::During(f) => outage_start(f),
        }
    }

    /// When it came back; `None`: not in this run.
    pub(super) fn end(&self) -> Option<Timestamp> {
        match self {
            Window::Between { up, .. } => up.map(|up| up.at),
            Window::During(f) => Some(f.at),
        }
    }
}

/// Whether this runbook's outage window is the recovery time (RTO) of the site.
pub(super) fn measures_rto(view: &View) -> bool {
    view.runbook.id == DR_ACTIVATE
}

/// The recovery: the first down … up window; an outage step is not the recovery.
pub(super) fn recovery<'w, 'v>(windows: &'w [Window<'v>]) -> Option<&'w Window<'v>> {
    windows.iter().find(|w| matches!(w, Window::Between { .. }))
}

/// When a step began (an outage step: when the service went out): its start as
/// journalled, else its end less its duration.
pub(super) fn outage_start(f: &Finish) -> Timestamp {
    f.started.unwrap_or_else(|| {
        let seconds = Duration::from_secs_f64(f.seconds.max(0.0));
        Timestamp(f.at.0.checked_sub(seconds).unwrap_or(f.at.0))
    })
}

pub(super) fn windows<'v>(view: &'v View<'v>) -> Vec<Window<'v>> {
    let mut windows: Vec<Window> = Vec::new();
    for f in view.steps() {
        // A skipped or failed marker did not take the service down or bring it back.
        if !matches!(f.outcome, Outcome::Done | Outcome::Overridden) {
            continue;
        }
        let open = windows.last().is_some_and(Window::is_open);
        match f.info.and_then(|i| i.step.service) {
            Some(RawService::Down) if !open => windows.push(Window::Between { down: f, up: None }),
            Some(RawService::Up) if open => {
                if let Some(Window::Between { up, .. }) = windows.last_mut() {
                    *up = Some(f);
                }
            }
            // Inside an open window it is already counted (loading refuses that layout).
            Some(RawService::Outage) if !open => windows.push(Window::During(f)),
            _ => {}
        }
    }
    windows
}

pub fn section(view: &View, site: &Site) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let step = |f: &Finish| format!("{} ({})", r.code(f.id), r.md(&view.title(f.id)));
    let mut out = format!("## {}\n\n", t!(in l, "report-downtime"));
    let windows = windows(view);
    let marked = view
        .runbook
        .stages
        .iter()
        .flat_map(|s| s.steps.iter().chain(&s.rollback))
        .any(|s| s.service.is_some());
    if windows.is_empty() {
        let why = if marked {
            t!(in l, "report-downtime-no-marker-done")
        } else {
            t!(in l, "report-downtime-no-markers")
        };
        let _ = writeln!(out, "{why}\n");
    }
    for w in &windows {
        let (down, up) = match w {
            Window::Between { down, up } => (*down, *up),
            Window::During(f) => {
                let _ = writeln!(
                    out,
                    "- {}",
                    t!(
                        in l,
                        "report-downtime-during",
                        length = t::duration(w.length().unwrap_or_default()),
                        step = step(f),
                        from = t::time(outage_start(f)),
                        to = t::time(f.at)
                    )
                );
                continue;
            }
        };
        let _ = match (up, w.length()) {
            (Some(up), Some(length)) => writeln!(
                out,
                "- {}",
                t!(
                    in l,
                    "report-downtime-between",
                    length = t::duration(length),
                    down = step(down),
                    down_at = t::time(down.at),
                    up = step(up),
                    up_at = t::time(up.at)
                )
            ),
            _ => writeln!(
                out,
                "- {}",
                t!(
                    in l,
                    "report-downtime-open",
                    down_at = t::time(down.at),
                    down = step(down)
                )
            ),
        };
    }
    if windows.len() > 1 {
        let total: Duration = windows.iter().filter_map(Window::length).sum();
        let _ = writeln!(
            out,
            "- {}",
            t!(in l, "report-downtime-total", total = t::duration(total))
        );
    }
    if !windows.is_empty() {
        out.push('\n');
    }
    if measures_rto(view) {
        out.push_str(&rto(&windows, site, l));
    }
    out
}

/// RTO measured against the objective, and the RPO the customer agreed.
fn rto(windows: &[Window], site: &Site, l: crate::i18n::Lang) -> String {
    let objective = t::duration(site.rto);
    let mut out = format!("### {}\n\n", t!(in l, "report-rto"));
    let measured = recovery(windows).and_then(Window::length);
    let line = match measured {
        Some(rto) if rto <= site.rto => t!(
            in l,
            "report-rto-ok",
            rto = t::duration(rto),
            objective = objective,
            spare = t::duration(site.rto - rto)
        ),
        Some(rto) => t!(
            in l,
            "report-rto-exceeded",
            rto = t::duration(rto),
            objective = objective,
            over = t::duration(rto - site.rto)
        ),
        None => t!(in l, "report-rto-not-measured", objective = objective),
    };
    let _ = writeln!(out, "{line}");
    if windows.iter().any(|w| matches!(w, Window::Between { .. })) {
        let _ = writeln!(out, "{}", t!(in l, "report-rto-how"));
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        t!(in l, "report-rpo", rpo = t::duration(site.rpo))
    );
    out
}
