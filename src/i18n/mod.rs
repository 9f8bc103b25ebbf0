//! Messages in Italian and English: Fluent catalogues (`i18n/<lang>/*.ftl`) embedded in
//! the binary, one language chosen once at start ([`choose`]), looked up with [`t!`].
//!
//! Machine outputs (JSON, JUnit, Nagios, Prometheus, the journal) never go through here:
//! they stay language-neutral.

use std::sync::OnceLock;

mod catalogue;
mod choose;
pub mod cli;
mod msg;
#[cfg(test)]
mod tests;

pub use catalogue::{tr_in, Arg};
pub use choose::{choose, from_locale, Lang};
pub use msg::{Msg, ToArg, Value};

/// The language of this process, set once by [`set`] at start.
static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Fixes the language of this process. The first call wins: tvdr chooses once, before any
/// message is printed, so a later call (a second `run` in one process) changes nothing.
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language chosen at start, English before it is chosen (unit tests).
pub fn lang() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// The message `key` in the chosen language, with its arguments.
pub fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    tr_in(lang(), key, args)
}

/// A text a person reads that the journal keeps too: shown in the chosen language,
/// recorded in English (the journal stays language-neutral). Built by [`said!`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub shown: String,
    pub recorded: String,
}

impl Said {
    /// As a message: the shown words in the chosen language, the English in every other
    /// (a text said once is known in these two only).
    pub fn msg(&self) -> Msg {
        let chosen = lang();
        Msg::from_fn(|l| {
            if l == chosen {
                self.shown.clone()
            } else {
                self.recorded.clone()
            }
        })
    }
}

/// Messages raised as errors inside a step, in both languages: the runner journals an
/// interrupted or aborted step's error, and the journal stays English.
static RAISED: std::sync::Mutex<Vec<Said>> = std::sync::Mutex::new(Vec::new());

/// The shown text of `said`, remembered with its English words for [`for_journal`].
pub fn raise(said: Said) -> String {
    if said.shown != said.recorded {
        let mut raised = RAISED.lock().unwrap_or_else(|e| e.into_inner());
        if !raised.contains(&said) {
            raised.push(said.clone());
        }
    }
    said.shown
}

/// `text` (an error as shown) with every message raised through [`raise`] back in
/// English, for the journal.
pub fn for_journal(text: &str) -> String {
    // An abort's own prefix (`Exit::Aborted`) opens the text it is part of.
    let prefix = tr("exit-aborted-prefix", &[]);
    let text = match text.strip_prefix(&prefix) {
        Some(rest) => tr_in(Lang::En, "exit-aborted-prefix", &[]) + rest,
        None => text.to_string(),
    };
    let raised = RAISED.lock().unwrap_or_else(|e| e.into_inner());
    raised
        .iter()
        .fold(text, |text, said| text.replace(&said.shown, &said.recorded))
}

/// `said!("key", name = value, …)`: the message in the chosen language and in English
/// (its arguments evaluated once).
#[macro_export]
macro_rules! said {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        let args = [$((stringify!($name), $crate::i18n::Arg::from($value))),*];
        $crate::i18n::Said {
            shown: $crate::i18n::tr($key, &args),
            recorded: $crate::i18n::tr_in($crate::i18n::Lang::En, $key, &args),
        }
    }};
}

/// `raised!("key", name = value, …)`: an error's words raised inside a step — shown in
/// the chosen language, journalled in English ([`raise`] of [`said!`]).
#[macro_export]
macro_rules! raised {
    ($($args:tt)*) => {
        $crate::i18n::raise($crate::said!($($args)*))
    };
}

/// `t!("key")` or `t!("key", name = value, …)`: the message in the chosen language.
/// `t!(in lang, "key", …)` picks the language (reports rendered in a given one).
#[macro_export]
macro_rules! t {
    (in $lang:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::tr_in(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::tr(
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}
