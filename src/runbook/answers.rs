//! The answers a run was given, by question name. Each value is wiped from memory when it
//! is dropped: a `db_password` typed at a manual step is held while the run needs it, and
//! a core dump or a swapped page taken later does not find it in memory tvdr freed.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::runbook::secret::{is_secret_name, MASK};

/// One answer's text, overwritten with zeros when dropped.
pub type Answer = zeroize::Zeroizing<String>;

/// Answers by name; read like a map of strings. `Debug` masks the values of secret names.
#[derive(Clone, Default, PartialEq, Deserialize)]
#[serde(from = "BTreeMap<String, String>")]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|v| v.as_str())
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Sets `name`; the value is moved in, not copied (a `String` or an [`Answer`]).
    pub fn insert(&mut self, name: String, value: impl Into<Answer>) {
        self.0.insert(name, value.into());
    }

    /// Name and value of each answer, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// A JSON object of the answers, for a step's evidence. The texts move into it, not
    /// copied; whoever keeps the object masks and wipes the secret ones (the journal does).
    pub fn into_json(self) -> serde_json::Value {
        let fields = self.0.into_iter().map(|(name, mut value)| {
            let text = std::mem::take(&mut *value);
            (name, serde_json::Value::String(text))
        });
        serde_json::Value::Object(fields.collect())
    }
}

/// The strings are moved into wiping ones: no copy is left behind.
impl From<BTreeMap<String, String>> for Answers {
    fn from(map: BTreeMap<String, String>) -> Answers {
        map.into_iter().collect()
    }
}

impl FromIterator<(String, String)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Answers {
        Answers(
            pairs
                .into_iter()
                .map(|(k, v)| (k, Answer::new(v)))
                .collect(),
        )
    }
}

impl std::fmt::Debug for Answers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(
                self.iter()
                    .map(|(k, v)| (k, if is_secret_name(k) { MASK } else { v })),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzz::alloc::freed_holding;

    const PASSWORD: &str = "Hunter2-wiped-on-drop";

    /// A fresh heap copy of the password (its only one).
    fn password() -> String {
        String::from_utf8(PASSWORD.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn an_answer_is_wiped_from_memory_when_dropped() {
        // The check can fail: a plain string leaves the password in the memory it frees.
        assert!(freed_holding(PASSWORD.as_bytes(), || drop(password())));
        let mut answers = Answers::default();
        answers.insert("db_password".into(), password());
        let copy = answers.clone();
        assert_eq!(copy.get("db_password"), Some(PASSWORD));
        assert!(!freed_holding(PASSWORD.as_bytes(), move || {
            drop(answers);
            drop(copy);
        }));
        // Made from plain strings (an answers file's map): moved in, none left behind.
        let map = BTreeMap::from([("db_password".to_string(), password())]);
        assert!(!freed_holding(PASSWORD.as_bytes(), move || {
            drop(Answers::from(map));
        }));
    }

    #[test]
    fn an_answers_file_keeps_its_answers_in_wiping_memory() {
        let text = format!("answers:\n  db_password: {PASSWORD}\n  release: '22'\n");
        let file: crate::runbook::engine::human::AnswersFile =
            crate::yaml::parse(std::path::Path::new("answers.yaml"), &text).unwrap();
        assert_eq!(file.answers.get("release"), Some("22"));
        assert!(!freed_holding(PASSWORD.as_bytes(), move || drop(file)));
    }

    #[test]
    fn debug_shows_no_secret_value() {
        let answers: Answers = [
            ("db_password".to_string(), password()),
            ("release".to_string(), "22".to_string()),
        ]
        .into_iter()
        .collect();
        let shown = format!("{answers:?}");
        assert!(!shown.contains(PASSWORD), "{shown}");
        assert!(shown.contains(MASK) && shown.contains("\"22\""), "{shown}");
    }
}
