//! A `when:` that cannot be decided — it reads an answer never given in this run, or a
//! fact the inventory does not give — stops the run with the reason (exit 5, journalled
//! as an interruption, resumable). Recording the step as skipped would be a guess: the
//! step may well be one this site needs.

use crate::i18n::{tr_in, Lang, Said};
use crate::runbook::facts::{Facts, Name};
use crate::runbook::model::{Kind, Runbook, Step};
use crate::t;

/// Why `step`'s condition cannot be decided now, and what to do about it: shown in the
/// chosen language, journalled in English.
pub fn why(runbook: &Runbook, step: &Step, facts: &Facts, resume: &str) -> Said {
    let said = |lang: Lang| {
        let unknown: Vec<String> = step
            .when
            .iter()
            .flat_map(|c| c.names())
            .filter(|name| facts.get(name).is_none())
            .map(|name| match name {
                Name::Answer(answer) => match asked_by(runbook, answer) {
                    Some(asker) => t!(
                        in lang,
                        "undecided-never-answered",
                        answer = answer.as_str(),
                        asker = asker,
                        runbook = runbook.id.as_str()
                    ),
                    None => t!(
                        in lang,
                        "undecided-never-asked",
                        answer = answer.as_str(),
                        runbook = runbook.id.as_str()
                    ),
                },
                Name::Fact(fact) => t!(in lang, "undecided-no-fact", fact = fact.to_string()),
            })
            .collect();
        let reads = if unknown.is_empty() {
            t!(in lang, "undecided-not-known-yet")
        } else {
            unknown.join(&tr_in(lang, "undecided-and", &[]))
        };
        t!(
            in lang,
            "undecided-why",
            step = step.id.as_str(),
            reads = reads,
            resume = resume
        )
    };
    Said {
        shown: said(crate::i18n::lang()),
        recorded: said(Lang::En),
    }
}

/// The step that asks question `name`.
fn asked_by<'a>(runbook: &'a Runbook, name: &str) -> Option<&'a str> {
    runbook
        .stages
        .iter()
        .flat_map(|s| s.steps.iter().chain(&s.rollback))
        .find(|s| match &s.kind {
            Kind::Manual { ask } | Kind::Gate { ask, .. } => ask.iter().any(|a| a.name == name),
            _ => false,
        })
        .map(|s| s.id.as_str())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::inventory::Inventory;

    const RUNBOOK: &str = r#"
id: honest
title: Honest
stages:
  - id: s
    title: S
    steps:
      - { id: ask-kind, kind: manual, title: Ask, ask: [ { name: licence_kind, type: text } ] }
      - { id: upload, kind: note, title: Upload, when: "licence_kind == 'file' and dr_client" }
"#;

    #[test]
    fn the_reason_names_the_missing_answer_and_the_step_that_asks_it() {
        let rb = crate::runbook::load("embedded:honest.yaml", RUNBOOK).unwrap();
        let inv = Inventory::parse(
            Path::new("t.yaml"),
            "site: s\ntvox: { version: 22, domain: d.example }\nnodes:\n  tvox1: { address: 10.0.0.1 }\n",
        )
        .unwrap();
        let answers = crate::runbook::answers::Answers::default();
        let facts = Facts {
            inventory: &inv,
            answers: &answers,
        };
        let step = |id: &str| rb.stages[0].steps.iter().find(|s| s.id == id).unwrap();
        let why = why(&rb, step("upload"), &facts, "tvdr runbook honest").recorded;
        assert!(why.starts_with("step `upload` cannot be decided"), "{why}");
        assert!(why.contains("`licence_kind`, never answered"), "{why}");
        assert!(why.contains("tvdr runbook honest --only ask-kind"), "{why}");
        assert!(
            why.ends_with("run `tvdr runbook honest` again to resume here"),
            "{why}"
        );
        // `dr_client` is known (false): only what is unknown is named.
        assert!(!why.contains("dr_client"), "{why}");
    }
}
