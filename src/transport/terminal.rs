//! A terminal type the node knows. The technician's laptop says `xterm-kitty`,
//! `alacritty`, `foot`, `tmux-256color`…; a CentOS 7 node's terminfo (2013) lacks many of
//! them, and a menu drawn for an unknown type breaks in the middle of the downtime. So
//! before an interactive command, the node is asked (`tput -T`) which of the laptop's
//! type, `xterm-256color`, `xterm` and `vt100` it knows, and the first one is used.

use std::io::{self, Write};
use std::os::fd::BorrowedFd;

use super::{Cmd, Console, Transport, TransportError};

/// The types tried after the laptop's own, most capable first.
const FALLBACKS: &[&str] = &["xterm-256color", "xterm", "vt100"];

/// Prints the first of its arguments the node's terminfo knows; exit 1 if none.
const PROBE: &str = r#"for t in "$@"; do
  if tput -T "$t" cols >/dev/null 2>&1; then echo "$t"; exit 0; fi
done
exit 1"#;

/// The terminal type to ask the node for: `wanted` if it knows it, else the first
/// fallback it knows (said on standard error). A node without `tput` gets `wanted`.
pub fn choose(t: &mut dyn Transport, wanted: &str) -> Result<String, TransportError> {
    let mut candidates = vec![wanted];
    candidates.extend(FALLBACKS.iter().filter(|f| **f != wanted));
    let out = t.output(
        &Cmd::new("sh")
            .arg("-c")
            .arg(PROBE)
            .arg("tvdr-term")
            .args(&candidates),
    )?;
    let chosen = out.stdout_lossy().trim().to_string();
    if !out.success() || chosen.is_empty() {
        return Ok(wanted.to_string());
    }
    if chosen != wanted {
        eprintln!(
            "  {} does not know the terminal type `{wanted}`: the program runs as `{chosen}`",
            t.target().name
        );
    }
    Ok(chosen)
}

/// A console whose terminal type is the one chosen for the node.
pub struct Named<'a> {
    pub inner: &'a mut dyn Console,
    pub term: String,
}

impl Console for Named<'_> {
    fn term(&self) -> String {
        self.term.clone()
    }
    fn size(&self) -> (u32, u32) {
        self.inner.size()
    }
    fn resized(&mut self) -> bool {
        self.inner.resized()
    }
    fn input_fd(&self) -> BorrowedFd<'_> {
        self.inner.input_fd()
    }
    fn read_input(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read_input(buf)
    }
    fn output(&mut self) -> &mut dyn Write {
        self.inner.output()
    }
    fn raw(&mut self) -> io::Result<()> {
        self.inner.raw()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::testing::local;
    use crate::transport::LocalTransport;

    #[test]
    fn an_unknown_type_falls_back_to_one_the_node_knows() {
        let mut t = LocalTransport::new(local("tvox1"));
        assert_eq!(
            choose(&mut t, "tvdr-no-such-terminal").unwrap(),
            "xterm-256color"
        );
        assert_eq!(choose(&mut t, "vt100").unwrap(), "vt100");
        assert_eq!(choose(&mut t, "xterm").unwrap(), "xterm");
    }
}
