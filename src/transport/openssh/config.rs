//! What tvdr tells `ssh`: the ssh_config file of a node, and each command line.
//!
//! The rules tvdr enforces are written in an ssh_config file passed with `-F`, not as `-o`
//! options, because ssh hands `-F` (and nothing else) to the client it starts to jump
//! through a bastion: the bastion's host key is then checked the same way. They come
//! first in the file, and ssh keeps the first value it reads for an option, so the
//! operator's configuration included after them cannot weaken them.

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use super::super::ssh::keepalive_interval;
use super::super::{Target, TransportKind};
use super::jump;
use super::private_dir::PrivateDir;

/// What one `ssh` process is for.
#[derive(Debug, Clone, Copy)]
pub(super) enum Mode<'a> {
    /// Log in and become the node's master connection, in the background.
    Master,
    /// Run this line through the master, output on pipes.
    Exec(&'a str),
    /// Run this line through the master on a terminal.
    Terminal(&'a str),
    /// Ask the master something: `check` or `exit`.
    Control(&'static str),
    /// Replay the last jump on its own (`ssh -W`): when ssh keeps a master, it silences
    /// the client it starts for the jump, so this is how tvdr hears what the bastion said.
    Probe,
}

/// The `[user@]host[:port]` hops of a `proxy_jump`, and the operator's ssh_config file.
fn openssh(target: &Target) -> (Option<&str>, Option<&Path>) {
    match &target.kind {
        TransportKind::OpenSsh { proxy_jump, config } => (proxy_jump.as_deref(), config.as_deref()),
        _ => (None, None),
    }
}

/// The ssh_config file for `target`; `batch`: never ask for a passphrase or password.
/// `Err` says which path cannot be written into it.
pub(super) fn ssh_config(target: &Target, batch: bool) -> Result<String, String> {
    let secs = |d: Duration| d.as_secs_f64().ceil().max(1.0) as u64;
    let known = if target.known_hosts.is_empty() {
        // Nothing known: every host key is refused.
        "/dev/null".to_owned()
    } else {
        let files: Result<Vec<_>, _> = target.known_hosts.iter().map(|f| value(f, true)).collect();
        files?.join(" ")
    };
    let mut text = format!(
        "# tvdr: how `ssh` reaches `{node}` (written by each command line that uses it).\n\
         # These come first: ssh keeps the first value it reads, so nothing included below\n\
         # can weaken them, and a bastion (ProxyJump) is held to them too.\n\
         BatchMode {batch}\n\
         StrictHostKeyChecking yes\n\
         UserKnownHostsFile {known}\n\
         GlobalKnownHostsFile /dev/null\n\
         UpdateHostKeys no\n\
         VerifyHostKeyDNS no\n\
         CheckHostIP no\n\
         ConnectTimeout {connect}\n\
         ServerAliveInterval {alive}\n\
         ServerAliveCountMax 3\n\
         LogLevel ERROR\n",
        node = target.name,
        batch = if batch { "yes" } else { "no" },
        connect = secs(target.connect_timeout),
        alive = secs(keepalive_interval(target)),
    );
    if let Some(identity) = &target.identity {
        text.push_str(&format!(
            "IdentityFile {}\nIdentitiesOnly yes\n",
            value(identity, true)?
        ));
    }
    match openssh(target).1 {
        Some(config) => {
            if config.to_string_lossy().contains(['*', '?', '[']) {
                return Err(format!(
                    "`{}` holds a wildcard, which ssh's `Include` would expand",
                    config.display()
                ));
            }
            text.push_str(&format!("Include {}\n", value(config, false)?));
        }
        // What ssh reads when not given `-F`.
        None => text.push_str("Include ~/.ssh/config /etc/ssh/ssh_config\n"),
    }
    Ok(text)
}

/// A path as a double-quoted ssh_config value (`%` doubled where ssh expands `%` tokens).
/// ssh_config has no way to write a `"` or `\` inside quotes, and expands `${NAME}`, so
/// such paths are refused.
fn value(path: &Path, tokens: bool) -> Result<String, String> {
    let text = path
        .to_str()
        .filter(|t| {
            !t.contains(['"', '\\']) && !t.contains("${") && !t.chars().any(char::is_control)
        })
        .ok_or_else(|| {
            format!(
                "`{}` cannot be written to an ssh_config file (it holds a `\"`, a `\\`, \
                 `${{`, a control character or invalid UTF-8)",
                path.display()
            )
        })?;
    let text = if tokens {
        text.replace('%', "%%")
    } else {
        text.to_owned()
    };
    Ok(format!("\"{text}\""))
}

/// The arguments of one `ssh` process (after the program name). The destination comes
/// after `--`, so neither it nor the command line can be read as an option, and the
/// command line is one argument: the node's shell receives it exactly as rendered.
pub(super) fn args(target: &Target, dir: &PrivateDir, mode: Mode) -> Result<Vec<OsString>, String> {
    let mut args: Vec<OsString> = vec![
        "-F".into(),
        dir.config().into(),
        "-o".into(),
        format!("ControlPath={}", value(&dir.socket(), true)?).into(),
    ];
    let mut option = |o: &str| args.extend(["-o".into(), o.into()]);
    let persist = format!("ControlPersist={}", dir.persist_secs());
    let line = match mode {
        Mode::Master => {
            option("ControlMaster=yes");
            option(&persist);
            // No command; to the background once logged in.
            args.extend(["-N".into(), "-f".into()]);
            None
        }
        Mode::Exec(line) | Mode::Terminal(line) => {
            // Should the master be gone, this client becomes the next one; it never asks
            // for a password itself (it has no terminal of its own to ask on).
            option("ControlMaster=auto");
            option(&persist);
            option("BatchMode=yes");
            // -tt: a terminal even when tvdr's stdin is not one, as with libssh2.
            args.push(
                if matches!(mode, Mode::Exec(_)) {
                    "-T"
                } else {
                    "-tt"
                }
                .into(),
            );
            Some(line)
        }
        Mode::Control(request) => {
            args.extend(["-O".into(), request.into()]);
            None
        }
        Mode::Probe => return probe(target, args),
    };
    args.extend([
        "-p".into(),
        target.port.to_string().into(),
        "-l".into(),
        target.user.clone().into(),
    ]);
    if let (Some(proxy_jump), _) = openssh(target) {
        jump::check_proxy_jump(proxy_jump)?;
        args.extend(["-J".into(), proxy_jump.into()]);
    }
    args.extend(["--".into(), target.address.clone().into()]);
    args.extend(line.map(OsString::from));
    Ok(args)
}

/// `ssh -W node:port` to the last bastion (through the ones before it), on its own.
fn probe(target: &Target, mut args: Vec<OsString>) -> Result<Vec<OsString>, String> {
    let proxy_jump = openssh(target).0.unwrap_or_default();
    let hops = jump::parse(proxy_jump)?;
    let last = hops.last().ok_or("no jump host to probe")?;
    // Its own connection, never a master, never asking.
    args.truncate(2);
    for option in ["ControlMaster=no", "ControlPath=none", "BatchMode=yes"] {
        args.extend(["-o".into(), option.into()]);
    }
    if let Some((before, _)) = proxy_jump.rsplit_once(',') {
        args.extend(["-J".into(), before.into()]);
    }
    if let Some(user) = last.user {
        args.extend(["-l".into(), user.into()]);
    }
    if let Some(port) = last.port {
        args.extend(["-p".into(), port.to_string().into()]);
    }
    let node = if target.address.contains(':') {
        format!("[{}]:{}", target.address, target.port)
    } else {
        format!("{}:{}", target.address, target.port)
    };
    args.extend(["-W".into(), node.into(), "--".into(), last.host.into()]);
    Ok(args)
}

#[cfg(test)]
mod tests;
