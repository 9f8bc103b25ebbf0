//! [`Msg`]: a text for a person in every language at once, for what is shown in the chosen
//! language and also kept as data (check verdicts: the human table in Italian, JSON and the
//! journal in English). Built by [`msg!`](crate::msg).

use std::ops::Deref;

use serde::{Serialize, Serializer};

use super::{lang, Arg, Lang};

/// The same text in each language of [`Lang::ALL`] (in that order). Boxed: a message is
/// one pointer wide inside the errors and reports that carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Msg {
    texts: Box<[String; Lang::ALL.len()]>,
}

impl Msg {
    /// Words that are the same in every language: a node's own output, an error line, a
    /// path, or a text from an old journal.
    pub fn text(text: impl Into<String>) -> Msg {
        let text = text.into();
        Msg {
            texts: Box::new(Lang::ALL.map(|_| text.clone())),
        }
    }

    /// The text in each language, as `render` writes it.
    pub fn from_fn(render: impl Fn(Lang) -> String) -> Msg {
        Msg {
            texts: Box::new(Lang::ALL.map(render)),
        }
    }

    pub fn in_lang(&self, lang: Lang) -> &str {
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.texts[at]
    }

    /// The English text: what JSON, JUnit, Nagios, Prometheus and the journal carry.
    pub fn en(&self) -> &str {
        self.in_lang(Lang::En)
    }

    /// The text in the language chosen at start: what a person reads.
    pub fn shown(&self) -> &str {
        self.in_lang(lang())
    }

    /// Each language's text changed by `f` (a prefix, a cut), the same way.
    pub fn map(&self, f: impl Fn(&str) -> String) -> Msg {
        Msg::from_fn(|lang| f(self.in_lang(lang)))
    }

    /// Shown in the chosen language, recorded in English: for an error raised with
    /// [`raise`](super::raise).
    pub fn said(&self) -> super::Said {
        super::Said {
            shown: self.shown().to_string(),
            recorded: self.en().to_string(),
        }
    }

    /// The messages one after the other with `separator` between them, in each language.
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a Msg>, separator: &str) -> Msg {
        let parts: Vec<&Msg> = parts.into_iter().collect();
        Msg::from_fn(|lang| {
            parts
                .iter()
                .map(|m| m.in_lang(lang))
                .collect::<Vec<_>>()
                .join(separator)
        })
    }

    /// `a and b and c`, in each language.
    pub fn and_list(items: &[impl AsRef<str>]) -> Msg {
        Msg::from_fn(|lang| {
            let and = super::tr_in(lang, "list-and", &[]);
            items
                .iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(&and)
        })
    }
}

/// A reason that repeated a secret is wiped once its masked copy is made.
impl zeroize::Zeroize for Msg {
    fn zeroize(&mut self) {
        self.texts.iter_mut().for_each(String::zeroize);
    }
}

// Tests build reports from literals; the code says `Msg::text` where words are the same in
// every language, so a message left in English only does not compile.
#[cfg(test)]
impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::text(text)
    }
}

#[cfg(test)]
impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::text(text)
    }
}

/// A message reads as its English words where a plain `&str` is wanted: every machine
/// output, the journal and the tests' `contains`. The human side asks for [`Msg::shown`].
impl Deref for Msg {
    type Target = str;

    fn deref(&self) -> &str {
        self.en()
    }
}

/// English, as [`Deref`]: for logs and the machine formats.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.en())
    }
}

impl PartialEq<&str> for Msg {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

impl PartialEq<str> for Msg {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

/// JSON and the journal get the English text, as when messages were plain strings.
impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.en())
    }
}

/// A value `msg!` can put into a message: a message goes in in the same language, anything
/// else as it is.
pub trait ToArg {
    fn to_arg(&self, lang: Lang) -> Arg<'_>;
}

impl ToArg for Msg {
    fn to_arg(&self, lang: Lang) -> Arg<'_> {
        Arg::from(self.in_lang(lang))
    }
}

impl ToArg for str {
    fn to_arg(&self, _: Lang) -> Arg<'_> {
        Arg::from(self)
    }
}

impl ToArg for String {
    fn to_arg(&self, _: Lang) -> Arg<'_> {
        Arg::from(self.as_str())
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self, lang: Lang) -> Arg<'_> {
        (**self).to_arg(lang)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self, _: Lang) -> Arg<'_> {
                Arg::from(*self)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// `msg!("key", name = value, …)`: the message in every language, each argument evaluated
/// once (a [`Msg`] argument goes in in the matching language).
#[macro_export]
macro_rules! msg {
    // A `match` rather than `let`: temporaries in the arguments live until the end.
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        match ($($value,)*) {
            ($($name,)*) => $crate::i18n::Msg::from_fn(|lang| {
                $crate::i18n::tr_in(
                    lang,
                    $key,
                    &[$((stringify!($name), $crate::i18n::ToArg::to_arg(&$name, lang))),*],
                )
            }),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_english_for_machines_and_the_chosen_language_for_people() {
        let m = crate::msg!("human-step", step = "x");
        assert_eq!(m.en(), "step `x`");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"step `x`\"");
        assert!(m.contains("step"), "reads as English");
        assert_ne!(m.in_lang(Lang::It), m.en());
        let nested = crate::msg!("human-step", step = m.clone());
        assert!(nested.in_lang(Lang::It).contains(m.in_lang(Lang::It)));
        let free = Msg::text("exit 3");
        assert_eq!(free.in_lang(Lang::It), "exit 3");
    }
}
