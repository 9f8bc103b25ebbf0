//! Walking the cases of one phase: each result comes from the answers file (`uat:
//! {phase: {case: pass|fail|skip, '*': …}}`), from the technician at the terminal, or —
//! with `--yes` and no answer — is a skip noted as not walked. Nobody to ask: exit 5.
//! Where each result came from is noted for the journal.

use crate::t;
use anyhow::Result;
use dialoguer::theme::ColorfulTheme;

use super::checklist::Case;
use super::compare::{CaseResult, Verdict};
use crate::exit_code::Exit;
use crate::runbook::decided::{Source, What};
use crate::runbook::engine::step::StepCx;

pub fn walk(cx: &StepCx, phase: &str, cases: &[&Case]) -> Result<Vec<CaseResult>> {
    let answers = cx.human.file.uat.get(phase);
    let mut results = Vec::with_capacity(cases.len());
    for (n, case) in cases.iter().enumerate() {
        let given = answers.and_then(|a| a.get(&case.id).or_else(|| a.get("*")));
        let (result, note, by) = match given {
            Some(text) => {
                let (result, note) = Verdict::parse(text).map_err(|why| {
                    let said = crate::msg!(
                        "uat-answer-invalid",
                        phase = phase,
                        case = case.id.as_str(),
                        why = why
                    )
                    .said();
                    Exit::Usage(crate::i18n::raise(said))
                })?;
                (result, note, Source::AnswersFile)
            }
            None if cx.human.interactive() => {
                let (result, note) = ask(phase, case, n + 1, cases.len())?;
                (result, note, cx.human.at_terminal())
            }
            None if cx.human.yes => (Verdict::Skip, "not walked (--yes)".to_string(), Source::Yes),
            None => {
                let said = crate::said!(
                    "uat-needs-terminal",
                    step = cx.step.id.as_str(),
                    phase = phase,
                    case = case.id.as_str()
                );
                return Err(Exit::NeedsHuman(crate::i18n::raise(said)).into());
            }
        };
        cx.human.note(
            What::Uat {
                phase: phase.to_string(),
                case: case.id.clone(),
            },
            by,
        );
        results.push(CaseResult {
            id: case.id.clone(),
            // The journal is language-neutral: the English title.
            title: case.title.en().to_string(),
            area: case.area.clone(),
            result,
            note,
        });
    }
    Ok(results)
}

fn ask(phase: &str, case: &Case, n: usize, of: usize) -> Result<(Verdict, String)> {
    let area = case
        .area
        .as_deref()
        .map(|a| format!("{a} · "))
        .unwrap_or_default();
    eprintln!("\n  [{n}/{of}] {area}{} ({})", case.title, case.id);
    if let Some(how) = &case.how {
        eprintln!("     {} {}", t!("uat-how"), how.local().trim());
    }
    if let Some(expected) = &case.expected {
        eprintln!("     {} {}", t!("uat-expected"), expected.local().trim());
    }
    let theme = ColorfulTheme::default();
    let verdicts = [Verdict::Pass, Verdict::Fail, Verdict::Skip];
    let picked = dialoguer::Select::with_theme(&theme)
        .with_prompt(format!("UAT {phase}: {}", case.id))
        .items([t!("uat-pass"), t!("uat-fail"), t!("uat-skip")])
        .default(0)
        .interact()?;
    let verdict = verdicts[picked];
    let prompt = match verdict {
        Verdict::Pass => t!("uat-note-pass"),
        Verdict::Fail => t!("uat-note-fail"),
        Verdict::Skip => t!("uat-note-skip"),
    };
    let note: String = dialoguer::Input::with_theme(&theme)
        .with_prompt(prompt)
        .allow_empty(verdict == Verdict::Pass)
        .interact_text()?;
    Ok((verdict, note.trim().to_string()))
}
