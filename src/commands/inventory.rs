//! `tvdr inventory`: validate the inventory and show what tvdr will use.
//!
//! This is the first thing to run on a new site file: every default and override is
//! resolved, so what is shown is exactly what the other commands will do.

use std::path::Path;

use anyhow::Result;
use serde_json::json;

use crate::cli::{Format, InventoryArgs};
use crate::inventory::{self, Inventory};
use crate::output::table;
use crate::transport::TransportKind;

pub fn execute(inventory: Option<&Path>, args: &InventoryArgs) -> Result<i32> {
    let path = inventory::locate(inventory)?;
    let inv = Inventory::load(&path)?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&to_json(&inv))?),
        Format::Human => print_human(&inv),
    }
    Ok(0)
}

fn mode(inv: &Inventory) -> String {
    match inv.node_ip {
        Some(ip) => crate::t!("status-ft-cluster", ip = ip.to_string()),
        None => crate::t!("status-stand-alone"),
    }
}

fn print_human(inv: &Inventory) {
    println!(
        "{}",
        crate::t!("inventory-valid", path = inv.path.display().to_string())
    );
    println!(
        "{}",
        crate::t!(
            "inventory-site",
            site = inv.site.as_str(),
            version = inv.tvox.version.to_string(),
            domain = inv
                .tvox
                .domain
                .clone()
                .unwrap_or_else(|| crate::t!("inventory-no-domain")),
            mode = mode(inv)
        )
    );
    let headings = [
        crate::t!("inventory-col-node"),
        crate::t!("inventory-col-address"),
        crate::t!("inventory-col-login"),
        crate::t!("inventory-col-sync-dir"),
        crate::t!("inventory-col-hosts-file"),
    ];
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let mut nodes = table::new(&headings);
    for node in &inv.nodes {
        let t = &node.target;
        let login = match &t.kind {
            TransportKind::Local => crate::t!("inventory-login-local"),
            TransportKind::Ssh => format!("{}@{}:{}", t.user, t.address, t.port),
            TransportKind::OpenSsh { proxy_jump, .. } => format!(
                "{}@{}:{} (openssh{})",
                t.user,
                t.address,
                t.port,
                proxy_jump.as_ref().map_or(String::new(), |jump| crate::t!(
                    "inventory-via",
                    jump = jump.as_str()
                ))
            ),
        };
        nodes.add_row(vec![
            node.name.to_string(),
            node.address.to_string(),
            login,
            node.sync_dir.clone(),
            node.hosts_file.clone(),
        ]);
    }
    println!("{nodes}");
    if let Some(first) = inv.nodes.first() {
        let t = &first.target;
        let known: Vec<String> = t
            .known_hosts
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        println!(
            "{}",
            crate::t!(
                "inventory-known-hosts",
                files = known.join(&crate::t!("inventory-then"))
            )
        );
        if let Some(identity) = &t.identity {
            println!(
                "{}",
                crate::t!("inventory-identity", file = identity.display().to_string())
            );
        }
        println!(
            "{}",
            crate::t!(
                "inventory-timeouts",
                connect = duration(t.connect_timeout),
                login = duration(t.login_timeout),
                command = duration(t.command_timeout)
            )
        );
    }
    println!(
        "{}",
        crate::t!(
            "inventory-settings",
            database = inv.calendars.database.as_str(),
            user = inv.calendars.user.as_str(),
            chat_lag = duration(inv.thresholds.chat_lag),
            db_lag = duration(inv.thresholds.db_lag),
            fs = inv.thresholds.fs_tolerance.to_string(),
            clock_skew = duration(inv.thresholds.clock_skew),
            rpo = duration(inv.objectives.rpo),
            rto = duration(inv.objectives.rto),
            receipts = duration(inv.receipts_kept)
        )
    );
    match &inv.license {
        Some(license) => println!(
            "{}",
            crate::t!("inventory-licence", command = license.command.as_str())
        ),
        None => println!("{}", crate::t!("inventory-no-licence")),
    }
    if let Some(file) = &inv.db.defaults_file {
        println!(
            "{}",
            crate::t!("inventory-db-credentials", file = file.as_str())
        );
    }
}

fn duration(d: std::time::Duration) -> String {
    crate::time::duration::format(d).to_string()
}

fn to_json(inv: &Inventory) -> serde_json::Value {
    let nodes: Vec<_> = inv
        .nodes
        .iter()
        .map(|node| {
            let t = &node.target;
            json!({
                "name": node.name,
                "address": node.address.to_string(),
                "transport": t.kind.name(),
                "proxy_jump": match &t.kind {
                    TransportKind::OpenSsh { proxy_jump, .. } => proxy_jump.clone(),
                    _ => None,
                },
                "ssh_config": match &t.kind {
                    TransportKind::OpenSsh { config, .. } => config.clone(),
                    _ => None,
                },
                "user": t.user,
                "become": if t.sudo { "sudo" } else { "none" },
                "port": t.port,
                "identity": t.identity,
                "known_hosts": t.known_hosts,
                "connect_timeout_s": t.connect_timeout.as_secs_f64(),
                "login_timeout_s": t.login_timeout.as_secs_f64(),
                "command_timeout_s": t.command_timeout.as_secs_f64(),
                "env": t.env,
                "extra_path": t.extra_path,
                "sync_dir": node.sync_dir,
                "hosts_file": node.hosts_file,
            })
        })
        .collect();
    json!({
        "path": inv.path,
        "site": inv.site,
        "tvox": inv.tvox,
        "cluster": inv.node_ip.map(|ip| json!({ "node_ip": ip.to_string() })),
        "nodes": nodes,
        "calendars": inv.calendars,
        "thresholds": {
            "chat_lag_s": inv.thresholds.chat_lag.as_secs_f64(),
            "db_lag_s": inv.thresholds.db_lag.as_secs_f64(),
            "fs_tolerance_percent": inv.thresholds.fs_tolerance,
            "clock_skew_s": inv.thresholds.clock_skew.as_secs_f64(),
        },
        "license": inv.license.as_ref().map(|l| json!({ "command": l.command, "expect": l.expect.to_string() })),
        "db": { "defaults_file": inv.db.defaults_file },
        "dns": { "servers": inv.dns.servers.iter().map(ToString::to_string).collect::<Vec<_>>() },
        "objectives": {
            "rpo_s": inv.objectives.rpo.as_secs_f64(),
            "rto_s": inv.objectives.rto.as_secs_f64(),
        },
        "retention": { "receipts_s": inv.receipts_kept.as_secs_f64() },
    })
}
