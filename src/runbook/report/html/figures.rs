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
use crate::i18n::Lang;
use crate::t;

pub fn figures(view: &View, site: &Site) -> String {
    let windows = downtime::windows(view);
    let l = view.lang;
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
    figure(
        &t!(in l, "report-html-downtime"),
        "",
        downtime_figure(&windows, l),
    );
    if downtime::measures_rto(view) {
        let measured = downtime::recovery(&windows).and_then(Window::length);
        let (class, value) = match measured {
            Some(rto) if rto <= site.rto => (
                "ok",
                t!(
                    in l,
                    "report-html-rto-within",
                    rto = t::duration(rto),
                    objective = t::duration(site.rto),
                    spare = t::duration(site.rto - rto)
                ),
            ),
            Some(rto) => (
                "exceeded",
                t!(
                    in l,
                    "report-html-rto-exceeded",
                    rto = t::duration(rto),
                    objective = t::duration(site.rto),
                    over = t::duration(rto - site.rto)
                ),
            ),
            None => (
                "",
                t!(
                    in l,
                    "report-html-rto-not-measured",
                    objective = t::duration(site.rto)
                ),
            ),
        };
        figure(&t!(in l, "report-rto"), class, value);
        figure(&t!(in l, "report-html-rpo"), "", t::duration(site.rpo));
    }
    out.push_str("</dl>\n");
    out
}

fn downtime_figure(windows: &[Window], l: Lang) -> String {
    if windows.is_empty() {
        return t!(in l, "report-html-not-measured");
    }
    let total: Duration = windows.iter().filter_map(Window::length).sum();
    let ended = windows.iter().filter(|w| !w.is_open()).count();
    let mut value = match ended {
        0 => t!(in l, "report-html-not-measured"),
        1 => t::duration(total),
        n => t!(in l, "report-html-in-windows", total = t::duration(total), count = n),
    };
    if let Some(open) = windows.iter().find(|w| w.is_open()) {
        let _ = write!(
            value,
            "; {}",
            t!(in l, "report-html-out-since", since = t::time(open.start()))
        );
    }
    value
}
