//! Logging in: the ssh-agent, then the identity file (asking its passphrase if it is
//! encrypted), then a password, each only if the node offers that method.

use crate::i18n::Msg;
use crate::msg;
use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ssh2::{ErrorCode, KeyboardInteractivePrompt, Prompt, Session};
use zeroize::Zeroizing;

use super::super::{Secrets, Target, TransportError};

/// libssh2 errors that mean the node stopped answering while we were logging in.
const GONE: &[i32] = &[-1, -7, TIMEOUT, -13, -30, -43];
/// `LIBSSH2_ERROR_TIMEOUT`: the session's timeout (the login timeout) passed.
const TIMEOUT: i32 = -9;

/// Authenticates `target.user` on a session whose host key has been verified.
pub(super) fn login(
    session: &Session,
    target: &Target,
    secrets: &dyn Secrets,
) -> Result<(), TransportError> {
    let user = target.user.as_str();
    let lost = |e: &ssh2::Error| TransportError::Lost {
        node: target.name.clone(),
        reason: match e.code() {
            ErrorCode::Session(TIMEOUT) => msg!(
                "transport-reason-no-login",
                within = crate::time::duration::format(target.login_timeout).to_string()
            ),
            _ => msg!("transport-reason-while-logging-in", error = e.message()),
        },
    };
    // Asking for the list sends a "none" login, which a few servers accept.
    let methods = match session.auth_methods(user) {
        Ok(methods) => methods.to_owned(),
        Err(_) if session.authenticated() => return Ok(()),
        Err(e) => return Err(lost(&e)),
    };
    let offers = |method: &str| methods.split(',').any(|m| m == method);
    let mut tried: Vec<Msg> = Vec::new();
    // Each attempt: Ok(true) logged in, Ok(false) refused, Err the node went away.
    let check = |result: Result<(), ssh2::Error>| match result {
        Ok(()) => Ok(session.authenticated()),
        Err(e) if gone(&e) => Err(lost(&e)),
        Err(_) => Ok(false),
    };

    if offers("publickey") {
        if std::env::var_os("SSH_AUTH_SOCK").is_some() {
            tried.push(msg!("auth-agent"));
            if check(agent(session, user))? {
                return Ok(());
            }
        }
        if let Some(key) = &target.identity {
            let file = key.display().to_string();
            let shown = msg!("auth-identity", file = file.as_str());
            // Read once and handed to libssh2 from memory: from the file, libssh2 read it
            // again for the public key, for the signature and per attempt (six reads).
            let text = read_key(key);
            if let Some(text) = &text {
                if !is_encrypted(text) {
                    tried.push(shown);
                    if check(session.userauth_pubkey_memory(user, None, text, None))? {
                        return Ok(());
                    }
                } else if let Some(passphrase) = secrets.passphrase(key) {
                    tried.push(shown);
                    let result =
                        session.userauth_pubkey_memory(user, None, text, Some(passphrase.as_str()));
                    drop(passphrase);
                    if check(result)? {
                        return Ok(());
                    }
                } else {
                    tried.push(msg!("auth-identity-encrypted", file = file.as_str()));
                }
            } else if !key.exists() {
                tried.push(msg!("auth-identity-missing", file = file.as_str()));
            } else {
                tried.push(msg!("auth-identity-unreadable", file = file.as_str()));
            }
        }
    }

    let password_method = if offers("password") {
        Some("password")
    } else if offers("keyboard-interactive") {
        Some("keyboard-interactive")
    } else {
        None
    };
    if let Some(method) = password_method {
        match secrets.password(user, &target.name, &target.address) {
            Some(password) => {
                tried.push(msg!("auth-password"));
                let result = if method == "password" {
                    session.userauth_password(user, &password)
                } else {
                    session.userauth_keyboard_interactive(user, &mut Answer(&password))
                };
                drop(password);
                if check(result)? {
                    return Ok(());
                }
            }
            None => tried.push(msg!("auth-password-none")),
        }
    }

    if tried.is_empty() {
        tried.push(msg!("auth-nothing", methods = methods.as_str()));
    }
    Err(TransportError::Auth {
        node: target.name.clone(),
        user: user.to_owned(),
        tried: Msg::join(&tried, ", "),
    })
}

/// Tries every key the agent holds (libssh2's helper stops at the first one).
fn agent(session: &Session, user: &str) -> Result<(), ssh2::Error> {
    let mut agent = session.agent()?;
    agent.connect()?;
    agent.list_identities()?;
    let mut last = None;
    for identity in agent.identities()? {
        match agent.userauth(user, &identity) {
            Ok(()) => {
                let _ = agent.disconnect();
                return Ok(());
            }
            Err(e) if gone(&e) => return Err(e),
            Err(e) => last = Some(e),
        }
    }
    let _ = agent.disconnect();
    Err(last.unwrap_or_else(|| ssh2::Error::new(ErrorCode::Session(-18), "the agent holds no key")))
}

