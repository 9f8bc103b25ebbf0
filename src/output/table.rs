//! Result tables (comfy-table) with the same look everywhere.

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{ContentArrangement, Table};

use super::term;

/// A table with tvdr's look: condensed UTF-8 borders (ASCII where the locale says the
/// terminal shows no UTF-8), wraps to the terminal width, and colour only when stdout is a
/// terminal that shows it.
pub fn new(header: &[&str]) -> Table {
    let mut table = Table::new();
    let preset = if term::utf8() {
        UTF8_FULL_CONDENSED
    } else {
        ASCII_FULL_CONDENSED
    };
    table
        .load_preset(preset)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    if let Some(width) = term::stdout_width() {
        table.set_width(width);
    }
    if !term::color_stdout() {
        table.force_no_tty();
    }
    table
}
