//! `tvdr snapshot record|list|forget`: the VM snapshot reminders of a site, kept in its
//! state directory through [`crate::snapshots`].

use std::path::Path;
use std::time::SystemTime;

use anyhow::Result;
use serde_json::json;

use super::operator::operator;
use crate::cli::{
    Format, SnapshotArgs, SnapshotCommand, SnapshotForgetArgs, SnapshotListArgs, SnapshotRecordArgs,
};
use crate::exit_code::Exit;
use crate::inventory::{self, Inventory, NodeName, Selection};
use crate::output::table;
use crate::snapshots::{self, age_msg, Snapshot, MAX_AGE};
use crate::t;
use crate::time::rfc3339;

pub fn execute(
    inventory: Option<&Path>,
    state_dir: Option<&Path>,
    args: &SnapshotArgs,
) -> Result<i32> {
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let dir = crate::state::site_dir(state_dir, &inv.site);
    match &args.command {
        SnapshotCommand::Record(a) => record(&inv, &dir, a),
        SnapshotCommand::List(a) => list(&dir, a),
        SnapshotCommand::Forget(a) => forget(&dir, a),
    }
}

fn record(inv: &Inventory, dir: &Path, a: &SnapshotRecordArgs) -> Result<i32> {
    let selection: Selection = a.node.parse().map_err(Exit::Usage)?;
    let nodes = inv
        .select(selection)
        .map_err(|e| Exit::Usage(format!("{e:#}")))?;
    let name = a.name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Exit::Usage(t!("snapshot-bad-name", name = a.name.as_str())).into());
    }
    let taken_at = match &a.at {
        Some(text) => rfc3339::parse(text).map_err(Exit::Usage)?,
        None => SystemTime::now(),
    };
    let by = operator(a.operator.as_deref());
    for node in nodes {
        let snapshot = Snapshot {
            node: node.name.to_string(),
            name: name.to_string(),
            taken_at,
            recorded_by: by.clone(),
            note: a.note.clone().filter(|n| !n.trim().is_empty()),
        };
        snapshots::record(dir, &snapshot)?;
        println!(
            "{}",
            t!(
                "snapshot-recorded",
                name = name,
                node = snapshot.node.as_str(),
                taken = rfc3339::format_seconds(taken_at),
                delete_by = rfc3339::format_seconds(taken_at + MAX_AGE)
            )
        );
        if snapshot.overdue(SystemTime::now()) {
            eprintln!("{}", t!("snapshot-already-old", name = name));
        }
    }
    Ok(0)
}

fn list(dir: &Path, a: &SnapshotListArgs) -> Result<i32> {
    let mut kept = snapshots::list(dir)?;
    kept.sort_by_key(|s| s.taken_at);
    let now = SystemTime::now();
    match a.format {
        Format::Json => {
            let rows: Vec<_> = kept
                .iter()
                .map(|s| {
                    json!({
                        "node": s.node,
                        "name": s.name,
                        "taken_at": rfc3339::format_seconds(s.taken_at),
                        "recorded_by": s.recorded_by,
                        "note": s.note,
                        "age_seconds": s.age(now).as_secs(),
                        "delete_by": rfc3339::format_seconds(s.taken_at + MAX_AGE),
                        "overdue": s.overdue(now),
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
        Format::Human if kept.is_empty() => println!("{}", t!("snapshot-none")),
        Format::Human => {
            let headings = [
                t!("snapshot-col-node"),
                t!("snapshot-col-name"),
                t!("snapshot-col-taken"),
                t!("snapshot-col-age"),
                t!("snapshot-col-by"),
                t!("snapshot-col-note"),
            ];
            let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
            let mut t = table::new(&headings);
            for s in &kept {
                let age = match s.overdue(now) {
                    true => t!("snapshot-age-overdue", age = age_msg(s.age(now)).shown()),
                    false => age_msg(s.age(now)).shown().to_string(),
                };
                t.add_row(vec![
                    s.node.clone(),
                    s.name.clone(),
                    rfc3339::format_seconds(s.taken_at),
                    age,
                    s.recorded_by.clone(),
                    s.note.clone().unwrap_or_default(),
                ]);
            }
            println!("{t}");
        }
    }
    Ok(0)
}

fn forget(dir: &Path, a: &SnapshotForgetArgs) -> Result<i32> {
    let node = match &a.node {
        Some(text) => Some(text.parse::<NodeName>().map_err(Exit::Usage)?),
        None => None,
    };
    let node = node.map(NodeName::as_str);
    let by = operator(a.operator.as_deref());
    match snapshots::forget(dir, &a.name, node, &by)? {
        0 => {
            let message = match node {
                Some(n) => t!("snapshot-unknown-on", name = a.name.as_str(), node = n),
                None => t!("snapshot-unknown", name = a.name.as_str()),
            };
            Err(Exit::Usage(message).into())
        }
        n => {
            println!(
                "{}",
                t!("snapshot-forgot", count = n, name = a.name.as_str())
            );
            Ok(0)
        }
    }
}
