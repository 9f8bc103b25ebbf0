//! The whole line a node's shell runs for one [`Cmd`]: the node's `env:` exported, then the
//! command.

use super::quote::is_name;
use super::{quote, Cmd, Target, TransportError};

/// `export K='v' K2='v2'; <command>`, or just the command when the node has no `env:`.
///
/// Names are checked here, not only when the inventory is loaded, because they are the
/// one part of the line that cannot be quoted.
pub(crate) fn script(target: &Target, command: &Cmd) -> Result<String, TransportError> {
    let mut line = String::new();
    if !target.env.is_empty() {
        line.push_str("export");
        for (name, value) in &target.env {
            if !is_name(name) {
                return Err(TransportError::InvalidEnv {
                    node: target.name.clone(),
                    name: name.clone(),
                });
            }
            line.push(' ');
            line.push_str(name);
            line.push('=');
            line.push_str(&quote(value));
        }
        line.push_str("; ");
    }
    line.push_str(&command.render());
    Ok(line)
}

/// The exit status convention shared by every transport: the command's exit code, or
/// 128 + the signal number when a signal ended it (as shells report it), or -1 when the
/// node reported a signal this machine does not know by name.
pub(crate) fn signal_status(signal: i32) -> i32 {
    128 + signal
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::time::Duration;

    fn target(env: &[(&str, &str)]) -> Target {
        Target {
            name: "tvox1".into(),
            address: "127.0.0.1".into(),
            port: 22,
            user: "root".into(),
            identity: None,
            known_hosts: vec![],
            connect_timeout: Duration::from_secs(1),
            login_timeout: Duration::from_secs(30),
            extra_path: Vec::new(),
            sudo: false,
            command_timeout: Duration::from_secs(1),
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
            kind: crate::transport::TransportKind::Local,
        }
    }

    #[test]
    fn exports_the_node_env_quoted() {
        let line = script(
            &target(&[("PGHOST", "/run/pg sock"), ("PATH", "/opt/bin:$PATH")]),
            &Cmd::new("psql"),
        )
        .unwrap();
        assert_eq!(
            line,
            "export PATH='/opt/bin:$PATH' PGHOST='/run/pg sock'; psql"
        );
    }

    #[test]
    fn no_env_no_export() {
        assert_eq!(script(&target(&[]), &Cmd::new("id")).unwrap(), "id");
    }

    #[test]
    fn refuses_a_name_that_would_be_code() {
        let err = script(&target(&[("X=$(reboot)", "1")]), &Cmd::new("id")).unwrap_err();
        assert!(matches!(err, TransportError::InvalidEnv { .. }));
    }
}
