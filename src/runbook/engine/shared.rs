//! The open journal, shared between the runner and the Ctrl-C handler (which records the
//! interruption and the step it fell in).

use std::sync::{Arc, Mutex};

use anyhow::Result;

use crate::runbook::journal::{Journal, Record};

/// The journal and the step running now.
pub(super) type Shared = Arc<Mutex<(Journal, Option<String>)>>;

/// Appends `record` (a poisoned lock still has a good journal: it is only ever appended).
pub(super) fn append(shared: &Shared, record: &Record) -> Result<()> {
    shared
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .0
        .append(record)
}
