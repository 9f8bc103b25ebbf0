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

/// The ids of the runbooks available: the shipped ones and those in `dir`. A `dir` that
/// cannot be listed is an error: taken for empty, a mistyped `--runbooks` would run (or
/// lint) the shipped runbooks in place of the site's without a word.
pub fn ids(dir: Option<&Path>) -> Result<Vec<String>> {
    let mut ids: Vec<String> = EMBEDDED
        .iter()
        .map(|(file, _)| file.trim_end_matches(".yaml").to_string())
        .collect();
    if let Some(dir) = dir {
        let entries = std::fs::read_dir(dir).map_err(|e| unusable(dir, &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| unusable(dir, &e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_suffix(".yaml") {
                if id != "uat-standard" && !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
            }
        }
    }
    ids.sort();
    Ok(ids)
}

/// `--runbooks DIR` that is not a directory tvdr can read: a usage error naming it.
fn unusable(dir: &Path, error: &std::io::Error) -> anyhow::Error {
    Exit::Usage(crate::t!(
        "runbooks-dir-unusable",
        dir = dir.display().to_string(),
        reason = error.to_string()
    ))
    .into()
}

/// Loads runbook `id`: the site copy in `dir` when there is one, else the shipped one.
pub fn find(id: &str, dir: Option<&Path>) -> Result<Runbook> {
    if let Some(dir) = dir {
        std::fs::read_dir(dir).map_err(|e| unusable(dir, &e))?;
        let path = dir.join(format!("{id}.yaml"));
        // Only a copy that is not there falls back to the shipped one: one that cannot be
        // read is an error, never quietly replaced.
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok(load(&path.display().to_string(), &text)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| {
                    crate::t!("runbook-unreadable", path = path.display().to_string())
                })
            }
        }
    }
    let file = format!("{id}.yaml");
    match EMBEDDED.iter().find(|(name, _)| *name == file) {
        Some((name, text)) => Ok(load(&format!("embedded:{name}"), text)?),
        None => Err(Exit::Usage(crate::t!(
            "runbook-unknown",
            id = id,
            available = ids(dir)?.join(", ")
        ))
        .into()),
    }
}
