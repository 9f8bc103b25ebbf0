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
use crate::t;
use crate::transport::{add_known_host, scan_host_key, Target, TransportKind, Trust};

pub fn execute(inventory: Option<&Path>, args: &TrustArgs) -> Result<i32> {
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let selection: Selection = args.node.parse().map_err(Exit::Usage)?;
    if !args.yes && !term::can_prompt() {
        return Err(Exit::NeedsHuman(t!("trust-needs-person")).into());
    }
    let prompter = Prompter::new();
    let nodes = inv.select(selection)?;
    let address = match &args.address {
        None => None,
        Some(_) if nodes.len() != 1 => return Err(Exit::Usage(t!("trust-address-one-node")).into()),
        Some(address) => Some(
            address
                .parse::<Address>()
                .map_err(|why| Exit::Usage(format!("`--address {address}`: {}", why.shown())))?,
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
        println!("{}", t!("trust-local", node = t.name.as_str()));
        return Ok(exit_code::OK);
    }
    let (key, trust) = match scan_host_key(t) {
        Ok(scanned) => scanned,
        Err(err) => {
            eprintln!("{}", t!("error-line", message = err.msg().shown()));
            if let TransportKind::OpenSsh {
                proxy_jump: Some(jump),
                ..
            } = &t.kind
            {
                eprintln!(
                    "{}",
                    t!(
                        "trust-bastion-hint",
                        jump = jump.as_str(),
                        file = t
                            .known_hosts
                            .first()
                            .map_or(String::new(), |f| f.display().to_string())
                    )
                );
            }
            return Ok(exit_code::UNREACHABLE);
        }
    };
    println!(
        "{}\n  {}",
        t!(
            "trust-presents",
            node = t.name.as_str(),
            address = t.address.as_str(),
            port = t.port,
            key_type = key.key_type.as_str()
        ),
        key.fingerprint
    );
    let file = t
        .known_hosts
        .first()
        .with_context(|| t!("trust-no-known-hosts"))?;
    match trust {
        Trust::Known { file } => {
            println!(
                "  {}",
                t!("trust-already", file = file.display().to_string())
            );
            Ok(exit_code::OK)
        }
        Trust::Changed { file: old } => {
            eprintln!(
                "{}",
                t!(
                    "trust-changed",
                    node = t.name.as_str(),
                    file = old.display().to_string(),
                    host = known_hosts_host(&t.address, t.port)
                )
            );
            Ok(exit_code::UNREACHABLE)
        }
        Trust::Unknown => {
            let accepted =
                yes || prompter.confirm(&t!("trust-prompt", node = t.name.as_str()), false)?;
            if !accepted {
                eprintln!("{}", t!("trust-not-trusted", node = t.name.as_str()));
                return Ok(exit_code::ABORTED);
            }
            add_known_host(file, &t.address, t.port, &key)
                .with_context(|| t!("file-cannot-write", file = file.display().to_string()))?;
            println!("  {}", t!("trust-added", file = file.display().to_string()));
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
