//! What the journal keeps of a step's result: where each decision came from
//! (`decided_by`: the operator at the terminal, the answers file or `--yes`), and no
//! secret — answers named like one are masked, and so is their value wherever the
//! evidence or the reason repeats it (a command line, an output tail); a resumed run
//! asks for its secrets again.

use serde_json::{json, Value};
use zeroize::Zeroize;

use super::human::Human;
use super::step::StepResult;
use crate::runbook::answers::Answers;
use crate::runbook::decided::Decided;
use crate::runbook::model::Runbook;
use crate::runbook::runs::Run;
use crate::runbook::secret::{is_secret_name, Secrets, MASK};

/// `result` as it is journalled. `known` holds every answer of the run so far (the
/// secrets a command of this step may have used were perhaps answered steps ago).
pub fn journalled(mut result: StepResult, decided: Vec<Decided>, known: &Answers) -> StepResult {
    if !decided.is_empty() {
        result.evidence.insert("decided_by".into(), json!(decided));
    }
    let mut secrets = Secrets::of(known.iter());
    if let Some(Value::Object(answers)) = result.evidence.get_mut("answers") {
        for (name, value) in answers.iter_mut() {
            if is_secret_name(name) {
                if let Value::String(text) = value {
                    secrets.add(text);
                    // The step moved the typed text here: wiped, then masked.
                    text.zeroize();
                }
                *value = Value::String(MASK.into());
            }
        }
    }
    if !secrets.is_empty() {
        for value in result.evidence.values_mut() {
            secrets.mask_json(value);
        }
        result.reason = result.reason.map(|mut reason| {
            let masked = reason.map(|text| secrets.mask(text));
            reason.zeroize();
            masked
        });
    }
    result
}

/// A resumed run's secret answers were journalled masked: they are taken again from the
/// answers file or asked again at the terminal. Without either they stay unknown, and a
/// later step that needs one stops saying which value it lacks.
pub fn ask_secrets_again(runbook: &Runbook, run: &mut Run, human: &Human) -> anyhow::Result<()> {
    let asks = runbook
        .stages
        .iter()
        .flat_map(|s| s.steps.iter().chain(&s.rollback))
        .flat_map(|step| step.kind_asks().iter().map(|a| (step.id.as_str(), a)));
    for (step, ask) in asks {
        if !run.masked.contains(&ask.name) || run.answers.contains_key(&ask.name) {
            continue;
        }
        if human.file.answers.contains_key(&ask.name) || human.interactive() {
            eprintln!(
                "{}",
                crate::t!("journalled-secret-again", name = ask.name.as_str())
            );
            let value = human.answer(step, ask)?;
            run.answers.insert(ask.name.clone(), value);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runbook::decided::{Source, What};
    use serde_json::Map;

    fn result() -> StepResult {
        let mut evidence = Map::new();
        evidence.insert(
            "answers".into(),
            json!({ "admin_password": "Hunter2-s3cret", "release": "22.1" }),
        );
        evidence.insert(
            "command".into(),
            json!("login Hunter2-s3cret and T0ken-0ld"),
        );
        StepResult {
            reason: Some(crate::msg!(
                "reason-run-no-match",
                regex = "refused T0ken-0ld"
            )),
            ..StepResult::done(evidence)
        }
    }

    fn known() -> Answers {
        Answers::from(std::collections::BTreeMap::from([(
            "api_token".to_string(),
            "T0ken-0ld".to_string(),
        )]))
    }

    #[test]
    fn secrets_are_masked_and_decisions_named() {
        let decided = vec![Decided {
            what: What::Answer {
                name: "release".into(),
            },
            by: Source::AnswersFile,
        }];
        let out = journalled(result(), decided, &known());
        let text = serde_json::to_string(&out.evidence).unwrap();
        assert!(
            !text.contains("Hunter2") && !text.contains("T0ken"),
            "{text}"
        );
        assert_eq!(out.evidence["answers"]["admin_password"], MASK);
        assert_eq!(out.evidence["answers"]["release"], "22.1");
        assert_eq!(out.evidence["decided_by"][0]["by"], "answers_file");
        let reason = out.reason.unwrap();
        assert_eq!(
            reason.en(),
            format!("output does not match `refused {MASK}`")
        );
        assert_eq!(
            reason.in_lang(crate::i18n::Lang::It),
            format!("l'output non corrisponde a `refused {MASK}`")
        );
    }

    #[test]
    fn what_is_masked_is_wiped_from_memory_first() {
        let known = known();
        for secret in ["Hunter2-s3cret", "T0ken-0ld"] {
            let result = result();
            let leaked = crate::fuzz::alloc::freed_holding(secret.as_bytes(), || {
                drop(journalled(result, Vec::new(), &known));
            });
            assert!(!leaked, "`{secret}` was freed unwiped");
        }
    }
}
