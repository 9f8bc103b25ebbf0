//! [`Cmd`]: a command line built from values, rendered with every value quoted.

use std::fmt;

use super::{is_name, quote, Quotable};

/// A shell command built from parts, rendered by [`Cmd::render`] into one line that any
/// POSIX `sh` runs with every value passed as data.
///
/// ```
/// use tvdr::transport::Cmd;
/// let dump = Cmd::new("pg_dump").arg("--clean").arg("it's; $(rm -rf /)");
/// assert_eq!(dump.render(), r"pg_dump --clean 'it'\''s; $(rm -rf /)'");
/// let sizes = Cmd::new("du").args(["-h", "--max-depth=1", "/opt/sync"]).pipe(Cmd::new("sort"));
/// assert_eq!(sizes.render(), "du -h '--max-depth=1' /opt/sync | sort");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cmd {
    pub(super) env: Vec<(String, Vec<u8>)>,
    pub(super) body: Body,
    /// Operator (`>`, `2>&1`) and, for files, the path.
    pub(super) redirects: Vec<(&'static str, Option<Vec<u8>>)>,
    /// The program needs root (see `root.rs`): a non-root login runs it through sudo.
    pub(super) root: bool,
    /// It reads the login's sudo password from its standard input (see `root.rs`): the
    /// transport feeds it, never on the command line.
    pub(super) reads_password: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Body {
    /// A program and its arguments, all quoted.
    Program(Vec<Vec<u8>>),
    /// Trusted shell text, then quoted arguments appended to it.
    Shell(String, Vec<Vec<u8>>),
    Pipe(Vec<Cmd>),
    And(Vec<Cmd>),
}

/// Words that would be read as shell syntax in command position; a program with such a
/// name is quoted so it runs as a program.
/// (`!`, `{`, `[[` are never left bare by [`quote`].)
const RESERVED: &[&str] = &[
    "case", "coproc", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in",
    "select", "then", "time", "until", "while",
];

impl Cmd {
    /// Runs `program` (looked up in the node's `PATH`) with the arguments added later.
    pub fn new(program: impl Quotable) -> Cmd {
        Cmd::from_body(Body::Program(vec![program.shell_bytes().to_vec()]))
    }

    /// A fixed piece of shell text (a pipeline, a redirection, a loop) written in tvdr's
    /// source. It is pasted as is, so it is for **constants only**: never build it with
    /// `format!` from a value — add values with [`Cmd::arg`], which quotes them.
    pub fn shell(fragment: &'static str) -> Cmd {
        Cmd::from_body(Body::Shell(fragment.to_owned(), Vec::new()))
    }

    /// Shell text written by the operator in a file they own (a runbook's `command:`, a
    /// check command configured in the inventory), pasted as is like [`Cmd::shell`].
    /// Never pass it anything that came from a node or from a prompt.
    pub fn operator_script(script: impl Into<String>) -> Cmd {
        Cmd::from_body(Body::Shell(script.into(), Vec::new()))
    }

    /// A whole line another tvdr process rendered from [`Cmd`] values for this node (the
    /// keeper of a kept session runs its clients' lines, see `transport::kept`), pasted as
    /// is. Never for anything but such a line.
    pub(crate) fn rendered(line: String) -> Cmd {
        Cmd::from_body(Body::Shell(line, Vec::new()))
    }

    pub(super) fn from_body(body: Body) -> Cmd {
        Cmd {
            env: Vec::new(),
            body,
            redirects: Vec::new(),
            root: false,
            reads_password: false,
        }
    }

    /// Adds one quoted argument to the last command (of a pipeline or `&&` list).
    pub fn arg(mut self, arg: impl Quotable) -> Cmd {
        self.push_arg(arg.shell_bytes().to_vec());
        self
    }

    /// Adds quoted arguments to the last command, in order.
    pub fn args<I>(mut self, args: I) -> Cmd
    where
        I: IntoIterator,
        I::Item: Quotable,
    {
        for arg in args {
            self.push_arg(arg.shell_bytes().to_vec());
        }
        self
    }

    fn push_arg(&mut self, arg: Vec<u8>) {
        match &mut self.body {
            Body::Program(words) | Body::Shell(_, words) => words.push(arg),
            Body::Pipe(cmds) | Body::And(cmds) => cmds
                .last_mut()
                .expect("a list has two commands")
                .push_arg(arg),
        }
    }

    /// Sets a variable for this whole command only.
    ///
    /// # Panics
    /// If `name` is not a shell variable name: names are written in tvdr's source.
    pub fn env(mut self, name: &str, value: impl Quotable) -> Cmd {
        assert!(is_name(name), "`{name}` is not a shell variable name");
        self.env
            .push((name.to_owned(), value.shell_bytes().to_vec()));
        self
    }

    /// `self | next`: the standard output of this command feeds `next`.
    pub fn pipe(self, next: Cmd) -> Cmd {
        self.join(next, Body::Pipe, |b| matches!(b, Body::Pipe(_)))
    }

    /// `self && next`: runs `next` only if this command succeeds.
    pub fn and(self, next: Cmd) -> Cmd {
        self.join(next, Body::And, |b| matches!(b, Body::And(_)))
    }

    fn join(self, next: Cmd, make: fn(Vec<Cmd>) -> Body, same: fn(&Body) -> bool) -> Cmd {
        // Flatten `a | b | c` instead of nesting, unless `self` carries its own env or
        // redirections, which must keep applying to it alone.
        let mut cmds = if same(&self.body) && self.is_plain() {
            match self.body {
                Body::Pipe(cmds) | Body::And(cmds) => cmds,
                _ => unreachable!(),
            }
        } else {
            vec![self]
        };
        cmds.push(next);
        Cmd::from_body(make(cmds))
    }

    /// `> path`: writes the standard output to a file on the node.
    pub fn write_to(self, path: impl Quotable) -> Cmd {
        self.redirect(">", Some(path.shell_bytes().to_vec()))
    }

    /// `>> path`: appends the standard output to a file on the node.
    pub fn append_to(self, path: impl Quotable) -> Cmd {
        self.redirect(">>", Some(path.shell_bytes().to_vec()))
    }

    /// `2>&1`: sends the standard error where the standard output goes.
    pub fn merge_stderr(self) -> Cmd {
        self.redirect("2>&1", None)
    }

    fn redirect(mut self, op: &'static str, target: Option<Vec<u8>>) -> Cmd {
        self.redirects.push((op, target));
        self
    }

    fn is_plain(&self) -> bool {
        self.env.is_empty() && self.redirects.is_empty() && !self.root
    }

    /// The command line, as a node's shell will read it.
    pub fn render(&self) -> String {
        let mut line = String::new();
        self.render_into(&mut line, Position::Top);
        line
    }

    fn render_into(&self, out: &mut String, position: Position) {
        match &self.body {
            Body::Program(words) => {
                for (name, value) in &self.env {
                    out.push_str(name);
                    out.push('=');
                    out.push_str(&quote(value));
                    out.push(' ');
                }
                render_program(out, words);
                self.render_redirects(out);
            }
            _ if !self.env.is_empty() => {
                // A subshell keeps the variables from leaking into the commands after it.
                out.push_str("(export");
                for (name, value) in &self.env {
                    out.push(' ');
                    out.push_str(name);
                    out.push('=');
                    out.push_str(&quote(value));
                }
                out.push_str("; ");
                self.render_body(out);
                out.push(')');
                self.render_redirects(out);
            }
            _ if !self.redirects.is_empty() || self.needs_group(position) => {
                out.push_str("{ ");
                self.render_body(out);
                out.push_str(if self.ends_unsafely() { "\n}" } else { "; }" });
                self.render_redirects(out);
            }
            _ => self.render_body(out),
        }
    }

    fn render_body(&self, out: &mut String) {
        match &self.body {
            Body::Program(words) => render_program(out, words),
            Body::Shell(text, words) => {
                out.push_str(text);
                for word in words {
                    out.push(' ');
                    out.push_str(&quote(word));
                }
            }
            Body::Pipe(cmds) => render_list(out, cmds, " | ", Position::InPipe),
            Body::And(cmds) => render_list(out, cmds, " && ", Position::InAnd),
        }
    }

    /// Whether this command must be grouped to keep its meaning inside a list: `a && b`
    /// inside a pipe, or shell text holding its own separators (`x || y`, `x; y`).
    fn needs_group(&self, position: Position) -> bool {
        match (&self.body, position) {
            (_, Position::Top) => false,
            (Body::And(_), Position::InPipe) => true,
            (Body::Shell(text, _), _) => text.contains([';', '&', '|', '#', '\n']),
            _ => false,
        }
    }

    /// Text ending in a comment or `&` cannot be followed by `; }` on the same line.
    fn ends_unsafely(&self) -> bool {
        match &self.body {
            Body::Shell(text, words) => {
                words.is_empty() && (text.contains(['#', '\n']) || text.trim_end().ends_with('&'))
            }
            _ => false,
        }
    }

    fn render_redirects(&self, out: &mut String) {
        for (op, target) in &self.redirects {
            out.push(' ');
            out.push_str(op);
            if let Some(target) = target {
                out.push(' ');
                out.push_str(&quote(target));
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Position {
    Top,
    InPipe,
    InAnd,
}

fn render_program(out: &mut String, words: &[Vec<u8>]) {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let quoted = quote(word);
        if i == 0 && RESERVED.contains(&quoted.as_str()) {
            out.push('\'');
            out.push_str(&quoted);
            out.push('\'');
        } else {
            out.push_str(&quoted);
        }
    }
}

fn render_list(out: &mut String, cmds: &[Cmd], separator: &str, position: Position) {
    for (i, cmd) in cmds.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        cmd.render_into(out, position);
    }
}

impl fmt::Display for Cmd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}
