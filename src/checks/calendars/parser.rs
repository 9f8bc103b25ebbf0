//! The line-level state machine behind [`DumpDigest`](super::DumpDigest): statements go
//! to the schema hash, COPY and INSERT rows to their table's [`RowSet`], versions, sequences
//! and the trailer are noted.

use crate::i18n::Msg;
use crate::msg;
use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::lexer::Lexer;
use super::lines::LineSink;
use super::normalize::{classify, Line};
use super::rowset::{hex, RowSet};
use super::summary::{DumpSummary, TableSummary};

#[derive(Debug, Clone, Default)]
pub(super) struct Parser {
    bytes: u64,
    lines: u64,
    lexer: Lexer,
    /// Inside `COPY … FROM stdin;` data of this table, until `\.`.
    copy: Option<String>,
    /// After `INSERT INTO t VALUES` with the tuples on the following lines.
    insert: Option<String>,
    /// A row being hashed: an INSERT tuple spanning lines, or a streamed COPY row.
    row: Option<(String, Sha256)>,
    search_path: Option<String>,
    schema: Sha256,
    tables: BTreeMap<String, RowSet>,
    sequences: BTreeMap<String, String>,
    server_version: Option<String>,
    pg_dump_version: Option<String>,
    trailer: bool,
    restrict_key: bool,
}

impl LineSink for Parser {
    fn line(&mut self, line: &[u8]) {
        self.lines += 1;
        match &self.copy {
            Some(_) if line == b"\\." => self.copy = None,
            Some(table) => {
                // The set exists: the COPY header created it.
                if let Some(set) = self.tables.get_mut(table) {
                    set.add(Sha256::new_with_prefix(line));
                }
            }
            None => self.statement(line),
        }
    }

    fn stream_start(&mut self) -> bool {
        let Some(table) = &self.copy else {
            return false;
        };
        self.row = Some((table.clone(), Sha256::new()));
        true
    }

    fn more(&mut self, bytes: &[u8]) {
        if let Some((_, h)) = &mut self.row {
            h.update(bytes);
        }
    }

    fn end(&mut self) {
        self.lines += 1;
        self.close_row();
    }
}

impl Parser {
    pub(super) fn count_bytes(&mut self, n: usize) {
        self.bytes += n as u64;
    }

    pub(super) fn bytes(&self) -> u64 {
        self.bytes
    }

    fn statement(&mut self, line: &[u8]) {
        let starts_neutral = self.lexer.is_neutral();
        self.lexer.scan_line(line);
        let ends_neutral = self.lexer.is_neutral();
        // A tuple's `,`/`;` separates rows; it is not data.
        let tuple = |t: &[u8]| {
            if ends_neutral {
                strip_separator(t)
            } else {
                t.to_vec()
            }
        };
        if !starts_neutral {
            // Inside a literal or a function body: not a statement, kept verbatim.
            match &mut self.row {
                Some((_, h)) => {
                    h.update(b"\n");
                    h.update(tuple(line));
                }
                None => self.schema_line(line),
            }
        } else {
            if line.starts_with(b"\t(") {
                if let Some(table) = self.insert.clone() {
                    self.row = Some((table, Sha256::new_with_prefix(tuple(&line[1..]))));
                    return self.close_row_if(ends_neutral);
                }
            }
            self.insert = None;
            self.classified(classify(line), &tuple);
        }
        self.close_row_if(ends_neutral);
    }

    fn classified(&mut self, line: Line<'_>, tuple: &dyn Fn(&[u8]) -> Vec<u8>) {
        let schema = self.search_path.as_deref();
        match line {
            Line::Ignored => {}
            Line::DumpedFrom(v) => {
                self.server_version.get_or_insert(v);
            }
            Line::DumpedBy(v) => {
                self.pg_dump_version.get_or_insert(v);
            }
            Line::Restrict => self.restrict_key = true,
            Line::Trailer => self.trailer = true,
            Line::SearchPath(s) => self.search_path = Some(s),
            Line::Copy { table, columns } => {
                let table = table.qualify(schema);
                self.tables
                    .entry(table.clone())
                    .or_insert_with(|| RowSet::new(columns));
                self.copy = Some(table);
            }
            Line::Insert { table, tuple: t } => {
                let table = table.qualify(schema);
                self.tables.entry(table.clone()).or_default();
                if t.is_empty() {
                    self.insert = Some(table);
                } else {
                    self.row = Some((table, Sha256::new_with_prefix(tuple(t))));
                }
            }
            Line::Setval { sequence, value } => {
                self.sequences.insert(sequence.qualify(schema), value);
            }
            Line::Statement(s) => self.schema_line(&s),
        }
    }

    fn schema_line(&mut self, line: &[u8]) {
        self.schema.update(line);
        self.schema.update(b"\n");
    }

    fn add_row(&mut self, table: &str, row: Sha256) {
        self.tables.entry(table.to_string()).or_default().add(row);
    }

    fn close_row(&mut self) {
        if let Some((table, h)) = self.row.take() {
            self.add_row(&table, h);
        }
    }

    fn close_row_if(&mut self, done: bool) {
        if done {
            self.close_row();
        }
    }

    pub(super) fn finish(self) -> DumpSummary {
        let incomplete = self.incomplete();
        let schema_hash: [u8; 32] = self.schema.finalize().into();
        let mut all = Sha256::new_with_prefix(b"schema\0");
        all.update(schema_hash);
        let mut tables = BTreeMap::new();
        for (name, set) in &self.tables {
            let digest = set.digest();
            all.update(name.as_bytes());
            all.update(b"\0");
            all.update(digest);
            let summary = TableSummary {
                rows: set.rows(),
                hash: hex(&digest),
            };
            tables.insert(name.clone(), summary);
        }
        for (name, value) in &self.sequences {
            all.update(format!("{name}\0{value}\n"));
        }
        DumpSummary {
            bytes: self.bytes,
            lines: self.lines,
            hash: hex(&all.finalize()),
            schema_hash: hex(&schema_hash),
            tables,
            sequences: self.sequences,
            server_version: self.server_version,
            pg_dump_version: self.pg_dump_version,
            restrict_key: self.restrict_key,
            incomplete,
        }
    }

    fn incomplete(&self) -> Option<Msg> {
        if self.bytes == 0 {
            Some(msg!("cal-dump-empty"))
        } else if let Some(table) = &self.copy {
            Some(msg!("cal-dump-cut-in-data", table = table.as_str()))
        } else if !self.lexer.is_neutral() {
            Some(msg!("cal-dump-cut-in-literal"))
        } else if !self.trailer {
            Some(msg!("cal-dump-no-trailer"))
        } else {
            None
        }
    }
}

/// Drops the `,` or `;` that ends a tuple.
fn strip_separator(t: &[u8]) -> Vec<u8> {
    let t = t.trim_ascii_end();
    t.strip_suffix(b";")
        .or_else(|| t.strip_suffix(b","))
        .unwrap_or(t)
        .to_vec()
}
