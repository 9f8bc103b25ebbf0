//! The key figures under the picture: the measured downtime and, for a DR activation, the
//! recovery time against the site's objectives — what the customer's DR plan quotes. The
//! downtime section below says how each figure was measured.

use std::fmt::Write;
use std::time::Duration;

use super::super::downtime::{self, Window};
use super::super::text as t;
use super::super::view::View;
use super::super::Site;
use super::escape::esc;

pub fn figures(view: &View, site: &Site) -> String {
    let windows = downtime::windows(view);
    let mut out = String::from("<dl class=\"figures\">\n");
    let mut figure = |term: &str, class: &str, value: String| {
        let _ = writeln!(
            out,
            "<div class=\"{}\"><dt>{}</dt><dd>{}</dd></div>",
            format!("figure {class}").trim_end(),
            esc(term),
            esc(&value)
        );
    };
    figure("Measured downtime", "", downtime_figure(&windows));
    if downtime::measures_rto(view) {
        let measured = downtime::recovery(&windows).and_then(Window::length);
        let (class, value) = match measured {
            Some(rto) if rto <= site.rto => (
                "ok",
                format!(
                    "{} — within the objective of {} ({} to spare)",
                    t::duration(rto),
                    t::duration(site.rto),
                    t::duration(site.rto - rto)
                ),
            ),
            Some(rto) => (
                "exceeded",
                format!(
                    "{} — objective {} exceeded by {}",
                    t::duration(rto),
                    t::duration(site.rto),
                    t::duration(rto - site.rto)
                ),
            ),
            None => (
                "",
                format!("not measured; the objective is {}", t::duration(site.rto)),
            ),
        };
        figure("Recovery time (RTO)", class, value);
        figure("Recovery point objective (RPO)", "", t::duration(site.rpo));
    }
    out.push_str("</dl>\n");
    out
}

fn downtime_figure(windows: &[Window]) -> String {
    if windows.is_empty() {
        return "not measured".into();
    }
    let total: Duration = windows.iter().filter_map(Window::length).sum();
    let ended = windows.iter().filter(|w| !w.is_open()).count();
    let mut value = match ended {
        0 => String::from("not measured"),
        1 => t::duration(total),
        n => format!("{} in {n} windows", t::duration(total)),
    };
    if let Some(open) = windows.iter().find(|w| w.is_open()) {
        let _ = write!(
            value,
            "; out since {} with no end in this run",
            t::time(open.start())
        );
    }
    value
}
