//! The HTML report of the journals the Markdown report's tests build: the page
//! snapshotted (its style sheet left out: a colour change is not a change of content),
//! the picture read back as XML, and hostile text kept text.

use serde_json::json;

use super::super::tests::{
    answers, conversion, dr_activation, outage_run, runbook, site, Journal, DR, FT, OUTAGES, PLAIN,
};
use super::render;
use crate::runbook::journal::Outcome;

/// The page with its style sheet replaced by a marker.
fn page(records: &[crate::runbook::journal::Record], rb: &crate::runbook::Runbook) -> String {
    render(records, rb, &site()).replace(super::page::STYLE, "/* style.css */\n")
}

/// The page in Italian, its style sheet replaced by a marker.
fn page_it(records: &[crate::runbook::journal::Record], rb: &crate::runbook::Runbook) -> String {
    let it = super::super::Site {
        lang: crate::i18n::Lang::It,
        ..site()
    };
    render(records, rb, &it).replace(super::page::STYLE, "/* style.css */\n")
}

/// The inline SVG, parsed: it must be well-formed XML on its own.
fn svg(html: &str) -> String {
    let start = html.find("<svg").expect("an inline svg");
    let end = html.find("</svg>").expect("the svg closes") + "</svg>".len();
    let svg = html[start..end].to_string();
    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}:\n{svg}"));
    svg
}

fn count(svg: &str, class: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .count()
}

#[test]
fn a_conversion_is_drawn_step_by_step_with_every_attempt() {
    let rb = runbook(FT);
    let html = page(&conversion(&rb).records, &rb);
    let svg = svg(&html);
    // Nine steps ran or were skipped, under two stages; `patch` was killed once and
    // `sync` failed once, so each has two bars.
    assert_eq!(count(&svg, "step"), 9, "{svg}");
    assert_eq!(count(&svg, "stage"), 2, "{svg}");
    assert_eq!(count(&svg, "bar interrupted"), 1, "{svg}");
    assert_eq!(count(&svg, "bar failed"), 1, "{svg}");
    assert_eq!(count(&svg, "bar overridden"), 1, "{svg}");
    assert_eq!(count(&svg, "bar skipped"), 1, "{svg}");
    assert_eq!(count(&svg, "bar done"), 7, "{svg}");
    // Started, resumed twice, finished.
    assert_eq!(count(&svg, "session"), 4, "{svg}");
    // This runbook marks no outage.
    assert!(!svg.contains("class=\"outage"), "{svg}");
    assert!(html.contains("<dd>not measured</dd>"), "{html}");
    insta::assert_snapshot!(html);
}

