//! The tables of `runbooks/README.md`: each row with its line number and its cells.

/// The README as shipped beside the runbooks.
pub const README: &str = include_str!("../../../runbooks/README.md");

/// One table row: its 1-based line in the README and its cells, trimmed (`\|` kept as is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The body rows of the tables of one section: from the `## ` heading starting with
/// `section` to the next `## ` heading, or (`None`) before the first one. Header and
/// separator rows are left out.
pub fn rows(text: &str, section: Option<&str>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut inside = section.is_none();
    let mut header_next = true;
    for (index, line) in text.lines().enumerate() {
        if line.starts_with("## ") {
            inside = section.is_some_and(|s| line[3..].starts_with(s));
            continue;
        }
        if !inside {
            continue;
        }
        let Some(body) = line.trim().strip_prefix('|') else {
            // A table's first row, after anything else, is its header.
            header_next = true;
            continue;
        };
        let cells = split(body.strip_suffix('|').unwrap_or(body));
        if std::mem::take(&mut header_next) || cells.iter().all(|c| c.starts_with("---")) {
            continue;
        }
        rows.push(Row {
            line: index + 1,
            cells,
        });
    }
    rows
}

/// Cells split at `|` not escaped as `\|`.
fn split(body: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in body.chars() {
        if c == '|' && !escaped {
            cells.push(String::new());
        } else if let Some(cell) = cells.last_mut() {
            cell.push(c);
        }
        escaped = c == '\\';
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}
