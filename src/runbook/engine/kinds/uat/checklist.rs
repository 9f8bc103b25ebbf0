//! The UAT checklist ("lista check UAT"): its file format (documented at the top of
//! `runbooks/uat-standard.yaml`) and where a run finds it.
//!
//! Fields a later version of the format adds are ignored rather than refused, so a site
//! copy written for a newer tvdr still walks; `id` and `title` of every case are required.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::exit_code::Exit;
use crate::runbook::library::UAT_STANDARD;
use crate::runbook::text::Text;

#[derive(Debug, Clone, Deserialize)]
pub struct Checklist {
    pub id: String,
    pub title: Text,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub area: Option<String>,
    pub title: Text,
    #[serde(default)]
    pub how: Option<Text>,
    #[serde(default)]
    pub expected: Option<Text>,
}

/// The checklist a runbook names (`uat:`), or the shipped one. A runbook may name the
/// shipped file by its name (`uat-standard.yaml`); anything else is a path, relative to
/// the current directory.
pub fn load(named: Option<&str>) -> Result<Checklist> {
    let shipped = |name: &str| {
        Path::new(name)
            .file_name()
            .is_some_and(|f| f == UAT_STANDARD.0)
            && !Path::new(name).exists()
    };
    let (path, text) = match named {
        Some(name) if !shipped(name) => {
            let text = std::fs::read_to_string(name)
                .with_context(|| crate::raised!("uat-checklist-unreadable", name = name))?;
            (name.to_string(), text)
        }
        _ => (
            format!("embedded:{}", UAT_STANDARD.0),
            UAT_STANDARD.1.to_string(),
        ),
    };
    parse(&path, &text)
}

pub fn parse(path: &str, text: &str) -> Result<Checklist> {
    let checklist: Checklist = crate::yaml::parse(Path::new(path), text)?;
    let mut seen = BTreeSet::new();
    for case in &checklist.cases {
        if case.id.trim().is_empty() || !seen.insert(case.id.as_str()) {
            let said = crate::said!("uat-case-id-twice", path = path, case = case.id.as_str());
            return Err(Exit::Usage(crate::i18n::raise(said)).into());
        }
    }
    if checklist.cases.is_empty() {
        let said = crate::said!("uat-no-cases", path = path);
        return Err(Exit::Usage(crate::i18n::raise(said)).into());
    }
    Ok(checklist)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_checklist_loads() {
        let list = load(None).unwrap();
        assert_eq!(list.id, "uat-standard");
        assert!(list.cases.iter().any(|c| c.id == "inbound-external"));
        assert!(list.cases.iter().all(|c| !c.title.is_empty()));
        // Shipped: every text in both languages, like the shipped runbooks.
        assert!(list.title.missing().is_empty());
        for case in &list.cases {
            let texts = [Some(&case.title), case.how.as_ref(), case.expected.as_ref()];
            for text in texts.into_iter().flatten() {
                assert_eq!(text.missing(), vec![], "case `{}`: {text:?}", case.id);
            }
        }
        assert_eq!(
            load(Some("uat-standard.yaml")).unwrap().cases.len(),
            list.cases.len()
        );
    }

    #[test]
    fn duplicate_cases_are_refused_and_new_fields_ignored() {
        let text = "id: x\ntitle: X\ncases:\n  - { id: a, title: A, owner: bob }\n  - { id: a, title: B }\n";
        let err = parse("x.yaml", text).unwrap_err().to_string();
        assert!(err.contains("`a`"), "{err}");
        let ok = parse(
            "x.yaml",
            "id: x\ntitle: X\ncases:\n  - { id: a, title: A, owner: bob }\n",
        );
        assert_eq!(ok.unwrap().cases[0].id, "a");
    }
}
