//! Messages in Italian and English: Fluent catalogues (`i18n/<lang>/tvdr.ftl`) embedded in
//! the binary, one language chosen once at start ([`choose`]), looked up with [`t!`].
//!
//! Machine outputs (JSON, JUnit, Nagios, Prometheus, the journal) never go through here:
//! they stay language-neutral.

use std::sync::OnceLock;

mod catalogue;
mod choose;
pub mod cli;
#[cfg(test)]
mod tests;

pub use catalogue::{tr_in, Arg};
pub use choose::{choose, from_locale, Lang};

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
