//! `uat`: walks the UAT checklist for one phase (baseline, after-ft, …) with pass / fail /
//! skip and a note per case, compares with the earlier phases of the run, and calls out
//! every case that passed before and fails now. Any failure asks retry (walk the failed
//! cases again) / override / abort, like a check.
//!
//! Earlier phases come from the run's journal; a standalone `tvdr uat` keeps its walks in
//! `<state>/<site>/uat.jsonl` and compares with those.

mod checklist;
mod compare;
mod walk;

use crate::i18n::Msg;
use crate::output::term;
use crate::{msg, t};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Map, Value};

use crate::output::table;
use crate::runbook::engine::step::{Next, StepCx, StepResult};
use crate::runbook::journal::{self, Record};
use crate::time::Timestamp;
pub use checklist::{load as load_checklist, Checklist};
pub use compare::{regressions, CaseResult, Phase, Regression, Verdict};

/// Where a standalone `tvdr uat` keeps its walks.
pub const STANDALONE_LOG: &str = "uat.jsonl";

pub fn run(cx: &StepCx, phase: &str, checklist: &Checklist) -> Result<StepResult> {
    let earlier = earlier_phases(cx, phase)?;
    eprintln!(
        "  {}",
        t!(
            "uat-walking",
            phase = phase,
            count = checklist.cases.len(),
            checklist = checklist.id.as_str(),
            title = checklist.title.to_string()
        )
    );
    let all: Vec<&checklist::Case> = checklist.cases.iter().collect();
    let mut results = walk::walk(cx, phase, &all)?;
    loop {
        let found = regressions(&earlier, &results);
        show(&results, &found);
        let evidence = evidence(&checklist.id, phase, &results, &found);
        let failed: Vec<String> = results
            .iter()
            .filter(|c| c.result == Verdict::Fail)
            .map(|c| c.id.clone())
            .collect();
        if failed.is_empty() {
            remember(cx, phase, &results)?;
            return Ok(StepResult::done(evidence));
        }
        let mut why = msg!(
            "reason-uat-failed",
            phase = phase,
            count = failed.len(),
            cases = failed.join(", ")
        );
        if !found.is_empty() {
            let list: Vec<Msg> = found
                .iter()
                .map(|r| {
                    msg!(
                        "reason-uat-passed-at",
                        case = r.id.as_str(),
                        phase = r.passed_in.as_str()
                    )
                })
                .collect();
            let regressions = msg!("reason-uat-regressions", list = Msg::join(&list, ", "));
            why = Msg::join([&why, &regressions], "; ");
        }
        match cx.after_failure(why, evidence)? {
            Next::Retry => {
                // Walk the failed cases again; the others keep their results.
                let again: Vec<&checklist::Case> = all
                    .iter()
                    .copied()
                    .filter(|c| failed.contains(&c.id))
                    .collect();
                let redone = walk::walk(cx, phase, &again)?;
                for new in redone {
                    if let Some(old) = results.iter_mut().find(|c| c.id == new.id) {
                        *old = new;
                    }
                }
            }
            Next::Finish(result) => {
                remember(cx, phase, &results)?;
                return Ok(result);
            }
        }
    }
}

fn evidence(
    checklist: &str,
    phase: &str,
    results: &[CaseResult],
    found: &[Regression],
) -> Map<String, Value> {
    let count = |v: Verdict| results.iter().filter(|c| c.result == v).count();
    let mut evidence = Map::new();
    evidence.insert("checklist".into(), json!(checklist));
    evidence.insert("phase".into(), json!(phase));
    evidence.insert("cases".into(), json!(results));
    evidence.insert(
        "counts".into(),
        json!({ "pass": count(Verdict::Pass), "fail": count(Verdict::Fail), "skip": count(Verdict::Skip) }),
    );
    evidence.insert("regressions".into(), json!(found));
    evidence
}

/// The phases walked before this one: the run's `uat` steps (other phases only), or the
/// standalone walks kept in the state directory.
fn earlier_phases(cx: &StepCx, phase: &str) -> Result<Vec<Phase>> {
    let walked: Vec<Phase> = match cx.journal {
        Some(path) => journal::read(path)?
            .iter()
            .filter_map(|record| match record {
                Record::StepFinished { evidence, .. } => Phase::from_evidence(evidence),
                _ => None,
            })
            .collect(),
        None => read_standalone(&cx.state_dir.join(STANDALONE_LOG)),
    };
    Ok(walked.into_iter().filter(|p| p.phase != phase).collect())
}

fn read_standalone(path: &Path) -> Vec<Phase> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|v| Phase::from_evidence(&v))
        .collect()
}

/// A standalone walk is appended to the state directory's UAT log (a runbook's walks are
/// in its journal already).
fn remember(cx: &StepCx, phase: &str, results: &[CaseResult]) -> Result<()> {
    if cx.journal.is_some() {
        return Ok(());
    }
    let path = cx.state_dir.join(STANDALONE_LOG);
    let line = json!({ "phase": phase, "at": Timestamp::now(), "operator": cx.human.operator, "cases": results });
    let mut file = crate::state::private::open_log(&path).with_context(|| {
        let said = crate::said!("file-cannot-write", file = path.display().to_string());
        crate::i18n::raise(said)
    })?;
    writeln!(file, "{line}")?;
    file.sync_data()?;
    Ok(())
}

fn show(results: &[CaseResult], found: &[Regression]) {
    let headings = [t!("uat-col-case"), t!("uat-col-result"), t!("uat-col-note")];
    let mut t = table::new(&[&headings[0], &headings[1], &headings[2]]);
    for case in results {
        let mark = match case.result {
            Verdict::Pass => format!("{} {}", term::plain("✓"), t!("uat-pass")),
            Verdict::Fail if found.iter().any(|r| r.id == case.id) => {
                format!("{} {}", term::plain("✗"), t!("uat-mark-regression"))
            }
            Verdict::Fail => format!("{} {}", term::plain("✗"), t!("uat-fail")),
            Verdict::Skip => format!("- {}", t!("uat-mark-skip")),
        };
        t.add_row(vec![
            format!("{} {}", case.id, case.title),
            mark,
            case.note.clone(),
        ]);
    }
    eprintln!("{t}");
    for r in found {
        eprintln!(
            "  {} {}",
            term::plain("✗"),
            t!(
                "uat-regression",
                case = r.id.as_str(),
                phase = r.passed_in.as_str()
            )
        );
    }
}
