//! Which language: `--lang`, else `TVDR_LANG`, else the locale, else English.

use std::ffi::OsString;

/// The languages tvdr speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    It,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    /// A language tag or locale name: `it`, `it_IT.UTF-8`, `en-GB`, `EN`. Anything else
    /// (`C`, `POSIX`, `fr_FR`) is no language of ours.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language: where a text written in one language only is found.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::It,
            Lang::It => Lang::En,
        }
    }
}

/// The language of this invocation, before clap parses it (help text needs it first):
/// `--lang X` / `--lang=X` among `args`, else `TVDR_LANG`, else the locale. An unknown
/// `--lang` or `TVDR_LANG` is left for clap to refuse; here it falls through.
pub fn choose(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut flag = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            flag = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            flag = Some(value.to_string());
        }
    }
    flag.as_deref()
        .and_then(Lang::parse)
        .or_else(|| env("TVDR_LANG").as_deref().and_then(Lang::parse))
        .or_else(|| from_locale(env))
        .unwrap_or_default()
}

/// The locale's language, POSIX order: `LC_ALL`, then `LC_MESSAGES`, then `LANG`; the
/// first one set and not empty decides.
pub fn from_locale(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&env)
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(&v))
}
