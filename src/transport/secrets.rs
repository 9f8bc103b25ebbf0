//! Where passwords and key passphrases come from: a person at a terminal, or nobody.
//!
//! A secret lives only as long as the login attempt that asked for it: it is never
//! logged, stored, cached or put in an error message, and its memory is wiped when it is
//! dropped ([`Secret`]), so a core dump or a swapped page taken later does not hold it.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

/// A password or passphrase: a `String` whose bytes are overwritten with zeros when it is
/// dropped. (Copies made inside dialoguer or libssh2 are theirs to wipe; ours are wiped.)
pub type Secret = zeroize::Zeroizing<String>;

/// Asked by the SSH transport when the agent and the identity file alone do not log in.
pub trait Secrets {
    /// The passphrase of the encrypted private key `key`, or `None` to skip the key.
    fn passphrase(&self, key: &Path) -> Option<Secret>;

    /// The password of `user` on `node` (at `address`), or `None` to skip password login.
    fn password(&self, user: &str, node: &str, address: &str) -> Option<Secret>;

    /// Whether a person can be asked at this terminal. The openssh transport lets `ssh`
    /// ask for itself (on `/dev/tty`) only then; otherwise it runs ssh in batch mode.
    fn can_prompt(&self) -> bool {
        false
    }
}

/// Asks at the terminal with hidden input, and only when stdin is a terminal: without one
/// (CI, monitoring, a pipe) it answers `None` at once instead of hanging.
#[derive(Debug, Clone, Copy, Default)]
pub struct TtySecrets;

/// Nodes are reached in parallel: one prompt at a time keeps them readable.
static PROMPT: Mutex<()> = Mutex::new(());

impl TtySecrets {
    fn ask(prompt: String) -> Option<Secret> {
        if !std::io::stdin().is_terminal() {
            return None;
        }
        let _turn = PROMPT
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        dialoguer::Password::new()
            .with_prompt(prompt)
            .allow_empty_password(true)
            .interact()
            .ok()
            .map(Secret::new)
    }
}

impl TtySecrets {
    /// The sudo password of `user` on `node` (`become: sudo`), asked the same way.
    pub(super) fn sudo_password(user: &str, node: &str) -> Option<Secret> {
        Self::ask(crate::t!("secret-sudo-password", user = user, node = node))
    }
}

impl Secrets for TtySecrets {
    fn passphrase(&self, key: &Path) -> Option<Secret> {
        Self::ask(crate::t!(
            "secret-passphrase",
            key = key.display().to_string()
        ))
    }

    fn password(&self, user: &str, node: &str, address: &str) -> Option<Secret> {
        Self::ask(crate::t!(
            "secret-password",
            user = user,
            node = node,
            address = address
        ))
    }

    fn can_prompt(&self) -> bool {
        std::io::stdin().is_terminal()
    }
}

/// Never answers: for non-interactive runs and for tests.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSecrets;

impl Secrets for NoSecrets {
    fn passphrase(&self, _key: &Path) -> Option<Secret> {
        None
    }

    fn password(&self, _user: &str, _node: &str, _address: &str) -> Option<Secret> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_reads_as_its_text_and_none_comes_from_nobody() {
        let secret = Secret::new("hunter2".to_string());
        assert_eq!(secret.as_str(), "hunter2");
        assert!(NoSecrets.password("root", "tvox1", "10.0.0.1").is_none());
        assert!(NoSecrets.passphrase(Path::new("/id")).is_none());
    }
}
