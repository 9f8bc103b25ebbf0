//! `--dry-run`: the resolved plan of a runbook against an inventory, without connecting to
//! anything — every step, its host and address, the exact quoted command, the checks,
//! the questions, and what can only be known at run time.

mod human;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

pub use human::render_human;

use super::answers::Answers;
use super::engine::step::render;
use super::facts::Facts;
use super::model::{CheckOptions, Command, Kind, Role, Runbook, Step, Until};
use super::text::Text;
use crate::checks::planned::{self, CheckPlan};
use crate::inventory::{Inventory, NodeName};

#[derive(Debug, Serialize)]
pub struct Plan {
    pub runbook: String,
    /// Texts are English in JSON (as they always were), Italian beside them (`title_it`).
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_it: Option<String>,
    pub site: String,
    pub rollback: bool,
    pub stages: Vec<PlanStage>,
    /// What a dry run cannot know: who will be master, the answers a person will give.
    pub runtime_unknowns: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PlanStage {
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_it: Option<String>,
    /// `true`/`false` when the inventory decides, `null` when an answer will.
    pub runs: Option<bool>,
    /// The stage's own instructions, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions_it: Option<String>,
    pub steps: Vec<PlanStep>,
}

#[derive(Debug, Serialize)]
pub struct PlanStep {
    pub id: String,
    pub kind: &'static str,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_it: Option<String>,
    pub runs: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// What the technician reads (menu paths in the runbook's own words), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions_it: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
    /// The commands behind those checks, as their gather side builds them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub check_commands: Vec<CheckPlan>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<String, Value>,
}

/// Builds the plan. Answers a person will give appear as `<name>` in commands.
pub fn plan(runbook: &Runbook, inventory: &Inventory, rollback: bool) -> Plan {
    let placeholders: Answers = all_steps(runbook)
        .flat_map(Step::kind_asks)
        .map(|a| (a.name.clone(), format!("<{}>", a.name)))
        .collect();
    let no_answers = Answers::default();
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
            title_it: italian(Some(&stage.title)),
            runs,
            instructions: stage.instructions.clone(),
            instructions_it: italian(stage.instructions.as_ref()),
            steps,
        });
    }
    for ask in all_steps(runbook).flat_map(Step::kind_asks) {
        unknowns.push(format!(
            "the answer to `{}` ({})",
            ask.name,
            ask.prompt.en()
        ));
    }
    unknowns.dedup();
    Plan {
        runbook: runbook.id.clone(),
        title: runbook.title.clone(),
        title_it: italian(Some(&runbook.title)),
        site: inventory.site.clone(),
        rollback,
        stages,
        runtime_unknowns: unknowns,
    }
}

/// The Italian of a text, for the JSON plan's `…_it` fields.
fn italian(text: Option<&Text>) -> Option<String> {
    text.and_then(Text::it).map(str::to_string)
}

fn all_steps(runbook: &Runbook) -> impl Iterator<Item = &Step> {
    runbook
        .stages
        .iter()
        .flat_map(|s| s.steps.iter().chain(&s.rollback))
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
        title_it: italian(Some(&step.title)),
        runs: step.when.as_ref().map_or(Some(true), |c| c.eval(decided)),
        when: step.when.as_ref().map(|_| "condition".into()),
        instructions: step.instructions.clone(),
        instructions_it: italian(step.instructions.as_ref()),
        host: None,
        command: None,
        checks: Vec::new(),
        check_commands: Vec::new(),
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
                .map(|a| json!({ "name": a.name, "type": format!("{:?}", a.kind).to_lowercase(), "prompt": a.prompt, "prompt_it": a.prompt.it(), "choices": a.choices }))
                .collect();
            plan.details
                .insert("confirmation".into(), json!(step.kind.name() == "gate"));
        }
        Kind::Check { checks, options } => {
            plan.checks = checks.clone();
            expected_master(&mut plan, options, unknowns);
            plan.check_commands = check_commands(checks, inventory, options.exact);
        }
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
            options,
            from_address,
            timeout,
        } => {
            plan.host = host(*on, unknowns);
            plan.command = command(c);
            plan.checks = checks.clone();
            plan.check_commands = check_commands(checks, inventory, options.exact);
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
            rules,
            timeout,
        } => {
            plan.host = host(*on, unknowns);
            plan.command = command(c);
            let (success, unless) = rules.to_plan();
            plan.details.insert("success".into(), success);
            plan.details.insert("success_unless".into(), unless);
            plan.details.insert(
                "runs".into(),
                json!("inside GNU screen on the node (`screen -dmS … -L -Logfile …`), its log followed; re-attached on resume"),
            );
            plan.details
                .insert("timeout_s".into(), json!(timeout.as_secs()));
        }
        Kind::Reboot { on, timeout } => {
            plan.host = host(*on, unknowns);
            plan.command = Some("reboot".into());
            plan.details.insert(
                "back_when".into(),
                json!("it stopped answering, then answers over SSH with a new boot id (/proc/sys/kernel/random/boot_id)"),
            );
            plan.details
                .insert("timeout_s".into(), json!(timeout.as_secs()));
        }
        Kind::Wait {
            until,
            options,
            interval,
            timeout,
        } => {
            match until {
                Until::Check(check) => {
                    plan.checks = vec![check.clone()];
                    expected_master(&mut plan, options, unknowns);
                    plan.check_commands = check_commands(&plan.checks, inventory, options.exact);
                    plan.details.insert(
                        "until".into(),
                        json!(format!("`{check}` OK; stops at once when it cannot tell for a lasting reason (not configured, no credentials)")),
                    );
                }
                Until::Host { on, up } => {
                    plan.host = host(*on, unknowns);
                    plan.details.insert(
                        "until".into(),
                        json!(if *up {
                            "up: answers over SSH (a fresh connection and `cat /proc/sys/kernel/random/boot_id`)"
                        } else {
                            "down: no longer answers over SSH"
                        }),
                    );
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

/// The node a `vip` check expects to hold the node IP; one named relative to the run
/// (`node_of`) is known only when the run gets there.
fn expected_master(plan: &mut PlanStep, options: &CheckOptions, unknowns: &mut Vec<String>) {
    let Some(master) = &options.master else {
        return;
    };
    plan.details
        .insert("expected_master".into(), json!(master.describe()));
    if let Some(step) = master.step() {
        let unknown = format!(
            "which node `{step}` ran on (the master expected at `{}`)",
            plan.id
        );
        if !unknowns.contains(&unknown) {
            unknowns.push(unknown);
        }
    }
}

fn check_commands(checks: &[String], inventory: &Inventory, exact: bool) -> Vec<CheckPlan> {
    checks
        .iter()
        .map(|name| planned::plan(name, inventory, exact))
        .collect()
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
