//! The mysql client's vertical output (`\G`): rows of `Field: value`, read by field name.
//!
//! ```text
//! *************************** 1. row ***************************
//!                Slave_IO_State: Waiting for master to send event
//!         Seconds_Behind_Master: 0
//!                Last_SQL_Error: Error 'Duplicate entry '5' for key 'PRIMARY'' on query. …
//! VALUES (5, '104')'
//! ```
//!
//! The client right-aligns the names of a row, so every field's colon is in one column;
//! a line without a name there continues the previous value (error texts quote multi-line
//! SQL, MySQL splits GTID sets over lines). When the alignment was lost (pasted output with
//! the leading blanks trimmed), any `Identifier: ` line starts a field.

/// One row: its fields in order, values as printed (`NULL` included).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub fields: Vec<(String, String)>,
}

impl Row {
    /// The value of the first field named `name` (exactly as printed).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads every row. Text before the first `*** 1. row ***` line (client warnings) is
/// skipped; output without any such line is read as one row.
pub fn parse(text: &str) -> Vec<Row> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().collect();
    let separators: Vec<usize> = (0..lines.len())
        .filter(|&i| is_separator(lines[i]))
        .collect();
    let blocks: Vec<&[&str]> = if separators.is_empty() {
        vec![&lines[..]]
    } else {
        let mut ends = separators[1..].to_vec();
        ends.push(lines.len());
        separators
            .iter()
            .zip(ends)
            .map(|(&start, end)| &lines[start + 1..end])
            .collect()
    };
    blocks
        .into_iter()
        .map(row)
        .filter(|r| !r.fields.is_empty())
        .collect()
}

/// `*************************** 12. row ***************************`
fn is_separator(line: &str) -> bool {
    let line = line.trim();
    let inner = line.trim_matches('*');
    inner.len() < line.len()
        && inner
            .trim()
            .strip_suffix(". row")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn row(lines: &[&str]) -> Row {
    let candidates: Vec<Option<usize>> = lines.iter().map(|l| field_colon(l)).collect();
    let column = aligned_column(&candidates);
    let mut fields: Vec<(String, String)> = Vec::new();
    for (line, colon) in lines.iter().zip(&candidates) {
        match colon.filter(|&c| column.is_none_or(|col| col == c)) {
            Some(c) => {
                let value = line[c + 1..].strip_prefix(' ').unwrap_or(&line[c + 1..]);
                fields.push((line[..c].trim_start().to_string(), value.to_string()));
            }
            None => {
                if let Some((_, value)) = fields.last_mut() {
                    value.push('\n');
                    value.push_str(line);
                }
            }
        }
    }
    for (_, value) in &mut fields {
        value.truncate(value.trim_end().len());
    }
    Row { fields }
}

/// Where the colon is if `line` looks like `   Name: value` (or `Name:` with nothing after).
fn field_colon(line: &str) -> Option<usize> {
    let colon = line.find(':')?;
    let name = line[..colon].trim_start();
    let after = line[colon + 1..].chars().next();
    let ok = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && matches!(after, None | Some(' '));
    ok.then_some(colon)
}

/// The colon column shared by at least 80% of the field-looking lines, if there is one.
fn aligned_column(candidates: &[Option<usize>]) -> Option<usize> {
    let columns: Vec<usize> = candidates.iter().flatten().copied().collect();
    let mut best = None;
    let mut best_count = 0;
    for &c in &columns {
        let count = columns.iter().filter(|&&x| x == c).count();
        if count > best_count {
            (best, best_count) = (Some(c), count);
        }
    }
    best.filter(|_| best_count * 10 >= columns.len() * 8 && columns.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_fields() {
        let rows = parse(include_str!(
            "fixtures/mariadb-10.11-all-slaves-two-connections-one-connecting.txt"
        ));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get("Connection_name"), Some(""));
        assert_eq!(rows[1].get("Connection_name"), Some("dr"));
        assert_eq!(rows[1].get("Seconds_Behind_Master"), Some("NULL"));
        assert_eq!(rows[1].get("Last_IO_Errno"), Some("2003"));
    }

    #[test]
    fn multi_line_values_continue_the_field() {
        let rows = parse(include_str!(
            "fixtures/mariadb-10.11-sql-error-1062-duplicate.txt"
        ));
        assert_eq!(
            rows[0].get("Last_SQL_Error"),
            Some("Error 'Duplicate entry '5' for key 'PRIMARY'' on query. Default database: ''. Query: 'INSERT INTO asterisk.cdr (id, src)\nVALUES (5, '104')'")
        );
        assert_eq!(rows[0].get("Replicate_Ignore_Server_Ids"), Some(""));
        let gtid = parse(include_str!(
            "fixtures/mysql-8.0-replica-status-healthy-gtid.txt"
        ));
        assert_eq!(
            gtid[0].get("Executed_Gtid_Set"),
            Some("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-48213,\n7b7f3a2c-2f6d-11ee-8a0d-0050569a1b2c:1-12")
        );
    }

    #[test]
    fn a_colon_inside_a_continuation_line_is_not_a_field() {
        let text = "*** 1. row ***\n    Last_Error: Query: 'UPDATE t\nSET a = 1\nWHERE b: 2'\n    Last_Errno: 1\n";
        let rows = parse(text);
        assert_eq!(
            rows[0].get("Last_Error"),
            Some("Query: 'UPDATE t\nSET a = 1\nWHERE b: 2'")
        );
        assert_eq!(rows[0].get("Last_Errno"), Some("1"));
    }

    #[test]
    fn pasted_without_alignment_or_separator() {
        let rows = parse("Slave_IO_Running: Yes\nSlave_SQL_Running: No\nSeconds_Behind_Master: NULL\nLast_SQL_Error:\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("Slave_SQL_Running"), Some("No"));
        assert_eq!(rows[0].get("Last_SQL_Error"), Some(""));
    }

    #[test]
    fn crlf_and_warnings_before_the_rows() {
        let crlf = parse(include_str!("fixtures/mariadb-10.11-healthy-crlf.txt"));
        assert_eq!(
            crlf,
            parse(include_str!("fixtures/mariadb-10.11-healthy.txt"))
        );
        let warned = format!(
            "mysql: [Warning] Using a password on the command line interface can be insecure.\n{}",
            include_str!("fixtures/mariadb-10.11-healthy.txt")
        );
        assert_eq!(parse(&warned), crlf);
    }

    #[test]
    fn empty_output_has_no_rows() {
        assert_eq!(parse(""), []);
        assert_eq!(parse("\n\n"), []);
    }

    #[test]
    fn separators() {
        assert!(is_separator(
            "*************************** 12. row ***************************"
        ));
        assert!(!is_separator("*** row ***"));
        assert!(!is_separator("Slave_IO_Running: Yes"));
    }
}
