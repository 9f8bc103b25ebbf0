//! `tvdr init`: write a commented inventory by asking the technician.

mod template;

use std::fs::OpenOptions;
use std::io::Write;

use anyhow::{Context, Result};

pub use template::{render, Answers};

use crate::cli::InitArgs;
use crate::exit_code::Exit;
use crate::inventory::values::{Address, Ip, SiteName};
use crate::inventory::Inventory;
use crate::output::prompt::Prompter;

pub fn execute(args: &InitArgs) -> Result<i32> {
    if args.output.exists() && !args.force {
        return Err(Exit::Usage(format!(
            "`{}` already exists: pass `--force` to overwrite it",
            args.output.display()
        ))
        .into());
    }
    let answers = ask(&Prompter::new())?;
    let text = render(&answers);
    // The answers were checked one by one; this proves the whole file loads.
    Inventory::parse(&args.output, &text)?;
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&args.output)
        .with_context(|| format!("cannot write `{}`", args.output.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write `{}`", args.output.display()))?;
    eprintln!(
        "wrote {}: check it with `tvdr inventory`, then trust the nodes with `tvdr trust all`",
        args.output.display()
    );
    Ok(0)
}

fn parses<T: std::str::FromStr<Err = String>>(s: &str) -> Result<(), String> {
    s.parse::<T>().map(|_| ())
}

fn ask(p: &Prompter) -> Result<Answers> {
    let site = p.text("Site name (e.g. acme-milano)", None, parses::<SiteName>)?;
    let version = p.text("TVox major version", Some("21"), |s| {
        s.parse::<u32>()
            .map(|_| ())
            .map_err(|_| format!("`{s}` is not a version number"))
    })?;
    let domain = p.text(
        "Domain clients use (e.g. tam.example.com)",
        None,
        parses::<Address>,
    )?;
    let cluster = p.confirm(
        "Is it a Fault Tolerance cluster (two nodes and a node IP)?",
        true,
    )?;
    let node_ip = if cluster {
        Some(p.text("Node IP (the cluster address)", None, parses::<Ip>)?)
    } else {
        None
    };
    let tvox1 = p.text("Physical address of TVOX 1", None, parses::<Address>)?;
    let tvox2 = if cluster {
        Some(p.text("Physical address of TVOX 2", None, parses::<Address>)?)
    } else {
        None
    };
    let dr_client = match p.text("Address of the DR client (empty if none)", Some(""), |s| {
        if s.is_empty() {
            Ok(())
        } else {
            parses::<Address>(s)
        }
    })? {
        s if s.is_empty() => None,
        s => Some(s),
    };
    let user = p.text("SSH user", Some("root"), |s| {
        if !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        {
            Ok(())
        } else {
            Err(format!("`{s}` is not a user name"))
        }
    })?;
    let port = p.text("SSH port", Some("22"), |s| {
        s.parse::<u16>()
            .map(|_| ())
            .map_err(|_| format!("`{s}` is not a port"))
    })?;
    let identity = match p.text(
        "SSH identity file (`none`: agent, then password)",
        Some("~/.ssh/id_ed25519"),
        |_| Ok(()),
    )? {
        s if s == "none" => None,
        s => Some(s),
    };
    Ok(Answers {
        site,
        version: version.parse()?,
        domain,
        node_ip,
        tvox1,
        tvox2,
        dr_client,
        user,
        port: port.parse()?,
        identity,
    })
}
