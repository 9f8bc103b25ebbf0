//! `--from STEP` records the unfinished steps before STEP as skipped — they will never
//! run in this run — so it names them and asks once. It is a confirmation: `--yes`
//! answers it; without a terminal and without `--yes`, the run stops (exit 5) before
//! anything is journalled.

use anyhow::Result;

use super::human::Human;
use crate::exit_code::Exit;
use crate::runbook::model::Step;
use crate::runbook::runs::Run;
use crate::{said, t};

/// Asks whether the steps `--from from` skips may be skipped; nothing to ask when every
/// earlier step is complete already.
pub fn confirm(
    steps: &[(&str, &Step)],
    from: &str,
    open: Option<&Run>,
    human: &Human,
) -> Result<()> {
    let skipped: Vec<&Step> = steps
        .iter()
        .map(|(_, step)| *step)
        .take_while(|step| step.id != from)
        .filter(|step| !open.is_some_and(|run| run.is_complete(&step.id)))
        .collect();
    if skipped.is_empty() {
        return Ok(());
    }
    eprintln!(
        "{}",
        t!("from-records-skipped", from = from, count = skipped.len())
    );
    for step in &skipped {
        eprintln!("  - {} ({})", step.id, step.title);
    }
    let ids: Vec<&str> = skipped.iter().map(|s| s.id.as_str()).collect();
    let prompt = said!("from-prompt", steps = ids.join(", "), from = from);
    let subject = crate::i18n::Said {
        shown: format!("`--from {from}`"),
        recorded: format!("`--from {from}`"),
    };
    if human.confirm_about(&subject, &prompt)? {
        Ok(())
    } else {
        Err(Exit::Aborted(t!("from-not-confirmed", from = from)).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit_code::{self, for_error};
    use crate::runbook::engine::human::AnswersFile;

    const RUNBOOK: &str = r#"
id: three
title: Three
stages:
  - id: s
    title: S
    steps:
      - { id: a, kind: note, title: A }
      - { id: b, kind: note, title: B }
      - { id: c, kind: note, title: C }
"#;

    #[test]
    fn from_asks_once_and_without_anyone_to_answer_stops() {
        let rb = crate::runbook::load("embedded:three.yaml", RUNBOOK).unwrap();
        let steps: Vec<(&str, &Step)> = rb.stages[0].steps.iter().map(|s| ("S", s)).collect();
        let nobody = Human::without_terminal("tech-a", false, AnswersFile::default());
        let err = confirm(&steps, "c", None, &nobody).unwrap_err();
        assert_eq!(for_error(&err), exit_code::NEEDS_HUMAN);
        assert!(err.to_string().contains("`--from c`"), "{err}");
        assert!(err.to_string().contains("Record a, b as skipped"), "{err}");

        let yes = Human::without_terminal("tech-a", true, AnswersFile::default());
        confirm(&steps, "c", None, &yes).unwrap();
        assert_eq!(yes.take_decided().len(), 1);
        // Nothing before the first step: nothing to ask.
        confirm(&steps, "a", None, &nobody).unwrap();
    }
}
