//! The node's login environment. sshd runs commands with a bare PATH and without
//! `/etc/profile`, while the vendor's tools (`network_reset`, `write_config.php`, a
//! `pg_dump` under `/usr/pgsql-*/bin`, `ip` in `/usr/sbin` for a non-root user) are found
//! in the field only through a login shell. A login shell per command would cost every
//! command its startup; so at connect one command prints the plain environment and a
//! login shell's, and what the login adds or changes is exported before every later
//! command (the inventory's `env:` over it, `paths.extra_path` before its PATH).
//!
//! Login scripts may print banners or ask questions: their standard input is empty and
//! only what lies between markers is read, so nothing they do reaches the protocol.

use std::collections::BTreeMap;
use std::time::Duration;

use super::quote::is_name;
use super::{Cmd, Transport, TransportError};

/// The plain environment, a marker, then the login shell's between two markers (NUL
/// separated throughout, as `env -0` prints it: values may hold newlines).
const LEARN: &str = r#"env -0 || exit 3
printf '\0%s\0' TVDR-LOGIN-ENV
exec "${SHELL:-/bin/sh}" -l -c 'printf "\0%s\0" TVDR-BEGIN; env -0; printf "%s\0" TVDR-END' </dev/null"#;

/// Login scripts that take longer than this are not waited for.
const LEARN_TIMEOUT: Duration = Duration::from_secs(30);

/// Variables of a login shell that describe that one shell or its terminal, not the
/// node: exporting them would be wrong (`PWD`, `SHLVL`) or only noise (`LS_COLORS`).
const VOLATILE: &[&str] = &[
    "_",
    "PWD",
    "OLDPWD",
    "SHLVL",
    "TERM",
    "PS1",
    "PS2",
    "PS4",
    "PROMPT_COMMAND",
    "ENV",
    "BASH_ENV",
    "SHELLOPTS",
    "BASHOPTS",
    "LS_COLORS",
    "LESSOPEN",
    "HISTSIZE",
    "HISTFILESIZE",
    "HISTCONTROL",
    "MAIL",
    "SSH_CLIENT",
    "SSH_CONNECTION",
    "SSH_TTY",
    "SSH_AUTH_SOCK",
];

/// Where PATH starts when the login environment could not be learned and the
/// inventory adds directories: what a CentOS 7 login would give.
const FALLBACK_PATH: &str = "/usr/local/bin:/usr/bin:/usr/local/sbin:/usr/sbin";

/// Learns the node's login environment and gives the transport its final environment.
/// A node whose login cannot be learned still works, with sshd's environment (said once).
pub(super) fn adopt(transport: &mut dyn Transport) -> Result<(), TransportError> {
    let learned = learn(transport)?;
    apply(transport, &learned);
    Ok(())
}

/// What [`LEARN`] printed: its standard output, or why it could not run.
pub(super) struct Learned {
    pub(super) stdout: Vec<u8>,
    pub(super) stderr: Vec<u8>,
}

/// Runs [`LEARN`] on the node (with the inventory's `env:` exported, as every command).
/// A lost connection is an error; any other failure only costs the login environment.
pub(super) fn learn(transport: &mut dyn Transport) -> Result<Learned, TransportError> {
    let command = Cmd::new("sh").arg("-c").arg(LEARN);
    let mut out = super::Output::default();
    match transport.exec(
        &command,
        &mut out.stdout,
        &mut out.stderr,
        Some(LEARN_TIMEOUT),
    ) {
        Ok(_) => {}
        // A lost connection is the caller's to report.
        Err(e @ TransportError::Lost { .. }) => return Err(e),
        Err(e) => {
            out.stdout.clear();
            out.stderr = e.to_string().into_bytes();
        }
    }
    Ok(Learned {
        stdout: out.stdout,
        stderr: out.stderr,
    })
}

/// Gives the transport the environment `learned` describes, the inventory's over it.
pub(super) fn apply(transport: &mut dyn Transport, learned: &Learned) {
    let login = parse(&learned.stdout);
    let target = transport.target();
    if login.is_none() {
        eprintln!(
            "  {}: could not learn the login environment (its login shell failed: {}); \
             commands run with sshd's PATH",
            target.name,
            String::from_utf8_lossy(&learned.stderr).trim()
        );
    }
    let env = merge(login.unwrap_or_default(), &target.env, &target.extra_path);
    transport.set_env(env);
}

/// What the login shell adds to or changes in the plain environment, from [`LEARN`]'s
/// output; `None` when the markers are not all there.
fn parse(stdout: &[u8]) -> Option<BTreeMap<String, String>> {
    let records: Vec<&[u8]> = stdout.split(|&b| b == 0).collect();
    let at = |marker: &[u8], from: usize| {
        records[from..]
            .iter()
            .position(|r| *r == marker)
            .map(|i| i + from)
    };
    let middle = at(b"TVDR-LOGIN-ENV", 0)?;
    let begin = at(b"TVDR-BEGIN", middle)?;
    let end = at(b"TVDR-END", begin)?;
    let vars = |range: &[&[u8]]| -> BTreeMap<String, String> {
        range
            .iter()
            .filter_map(|r| {
                let text = String::from_utf8_lossy(r);
                let (name, value) = text.split_once('=')?;
                Some((name.to_owned(), value.to_owned()))
            })
            .collect()
    };
    let plain = vars(&records[..middle]);
    let login = vars(&records[begin + 1..end]);
    Some(
        login
            .into_iter()
            .filter(|(name, value)| {
                // PATH always: `paths.extra_path` goes before it, changed or not.
                is_name(name)
                    && !VOLATILE.contains(&name.as_str())
                    && (name == "PATH" || plain.get(name) != Some(value))
            })
            .collect(),
    )
}

/// The login's variables, the inventory's `env:` over them, `extra` before PATH.
fn merge(
    mut env: BTreeMap<String, String>,
    inventory: &BTreeMap<String, String>,
    extra: &[String],
) -> BTreeMap<String, String> {
    env.extend(inventory.iter().map(|(k, v)| (k.clone(), v.clone())));
    if !extra.is_empty() {
        let path = env
            .get("PATH")
            .cloned()
            .unwrap_or_else(|| FALLBACK_PATH.to_owned());
        let mut dirs = extra.to_vec();
        dirs.push(path);
        env.insert("PATH".to_owned(), dirs.join(":"));
    }
    env
}

#[cfg(test)]
mod tests;
