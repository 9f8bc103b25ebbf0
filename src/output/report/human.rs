//! Reports as tables for a person at a terminal: a summary, then each check's findings.

use comfy_table::{Cell, Color, Table};

use super::by_severity;
use crate::checks::{Report, Status};
use crate::output::table;

/// Width when the terminal's is unknown (piped, redirected, tests): readable in a 100-column
/// window or a ticket, and stable for snapshots.
const FALLBACK_WIDTH: u16 = 100;

pub(super) fn render(reports: &[Report], color: bool) -> String {
    if reports.is_empty() {
        return "no checks run\n".to_string();
    }
    let sorted = by_severity(reports);

    let mut summary = new_table(&["check", "status", "summary"], color);
    for report in &sorted {
        summary.add_row(vec![
            Cell::new(clean(&report.name)),
            status_cell(report.status, color),
            Cell::new(clean(&report.summary)),
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
            let mut details = new_table(&["status", "node", "item", "message"], color);
            for detail in &report.details {
                details.add_row(vec![
                    status_cell(detail.status, color),
                    Cell::new(clean(detail.node.as_deref().unwrap_or("-"))),
                    Cell::new(clean(&detail.item)),
                    Cell::new(clean(&detail.message)),
                ]);
            }
            out.push_str(&format!("{details}\n"));
        }
        for hint in &report.hints {
            out.push_str(&format!("hint: {}\n", clean(hint)));
        }
    }
    out
}

/// tvdr's table, with colour decided by the caller rather than by whoever stdout is now,
/// so `color: false` gives the same text everywhere.
fn new_table(header: &[&str], color: bool) -> Table {
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
fn status_cell(status: Status, color: bool) -> Cell {
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

/// Summaries and messages quote remote output; a stray escape sequence must not repaint the
/// technician's terminal, and a tab or carriage return would break the table's columns.
/// Newlines stay: the table wraps them as extra lines in the cell.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}
