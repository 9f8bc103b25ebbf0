//! A step's fingerprint: a hash of what the step does, so that a resumed run can name the
//! steps that changed since it began. Only what changes the step's effect counts — its
//! English text (the reference every translation follows), kind, hosts, commands, checks,
//! questions, condition, patterns and limits — never where it stands in the file nor its
//! translations: translating a runbook, or adding a line above a step, changes no
//! fingerprint, whereas a changed command or instruction always does.

use super::sha256_hex;
use crate::runbook::model::{Kind, Step};
use crate::runbook::text::Text;

/// Every fingerprint starts with this. One without it was taken by an earlier tvdr, which
/// hashed the step as written (its line and column, every translation): comparing the two
/// would call every step changed, so such a run is told "cannot say which".
pub const VERSION: &str = "v2:";

/// The fingerprint of `step`, validated: its texts reduced to English, its place gone.
pub fn of(step: &Step) -> String {
    let mut step = step.clone();
    step.fingerprint.clear();
    english(&mut step.title);
    if let Some(text) = &mut step.instructions {
        english(text);
    }
    if let Kind::Manual { ask } | Kind::Gate { ask, .. } = &mut step.kind {
        for question in ask {
            english(&mut question.prompt);
        }
    }
    // The validated model holds no file locations, and its `Debug` names every field: a
    // field added to a step counts without anyone remembering to add it here.
    format!("{VERSION}{}", sha256_hex(format!("{step:?}").as_bytes()))
}

/// Whether fingerprints recorded by a run can be compared with today's.
pub fn comparable(recorded: &str) -> bool {
    recorded.starts_with(VERSION)
}

fn english(text: &mut Text) {
    *text = Text::Plain(text.en().to_string());
}

#[cfg(test)]
mod tests {
    use crate::runbook::model::Runbook;

    const PLAIN: &str = r#"
id: fp
title: Fingerprints
stages:
  - id: s
    title: S
    steps:
      - id: ask
        kind: manual
        title: Ask the release
        instructions: Agree it with the customer.
        ask: [ { name: release, type: text, prompt: Which release? } ]
      - { id: patch, kind: run, title: Patch, on: tvox1, command: [updater, "{{ release }}"] }
"#;

    /// The same steps, translated, with a comment and a description moving every line.
    const TRANSLATED: &str = r#"
# A site's copy, translated.
id: fp
title: { en: Fingerprints, it: Impronte }
description: { en: Moves every step down, it: Sposta ogni passo più in basso }
stages:
  - id: s
    title: { en: S, it: S }
    steps:
      - id: ask
        kind: manual
        title: { en: Ask the release, it: Chiedi la release }
        instructions:
          en: Agree it with the customer.
          it: Concordala con il cliente.
        ask:
          - name: release
            type: text
            prompt: { en: Which release?, it: Quale release? }
      - id: patch
        kind: run
        title: { en: Patch, it: Aggiorna }
        on: tvox1
        command: [updater, "{{ release }}"]
"#;

    fn fingerprints(text: &str) -> Vec<String> {
        let rb: Runbook = crate::runbook::load("embedded:fp.yaml", text).unwrap();
        rb.stages[0]
            .steps
            .iter()
            .map(|s| s.fingerprint.clone())
            .collect()
    }

    #[test]
    fn a_translation_or_a_moved_line_changes_no_fingerprint_a_changed_effect_does() {
        let plain = fingerprints(PLAIN);
        assert!(plain.iter().all(|f| super::comparable(f)), "{plain:?}");
        assert_ne!(plain[0], plain[1]);
        assert_eq!(fingerprints(TRANSLATED), plain);
        // Only the Italian changed: still the same steps.
        let italian = TRANSLATED.replace("Quale release?", "Che release?");
        assert_eq!(fingerprints(&italian), plain);
        // What the step does: its command, its English words, its question.
        let command = PLAIN.replace("command: [updater,", "command: [updater, --force,");
        assert_eq!(fingerprints(&command)[0], plain[0]);
        assert_ne!(fingerprints(&command)[1], plain[1]);
        let words = PLAIN.replace("Agree it with", "Write it down with");
        assert_ne!(fingerprints(&words)[0], plain[0]);
        let prompt = TRANSLATED.replace("en: Which release?", "en: Which version?");
        assert_ne!(fingerprints(&prompt)[0], plain[0]);
        let host = PLAIN.replace("on: tvox1", "on: tvox2");
        assert_ne!(fingerprints(&host)[1], plain[1]);
    }

    #[test]
    fn a_fingerprint_of_an_earlier_tvdr_is_not_comparable() {
        let old = crate::runbook::load::sha256_hex(b"RawStep { id: Spanned { .. } }");
        assert!(!super::comparable(&old));
    }
}
