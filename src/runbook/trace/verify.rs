//! Holds what the README's tables claim against the shipped runbooks, checks and UAT
//! checklist, and says every claim that is not true, at its README line.

use std::collections::{BTreeMap, BTreeSet};

use super::readme::Row;
use super::{parse, Claim, StepRef, RUNBOOKS};
use crate::checks::registry::CHECKS;
use crate::runbook::engine::kinds::uat::load_checklist;
use crate::runbook::library::{EMBEDDED, UAT_STANDARD};
use crate::runbook::model::{Kind, Until};
use crate::runbook::raw::RawService;
use crate::runbook::{load, Runbook, Step};

/// What the README is held against.
pub struct Shipped {
    /// By runbook id.
    pub runbooks: BTreeMap<String, Runbook>,
    pub checks: Vec<&'static str>,
    pub cases: Vec<String>,
}

impl Shipped {
    /// The runbooks embedded in the binary, loaded by the crate's own loader.
    pub fn load() -> Shipped {
        let runbooks = EMBEDDED
            .iter()
            .map(|(name, text)| {
                let runbook = load(&format!("embedded:{name}"), text)
                    .unwrap_or_else(|invalid| panic!("shipped runbook `{name}`: {invalid}"));
                (runbook.id.clone(), runbook)
            })
            .collect();
        let cases = load_checklist(None)
            .expect("the shipped UAT checklist loads")
            .cases
            .into_iter()
            .map(|case| case.id)
            .collect();
        Shipped {
            runbooks,
            checks: CHECKS.iter().map(|check| check.name).collect(),
            cases,
        }
    }

    fn lookup(&self, at: &StepRef) -> Result<Option<&Step>, String> {
        let Some(word) = at.runbook else {
            return Err(format!(
                "`{}` follows no runbook word (s2f, upg, drs, dra, drr)",
                at.id
            ));
        };
        let id = RUNBOOKS.iter().find(|(w, _)| *w == word).map(|(_, id)| *id);
        let runbook = id.and_then(|id| self.runbooks.get(id));
        let runbook = runbook.ok_or_else(|| format!("{word}: no shipped runbook `{id:?}`"))?;
        for stage in &runbook.stages {
            if stage.id == at.id {
                return Ok(None);
            }
            let steps = stage.steps.iter().chain(&stage.rollback);
            if let Some(step) = steps.into_iter().find(|step| step.id == at.id) {
                return Ok(Some(step));
            }
        }
        Err(format!(
            "{word} `{}`: `{}` has no step, rollback step or stage of that id",
            at.id, runbook.id
        ))
    }

    /// `Err(what is wrong)` when `claim` is not true of the shipped files.
    pub fn verify(&self, claim: &Claim) -> Result<(), String> {
        let step = |at: &StepRef, what: &str| match self.lookup(at)? {
            Some(step) => Ok(step),
            None => Err(format!("{} is a stage, not a step {what}", show(at))),
        };
        match claim {
            Claim::Exists(at) => self.lookup(at).map(|_| ()),
            Claim::Check(name) if self.checks.contains(&name.as_str()) => Ok(()),
            Claim::Check(name) => Err(format!(
                "`{name}` is not a check tvdr has ({})",
                self.checks.join(", ")
            )),
            Claim::Runs(at, check) => {
                let runs = runs(step(at, &format!("running check `{check}`"))?);
                if runs.contains(&check.as_str()) {
                    return Ok(());
                }
                let runs = match runs.is_empty() {
                    true => "no check".to_string(),
                    false => format!("only {}", runs.join(", ")),
                };
                Err(format!(
                    "{} does not run check `{check}` (it runs {runs})",
                    show(at)
                ))
            }
            Claim::Phase(at, phase) => match &step(at, "of UAT phase")?.kind {
                Kind::Uat { phase: p } if p == phase => Ok(()),
                kind => Err(format!(
                    "{} is not a `uat` step of phase `{phase}` (it is a {} step{})",
                    show(at),
                    kind.name(),
                    match kind {
                        Kind::Uat { phase } => format!(" of phase `{phase}`"),
                        _ => String::new(),
                    }
                )),
            },
            Claim::Service(at, service) => {
                let has = step(at, "with a service marker")?.service.map(|s| match s {
                    RawService::Down => "down",
                    RawService::Up => "up",
                    RawService::Outage => "outage",
                });
                match has == Some(service.as_str()) {
                    true => Ok(()),
                    false => Err(format!(
                        "{} has no `service: {service}` (it has {})",
                        show(at),
                        has.map_or("none".to_string(), |s| format!("`service: {s}`"))
                    )),
                }
            }
            Claim::Case(id) if self.cases.contains(id) => Ok(()),
            Claim::Case(id) => Err(format!("`{}` has no UAT case `{id}`", UAT_STANDARD.0)),
        }
    }
}

