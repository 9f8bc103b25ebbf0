//! `tvdr lint [FILES…]`: validate runbooks without touching anything (for CI).

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::LintArgs;
use crate::exit_code;
use crate::runbook::load::load_checked;
use crate::runbook::{library, Runbook};

pub fn execute(runbooks: Option<&Path>, args: &LintArgs) -> Result<i32> {
    let mut sources: Vec<(String, String)> = Vec::new();
    if args.files.is_empty() {
        for (name, text) in library::EMBEDDED {
            sources.push((format!("embedded:{name}"), text.to_string()));
        }
        if let Some(dir) = runbooks {
            for id in library::ids(Some(dir))? {
                let path = dir.join(format!("{id}.yaml"));
                if path.exists() {
                    sources.push(read(&path)?);
                }
            }
        }
    } else {
        for path in &args.files {
            sources.push(read(path)?);
        }
    }
    let mut invalid = 0;
    for (name, text) in &sources {
        // The shipped runbooks (`embedded:…`) are always held to both languages.
        let bilingual = args.bilingual || name.starts_with("embedded:");
        match load_checked(name, text, bilingual) {
            Ok(runbook) => println!(
                "{}",
                crate::t!("lint-ok", name = name.as_str(), summary = summary(&runbook))
            ),
            Err(errors) => {
                invalid += 1;
                eprintln!("{}", errors.shown());
            }
        }
    }
    if invalid > 0 {
        eprintln!(
            "{}",
            crate::t!("lint-invalid", invalid = invalid, count = sources.len())
        );
        Ok(exit_code::USAGE)
    } else {
        Ok(exit_code::OK)
    }
}

fn read(path: &Path) -> Result<(String, String)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| crate::t!("runbook-unreadable", path = path.display().to_string()))?;
    Ok((path.display().to_string(), text))
}

fn summary(runbook: &Runbook) -> String {
    let steps: usize = runbook.stages.iter().map(|s| s.steps.len()).sum();
    crate::t!(
        "lint-summary",
        id = runbook.id.as_str(),
        title = runbook.title.local(),
        stages = runbook.stages.len(),
        steps = steps
    )
}
