//! A reason a step records (why it failed, was skipped or stopped), journalled in English
//! with its Italian beside it (`reason_it`): the journal stays English-first while the
//! terminal and the customer's report show the reason in their language. A person's typed
//! reason reads the same in every language; a journal written before has only English.

use crate::i18n::{Lang, Msg};

/// `reason` and `reason_it` of a journal record: the English words and, when they differ,
/// the Italian.
pub fn recorded(reason: Option<&Msg>) -> (Option<String>, Option<String>) {
    let Some(reason) = reason else {
        return (None, None);
    };
    let it = reason.in_lang(Lang::It);
    (
        Some(reason.en().to_string()),
        (it != reason.en()).then(|| it.to_string()),
    )
}

/// A recorded reason as a message again: its Italian where the journal has it, its English
/// otherwise.
pub fn read(en: &str, it: Option<&str>) -> Msg {
    Msg::from_fn(|lang| match (lang, it) {
        (Lang::It, Some(it)) => it.to_string(),
        _ => en.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_keeps_its_italian_beside_and_an_old_one_reads_in_english() {
        let why = crate::msg!("reason-condition-false");
        let (en, it) = recorded(Some(&why));
        assert_eq!(en.as_deref(), Some("its condition is false here"));
        let it = it.expect("an Italian text beside");
        assert_eq!(read(en.as_deref().unwrap(), Some(&it)), why);
        assert_eq!(read("typed", None).in_lang(Lang::It), "typed");
        assert_eq!(
            recorded(Some(&Msg::text("typed"))).1,
            None,
            "the same words"
        );
        assert_eq!(recorded(None), (None, None));
    }
}
