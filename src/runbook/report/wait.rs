//! A `wait` step's evidence in one line of the report: what it waited for, what the last
//! look found, how many looks and how long, in the report's language where the journal
//! has the words (`until_it`, `last_it`, `lasting_it`), else as recorded.

use serde_json::{Map, Value};

use super::text::{seconds, shorten};
use crate::i18n::Lang;
use crate::t;

/// A last look longer than this is cut (the journal keeps it whole).
const LAST_CHARS: usize = 120;

/// The fields this rule shows (the others' rule leaves them).
pub const FIELDS: &[&str] = &[
    "until",
    "until_it",
    "last",
    "last_it",
    "lasting",
    "lasting_it",
];

/// `None` when the evidence is not a wait's.
pub fn line(fields: &Map<String, Value>, lang: Lang) -> Option<String> {
    let until = words(fields, "until", lang)?;
    // A check's last look is its report, which the line shows already (`db OK`) and the
    // checks section in full.
    let last = words(fields, "last", lang).filter(|_| fields.get("reports").is_none());
    let mut line = match last {
        Some(last) => t!(
            in lang,
            "report-wait",
            until = until,
            last = shorten(last, LAST_CHARS)
        ),
        None => t!(in lang, "report-wait-until", until = until),
    };
    let took = fields.get("seconds").and_then(Value::as_f64);
    match (fields.get("attempts").and_then(Value::as_u64), took) {
        (Some(looks), Some(took)) => line.push_str(&t!(
            in lang,
            "report-wait-looks",
            looks = looks,
            took = seconds(took)
        )),
        (None, Some(took)) => line.push_str(&t!(in lang, "report-wait-took", took = seconds(took))),
        _ => {}
    }
    if let Some(lasting) = words(fields, "lasting", lang) {
        line.push_str(&t!(in lang, "report-wait-lasting", lasting = lasting));
    }
    Some(line)
}

/// The field in `lang` where the journal has it, else its English.
fn words<'a>(fields: &'a Map<String, Value>, name: &str, lang: Lang) -> Option<&'a str> {
    let translated = (lang != Lang::En)
        .then(|| fields.get(&format!("{name}_{}", lang.code())))
        .flatten();
    translated.or_else(|| fields.get(name))?.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn a_wait_reads_in_the_report_language_and_an_old_journal_in_english() {
        let lasting = fields(json!({
            "until": "`db` OK", "attempts": 1, "seconds": 2.0,
            "last": "db UNKNOWN: no credentials", "last_it": "db UNKNOWN: nessuna credenziale",
            "lasting": "no credentials", "lasting_it": "nessuna credenziale"
        }));
        assert_eq!(
            line(&lasting, Lang::It).unwrap(),
            "fino a `db` OK: db UNKNOWN: nessuna credenziale (1 controllo in 2s); non \
             sarebbe cambiato: nessuna credenziale"
        );
        assert_eq!(
            line(&lasting, Lang::En).unwrap(),
            "until `db` OK: db UNKNOWN: no credentials (1 look in 2s); it would not change: \
             no credentials"
        );
        let old = fields(json!({ "until": "tvox1 up" }));
        assert_eq!(line(&old, Lang::It).unwrap(), "fino a tvox1 up");
        assert!(line(&fields(json!({ "exit": 0 })), Lang::It).is_none());
    }
}
