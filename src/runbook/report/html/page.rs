//! The HTML document: the header, the picture with its legend and key figures, then every
//! section of the Markdown report. One file, read offline: the style is inline, there is
//! no script, and the content security policy forbids loading anything at all.

use super::super::view::View;
use super::super::{body, header, Site};
use super::escape::esc;
use super::figures::figures;
use super::markdown::to_html;
use super::svg;
use crate::t;

pub(super) const STYLE: &str = include_str!("style.css");

/// Nothing may be fetched: no script, no font, no image, no frame; the inline style only.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

pub fn page(view: &View, site: &Site) -> String {
    let r = &view.redactor;
    let l = view.lang;
    let site_name = view.start.as_ref().map_or(site.name.as_str(), |s| s.site);
    let title = t!(
        in l,
        "report-html-title",
        title = view.text(&view.runbook.title),
        site = site_name
    );
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        l.code()
    ));
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"tvdr\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&r.clean(&title))));
    out.push_str(&format!(
        "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str(&to_html(&header::section(view, site)));
    out.push_str(&format!(
        "<section class=\"picture\">\n<h2>{}</h2>\n<figure>\n",
        esc(&t!(in l, "report-html-glance"))
    ));
    out.push_str(&svg::timeline(view, site));
    out.push_str(&format!(
        "<figcaption>{}</figcaption>\n",
        esc(&t!(in l, "report-html-caption"))
    ));
    out.push_str(&svg::legend(l));
    out.push_str("</figure>\n");
    out.push_str(&figures(view, site));
    out.push_str("</section>\n");
    out.push_str(&to_html(&body(view, site)));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
