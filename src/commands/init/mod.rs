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
use crate::t;

pub fn execute(args: &InitArgs) -> Result<i32> {
    if args.output.exists() && !args.force {
        return Err(
            Exit::Usage(t!("init-exists", file = args.output.display().to_string())).into(),
        );
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
        .with_context(|| {
            t!(
                "file-cannot-write",
                file = args.output.display().to_string()
            )
        })?;
    file.write_all(text.as_bytes()).with_context(|| {
        t!(
            "file-cannot-write",
            file = args.output.display().to_string()
        )
    })?;
    eprintln!(
        "{}",
        t!("init-wrote", file = args.output.display().to_string())
    );
    Ok(0)
}

fn parses<T: std::str::FromStr<Err = crate::i18n::Msg>>(s: &str) -> Result<(), String> {
    s.parse::<T>()
        .map(|_| ())
        .map_err(|why| why.shown().to_string())
}

fn ask(p: &Prompter) -> Result<Answers> {
    let site = p.text(&t!("init-site"), None, parses::<SiteName>)?;
    let version = p.text(&t!("init-version"), Some("21"), |s| {
        s.parse::<u32>()
            .map(|_| ())
            .map_err(|_| t!("init-not-a-version", value = s))
    })?;
    let domain = p.text(&t!("init-domain"), None, parses::<Address>)?;
    let cluster = p.confirm(&t!("init-cluster"), true)?;
    let node_ip = if cluster {
        Some(p.text(&t!("init-node-ip"), None, parses::<Ip>)?)
    } else {
        None
    };
    let tvox1 = p.text(&t!("init-tvox1"), None, parses::<Address>)?;
    let tvox2 = if cluster {
        Some(p.text(&t!("init-tvox2"), None, parses::<Address>)?)
    } else {
        None
    };
    let dr_client = match p.text(&t!("init-dr-client"), Some(""), |s| {
        if s.is_empty() {
            Ok(())
        } else {
            parses::<Address>(s)
        }
    })? {
        s if s.is_empty() => None,
        s => Some(s),
    };
    let user = p.text(&t!("init-user"), Some("root"), |s| {
        if !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        {
            Ok(())
        } else {
            Err(t!("init-not-a-user", value = s))
        }
    })?;
    let port = p.text(&t!("init-port"), Some("22"), |s| {
        s.parse::<u16>()
            .map(|_| ())
            .map_err(|_| t!("init-not-a-port", value = s))
    })?;
    let identity = match p.text(&t!("init-identity"), Some("~/.ssh/id_ed25519"), |_| Ok(()))? {
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
