//! The Markdown report's sections as HTML, so the page says exactly what the Markdown
//! report says. The sections escape user text for Markdown already; here nothing may
//! become markup either way: raw HTML is written as text (save the `<br>` the sections
//! put in table cells) and links and images as their text — a page read offline must
//! not reach out to the network, not even by a click.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| {
        Some(match event {
            Event::Html(raw) | Event::InlineHtml(raw) if is_break(&raw) => Event::HardBreak,
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Link | TagEnd::Image) => return None,
            other => other,
        })
    });
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events);
    out
}

fn is_break(raw: &CowStr) -> bool {
    matches!(raw.trim(), "<br>" | "<br/>" | "<br />")
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn tables_and_breaks_are_kept() {
        let html = to_html("| a | b |\n|---|---|\n| x<br>y | `z` |\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("x<br />"), "{html}");
        assert!(html.contains("<code>z</code>"), "{html}");
    }

    #[test]
    fn raw_html_links_and_images_stay_text() {
        let html = to_html(
            "<script>alert(1)</script>\n\nsee [here](http://example.com) ![x](http://example.com/x.png) <img src=x onerror=alert(1)>\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<a "), "{html}");
        assert!(!html.contains("http://example.com/x.png"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("here"), "{html}");
    }
}
