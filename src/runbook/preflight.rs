//! Before the outage window: which programs a runbook will need are missing on which
//! node. A vendor tool found only through a login script the site lacks, a `pg_dump`
//! outside the PATH, `screen` not installed — each found at the start, not in the middle
//! of the downtime. Told, not enforced: a step may never run (its condition), and the
//! technician may know better.

use std::collections::{BTreeMap, BTreeSet};

use crate::inventory::{Inventory, NodeName};
use crate::runbook::model::{Command, Kind, Role, Runbook, Until};
use crate::transport::{Cmd, Fleet};

/// Programs a check runs on the cluster nodes (any one of each group will do).
const CHECKS: &[(&str, &[&str])] = &[
    ("vip", &["ip"]),
    ("calendars", &["pg_dump"]),
    ("db", &["mysql"]),
    ("chat", &["mongo", "mongosh"]),
    ("fs-sync", &["du"]),
    ("screen", &["screen"]),
];

/// Words that start a script without naming a program to look for.
const SHELL_WORDS: &[&str] = &[
    "cd", "export", "if", "for", "while", "case", "test", "[", "echo", "printf", "set", "true",
    "false", "exec", "command", "env", "sh", "bash", "!", "{", "(",
];

/// One program wanted (any of `names`) and what wants it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Need {
    pub names: Vec<String>,
    pub by: String,
}

/// What `runbook` will run where: node name → needs.
pub fn needs(runbook: &Runbook, inventory: &Inventory) -> BTreeMap<String, BTreeSet<Need>> {
    let present: Vec<NodeName> = inventory.nodes.iter().map(|n| n.name).collect();
    let nodes = |role: Role| -> Vec<NodeName> {
        let wanted: &[NodeName] = match role {
            Role::Tvox1 => &[NodeName::Tvox1],
            Role::Tvox2 => &[NodeName::Tvox2],
            Role::Master | Role::Slave | Role::Both => &[NodeName::Tvox1, NodeName::Tvox2],
            Role::DrClient => &[NodeName::DrClient],
            Role::Local => &[],
        };
        wanted
            .iter()
            .filter(|n| present.contains(n))
            .copied()
            .collect()
    };
    let mut all: BTreeMap<String, BTreeSet<Need>> = BTreeMap::new();
    let mut add = |on: Vec<NodeName>, names: Vec<String>, by: String| {
        for node in on {
            all.entry(node.to_string()).or_default().insert(Need {
                names: names.clone(),
                by: by.clone(),
            });
        }
    };
    for step in runbook.stages.iter().flat_map(|s| &s.steps) {
        let by = format!("step `{}`", step.id);
        let mut checks: Vec<&String> = Vec::new();
        match &step.kind {
            Kind::Run { on, command, .. } | Kind::Interactive { on, command, .. } => {
                if let Some(program) = program(command) {
                    add(nodes(*on), vec![program], by.clone());
                }
            }
            Kind::Screen { on, command, .. } => {
                add(nodes(*on), vec!["screen".into()], by.clone());
                if let Some(program) = program(command) {
                    add(nodes(*on), vec![program], by.clone());
                }
            }
            Kind::Reboot { on, .. } => add(nodes(*on), vec!["reboot".into()], by.clone()),
            Kind::Check { checks: names, .. } => checks.extend(names),
            Kind::Wait {
                until: Until::Check(name),
                ..
            } => checks.push(name),
            _ => {}
        }
        if let Kind::Interactive { checks: names, .. } = &step.kind {
            checks.extend(names);
        }
        for check in checks {
            if let Some((_, programs)) = CHECKS.iter().find(|(name, _)| name == check) {
                add(
                    nodes(Role::Both),
                    programs.iter().map(|p| p.to_string()).collect(),
                    format!("check `{check}`"),
                );
            }
        }
    }
    all
}

/// The program a command starts, when it is a plain word known before the run.
fn program(command: &Command) -> Option<String> {
    let first = command.templates().first()?.source.clone();
    let word = match command {
        Command::Argv(_) => first,
        Command::Script(_) => first.split_whitespace().next()?.to_owned(),
    };
    let plain = !word.is_empty()
        && !word.contains('=')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./+-".contains(c));
    (plain && !SHELL_WORDS.contains(&word.as_str())).then_some(word)
}

/// Prints `missing` (node → programs, each with what wants it) for [`missing`]'s result.
fn render(missing: &BTreeMap<String, Vec<Need>>) -> String {
    let mut text = String::from(
        "preflight: programs this runbook needs are not found on the nodes (fix it before \
         the outage window: install them, or `paths.extra_path` in the inventory):\n",
    );
    for (node, needs) in missing {
        let list: Vec<String> = needs
            .iter()
            .map(|n| {
                let names: Vec<String> = n.names.iter().map(|p| format!("`{p}`")).collect();
                format!("{} ({})", names.join(" or "), n.by)
            })
            .collect();
        text.push_str(&format!("  {node}: {}\n", list.join(", ")));
    }
    text
}

/// Lists the programs absent from each node's PATH (its login environment): one command
/// per node, nodes in parallel. A node that does not answer is left to the steps.
pub fn missing(
    fleet: &Fleet,
    needs: &BTreeMap<String, BTreeSet<Need>>,
) -> BTreeMap<String, Vec<Need>> {
    let nodes: Vec<&str> = needs.keys().map(String::as_str).collect();
    let results = fleet.run_each(&nodes, |t| {
        let names: BTreeSet<&String> = needs[&t.target().name]
            .iter()
            .flat_map(|n| &n.names)
            .collect();
        t.output(
            &Cmd::new("sh")
                .arg("-c")
                .arg(r#"for p in "$@"; do command -v "$p" >/dev/null 2>&1 || echo "$p"; done"#)
                .arg("tvdr-preflight")
                .args(names),
        )
    });
    let mut missing = BTreeMap::new();
    for (node, result) in results {
        let Ok(out) = result else { continue };
        let absent: BTreeSet<String> = out.stdout_lossy().lines().map(str::to_owned).collect();
        let lacking: Vec<Need> = needs[&node]
            .iter()
            .filter(|n| n.names.iter().all(|p| absent.contains(p)))
            .cloned()
            .collect();
        if !lacking.is_empty() {
            missing.insert(node, lacking);
        }
    }
    missing
}

/// Says what is missing where, if anything.
pub fn tell(runbook: &Runbook, inventory: &Inventory, fleet: &Fleet) {
    let missing = missing(fleet, &needs(runbook, inventory));
    if !missing.is_empty() {
        eprint!("{}", render(&missing));
    }
}

#[cfg(test)]
mod tests;