#[test]
fn a_dr_activation_shades_the_outage_and_draws_the_objective_it_missed() {
    let rb = runbook(DR);
    let html = page(&dr_activation(&rb).records, &rb);
    let svg = svg(&html);
    assert_eq!(count(&svg, "outage"), 1, "{svg}");
    assert_eq!(count(&svg, "rto exceeded"), 1, "{svg}");
    assert!(svg.contains(">outage 33m 40s<"), "{svg}");
    assert!(
        html.contains("<dd>33m 40s — objective 30m exceeded by 3m 40s</dd>"),
        "{html}"
    );
    // The same sections as the Markdown report follow the picture.
    for heading in [
        "Timeline",
        "Overrides",
        "Measured service downtime",
        "Answers",
        "Check results",
    ] {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    insta::assert_snapshot!(html);
}

#[test]
fn outage_steps_are_shaded_and_summed() {
    let rb = runbook(OUTAGES);
    let j = outage_run(&rb);
    let html = page(&j.records, &rb);
    let svg = svg(&html);
    assert_eq!(count(&svg, "outage"), 3, "{svg}");
    assert!(!svg.contains("class=\"rto"), "not a DR activation: {svg}");
    assert!(html.contains("<dd>42m in 3 windows</dd>"), "{html}");
}

#[test]
fn an_outage_still_open_runs_to_the_end_of_the_axis() {
    let rb = runbook(DR);
    let mut j = Journal::start(&rb, "carla", "noc-pc");
    j.done("main-off", json!({}), 60).wait(3000);
    j.started("main-isolated");
    let html = page(&j.records, &rb);
    let svg = svg(&html);
    assert_eq!(count(&svg, "outage open"), 1, "{svg}");
    assert_eq!(count(&svg, "rto exceeded"), 1, "past the objective: {svg}");
    assert!(
        html.contains("not measured; the objective is 30m"),
        "{html}"
    );
}

#[test]
fn hostile_text_stays_text_and_a_password_stays_masked() {
    let rb = runbook(PLAIN);
    let mut j = Journal::start(&rb, "eve | `root`", "laptop\n<b>");
    let secret = "Hunter2-s3cret!";
    j.done("hello", json!({}), 1)
        .done(
            "ask",
            answers(
                &[
                    ("release", "22 <script>alert(1)</script> \"quoted\" 'single' & [x](http://evil.test)"),
                    ("admin_password", secret),
                ],
                "eve",
            ),
            30,
        )
        .step(
            "write",
            Outcome::Overridden,
            Some("<img src=x onerror=alert(1)> \" onmouseover=\"alert(2)"),
            json!({
                "command": format!("sh -c 'echo 22 {secret}'"),
                "hosts": { "tvox1": { "exit": 1, "stdout_tail": format!("login {secret}"), "seconds": 0.4 } }
            }),
            1,
        )
        .step(
            "gone-step\"><script>",
            Outcome::Failed,
            Some("no longer in the runbook"),
            json!({ "api_token": "tok-123456" }),
            2,
        );
    let html = render(&j.records, &rb, &site());
    svg(&html);
    assert!(!html.contains(secret), "{html}");
    assert!(!html.contains("tok-123456"), "{html}");
    only_own_markup(&html);
    assert!(!html.contains("href="), "a link in:\n{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("data-step=\"gone-step&quot;&gt;&lt;script&gt;\""),
        "{html}"
    );
}

/// Every tag and attribute in the page is one the page writes itself: nothing from the
/// journal became markup (a `"` in a text node is harmless; in a tag it would show here).
fn only_own_markup(html: &str) {
    const TAGS: &[&str] = &[
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "section",
        "h1",
        "h2",
        "h3",
        "figure",
        "figcaption",
        "svg",
        "g",
        "text",
        "rect",
        "line",
        "path",
        "ul",
        "li",
        "span",
        "dl",
        "div",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "p",
        "code",
        "pre",
        "strong",
        "em",
        "blockquote",
        "br",
    ];
    const ATTRIBUTES: &[&str] = &[
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "xmlns",
        "class",
        "viewBox",
        "role",
        "aria-labelledby",
        "id",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "width",
        "height",
        "d",
        "text-anchor",
        "data-step",
        "style",
    ];
    let tag = regex::Regex::new(r#"<([a-zA-Z][a-zA-Z0-9]*)((?:[^>"]|"[^"]*")*)>"#).unwrap();
    let attribute = regex::Regex::new(r#"\s([^\s=/]+)="[^"]*""#).unwrap();
    for found in tag.captures_iter(html) {
        assert!(TAGS.contains(&&found[1]), "tag {} in:\n{html}", &found[0]);
        let rest = attribute.replace_all(&found[2], "");
        assert!(
            rest.trim().trim_end_matches('/').is_empty(),
            "stray markup {} in:\n{html}",
            &found[0]
        );
        for a in attribute.captures_iter(&found[2]) {
            assert!(
                ATTRIBUTES.contains(&&a[1]),
                "attribute {} in:\n{html}",
                &a[0]
            );
        }
    }
}

#[test]
fn a_dr_activation_in_italian_says_so_to_the_browser_and_the_reader() {
    let rb = runbook(DR);
    let html = page_it(&dr_activation(&rb).records, &rb);
    let svg = svg(&html);
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(svg.contains(">disservizio 33m 40s<"), "{svg}");
    assert!(
        html.contains("<dd>33m 40s — obiettivo di 30m superato di 3m 40s</dd>"),
        "{html}"
    );
    for heading in [
        "Cronologia",
        "Forzature",
        "Disservizio misurato",
        "Risposte",
        "Esiti dei controlli",
    ] {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    insta::assert_snapshot!(html);
}
