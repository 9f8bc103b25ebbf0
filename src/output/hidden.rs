//! A secret typed at the terminal: not echoed, typed twice, held in wiping memory.
//!
//! Twice because nothing checks it before it is used: an SSH or sudo password that is
//! wrong is refused at once and asked again, but a runbook's `db_password` goes into
//! commands on the nodes (perhaps to set a password there), and a typo the technician
//! cannot see would be found — if ever — only when it did harm. `passwd` asks twice for
//! the same reason.

use anyhow::Result;
use dialoguer::theme::ColorfulTheme;
use zeroize::Zeroizing;

use crate::t;

/// Asks for a secret at the terminal (the caller made sure there is one): hidden input,
/// typed twice until both agree and `check` takes it. An empty answer is `default` when
/// there is one. The text is in wiping memory from the moment dialoguer hands it over.
pub fn typed_twice(
    prompt: &str,
    default: Option<&str>,
    check: impl Fn(&str) -> Result<(), String>,
) -> Result<Zeroizing<String>> {
    let theme = ColorfulTheme::default();
    // Echo is off while dialoguer reads: Ctrl-C then must not leave it off.
    let _settings = crate::transport::keep_settings();
    let typed = Zeroizing::new(
        dialoguer::Password::with_theme(&theme)
            .with_prompt(t!("hidden-prompt", prompt = prompt))
            .with_confirmation(t!("hidden-again", prompt = prompt), t!("hidden-differ"))
            .allow_empty_password(default.is_some())
            .validate_with(|s: &String| match (s.is_empty(), default) {
                (true, Some(_)) => Ok(()),
                _ => check(s),
            })
            .interact()?,
    );
    Ok(match default {
        Some(default) if typed.is_empty() => Zeroizing::new(default.to_string()),
        _ => typed,
    })
}
