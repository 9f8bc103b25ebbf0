//! Result tables (comfy-table) with the same look everywhere.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::term;

/// A table with tvdr's look: condensed UTF-8 borders, wraps to the terminal width, and
/// colour only when stdout is a terminal.
pub fn new(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    if !term::color_stdout() {
        table.force_no_tty();
    }
    table
}
