//! [`Msg`]: a text for a person in every language at once, for what is shown in the chosen
//! language and also kept as data (check verdicts: the human table in Italian, JSON and the
//! journal in English). Built by [`msg!`](crate::msg).

use std::ops::Deref;
use std::sync::OnceLock;

use fluent_bundle::types::FluentNumber;
use serde::{Serialize, Serializer};

use super::{lang, Arg, Lang};

const LANGS: usize = Lang::ALL.len();

/// The same text in each language of [`Lang::ALL`]. A catalogue message is formatted in a
/// language the first time that language is asked for: a run that only writes JSON never
/// loads the Italian catalogue, and a check's hundred details cost one language, not two.
/// Boxed: a message is one pointer wide inside the errors and reports that carry it.
#[derive(Clone)]
pub struct Msg {
    words: Words,
}

#[derive(Clone)]
enum Words {
    /// Formatted already: words that are the same in every language, or built by a closure
    /// (in [`Lang::ALL`]'s order).
    Texts(Box<[String; LANGS]>),
    /// A catalogue message with its arguments, and each language's text once formatted.
    Keyed(Box<Keyed>),
}

#[derive(Clone)]
struct Keyed {
    key: &'static str,
    args: Vec<(&'static str, Value)>,
    texts: [OnceLock<String>; LANGS],
}

/// An argument of a catalogue message, owned so the message can be formatted later.
#[derive(Clone)]
pub enum Value {
    Text(String),
    Number(FluentNumber),
    /// Goes in in the language being formatted.
    Msg(Msg),
}

impl Value {
    fn arg(&self, lang: Lang) -> Arg<'_> {
        match self {
            Value::Text(text) => Arg::from(text.as_str()),
            Value::Number(number) => Arg::Number(number.clone()),
            Value::Msg(msg) => Arg::from(msg.in_lang(lang)),
        }
    }
}

impl Default for Msg {
    fn default() -> Msg {
        Msg::text("")
    }
}

impl Msg {
    /// Words that are the same in every language: a node's own output, an error line, a
    /// path, or a text from an old journal.
    pub fn text(text: impl Into<String>) -> Msg {
        let text = text.into();
        Msg {
            words: Words::Texts(Box::new(Lang::ALL.map(|_| text.clone()))),
        }
    }

    /// The text in each language, as `render` writes it.
    pub fn from_fn(render: impl Fn(Lang) -> String) -> Msg {
        Msg {
            words: Words::Texts(Box::new(Lang::ALL.map(render))),
        }
    }

    /// The catalogue message `key` with its arguments (what [`msg!`](crate::msg) builds).
    pub fn keyed(key: &'static str, args: Vec<(&'static str, Value)>) -> Msg {
        Msg {
            words: Words::Keyed(Box::new(Keyed {
                key,
                args,
                texts: Default::default(),
            })),
        }
    }

    pub fn in_lang(&self, lang: Lang) -> &str {
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        match &self.words {
            Words::Texts(texts) => &texts[at],
            Words::Keyed(keyed) => keyed.texts[at].get_or_init(|| {
                let args: Vec<(&str, Arg)> = keyed
                    .args
                    .iter()
                    .map(|(name, value)| (*name, value.arg(lang)))
                    .collect();
                super::tr_in(lang, keyed.key, &args)
            }),
        }
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

/// Every language's text, as when messages were formatted at once.
impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let texts: Vec<&str> = Lang::ALL.iter().map(|l| self.in_lang(*l)).collect();
        f.debug_struct("Msg").field("texts", &texts).finish()
    }
}

/// Two messages are equal when they read the same in every language.
impl PartialEq for Msg {
    fn eq(&self, other: &Msg) -> bool {
        Lang::ALL
            .iter()
            .all(|l| self.in_lang(*l) == other.in_lang(*l))
    }
}

impl Eq for Msg {}

/// A reason that repeated a secret is wiped once its masked copy is made: every text
/// formatted so far and every argument kept for later.
impl zeroize::Zeroize for Msg {
    fn zeroize(&mut self) {
        match &mut self.words {
            Words::Texts(texts) => texts.iter_mut().for_each(String::zeroize),
            Words::Keyed(keyed) => {
                for text in keyed.texts.iter_mut() {
                    if let Some(text) = text.get_mut() {
                        text.zeroize();
                    }
                }
                for (_, value) in keyed.args.iter_mut() {
                    match value {
                        Value::Text(text) => text.zeroize(),
                        Value::Msg(msg) => msg.zeroize(),
                        Value::Number(_) => {}
                    }
                }
            }
        }
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
    fn to_value(&self) -> Value;
}

impl ToArg for Msg {
    fn to_value(&self) -> Value {
        Value::Msg(self.clone())
    }
}

impl ToArg for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl ToArg for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_value(&self) -> Value {
                Value::Number(FluentNumber::from(*self))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// `msg!("key", name = value, …)`: the message in every language, each argument evaluated
/// once and kept (a [`Msg`] argument goes in in the matching language); each language is
/// formatted when first read.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::keyed(
            $key,
            vec![$((stringify!($name), $crate::i18n::ToArg::to_value(&$value))),*],
        )
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
