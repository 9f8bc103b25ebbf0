//! Commands that need root, and how a non-root login runs them through sudo.
//!
//! A call site marks the program that needs root ([`Cmd::as_root`]); the transport of a
//! node whose inventory says `become: sudo` renders the command through sudo, every other
//! node runs it as it is. The program is looked up in the login PATH first
//! (`command -v`), so sudo runs the same file the login user would — vendor tools live
//! outside sudo's `secure_path` — and the site's sudoers names full paths.
//!
//! Three forms: `sudo -n` when the login has NOPASSWD ([`Cmd::through_sudo`]); the password
//! read from the command's standard input when sudo wants one
//! ([`Cmd::through_sudo_with_password`]: the transport writes it there, so it is on no
//! command line and in no environment); sudo asking on the terminal itself for a program
//! run on one ([`Cmd::through_sudo_on_terminal`]).

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
        self.sudo_parts("sudo -n")
    }

    /// The same command reading the login's sudo password from the first line of its
    /// standard input into a shell variable (never exported), each part that needs root
    /// getting it from there: `printf` is a shell builtin, so the password is in no
    /// process's arguments. `-k` makes sudo read it every time (a cached credential would
    /// leave it for the program). A part that needs root takes its input from that
    /// `printf`, so it cannot read a pipe before it: none of tvdr's does.
    pub fn through_sudo_with_password(&self) -> Cmd {
        let parts = self.sudo_parts(&format!(
            "printf '%s\\n' \"${PASSWORD_VAR}\" | sudo -S -p '' -k"
        ));
        let mut cmd = Cmd::from_body(Body::Shell(
            format!("IFS= read -r {PASSWORD_VAR}; {}", parts.render()),
            Vec::new(),
        ));
        cmd.reads_password = true;
        cmd
    }

    /// For a program run on a terminal (`network_reset`): sudo asks the person there
    /// itself, with echo off, when it wants a password.
    pub fn through_sudo_on_terminal(&self) -> Cmd {
        self.sudo_parts("sudo -p '[sudo] password for %p on %H: '")
    }

    /// Whether this command's standard input must hold the sudo password: its first line
    /// ([`Cmd::through_sudo_with_password`]), or the line after its own input (a wrapper
    /// running such a command, [`Cmd::passing_sudo_password`]).
    pub fn reads_sudo_password(&self) -> bool {
        self.reads_password
    }

    /// Marks a wrapper (a receipt's tool) that reads its own input, then hands the sudo
    /// password line the transport sends after it to a command made by
    /// [`Cmd::through_sudo_with_password`].
    pub fn passing_sudo_password(mut self) -> Cmd {
        self.reads_password = true;
        self
    }

    fn sudo_parts(&self, sudo: &str) -> Cmd {
        let mut cmd = self.clone();
        match &mut cmd.body {
            Body::Pipe(cmds) | Body::And(cmds) => {
                for part in cmds.iter_mut() {
                    *part = part.sudo_parts(sudo);
                }
            }
            Body::Program(words) if cmd.root => {
                let program = quote(&words[0]);
                let mut text = String::from(sudo);
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

/// The shell variable [`Cmd::through_sudo_with_password`] reads the password into.
const PASSWORD_VAR: &str = "tvdr_sudo_pw";

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
    fn a_password_is_read_from_standard_input_never_put_on_the_line() {
        let cmd = Cmd::new("reboot").as_root().and(
            Cmd::new("mysql")
                .arg("-e")
                .arg("x")
                .as_root()
                .merge_stderr(),
        );
        let with = cmd.through_sudo_with_password();
        assert!(with.reads_sudo_password());
        assert!(!cmd.reads_sudo_password());
        assert_eq!(
            with.render(),
            "IFS= read -r tvdr_sudo_pw; \
             { printf '%s\\n' \"$tvdr_sudo_pw\" | sudo -S -p '' -k -- \"$(command -v reboot || echo reboot)\"; } && \
             { printf '%s\\n' \"$tvdr_sudo_pw\" | sudo -S -p '' -k -- \"$(command -v mysql || echo mysql)\" -e x; } 2>&1"
        );
        assert_eq!(
            Cmd::new("network_reset").as_root().through_sudo_on_terminal().render(),
            "sudo -p '[sudo] password for %p on %H: ' -- \"$(command -v network_reset || echo network_reset)\""
        );
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