fn show(at: &StepRef) -> String {
    format!("{} `{}`", at.runbook.unwrap_or("?"), at.id)
}

/// The checks a step runs: a `check` step's list, a `wait` step's `until: { check }`, an
/// `interactive` step's `checks`.
pub fn runs(step: &Step) -> Vec<&str> {
    match &step.kind {
        Kind::Check { checks, .. } | Kind::Interactive { checks, .. } => {
            checks.iter().map(String::as_str).collect()
        }
        Kind::Wait {
            until: Until::Check(check),
            ..
        } => vec![check.as_str()],
        _ => Vec::new(),
    }
}

/// Every claim of the traceability rows (third column) that is not true.
pub fn trace_problems(rows: &[Row], shipped: &Shipped) -> Vec<String> {
    let mut problems = Vec::new();
    for row in rows {
        let Some(cell) = row.cells.get(2) else {
            problems.push(format!("README.md:{}: no third column", row.line));
            continue;
        };
        for claim in parse(cell) {
            if let Err(why) = shipped.verify(&claim) {
                problems.push(format!("README.md:{}: {why}", row.line));
            }
        }
    }
    problems
}

/// The steps of each runbook that no traceability row names, as (runbook, step id). The
/// rollback steps of a stage that a row names count as named.
pub fn unnamed(rows: &[Row], shipped: &Shipped) -> Vec<(String, String)> {
    let mut named = BTreeSet::new();
    for cell in rows.iter().filter_map(|row| row.cells.get(2)) {
        for claim in parse(cell) {
            if let Claim::Exists(StepRef {
                runbook: Some(word),
                id,
            }) = claim
            {
                let runbook = RUNBOOKS.iter().find(|(w, _)| *w == word).map(|r| r.1);
                named.insert((runbook.unwrap_or_default().to_string(), id));
            }
        }
    }
    let mut missing = Vec::new();
    for (id, runbook) in &shipped.runbooks {
        for stage in &runbook.stages {
            // A row naming a stage (`upg `first-node` rollback`) accounts for its rollback.
            let stage_named = named.contains(&(id.clone(), stage.id.clone()));
            let rollback = stage.rollback.iter().filter(|_| !stage_named);
            for step in stage.steps.iter().chain(rollback) {
                let key = (id.clone(), step.id.clone());
                if !named.contains(&key) {
                    missing.push(key);
                }
            }
        }
    }
    missing
}

/// Every row of the summary table whose stages or step counts are not the runbook's.
pub fn summary_problems(rows: &[Row], shipped: &Shipped) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for row in rows {
        let name = row.cells[0].trim_matches('`');
        let (stages, steps) = if name == UAT_STANDARD.0 {
            ("—".to_string(), format!("{} cases", shipped.cases.len()))
        } else if let Some(runbook) = shipped.runbooks.get(name) {
            seen.insert(name);
            let ids: Vec<&str> = runbook.stages.iter().map(|s| s.id.as_str()).collect();
            let count = |f: fn(&crate::runbook::Stage) -> usize| -> usize {
                runbook.stages.iter().map(f).sum()
            };
            let (main, rollback) = (count(|s| s.steps.len()), count(|s| s.rollback.len()));
            let steps = match rollback {
                0 => main.to_string(),
                n => format!("{main} (+{n})"),
            };
            (ids.join(", "), steps)
        } else {
            problems.push(format!("README.md:{}: no shipped `{name}`", row.line));
            continue;
        };
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        for (column, want) in [(2, stages), (3, steps)] {
            if cell(column) != want {
                problems.push(format!(
                    "README.md:{}: `{name}` column {}: the table says `{}`, the runbook has `{want}`",
                    row.line,
                    column + 1,
                    cell(column)
                ));
            }
        }
    }
    for id in shipped.runbooks.keys() {
        if !seen.contains(id.as_str()) {
            problems.push(format!(
                "README.md: the summary table has no row for `{id}`"
            ));
        }
    }
    problems
}
