//! The Fluent catalogues, parsed once from the text embedded at build time.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::FluentValue as Arg;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Lang;

/// The catalogue files of each language, embedded so the binary needs nothing beside it:
/// `tvdr.ftl` for the commands, `checks.ftl` for what the checks find, `errors.ftl` for
/// transport and validation errors, `reasons.ftl` for why a step failed or was skipped.
pub(super) const SOURCES: [(Lang, &[&str]); 2] = [
    (
        Lang::En,
        &[
            include_str!("../../i18n/en/tvdr.ftl"),
            include_str!("../../i18n/en/checks.ftl"),
            include_str!("../../i18n/en/errors.ftl"),
            include_str!("../../i18n/en/reasons.ftl"),
        ],
    ),
    (
        Lang::It,
        &[
            include_str!("../../i18n/it/tvdr.ftl"),
            include_str!("../../i18n/it/checks.ftl"),
            include_str!("../../i18n/it/errors.ftl"),
            include_str!("../../i18n/it/reasons.ftl"),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// Each language's bundle, parsed the first time that language is asked for: a run in
/// English that writes JSON never parses the Italian catalogue.
static BUNDLES: [LazyLock<Bundle>; 2] = [
    LazyLock::new(|| bundle(SOURCES[0].0, SOURCES[0].1)),
    LazyLock::new(|| bundle(SOURCES[1].0, SOURCES[1].1)),
];

fn bundle_of(lang: Lang) -> Option<&'static Bundle> {
    let at = SOURCES.iter().position(|(l, _)| *l == lang)?;
    Some(&*BUNDLES[at])
}

fn bundle(lang: Lang, texts: &[&str]) -> Bundle {
    let id = lang.code().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around arguments would reach terminals, files and pipes.
    bundle.set_use_isolating(false);
    for text in texts {
        // A syntax error is caught by the catalogue tests; the entries that parsed still work.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        // Duplicate ids are caught by the catalogue tests.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `key` in `lang`, with its arguments; the key itself when it is missing
/// (the catalogue tests make that a test failure, never a user's sight).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let Some(bundle) = bundle_of(lang) else {
        return key.to_string();
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Every key of `lang`'s catalogue (for the tests and the help text).
#[cfg(test)]
pub(super) fn has(lang: Lang, key: &str) -> bool {
    bundle_of(lang).is_some_and(|b| b.has_message(key))
}
