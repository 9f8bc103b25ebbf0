//! Who decided: every answer, confirmation, gate, override, retry or stop and UAT result
//! of a run is recorded with where it came from — a person at the terminal (named), the
//! answers file, or `--yes` — so the journal and the report never pass a rehearsal's
//! pre-written answer or a blanket `--yes` off as a technician's word.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a decision came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Source {
    /// A person at the terminal: the run's operator.
    Operator { operator: String },
    /// `--answers FILE`.
    AnswersFile,
    /// `--yes` (a confirmation, a question's default, a failure that stops the run, a UAT
    /// case not walked).
    Yes,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Operator { operator } => write!(f, "{operator} at the terminal"),
            Source::AnswersFile => f.write_str("the answers file"),
            Source::Yes => f.write_str("--yes"),
        }
    }
}

/// What was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum What {
    /// A typed answer to question `name`.
    Answer { name: String },
    /// A yes/no confirmation (a manual step done, run again, resume…).
    Confirmation { prompt: String, yes: bool },
    /// An evidence gate said true (or not).
    Gate { passed: bool },
    /// A failed step gone past with a written reason.
    Override,
    /// A failed attempt tried again.
    Retry,
    /// A failure ends the step: the run stops (resumable).
    Stop,
    /// The result of one UAT case.
    Uat { phase: String, case: String },
}

impl What {
    /// A short label, plural when `n > 1`.
    pub fn label(&self, n: usize) -> String {
        let one = match self {
            What::Answer { .. } => "answer",
            What::Confirmation { .. } => "confirmation",
            What::Gate { .. } => "gate",
            What::Override => "override",
            What::Retry => "retry",
            What::Stop => "stop",
            What::Uat { .. } => "UAT result",
        };
        match n {
            1 => one.to_string(),
            _ if one == "retry" => format!("{n} retries"),
            _ => format!("{n} {one}s"),
        }
    }
}

/// One decision and where it came from; a step's list is its evidence `decided_by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    #[serde(flatten)]
    pub what: What,
    #[serde(flatten)]
    pub by: Source,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_reads_flat_in_the_journal_and_back() {
        let decided = vec![
            Decided {
                what: What::Answer {
                    name: "release".into(),
                },
                by: Source::AnswersFile,
            },
            Decided {
                what: What::Gate { passed: true },
                by: Source::Operator {
                    operator: "tech-a".into(),
                },
            },
            Decided {
                what: What::Confirmation {
                    prompt: "done?".into(),
                    yes: true,
                },
                by: Source::Yes,
            },
        ];
        let json = serde_json::to_string(&decided).unwrap();
        assert_eq!(
            json,
            r#"[{"what":"answer","name":"release","by":"answers_file"},{"what":"gate","passed":true,"by":"operator","operator":"tech-a"},{"what":"confirmation","prompt":"done?","yes":true,"by":"yes"}]"#
        );
        let back: Vec<Decided> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, decided);
        assert_eq!(decided[1].by.to_string(), "tech-a at the terminal");
        assert_eq!(What::Retry.label(2), "2 retries");
    }
}