fn gone(e: &ssh2::Error) -> bool {
    matches!(e.code(), ErrorCode::Session(code) if GONE.contains(&code))
}

/// Answers keyboard-interactive password prompts (PAM's `Password:`) with the password.
/// The copies it returns belong to libssh2's binding, which does not wipe them.
struct Answer<'a>(&'a str);

impl KeyboardInteractivePrompt for Answer<'_> {
    fn prompt<'b>(
        &mut self,
        _user: &str,
        _instructions: &str,
        prompts: &[Prompt<'b>],
    ) -> Vec<String> {
        prompts
            .iter()
            .map(|p| {
                if p.echo {
                    String::new()
                } else {
                    self.0.to_owned()
                }
            })
            .collect()
    }
}

/// A private key file's text, in memory wiped when dropped: a clear key is as secret as a
/// password. (libssh2's binding copies it again, unwiped: its own.)
fn read_key(path: &Path) -> Option<Zeroizing<String>> {
    fs::read_to_string(path).ok().map(Zeroizing::new)
}

/// Base64 characters of an OpenSSH key decoded to find its cipher: 66 bytes, enough for
/// the magic string and the longest cipher name (`chacha20-poly1305@openssh.com`), and
/// short of the private part, which is never decoded into memory that is not wiped.
const HEADER_CHARS: usize = 88;

/// Whether a private key (the file's text) needs a passphrase: PEM keys say so in a
/// header, OpenSSH keys name their cipher (`none` when clear) right after the magic string.
pub(super) fn is_encrypted(text: &str) -> bool {
    if text.contains("ENCRYPTED") {
        return true;
    }
    let head: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .flat_map(|l| l.trim().chars())
        .take(HEADER_CHARS)
        .collect();
    let head = &head[..head.len() - head.len() % 4];
    let Ok(raw) = STANDARD.decode(head) else {
        return false;
    };
    let Some(rest) = raw.strip_prefix(b"openssh-key-v1\0") else {
        return false;
    };
    let Some(len) = rest
        .get(..4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    else {
        return false;
    };
    rest.get(4..4 + len).is_some_and(|cipher| cipher != b"none")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of an OpenSSH private key file using `cipher` (enough for the check).
    fn openssh_key(cipher: &str) -> String {
        key_with(cipher, b"")
    }

    /// An OpenSSH key file using `cipher` whose private part holds `private`, in lines of
    /// 70 characters as ssh-keygen writes them.
    fn key_with(cipher: &str, private: &[u8]) -> String {
        let mut raw = b"openssh-key-v1\0".to_vec();
        raw.extend((cipher.len() as u32).to_be_bytes());
        raw.extend(cipher.as_bytes());
        // kdf name and options, key count, public key: the private part comes later.
        raw.extend([0u8; 64]);
        raw.extend(private);
        let body = STANDARD.encode(raw);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(70)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN OPENSSH PRIVATE KEY-----\n{}\n-----END OPENSSH PRIVATE KEY-----\n",
            lines.join("\n")
        )
    }

    #[test]
    fn a_clear_key_is_read_and_checked_without_leaving_a_copy() {
        const PRIVATE: &[u8] = b"PRIVATE-KEY-MATERIAL-never-left-in-freed-memory";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("id_ed25519");
        fs::write(&path, key_with("none", PRIVATE)).unwrap();
        // In the file too: the private part starts on a 3-byte boundary, so its base64 is
        // the file's (20 characters: within one line).
        let encoded = STANDARD.encode(PRIVATE)[..20].to_string();
        for needle in [PRIVATE, encoded.as_bytes()] {
            let leaked = crate::fuzz::alloc::freed_holding(needle, || {
                let text = read_key(&path).unwrap();
                assert!(!is_encrypted(&text));
            });
            assert!(!leaked, "the key was left in freed memory");
        }
        // The check can fail: the file read into a plain string, or the whole key decoded,
        // leaves it behind.
        assert!(crate::fuzz::alloc::freed_holding(
            encoded.as_bytes(),
            || {
                drop(fs::read_to_string(&path).unwrap());
            }
        ));
        assert!(crate::fuzz::alloc::freed_holding(PRIVATE, || {
            let text = read_key(&path).unwrap();
            let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
            drop(STANDARD.decode(body));
        }));
    }

    #[test]
    fn tells_encrypted_keys_from_clear_ones() {
        assert!(!is_encrypted(&openssh_key("none")));
        assert!(is_encrypted(&openssh_key("aes256-ctr")));
        assert!(is_encrypted(&openssh_key("chacha20-poly1305@openssh.com")));
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n";
        assert!(is_encrypted(pem));
        assert!(!is_encrypted("not a key"));
    }
}
