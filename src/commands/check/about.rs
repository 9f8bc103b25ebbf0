//! What each check looks at, in the reader's language (`tvdr check --list`); the
//! registry keeps the English text, which a check new to the catalogues still shows.

use crate::checks::registry::CheckDef;
use crate::i18n::Lang;
use crate::t;

pub fn about(check: &CheckDef, lang: Lang) -> String {
    match check.name {
        "vip" => t!(in lang, "check-about-vip"),
        "db" => t!(in lang, "check-about-db"),
        "chat" => t!(in lang, "check-about-chat"),
        "calendars" => t!(in lang, "check-about-calendars"),
        "fs-sync" => t!(in lang, "check-about-fs-sync"),
        "ports" => t!(in lang, "check-about-ports"),
        "dr-isolated" => t!(in lang, "check-about-dr-isolated"),
        "snapshot" => t!(in lang, "check-about-snapshot"),
        "rpo" => t!(in lang, "check-about-rpo"),
        "hosts" => t!(in lang, "check-about-hosts"),
        "dns" => t!(in lang, "check-about-dns"),
        "clock" => t!(in lang, "check-about-clock"),
        "screen" => t!(in lang, "check-about-screen"),
        "license" => t!(in lang, "check-about-license"),
        _ => check.about.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::registry::CHECKS;

    #[test]
    fn every_check_says_what_it_looks_at_in_both_languages() {
        for check in CHECKS {
            assert_eq!(about(check, Lang::En), check.about, "{}", check.name);
            assert_ne!(about(check, Lang::It), check.about, "{}", check.name);
        }
    }
}
