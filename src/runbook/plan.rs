//! `--dry-run`: the resolved plan of a runbook against an inventory, without connecting to
//! anything — every step, its host and address, the exact quoted command, the checks,
//! the questions, and what can only be known at run time.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::engine::step::render;
use super::facts::Facts;
use super::model::{Ask, Command, Kind, Role, Runbook, Step, Until};
use crate::inventory::{Inventory, NodeName};

#[derive(Debug, Serialize)]
pub struct Plan {
    pub runbook: String,
    pub title: String,
    pub site: String,
    pub rollback: bool,
    pub stages: Vec<PlanStage>,
    /// What a dry run cannot know: who will be master, the answers a person will give.
    pub runtime_unknowns: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PlanStage {
    pub id: String,
    pub title: String,
    /// `true`/`false` when the inventory decides, `null` when an answer will.
    pub runs: Option<bool>,
    pub steps: Vec<PlanStep>,
}

#[derive(Debug, Serialize)]
pub struct PlanStep {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub runs: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<String, Value>,
}

/// Builds the plan. Answers a person will give appear as `<name>` in commands.
pub fn plan(runbook: &Runbook, inventory: &Inventory, rollback: bool) -> Plan {
    let placeholders: BTreeMap<String, String> = all_steps(runbook)
        .flat_map(asks)
        .map(|a| (a.name.clone(), format!("<{}>", a.name)))
        .collect();
    let no_answers = BTreeMap::new();
    let decided = Facts {
        inventory,
        answers: &no_answers,
    };
    let shown = Facts {
        inventory,
        answers: &placeholders,
    };
    let mut unknowns = Vec::new();
    let mut stages = Vec::new();
    let ordered: Vec<_> = if rollback {
        runbook.stages.iter().rev().collect()
    } else {
        runbook.stages.iter().collect()
    };
    for stage in ordered {
        let runs = stage.when.as_ref().map_or(Some(true), |c| c.eval(&decided));
        let steps = if rollback {
            &stage.rollback
        } else {
            &stage.steps
        };
        let steps = steps
            .iter()
            .map(|step| plan_step(step, inventory, &decided, &shown, &mut unknowns))
            .collect();
        stages.push(PlanStage {
            id: stage.id.clone(),
            title: stage.title.clone(),
            runs,
            steps,
        });
    }
    for ask in all_steps(runbook).flat_map(asks) {
        unknowns.push(format!("the answer to `{}` ({})", ask.name, ask.prompt));
    }
    unknowns.dedup();
    Plan {
        runbook: runbook.id.clone(),
        title: runbook.title.clone(),
        site: inventory.site.clone(),
        rollback,
        stages,
        runtime_unknowns: unknowns,
    }
}

fn all_steps(runbook: &Runbook) -> impl Iterator<Item = &Step> {
    runbook
        .stages
        .iter()
        .flat_map(|s| s.steps.iter().chain(&s.rollback))
}

fn asks(step: &Step) -> &[Ask] {
    match &step.kind {
        Kind::Manual { ask } | Kind::Gate { ask, .. } => ask,
        _ => &[],
    }
}

fn plan_step(
    step: &Step,
    inventory: &Inventory,
    decided: &Facts,
    shown: &Facts,
    unknowns: &mut Vec<String>,
) -> PlanStep {
    let mut plan = PlanStep {
        id: step.id.clone(),
        kind: step.kind.name(),
        title: step.title.clone(),
        runs: step.when.as_ref().map_or(Some(true), |c| c.eval(decided)),
        when: step.when.as_ref().map(|_| "condition".into()),
        host: None,
        command: None,
        checks: Vec::new(),
        questions: Vec::new(),
        details: BTreeMap::new(),
    };
    let host = |role: Role, unknowns: &mut Vec<String>| {
        let (value, unknown) = host(role, inventory);
        if let Some(unknown) = unknown {
            if !unknowns.contains(&unknown) {
                unknowns.push(unknown);
            }
        }
        Some(value)
    };
    let command = |command: &Command| match render(command, shown) {
        Ok(cmd) => Some(cmd.render()),
        Err(name) => Some(format!("<cannot render: {name:?} has no value>")),
    };
    match &step.kind {
        Kind::Note { level } => {
            plan.details.insert("level".into(), json!(level));
        }
        Kind::Manual { ask } | Kind::Gate { ask, .. } => {
            plan.questions = ask
                .iter()
                .map(|a| json!({ "name": a.name, "type": format!("{:?}", a.kind).to_lowercase(), "prompt": a.prompt, "choices": a.choices }))
                .collect();
            plan.details
                .insert("confirmation".into(), json!(step.kind.name() == "gate"));
        }
        Kind::Check { checks, .. } => plan.checks = checks.clone(),
        Kind::Run {
            on,
            command: c,
            expect,
            timeout,
            idempotent,
        } => {
            plan.host = host(*on, unknowns);
            plan.command = command(c);
            plan.details
                .insert("expect_exit".into(), json!(expect.exit));
            if let Some(re) = &expect.output {
                plan.details
                    .insert("expect_output".into(), json!(re.as_str()));
            }
            if let Some(t) = timeout {
                plan.details.insert("timeout_s".into(), json!(t.as_secs()));
            }
            plan.details.insert("idempotent".into(), json!(idempotent));
        }
        Kind::Interactive {
            on,
            command: c,
            checks,
            from_address,
            timeout,
            ..
        } => {
            plan.host = host(*on, unknowns);
            plan.command = command(c);
            plan.checks = checks.clone();
            if let Some(from) = from_address {
                // Connected at this address; the node then answers at its inventory one.
                let shown_from = from
                    .fill(shown, false)
                    .unwrap_or_else(|name| format!("<cannot render: {name:?} has no value>"));
                plan.details
                    .insert("from_address".into(), json!(shown_from));
                plan.details
                    .insert("moved_timeout_s".into(), json!(timeout.as_secs()));
            }
        }
        Kind::Screen {
            on,
            command: c,
            success,
            timeout,
        } => {
            plan.host = host(*on, unknowns);
            plan.command = command(c);
            plan.details
                .insert("success".into(), json!(success.as_str()));
            plan.details
                .insert("timeout_s".into(), json!(timeout.as_secs()));
        }
        Kind::Reboot { on, timeout } => {
            plan.host = host(*on, unknowns);
            plan.details
                .insert("timeout_s".into(), json!(timeout.as_secs()));
        }
        Kind::Wait {
            until,
            interval,
            timeout,
        } => {
            match until {
                Until::Check(check) => plan.checks = vec![check.clone()],
                Until::Host { on, up } => {
                    plan.host = host(*on, unknowns);
                    plan.details
                        .insert("until".into(), json!(if *up { "up" } else { "down" }));
                }
            }
            plan.details
                .insert("interval_s".into(), json!(interval.as_secs()));
            plan.details
                .insert("timeout_s".into(), json!(timeout.as_secs()));
        }
        Kind::Uat { phase } => {
            plan.details.insert("phase".into(), json!(phase));
        }
    }
    if let Some(service) = step.service {
        plan.details.insert("service".into(), json!(service));
    }
    plan
}

/// A host role as far as the inventory tells, and what only the run will tell.
fn host(role: Role, inventory: &Inventory) -> (Value, Option<String>) {
    let node = |name: NodeName| {
        inventory
            .node(name)
            .map(|n| json!({ "node": name, "address": n.address.to_string() }))
            .unwrap_or_else(|| json!({ "node": name, "missing": true }))
    };
    match role {
        Role::Local => (json!({ "role": "local" }), None),
        Role::Tvox1 => (
            json!({ "role": role, "nodes": [node(NodeName::Tvox1)] }),
            None,
        ),
        Role::Tvox2 => (
            json!({ "role": role, "nodes": [node(NodeName::Tvox2)] }),
            None,
        ),
        Role::DrClient => (
            json!({ "role": role, "nodes": [node(NodeName::DrClient)] }),
            None,
        ),
        Role::Both => (
            json!({ "role": role, "nodes": [node(NodeName::Tvox1), node(NodeName::Tvox2)] }),
            None,
        ),
        Role::Master | Role::Slave => {
            let ip = inventory
                .node_ip
                .map_or("the node IP".to_string(), |ip| ip.to_string());
            (
                json!({
                    "role": role,
                    "decided_at_run_time": format!("the node that {} {ip}", if role == Role::Master { "holds" } else { "does not hold" }),
                    "candidates": [node(NodeName::Tvox1), node(NodeName::Tvox2)],
                }),
                Some(format!(
                    "which node is master (holds {ip}) when each master/slave step runs"
                )),
            )
        }
    }
}

/// The plan for people.
pub fn render_human(plan: &Plan) -> String {
    let mut out = format!(
        "dry run of `{}`{} — {} (site {}); nothing is contacted\n",
        plan.runbook,
        if plan.rollback { " --rollback" } else { "" },
        plan.title,
        plan.site
    );
    let mut n = 0;
    for stage in &plan.stages {
        out.push_str(&format!("\n▸ {}{}\n", stage.title, runs_note(stage.runs)));
        for step in &stage.steps {
            n += 1;
            out.push_str(&format!(
                "  {n:>3}. [{}] {}{}  ({})\n",
                step.kind,
                step.title,
                runs_note(step.runs),
                step.id
            ));
            if let Some(host) = &step.host {
                out.push_str(&format!("       on: {}\n", host_text(host)));
            }
            if let Some(command) = &step.command {
                out.push_str(&format!("       $ {command}\n"));
            }
            if !step.checks.is_empty() {
                out.push_str(&format!("       checks: {}\n", step.checks.join(", ")));
            }
            for q in &step.questions {
                out.push_str(&format!(
                    "       asks: {} ({})\n",
                    q["prompt"].as_str().unwrap_or_default(),
                    q["type"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    if !plan.runtime_unknowns.is_empty() {
        out.push_str("\nknown only at run time:\n");
        for unknown in &plan.runtime_unknowns {
            out.push_str(&format!("  - {unknown}\n"));
        }
    }
    out
}

fn runs_note(runs: Option<bool>) -> &'static str {
    match runs {
        Some(true) => "",
        Some(false) => "  — skipped here (condition false)",
        None => "  — decided at run time",
    }
}

fn host_text(host: &Value) -> String {
    let nodes = |key: &str| {
        host[key]
            .as_array()
            .map(|nodes| {
                nodes
                    .iter()
                    .map(|n| {
                        format!(
                            "{} ({})",
                            n["node"].as_str().unwrap_or_default(),
                            n["address"].as_str().unwrap_or("missing from inventory")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    match host["role"].as_str() {
        Some("local") => "this machine".into(),
        Some(role @ ("master" | "slave")) => format!(
            "{role}: {} — one of {}",
            host["decided_at_run_time"].as_str().unwrap_or_default(),
            nodes("candidates")
        ),
        _ => nodes("nodes"),
    }
}
