//! Facts about the terminal that decide how tvdr talks: colour, prompts, progress.

use std::io::IsTerminal;

/// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Can tvdr ask a question? Only when a person is at a terminal on both ends.
pub fn can_prompt() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
