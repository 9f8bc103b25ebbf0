//! A check report's words in every language, for the journal: the report is journalled
//! as JSON (English, as `--format json` writes it) and beside it, for each other language,
//! its summary, detail messages and hints in that language, so the customer's report
//! written later in Italian shows the verdicts in Italian. A journal written before has
//! no such entry: its English words are shown as recorded.

use serde_json::{json, Map, Value};

use super::Report;
use crate::i18n::Lang;

/// The evidence key of the reports' words in `lang`; `None` for English, which is the
/// reports themselves.
fn key(lang: Lang) -> Option<String> {
    (lang != Lang::En).then(|| format!("reports_{}", lang.code()))
}

/// Puts `reports` into a step's evidence: `reports` as JSON, `reports_it` their words.
pub fn record(evidence: &mut Map<String, Value>, reports: &[Report]) {
    evidence.insert("reports".into(), json!(reports));
    for lang in Lang::ALL {
        let Some(key) = key(lang) else { continue };
        let words: Vec<Value> = reports
            .iter()
            .map(|r| {
                json!({
                    "summary": r.summary.in_lang(lang),
                    "details": r.details.iter().map(|d| d.message.in_lang(lang)).collect::<Vec<_>>(),
                    "items": r.details.iter().map(|d| d.item.in_lang(lang)).collect::<Vec<_>>(),
                    "hints": r.hints.iter().map(|h| h.in_lang(lang)).collect::<Vec<_>>(),
                })
            })
            .collect();
        evidence.insert(key, Value::Array(words));
    }
}

/// How the report at `index` of a step's evidence reads in `lang`: its summary, the
/// message of its detail at a given index and its hints, each falling back to the
/// English recorded in the report itself.
pub struct Words<'a> {
    english: &'a Value,
    translated: Option<&'a Value>,
}

impl<'a> Words<'a> {
    pub fn of(evidence: &'a Value, index: usize, lang: Lang) -> Option<Words<'a>> {
        let english = evidence.get("reports")?.as_array()?.get(index)?;
        let translated = key(lang)
            .and_then(|k| evidence.get(&k))
            .and_then(Value::as_array)
            .and_then(|all| all.get(index));
        Some(Words {
            english,
            translated,
        })
    }

    pub fn summary(&self) -> &'a str {
        self.pick(|v| v.get("summary"), |v| v.get("summary"))
    }

    pub fn detail(&self, index: usize) -> &'a str {
        self.pick(
            |v| v.get("details")?.get(index)?.get("message"),
            |v| v.get("details")?.get(index),
        )
    }

    /// What the detail at `index` looked at (a journal written before has no `items`:
    /// the English).
    pub fn item(&self, index: usize) -> &'a str {
        self.pick(
            |v| v.get("details")?.get(index)?.get("item"),
            |v| v.get("items")?.get(index),
        )
    }

    pub fn hint(&self, index: usize) -> &'a str {
        self.pick(
            |v| v.get("hints")?.get(index),
            |v| v.get("hints")?.get(index),
        )
    }

    fn pick(
        &self,
        english: impl Fn(&'a Value) -> Option<&'a Value>,
        translated: impl Fn(&'a Value) -> Option<&'a Value>,
    ) -> &'a str {
        self.translated
            .and_then(translated)
            .or_else(|| english(self.english))
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;
    use crate::msg;

    #[test]
    fn italian_words_are_journalled_beside_the_english_report() {
        let report = Report::new("vip", Status::Crit, msg!("vip-none", ip = "10.0.0.9"))
            .detail(
                Status::Unknown,
                Some("tvox2"),
                msg!("item-node-ip"),
                msg!("vip-no-address"),
            )
            .hint(msg!("vip-switch-hint", node = "tvox2"));
        let mut evidence = Map::new();
        record(&mut evidence, &[report]);
        let evidence = Value::Object(evidence);
        assert_eq!(
            evidence["reports"][0]["summary"],
            "no node holds the node IP 10.0.0.9"
        );
        let it = Words::of(&evidence, 0, Lang::It).unwrap();
        assert_eq!(it.summary(), "nessun nodo ha l'IP del nodo 10.0.0.9");
        assert!(it.detail(0).contains("non ha mostrato"), "{}", it.detail(0));
        assert!(it.hint(0).contains("scopri perché"));
        let en = Words::of(&evidence, 0, Lang::En).unwrap();
        assert_eq!(en.detail(0), "`ip -o addr show` printed no address");
        assert_eq!(evidence["reports"][0]["details"][0]["item"], "node IP");
        assert_eq!(it.item(0), "IP del nodo");
        assert_eq!(en.item(0), "node IP");
    }

    #[test]
    fn an_old_journal_shows_its_english_words() {
        let evidence = json!({"reports": [{"summary": "all good", "details": [
            {"status": "OK", "item": "node IP", "message": "fine"}
        ], "hints": []}]});
        let words = Words::of(&evidence, 0, Lang::It).unwrap();
        assert_eq!(words.summary(), "all good");
        assert_eq!(words.item(0), "node IP");
        assert_eq!(words.hint(0), "");
    }
}
