//! Reports as tables for a person at a terminal: a summary, then each check's findings.

use crate::t;
use comfy_table::{Cell, Color, Table};

use super::by_severity;
use crate::checks::{Report, Status};
use crate::i18n::Lang;
use crate::output::table;

/// Width when the terminal's is unknown (piped, redirected, tests): readable in a 100-column
/// window or a ticket, and stable for snapshots.
const FALLBACK_WIDTH: u16 = 100;

/// The reports as tables, in `lang` (the language chosen at start, or a test's).
pub(super) fn render(reports: &[Report], color: bool, lang: Lang) -> String {
    if reports.is_empty() {
        return format!("{}\n", t!(in lang, "checks-none-run"));
    }
    let sorted = by_severity(reports);

    let (check, status, summary, node, item, message) = (
        t!(in lang, "checks-col-check"),
        t!(in lang, "checks-col-status"),
        t!(in lang, "checks-col-summary"),
        t!(in lang, "checks-col-node"),
        t!(in lang, "checks-col-item"),
        t!(in lang, "checks-col-message"),
    );
    let mut summary = new_table(&[&check, &status, &summary], color);
    for report in &sorted {
        summary.add_row(vec![
            Cell::new(clean(&report.name)),
            status_cell(report.status, color),
            Cell::new(clean(report.summary.in_lang(lang))),
        ]);
    }
    let mut out = format!("{summary}\n");

    for report in &sorted {
        if report.details.is_empty() && report.hints.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&clean(&report.name));
        out.push('\n');
        if !report.details.is_empty() {
            let mut details = new_table(&[&status, &node, &item, &message], color);
            for detail in &report.details {
                details.add_row(vec![
                    status_cell(detail.status, color),
                    Cell::new(clean(detail.node.as_deref().unwrap_or("-"))),
                    Cell::new(clean(detail.item.in_lang(lang))),
                    Cell::new(clean(detail.message.in_lang(lang))),
                ]);
            }
            out.push_str(&format!("{details}\n"));
        }
        for hint in &report.hints {
            out.push_str(&format!(
                "{}\n",
                t!(in lang, "checks-hint", hint = clean(hint.in_lang(lang)))
            ));
        }
    }
    out
}

/// tvdr's table, with colour decided by the caller rather than by whoever stdout is now,
/// so `color: false` gives the same text everywhere.
pub(super) fn new_table(header: &[&str], color: bool) -> Table {
    let mut table = table::new(header);
    if color {
        // Colour the word, not the cell's padding: copy-pasted rows stay clean.
        table.enforce_styling().style_text_only();
    } else {
        table.force_no_tty();
    }
    if table.width().is_none() {
        table.set_width(FALLBACK_WIDTH);
    }
    table
}

/// Only the status word is coloured: the eye finds the red rows, the rest stays plain.
pub(super) fn status_cell(status: Status, color: bool) -> Cell {
    let cell = Cell::new(status.as_str());
    if !color {
        return cell;
    }
    cell.fg(match status {
        Status::Ok => Color::Green,
        Status::Warn => Color::Yellow,
        Status::Crit => Color::Red,
        Status::Unknown => Color::Magenta,
    })
}

/// The most characters of one cell: a screenful, more than any message a person reads in a
/// table. comfy-table wraps a long word in time quadratic in its length (a 100 KB line of
/// remote output took a minute, found by fuzzing), and remote output can be anything.
const MAX_CELL_CHARS: usize = 1000;

/// Summaries and messages quote remote output; a stray escape sequence must not repaint the
/// technician's terminal, and a tab or carriage return would break the table's columns.
/// Newlines stay: the table wraps them as extra lines in the cell. Past
/// [`MAX_CELL_CHARS`] the text is cut, saying how much is left out and where it is.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_CELL_CHARS * 4));
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX_CELL_CHARS) {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    let left = chars.count();
    if left > 0 {
        out.push_str(&format!(
            "… ({left} more characters: `--format json` shows them)"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing `check clock`: `date` printing one 100 KB word put it in the
    /// summary, and the table took a minute to wrap it.
    #[test]
    fn a_hundred_kilobyte_word_of_remote_output_is_cut_in_the_table() {
        let word = "x".repeat(100_000);
        let report = Report::new("clock", Status::Unknown, format!("`date` printed `{word}`"))
            .detail(Status::Unknown, Some("tvox1"), "clock", word.clone());
        let shown = render(&[report], false, Lang::En);
        let xs = shown.matches('x').count();
        assert!(xs > MAX_CELL_CHARS && xs <= 2 * MAX_CELL_CHARS + 1, "{xs}");
        // The detail's cut (the table may wrap the words after it).
        assert!(shown.contains("(99000 more"), "{shown}");
    }

    #[test]
    fn a_short_message_is_left_whole() {
        assert_eq!(clean("a\tb\u{1b}[31m"), "a b\\u{1b}[31m");
    }
}
