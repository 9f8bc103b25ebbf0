//! `tvdr trust NODE`: the only way tvdr learns a host key — shown, confirmed, recorded.
//!
//! A changed key is never replaced here: it may be an attack, so the technician removes
//! the old line by hand after checking, then runs `tvdr trust` again.
//! `--address` trusts a node where it is now rather than where the inventory says it will
//! be (TVOX 1 at what becomes the node IP, before `network_reset`).

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::TrustArgs;
use crate::exit_code::{self, Exit};
use crate::inventory::{self, Address, Inventory, Selection};
use crate::output::{prompt::Prompter, term};
use crate::transport::{add_known_host, scan_host_key, Target, TransportKind, Trust};

pub fn execute(inventory: Option<&Path>, args: &TrustArgs) -> Result<i32> {
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let selection: Selection = args.node.parse().map_err(Exit::Usage)?;
    if !args.yes && !term::can_prompt() {
        return Err(Exit::NeedsHuman(
            "trusting a host key needs a person to compare the fingerprint: run `tvdr trust` \
             at a terminal, or pass `--yes` where the network path is trusted"
                .into(),
        )
        .into());
    }
    let prompter = Prompter::new();
    let nodes = inv.select(selection)?;
    let address = match &args.address {
        None => None,
        Some(_) if nodes.len() != 1 => {
            return Err(Exit::Usage("`--address` is for one node, not several".into()).into())
        }
        Some(address) => Some(
            address
                .parse::<Address>()
                .map_err(|why| Exit::Usage(format!("`--address {address}`: {why}")))?,
        ),
    };
    let mut code = exit_code::OK;
    for node in nodes {
        let mut target = node.target.clone();
        if let Some(address) = &address {
            target.address = address.to_string();
        }
        let outcome = trust_one(&target, args.yes, &prompter)?;
        code = code.max(outcome);
    }
    Ok(code)
}

fn trust_one(t: &Target, yes: bool, prompter: &Prompter) -> Result<i32> {
    if t.is_local() {
        println!("{}: local transport, no host key", t.name);
        return Ok(exit_code::OK);
    }
    let (key, trust) = match scan_host_key(t) {
        Ok(scanned) => scanned,
        Err(err) => {
            eprintln!("error: {err}");
            if let TransportKind::OpenSsh {
                proxy_jump: Some(jump),
                ..
            } = &t.kind
            {
                eprintln!(
                    "hint: `tvdr trust` connects directly, not through the bastion `{jump}`: \
                     add the key to `{}` by hand after checking its fingerprint on the node's \
                     console",
                    t.known_hosts
                        .first()
                        .map_or(String::new(), |f| f.display().to_string())
                );
            }
            return Ok(exit_code::UNREACHABLE);
        }
    };
    println!(
        "{} ({}:{}) presents an {} key\n  {}",
        t.name, t.address, t.port, key.key_type, key.fingerprint
    );
    let file = t
        .known_hosts
        .first()
        .context("the inventory names no known_hosts file")?;
    match trust {
        Trust::Known { file } => {
            println!("  already trusted in {}", file.display());
            Ok(exit_code::OK)
        }
        Trust::Changed { file: old } => {
            eprintln!(
                "error: the host key of `{}` has CHANGED since it was recorded in `{}`: \
                 someone may be intercepting the connection, or the node was reinstalled.\n\
                 hint: check the fingerprint on the node's console; if it is right, remove the \
                 old key with `ssh-keygen -R {} -f {}` and run `tvdr trust {}` again",
                t.name,
                old.display(),
                known_hosts_host(&t.address, t.port),
                old.display(),
                t.name
            );
            Ok(exit_code::UNREACHABLE)
        }
        Trust::Unknown => {
            let accepted = yes
                || prompter.confirm(
                    &format!(
                        "Is this the fingerprint shown on {}'s console? Trust it",
                        t.name
                    ),
                    false,
                )?;
            if !accepted {
                eprintln!("{}: not trusted", t.name);
                return Ok(exit_code::ABORTED);
            }
            add_known_host(file, &t.address, t.port, &key)
                .with_context(|| format!("cannot write `{}`", file.display()))?;
            println!("  trusted: added to {}", file.display());
            Ok(exit_code::OK)
        }
    }
}

/// How known_hosts and `ssh-keygen -R` name a host on a non-standard port.
fn known_hosts_host(address: &str, port: u16) -> String {
    if port == 22 {
        address.to_string()
    } else {
        format!("'[{address}]:{port}'")
    }
}
