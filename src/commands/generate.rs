//! `tvdr generate`: shell completions and man pages from the clap definitions.
//!
//! The generated files are committed (packagers and `make install` want them without
//! building) and a test regenerates them to fail when they are stale.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn execute(out: &Path) -> Result<i32> {
    let completions = out.join("completions");
    let man = out.join("man");
    for dir in [&completions, &man] {
        fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    }
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(shell, &mut Cli::command(), "tvdr", &completions)
            .with_context(|| format!("cannot write {shell} completions"))?;
    }
    write_man_pages(&Cli::command(), &man)?;
    Ok(0)
}

/// One page for `tvdr` and one per visible subcommand (`tvdr-exec.1`…), like git's.
fn write_man_pages(cmd: &clap::Command, dir: &Path) -> Result<()> {
    let mut cmd = cmd.clone();
    cmd.build();
    let pages = std::iter::once((cmd.get_name().to_string(), cmd.clone())).chain(
        cmd.get_subcommands()
            .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
            .map(|sub| {
                let name = format!("{}-{}", cmd.get_name(), sub.get_name());
                (name.clone(), sub.clone().name(name))
            }),
    );
    for (name, page) in pages {
        let path = dir.join(format!("{name}.1"));
        let mut buffer = Vec::new();
        clap_mangen::Man::new(page)
            .render(&mut buffer)
            .with_context(|| format!("cannot render man page `{name}`"))?;
        fs::write(&path, buffer).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(())
}
