//! Results of one UAT phase, and the comparison with earlier phases: a case that passed
//! before and fails now is a regression, the first thing the technician and the customer
//! must hear about.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
    Skip,
}

impl Verdict {
    /// `pass`, `fail` or `skip`, optionally followed by `: note` (answers files).
    pub fn parse(text: &str) -> Result<(Verdict, String), crate::i18n::Msg> {
        let (word, note) = text.split_once(':').unwrap_or((text, ""));
        let verdict = match word.trim().to_ascii_lowercase().as_str() {
            "pass" => Verdict::Pass,
            "fail" => Verdict::Fail,
            "skip" => Verdict::Skip,
            other => return Err(crate::msg!("uat-not-a-verdict", word = other)),
        };
        Ok((verdict, note.trim().to_string()))
    }
}

/// One case's result, as the journal keeps it (the report reads the same shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseResult {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub result: Verdict,
    #[serde(default)]
    pub note: String,
}

/// An earlier walk: its phase and results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub phase: String,
    pub cases: Vec<CaseResult>,
}

impl Phase {
    /// The phase a `uat` step recorded as its evidence, if this evidence is one.
    pub fn from_evidence(evidence: &Value) -> Option<Phase> {
        serde_json::from_value(evidence.clone()).ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regression {
    pub id: String,
    /// The latest earlier phase where it passed.
    pub passed_in: String,
}

/// Cases failing `now` that passed in one of the `earlier` phases (oldest first).
pub fn regressions(earlier: &[Phase], now: &[CaseResult]) -> Vec<Regression> {
    let mut passed: BTreeMap<&str, &str> = BTreeMap::new();
    for phase in earlier {
        for case in phase.cases.iter().filter(|c| c.result == Verdict::Pass) {
            passed.insert(&case.id, &phase.phase);
        }
    }
    now.iter()
        .filter(|c| c.result == Verdict::Fail)
        .filter_map(|c| {
            passed.get(c.id.as_str()).map(|phase| Regression {
                id: c.id.clone(),
                passed_in: phase.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str, result: Verdict) -> CaseResult {
        CaseResult {
            id: id.into(),
            title: id.into(),
            area: None,
            result,
            note: String::new(),
        }
    }

    #[test]
    fn a_case_that_passed_before_and_fails_now_is_called_out() {
        let baseline = Phase {
            phase: "baseline".into(),
            cases: vec![
                case("a", Verdict::Pass),
                case("b", Verdict::Fail),
                case("c", Verdict::Pass),
            ],
        };
        let after = Phase {
            phase: "after-ft".into(),
            cases: vec![case("c", Verdict::Pass)],
        };
        let now = [
            case("a", Verdict::Fail),
            case("b", Verdict::Fail),
            case("c", Verdict::Fail),
        ];
        assert_eq!(
            regressions(&[baseline, after], &now),
            vec![
                Regression {
                    id: "a".into(),
                    passed_in: "baseline".into()
                },
                Regression {
                    id: "c".into(),
                    passed_in: "after-ft".into()
                },
            ]
        );
    }

    #[test]
    fn answers_read_with_an_optional_note() {
        assert_eq!(
            Verdict::parse("fail: one-way audio"),
            Ok((Verdict::Fail, "one-way audio".into()))
        );
        assert_eq!(Verdict::parse("PASS"), Ok((Verdict::Pass, String::new())));
        assert!(Verdict::parse("maybe").is_err());
    }

    #[test]
    fn evidence_of_a_uat_step_reads_back() {
        let evidence = serde_json::json!({
            "checklist": "uat-standard", "phase": "baseline",
            "cases": [{ "id": "a", "title": "A", "result": "pass", "note": "" }],
            "regressions": []
        });
        let phase = Phase::from_evidence(&evidence).unwrap();
        assert_eq!(phase.cases[0].result, Verdict::Pass);
        assert!(Phase::from_evidence(&serde_json::json!({ "exit": 0 })).is_none());
    }
}
