//! The runbooks shipped in the binary, and site copies that override them.
//!
//! `runbooks/*.yaml` are embedded at build time, so a technician's laptop needs nothing
//! but the binary. `--runbooks DIR` (or `TVDR_RUNBOOKS`) points at a directory of
//! site-specific copies: a file there named `<id>.yaml` replaces the shipped one.

use std::path::Path;

use anyhow::{Context, Result};

use super::{load, Runbook};
use crate::exit_code::Exit;

/// The shipped runbooks: (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "standalone-to-ft.yaml",
        include_str!("../../runbooks/standalone-to-ft.yaml"),
    ),
    ("upgrade.yaml", include_str!("../../runbooks/upgrade.yaml")),
    (
        "dr-setup.yaml",
        include_str!("../../runbooks/dr-setup.yaml"),
    ),
    (
        "dr-activate.yaml",
        include_str!("../../runbooks/dr-activate.yaml"),
    ),
    (
        "dr-rollback.yaml",
        include_str!("../../runbooks/dr-rollback.yaml"),
    ),
];

/// The shipped UAT checklist.
pub const UAT_STANDARD: (&str, &str) = (
    "uat-standard.yaml",
    include_str!("../../runbooks/uat-standard.yaml"),
);

/// The ids of the runbooks available: the shipped ones and those in `dir`.
pub fn ids(dir: Option<&Path>) -> Vec<String> {
    let mut ids: Vec<String> = EMBEDDED
        .iter()
        .map(|(file, _)| file.trim_end_matches(".yaml").to_string())
        .collect();
    if let Some(dir) = dir {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_suffix(".yaml") {
                if id != "uat-standard" && !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
            }
        }
    }
    ids.sort();
    ids
}

/// Loads runbook `id`: the site copy in `dir` when there is one, else the shipped one.
pub fn find(id: &str, dir: Option<&Path>) -> Result<Runbook> {
    if let Some(dir) = dir {
        let path = dir.join(format!("{id}.yaml"));
        if path.exists() {
            let text = std::fs::read_to_string(&path).with_context(|| {
                crate::t!("runbook-unreadable", path = path.display().to_string())
            })?;
            return Ok(load(&path.display().to_string(), &text)?);
        }
    }
    let file = format!("{id}.yaml");
    match EMBEDDED.iter().find(|(name, _)| *name == file) {
        Some((name, text)) => Ok(load(&format!("embedded:{name}"), text)?),
        None => Err(Exit::Usage(crate::t!(
            "runbook-unknown",
            id = id,
            available = ids(dir).join(", ")
        ))
        .into()),
    }
}
