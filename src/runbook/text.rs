//! A runbook text in two languages or one: `title: { en: …, it: … }`, or a plain string
//! (a site's own runbook, written in its language). Shown in the chosen language, else in
//! the other one: a user's runbook never fails for lacking a language; the shipped ones do
//! (`tvdr lint`, [`Text::missing`]).

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::i18n::{self, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// One string, in whatever language its author wrote.
    Plain(String),
    /// By language; at least one is there.
    Langs {
        en: Option<String>,
        it: Option<String>,
    },
}

impl Text {
    /// The text in `lang`, else in the other language.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Langs { en, it } => {
                let (first, second) = match lang {
                    Lang::En => (en, it),
                    Lang::It => (it, en),
                };
                first.as_deref().or(second.as_deref()).unwrap_or_default()
            }
        }
    }

    /// The text in the chosen language.
    pub fn local(&self) -> &str {
        self.get(i18n::lang())
    }

    /// The English text (or the only one): what language-neutral outputs (JSON) carry.
    pub fn en(&self) -> &str {
        self.get(Lang::En)
    }

    /// The Italian text when there is one written as such.
    pub fn it(&self) -> Option<&str> {
        match self {
            Text::Langs { it, .. } => it.as_deref(),
            Text::Plain(_) => None,
        }
    }

    /// The languages this text lacks, for a runbook that must have both.
    pub fn missing(&self) -> Vec<Lang> {
        match self {
            Text::Plain(_) => Lang::ALL.to_vec(),
            Text::Langs { en, it } => [(Lang::En, en), (Lang::It, it)]
                .into_iter()
                .filter(|(_, t)| t.as_deref().is_none_or(|t| t.trim().is_empty()))
                .map(|(l, _)| l)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.en().trim().is_empty()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

/// The text in the chosen language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.local())
    }
}

/// Language-neutral outputs (JSON) carry the English text, as they always have; the
/// Italian one goes beside it where a consumer may want it (`title_it` in the plan).
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.en())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or one text per language: { en: …, it: … }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let (mut en, mut it) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match Lang::parse(&key) {
                        Some(Lang::En) if key == "en" => &mut en,
                        Some(Lang::It) if key == "it" => &mut it,
                        _ => return Err(de::Error::unknown_field(&key, &["en", "it"])),
                    };
                    if slot.replace(map.next_value::<String>()?).is_some() {
                        return Err(de::Error::duplicate_field("language"));
                    }
                }
                if en.is_none() && it.is_none() {
                    return Err(de::Error::custom("a text needs `en:` or `it:`"));
                }
                Ok(Text::Langs { en, it })
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<Text, String> {
        serde_saphyr::from_str::<Text>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn a_plain_text_is_one_language_and_a_map_gives_each() {
        let plain = parse("Riavvia TVOX 1").unwrap();
        assert_eq!(plain.get(Lang::En), "Riavvia TVOX 1");
        assert_eq!(plain.missing(), vec![Lang::En, Lang::It]);
        let both = parse("{ en: Reboot TVOX 1, it: Riavvia TVOX 1 }").unwrap();
        assert_eq!(both.get(Lang::It), "Riavvia TVOX 1");
        assert_eq!(both.en(), "Reboot TVOX 1");
        assert!(both.missing().is_empty());
    }

    #[test]
    fn a_missing_language_falls_back_to_the_other_and_is_named() {
        let en = parse("{ en: Reboot }").unwrap();
        assert_eq!(en.get(Lang::It), "Reboot");
        assert_eq!(en.missing(), vec![Lang::It]);
        let it = parse("{ it: Riavvia }").unwrap();
        assert_eq!(it.en(), "Riavvia");
    }

    #[test]
    fn unknown_languages_and_empty_maps_are_refused() {
        assert!(parse("{ fr: Redémarrer }").unwrap_err().contains("fr"));
        assert!(parse("{}").is_err());
    }
}
