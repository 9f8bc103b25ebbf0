//! `{{ name }}` references in runbook commands, filled from facts and answers.
//!
//! In a `command:` list every element becomes one argument, quoted as a whole after the
//! references are filled in. In a `script:` each filled-in value is shell-quoted where it
//! stands, so an answer can never become shell code.

use zeroize::Zeroizing;

use super::facts::{Facts, Name};
use super::secret::Secrets;
use crate::i18n::Msg;
use crate::msg;
use crate::transport::quote;

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Ref(Name),
}

/// A string with references.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub source: String,
    pub pieces: Vec<Piece>,
}

impl Template {
    pub fn parse(source: &str) -> Result<Template, Msg> {
        let mut pieces = Vec::new();
        let mut rest = source;
        while let Some(start) = rest.find("{{") {
            if start > 0 {
                pieces.push(Piece::Text(rest[..start].to_string()));
            }
            let after = &rest[start + 2..];
            let end = after
                .find("}}")
                .ok_or_else(|| msg!("template-unclosed", source = source))?;
            pieces.push(Piece::Ref(Name::parse(&after[..end])?));
            rest = &after[end + 2..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_string()));
        }
        Ok(Template {
            source: source.to_string(),
            pieces,
        })
    }

    pub fn names(&self) -> impl Iterator<Item = &Name> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Ref(name) => Some(name),
            Piece::Text(_) => None,
        })
    }

    /// The text with every reference replaced by its value (`quoted`: shell-quoted), or
    /// the first name that has no value yet.
    pub fn fill(&self, facts: &Facts, quoted: bool) -> Result<String, Name> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Ref(name) => {
                    let value = facts.get(name).ok_or_else(|| name.clone())?.to_string();
                    if quoted {
                        out.push_str(&quote(value.as_str()));
                    } else {
                        out.push_str(&value);
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Text shown to the technician (instructions) with the references it makes filled in from
/// what is known now (answers, inventory): "snapshot `{{ snapshot_name }}`" shows the name
/// the technician gave. Text that is no template, or names something not known yet, is shown
/// as written. A secret answer is shown masked: it was typed unseen, and the screen is no
/// place to read it back (the filled text that held it is wiped).
pub fn show(text: &str, facts: &Facts) -> String {
    let filled = Template::parse(text)
        .ok()
        .and_then(|t| t.fill(facts, false).ok());
    match filled {
        Some(filled) => Secrets::of(facts.answers.iter()).mask(&Zeroizing::new(filled)),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::inventory::Inventory;
    use crate::runbook::answers::Answers;

    #[test]
    fn references_are_filled_and_quoted_in_scripts() {
        let inv = Inventory::parse(
            Path::new("t.yaml"),
            "site: s\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 10.0.0.1 }\n",
        )
        .unwrap();
        let answers = Answers::from(BTreeMap::from([(
            "release".to_string(),
            "22; rm -rf /".to_string(),
        )]));
        let facts = Facts {
            inventory: &inv,
            answers: &answers,
        };
        let t = Template::parse("--release={{ release }} on {{nodes.tvox1.address}}").unwrap();
        assert_eq!(
            t.fill(&facts, false).unwrap(),
            "--release=22; rm -rf / on 10.0.0.1"
        );
        assert_eq!(
            t.fill(&facts, true).unwrap(),
            "--release='22; rm -rf /' on 10.0.0.1"
        );
        let missing = Template::parse("{{ later }}").unwrap();
        assert_eq!(
            missing.fill(&facts, true),
            Err(Name::Answer("later".into()))
        );
        assert!(Template::parse("{{ open").is_err());
        assert!(Template::parse("{{ tvox.nope }}").is_err());
    }

    #[test]
    fn shown_text_fills_what_is_known_and_keeps_the_rest_as_written() {
        let inv = Inventory::parse(
            Path::new("t.yaml"),
            "site: s\ntvox: { version: 21, domain: d.example }\nnodes:\n  tvox1: { address: 10.0.0.1 }\n",
        )
        .unwrap();
        let answers = Answers::from(BTreeMap::from([
            ("snapshot_name".to_string(), "pre-ft".to_string()),
            ("occ_password".to_string(), "Hunter2-s3cret".to_string()),
        ]));
        let facts = Facts {
            inventory: &inv,
            answers: &answers,
        };
        assert_eq!(
            show("restore `{{ snapshot_name }}`", &facts),
            "restore `pre-ft`"
        );
        assert_eq!(
            show("log in with {{ occ_password }}", &facts),
            format!("log in with {}", crate::runbook::secret::MASK)
        );
        // Not known yet, or no template at all: as written, never an error.
        assert_eq!(show("ask `{{ later }}`", &facts), "ask `{{ later }}`");
        assert_eq!(show("a { brace", &facts), "a { brace");
    }
}
