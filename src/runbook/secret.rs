//! Answers named like a secret (password, secret, token, key, passphrase) never reach the
//! disk: the journal keeps a mask in their place — in the answers and in any command,
//! output or reason that repeats them — as the report does.

use serde_json::Value;
use zeroize::{Zeroize, Zeroizing};

/// Shown and journalled instead of a secret answer.
pub const MASK: &str = "••••••";

/// Answers whose name says they hold a secret. Matching is by substring and
/// case-insensitive on purpose: masking `monkey_count` by mistake costs nothing, showing
/// `DB_Password` costs a lot.
pub fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["password", "secret", "token", "key", "passphrase"]
        .iter()
        .any(|word| name.contains(word))
}

/// Secret values to hunt for in text, wiped from memory when dropped.
#[derive(Default)]
pub struct Secrets {
    values: Vec<Zeroizing<String>>,
}

impl Secrets {
    /// The secret answers among `answers` (name → value).
    pub fn of<'a>(answers: impl IntoIterator<Item = (&'a str, &'a str)>) -> Secrets {
        let mut secrets = Secrets::default();
        for (name, value) in answers {
            if is_secret_name(name) {
                secrets.add(value);
            }
        }
        secrets
    }

    /// Values shorter than 4 characters are masked as answers but not hunted for in other
    /// text: replacing every `yes` because `key_copied` was `yes` would ruin the journal and
    /// protect nothing.
    pub fn add(&mut self, value: &str) {
        if value.chars().count() >= 4 && !self.values.iter().any(|s| s.as_str() == value) {
            self.values.push(Zeroizing::new(value.to_string()));
            // Longest first, so a secret containing another is replaced whole.
            self.values.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `text` with every secret value replaced by the mask. A copy that still held one is
    /// wiped before it is let go.
    pub fn mask(&self, text: &str) -> String {
        let mut text = text.to_string();
        for value in &self.values {
            if text.contains(value.as_str()) {
                let masked = text.replace(value.as_str(), MASK);
                text.zeroize();
                text = masked;
            }
        }
        text
    }

    /// Masks every string inside a JSON value, keys left alone. A string that held a
    /// secret is wiped before it is replaced.
    pub fn mask_json(&self, value: &mut Value) {
        match value {
            Value::String(s) if self.values.iter().any(|v| s.contains(v.as_str())) => {
                let masked = self.mask(s);
                s.zeroize();
                *s = masked;
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.mask_json(v)),
            Value::Object(fields) => fields.values_mut().for_each(|v| self.mask_json(v)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_and_values_are_masked_in_every_string() {
        assert!(is_secret_name("Admin_PASSWORD") && is_secret_name("api_token"));
        assert!(is_secret_name("ssh_key") && is_secret_name("KeyPassphrase"));
        assert!(!is_secret_name("release"));
        let answers = [
            ("db_password".to_string(), "Hunter2-s3cret".to_string()),
            ("release".to_string(), "22.1".to_string()),
            ("key_copied".to_string(), "yes".to_string()),
        ];
        let secrets = Secrets::of(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let mut evidence = serde_json::json!({
            "command": "mysql -pHunter2-s3cret -e 'select 1'",
            "hosts": { "tvox1": { "stdout_tail": ["x Hunter2-s3cret y", "yes"] } },
            "release": "22.1",
        });
        secrets.mask_json(&mut evidence);
        let text = evidence.to_string();
        assert!(!text.contains("Hunter2"), "{text}");
        assert!(text.contains(&format!("-p{MASK}")), "{text}");
        assert!(text.contains(r#""yes""#) && text.contains("22.1"), "{text}");
    }

    #[test]
    fn secrets_and_the_strings_they_mask_are_wiped_from_memory() {
        use crate::fuzz::alloc::freed_holding;
        const PASSWORD: &str = "Hunter2-wiped-on-drop";
        let password = Zeroizing::new(PASSWORD.to_string());
        let mut evidence =
            serde_json::json!({ "command": format!("mysql -p{PASSWORD} -e 'select 1'") });
        let leaked = freed_holding(PASSWORD.as_bytes(), || {
            let secrets = Secrets::of([("db_password", password.as_str())]);
            secrets.mask_json(&mut evidence);
        });
        assert!(!leaked, "a copy of the password was freed unwiped");
        assert_eq!(evidence["command"], format!("mysql -p{MASK} -e 'select 1'"));
        // The check can fail: masking with plain strings leaves the replaced text behind.
        let mut plain = format!("mysql -p{PASSWORD}");
        assert!(freed_holding(PASSWORD.as_bytes(), || {
            plain = plain.replace(PASSWORD, MASK);
        }));
    }
}
