//! Commands that need root, and how a non-root login runs them: `sudo -n`, never asking.
//!
//! A call site marks the program that needs root ([`Cmd::as_root`]); the transport of a
//! node whose inventory says `become: sudo` renders the command [`Cmd::through_sudo`],
//! every other node runs it as it is. The program is looked up in the login PATH first
//! (`command -v`), so sudo runs the same file the login user would — vendor tools live
//! outside sudo's `secure_path` — and the site's sudoers names full paths.

use super::cmd::{Body, Cmd};
use super::quote;

/// The programs of the procedures that need root, by name: a runbook step running one of
/// them (`command: [write_config.php, network]`) gets it through sudo on a `become: sudo`
/// node. What tvdr runs itself is marked at its call site ([`Cmd::as_root`]).
pub const ROOT_PROGRAMS: &[&str] = &["reboot", "network_reset", "write_config.php", "setperms.sh"];

/// Whether `program` (a name or a path) is one of [`ROOT_PROGRAMS`].
pub fn is_root_program(program: &str) -> bool {
    let name = program.rsplit('/').next().unwrap_or(program);
    ROOT_PROGRAMS.contains(&name)
}

impl Cmd {
    /// Marks this program as needing root (`reboot`, the MySQL client reading a root-only
    /// option file). It runs as is for a root login, through `sudo -n` for `become: sudo`.
    ///
    /// # Panics
    /// On a pipeline, a list or shell text: mark the program inside, which is what runs.
    pub fn as_root(mut self) -> Cmd {
        assert!(
            matches!(self.body, Body::Program(_)),
            "only a program can need root"
        );
        self.root = true;
        self
    }

    /// Whether any part of this command needs root.
    pub fn needs_root(&self) -> bool {
        self.root
            || match &self.body {
                Body::Pipe(cmds) | Body::And(cmds) => cmds.iter().any(Cmd::needs_root),
                Body::Program(_) | Body::Shell(..) => false,
            }
    }

    /// The same command with every part that needs root run by `sudo -n` (which fails at
    /// once instead of asking for a password). Variables set on such a part are passed to
    /// sudo (`sudo -n K=V -- …`), which would otherwise reset them.
    pub fn through_sudo(&self) -> Cmd {
        let mut cmd = self.clone();
        match &mut cmd.body {
            Body::Pipe(cmds) | Body::And(cmds) => {
                for part in cmds.iter_mut() {
                    *part = part.through_sudo();
                }
            }
            Body::Program(words) if cmd.root => {
                let program = quote(&words[0]);
                let mut text = String::from("sudo -n");
                for (name, value) in cmd.env.drain(..) {
                    text.push_str(&format!(" {name}={}", quote(&value)));
                }
                text.push_str(&format!(
                    " -- \"$(command -v {program} || echo {program})\""
                ));
                cmd.body = Body::Shell(text, words.split_off(1));
                cmd.root = false;
            }
            Body::Program(_) | Body::Shell(..) => {}
        }
        cmd
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_root_program_runs_through_sudo_with_its_arguments_quoted() {
        let cmd = Cmd::new("reboot").as_root();
        assert!(cmd.needs_root());
        assert_eq!(cmd.render(), "reboot");
        assert_eq!(
            cmd.through_sudo().render(),
            r#"sudo -n -- "$(command -v reboot || echo reboot)""#
        );
        let mysql = Cmd::new("mysql")
            .env("MYSQL_UNIX_PORT", "/run/my sock")
            .arg("--defaults-extra-file=/root/.my.cnf")
            .arg("-e")
            .arg("it's")
            .as_root()
            .merge_stderr();
        assert_eq!(
            mysql.through_sudo().render(),
            "{ sudo -n MYSQL_UNIX_PORT='/run/my sock' -- \"$(command -v mysql || echo mysql)\" \
             '--defaults-extra-file=/root/.my.cnf' -e 'it'\\''s'; } 2>&1"
        );
    }

    #[test]
    fn only_the_marked_part_of_a_pipeline_gets_sudo() {
        let cmd = Cmd::new("cat")
            .arg("/root/x")
            .as_root()
            .pipe(Cmd::new("wc").arg("-c"));
        assert!(cmd.needs_root());
        assert_eq!(
            cmd.through_sudo().render(),
            r#"{ sudo -n -- "$(command -v cat || echo cat)" /root/x; } | wc -c"#
        );
        let plain = Cmd::new("id").pipe(Cmd::new("wc"));
        assert!(!plain.needs_root());
        assert_eq!(plain.through_sudo(), plain);
    }

    #[test]
    fn the_procedures_root_programs_are_known_by_name_or_path() {
        assert!(is_root_program("write_config.php"));
        assert!(is_root_program("/usr/sbin/reboot"));
        assert!(!is_root_program("pg_dump"));
        assert!(!is_root_program("reboot-notes"));
    }

    #[test]
    fn a_program_named_like_code_stays_data_under_sudo() {
        let cmd = Cmd::new("x$(reboot)").as_root();
        assert_eq!(
            cmd.through_sudo().render(),
            r#"sudo -n -- "$(command -v 'x$(reboot)' || echo 'x$(reboot)')""#
        );
    }
}
