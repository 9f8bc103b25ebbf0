//! Which mongo shell to run on a node, and how, so that the output is machine-readable.
//!
//! The gather side first runs [`probe`] (`command -v mongosh mongo`), reads it with
//! [`shells_found`], then runs [`status_command`] of what it found:
//!
//! | shell on the node | command |
//! |---|---|
//! | `mongosh` (MongoDB 5+, also installable next to older servers) | `mongosh --quiet --eval 'EJSON.stringify(rs.status())' 2>&1` |
//! | `mongo` only (legacy shell, MongoDB ≤ 5 — TVox on CentOS 7) | `mongo --quiet --eval 'JSON.stringify(rs.status())' 2>&1` |
//!
//! mongosh comes first: its Extended JSON keeps types exactly, while the legacy shell's
//! `JSON.stringify` turns 64-bit integers into `{"floatApprox": …}` (still readable).
//! Both connect to the default `127.0.0.1:27017`. Errors (not initiated, standalone,
//! refused) arrive as an error line on stderr from mongosh (exit status 1) and as an
//! `ok: 0` document from the legacy shell, so standard error is merged into what
//! [`super::parse`] reads. A non-zero exit status is not a failure of the gather: the
//! output says what happened.

use crate::transport::Cmd;

/// A mongo shell that can run `rs.status()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// `mongosh`, the current shell.
    Mongosh,
    /// `mongo`, the legacy shell.
    Legacy,
}

impl Shell {
    pub fn program(self) -> &'static str {
        match self {
            Shell::Mongosh => "mongosh",
            Shell::Legacy => "mongo",
        }
    }
}

/// Lists which shells are on the node's `PATH`, one path per line (nothing when none:
/// `command -v` exits 1 then, which is an answer, not a failure).
pub fn probe() -> Cmd {
    Cmd::shell("command -v mongosh mongo")
}

/// The shells named in [`probe`]'s output, in order of preference.
pub fn shells_found(probe_output: &str) -> Vec<Shell> {
    let names: Vec<&str> = probe_output
        .lines()
        .map(|line| line.trim().rsplit('/').next().unwrap_or(""))
        .collect();
    [Shell::Mongosh, Shell::Legacy]
        .into_iter()
        .filter(|shell| names.contains(&shell.program()))
        .collect()
}

/// The shell [`status_command`] runs: mongosh when there.
pub fn preferred(available: &[Shell]) -> Option<Shell> {
    [Shell::Mongosh, Shell::Legacy]
        .into_iter()
        .find(|s| available.contains(s))
}

/// The command that prints `rs.status()` as JSON with the best shell available, or `None`
/// when there is no shell (the check is then UNKNOWN on that node).
pub fn status_command(available: &[Shell]) -> Option<Cmd> {
    let shell = preferred(available)?;
    let script = match shell {
        Shell::Mongosh => "EJSON.stringify(rs.status())",
        Shell::Legacy => "JSON.stringify(rs.status())",
    };
    Some(
        Cmd::new(shell.program())
            .args(["--quiet", "--eval", script])
            .merge_stderr(),
    )
}

/// The shell to try next when `shell` said `output`: mongosh's driver refuses a server
/// older than it supports ("reports maximum wire version 5, but this version of the
/// Node.js Driver requires at least 7 (MongoDB 4.0)": a CentOS 7 node keeps MongoDB 3.x
/// and may have a recent mongosh beside its `mongo`), which the legacy shell still reads.
pub fn fallback(shell: Shell, output: &str, available: &[Shell]) -> Option<Shell> {
    (shell == Shell::Mongosh
        && output.contains("reports maximum wire version")
        && available.contains(&Shell::Legacy))
    .then_some(Shell::Legacy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mongosh_is_preferred() {
        let found = shells_found("/usr/bin/mongosh\n/usr/bin/mongo\n");
        assert_eq!(found, [Shell::Mongosh, Shell::Legacy]);
        assert_eq!(
            status_command(&found).unwrap().render(),
            "mongosh --quiet --eval 'EJSON.stringify(rs.status())' 2>&1"
        );
    }

    #[test]
    fn legacy_shell_alone() {
        let found = shells_found("/usr/bin/mongo\n");
        assert_eq!(
            status_command(&found).unwrap().render(),
            "mongo --quiet --eval 'JSON.stringify(rs.status())' 2>&1"
        );
    }

    #[test]
    fn no_shell_no_command() {
        assert_eq!(shells_found(""), []);
        assert_eq!(status_command(&[]), None);
        // `mongod` is the server, not a shell.
        assert_eq!(shells_found("/usr/bin/mongod\n"), []);
    }

    #[test]
    fn a_mongosh_too_new_for_the_server_gives_way_to_the_legacy_shell() {
        let too_old = include_str!("fixtures/mongosh-2.x-server-3.4-too-old.txt");
        let both = [Shell::Mongosh, Shell::Legacy];
        assert_eq!(
            fallback(Shell::Mongosh, too_old, &both),
            Some(Shell::Legacy)
        );
        assert_eq!(fallback(Shell::Mongosh, too_old, &[Shell::Mongosh]), None);
        assert_eq!(fallback(Shell::Legacy, too_old, &both), None);
        let refused = include_str!("fixtures/mongosh-2.x-connection-refused.txt");
        assert_eq!(fallback(Shell::Mongosh, refused, &both), None);
    }

    #[test]
    fn probe_asks_for_both() {
        assert_eq!(probe().render(), "command -v mongosh mongo");
    }
}
