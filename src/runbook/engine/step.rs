//! What every step kind works with, and what it gives back. One function per kind, shared
//! by the runbook engine and the standalone subcommands (`tvdr patch`, `tvdr reboot`…).

use std::path::Path;

use anyhow::Result;
use serde_json::{Map, Value};

use super::human::{Decision, Human};
use crate::checks::context::{Context as CheckContext, Options};
use crate::exit_code::Exit;
use crate::i18n::{Msg, Said};
use crate::inventory::{Inventory, NodeName};
use crate::runbook::answers::Answers;
use crate::runbook::facts::Facts;
use crate::runbook::journal::{self, Outcome, Record};
use crate::runbook::model::{CheckOptions, Command, Role, Step};
use crate::runbook::secret::Secrets;
use crate::runbook::template::Template;
use crate::transport::{Cmd, Fleet};
use crate::{msg, t};

pub struct StepCx<'a> {
    pub inventory: &'a Inventory,
    pub fleet: &'a Fleet,
    pub step: &'a Step,
    pub answers: &'a Answers,
    pub human: &'a Human,
    /// The site's state directory (samples, snapshots).
    pub state_dir: &'a Path,
    pub run_id: &'a str,
    /// The step was started before and never finished (tvdr died inside it).
    pub reentered: bool,
    /// The journal recorded this step as failed: running it again is the technician's
    /// retry (a command runs again where it failed, not where it succeeded).
    pub failed_before: bool,
    /// The UAT checklist the runbook names (`uat` steps).
    pub uat: Option<&'a str>,
    /// The run's journal, for steps that compare with earlier steps of the run (`uat`);
    /// `None` for a standalone subcommand.
    pub journal: Option<&'a Path>,
    /// In a rollback run, the journal of the forward run it undoes (`master: { node_of }`
    /// may name a forward step).
    pub forward_journal: Option<&'a Path>,
}

/// How a step ended, with its evidence for the journal and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct StepResult {
    pub outcome: Outcome,
    /// Why it failed or was skipped: in every language when tvdr wrote it, as typed when
    /// a person did.
    pub reason: Option<Msg>,
    pub evidence: Map<String, Value>,
}

impl StepResult {
    pub fn done(evidence: Map<String, Value>) -> StepResult {
        StepResult {
            outcome: Outcome::Done,
            reason: None,
            evidence,
        }
    }

    pub fn skipped(reason: Msg) -> StepResult {
        StepResult {
            outcome: Outcome::Skipped,
            reason: Some(reason),
            evidence: Map::new(),
        }
    }

    pub fn failed(reason: Msg, evidence: Map<String, Value>) -> StepResult {
        StepResult {
            outcome: Outcome::Failed,
            reason: Some(reason),
            evidence,
        }
    }
}

/// What a step does after a failed attempt.
#[derive(Debug)]
pub enum Next {
    /// Try again (what "again" means is the kind's business: a screen step follows the
    /// same session, a reboot waits again — none repeats an action by itself).
    Retry,
    /// The step ends with this result (overridden, or failed when nobody can decide).
    Finish(StepResult),
}

impl StepCx<'_> {
    /// The one place a failed attempt is decided: the technician retries, overrides with a
    /// written reason, or aborts (exit 4); with `--yes` or without a terminal, nobody can
    /// decide and the step is recorded as failed (the run stops, resumable). `why` is
    /// shown in the chosen language and recorded in English.
    pub fn after_failure(&self, why: Msg, evidence: Map<String, Value>) -> Result<Next> {
        eprintln!(
            "{}",
            t!(
                "step-failed",
                step = self.step.id.as_str(),
                why = self.shown(why.shown())
            )
        );
        match self.human.on_failure(&self.step.id)? {
            Decision::Retry => {
                // A node that failed to connect is tried again, not taken as down for good.
                self.fleet.forget_failures();
                Ok(Next::Retry)
            }
            Decision::Override(reason) => Ok(Next::Finish(StepResult {
                outcome: Outcome::Overridden,
                reason: Some(Msg::text(reason)),
                evidence,
            })),
            Decision::Abort if self.human.yes || !self.human.interactive() => {
                Ok(Next::Finish(StepResult::failed(why, evidence)))
            }
            Decision::Abort => {
                let at = msg!("step-aborted-at", step = self.step.id.as_str(), why = why);
                // Shown when tvdr ends, and journalled: a secret the reason repeats masked.
                let said = Said {
                    shown: self.shown(at.shown()),
                    recorded: self.shown(at.en()),
                };
                Err(Exit::Aborted(crate::i18n::raise(said)).into())
            }
        }
    }

    /// The run's secret answers, to mask what the terminal shows: a secret typed unseen
    /// must not appear on the screen when a command line or its output repeats it.
    pub fn secrets(&self) -> Secrets {
        Secrets::of(self.answers.iter())
    }

    /// `text` as the terminal may show it: the run's secret answers masked.
    pub fn shown(&self, text: &str) -> String {
        self.secrets().mask(text)
    }

    pub fn facts(&self) -> Facts<'_> {
        Facts {
            inventory: self.inventory,
            answers: self.answers,
        }
    }

    /// A checks context for this moment: who is master is asked again (a reboot or a
    /// node switch earlier in the run may have moved the node IP).
    pub fn checks(&self) -> CheckContext<'_> {
        self.checks_with(&CheckOptions::default())
    }

    /// The same, with a step's check options (an expected master named relative to the
    /// run is resolved from the journals now).
    pub fn checks_with(&self, options: &CheckOptions) -> CheckContext<'_> {
        CheckContext::new(
            self.inventory,
            self.fleet,
            Options {
                state_dir: Some(self.state_dir.to_path_buf()),
                exact: options.exact,
                expect: if options.expect_dr {
                    crate::checks::dns::Expect::Dr
                } else {
                    crate::checks::dns::Expect::NodeIp
                },
                master: options.master.as_ref().map(|m| m.resolve(&self.journals())),
                hosts_form: options.hosts_form,
                only: match options.on {
                    Some(Role::Tvox1) => Some(NodeName::Tvox1),
                    Some(Role::Tvox2) => Some(NodeName::Tvox2),
                    _ => None,
                },
                ..Options::default()
            },
        )
    }

    /// The records of this run's journal, then of the forward run's in a rollback (a
    /// journal that cannot be read counts as empty: what it would tell stays unknown).
    pub fn journals(&self) -> Vec<Vec<Record>> {
        [self.journal, self.forward_journal]
            .into_iter()
            .flatten()
            .map(|path| journal::read(path).unwrap_or_default())
            .collect()
    }

    /// The nodes `role` names right now (`None` entry: the local machine).
    pub fn resolve(&self, role: Role) -> Result<Vec<Target>> {
        let node = |name: NodeName| -> Result<Target> {
            let node = self.inventory.node(name).ok_or_else(|| {
                anyhow::anyhow!(crate::raised!(
                    "step-node-missing",
                    step = self.step.id.as_str(),
                    node = name.as_str()
                ))
            })?;
            Ok(Target::Node(node.name.as_str()))
        };
        match role {
            Role::Local => Ok(vec![Target::Local]),
            Role::Tvox1 => Ok(vec![node(NodeName::Tvox1)?]),
            Role::Tvox2 => Ok(vec![node(NodeName::Tvox2)?]),
            Role::DrClient => Ok(vec![node(NodeName::DrClient)?]),
            Role::Both => Ok(vec![node(NodeName::Tvox1)?, node(NodeName::Tvox2)?]),
            Role::Master | Role::Slave => {
                let roles = self.checks().roles().map_err(|why| {
                    anyhow::anyhow!(crate::raised!(
                        "step-role-unknown",
                        step = self.step.id.as_str(),
                        role = role.to_string(),
                        why = why.to_string()
                    ))
                })?;
                let name = if role == Role::Master {
                    Some(roles.master)
                } else {
                    roles.slave
                };
                let name = name.ok_or_else(|| {
                    anyhow::anyhow!(crate::raised!(
                        "step-no-slave",
                        step = self.step.id.as_str()
                    ))
                })?;
                Ok(vec![node(name.parse().map_err(anyhow::Error::msg)?)?])
            }
        }
    }

    /// The step's command with every reference filled in and quoted.
    /// An address a step names (`from_address:`), filled in and validated.
    pub fn address(&self, template: &Template) -> Result<String> {
        let text = template.fill(&self.facts(), false).map_err(|name| {
            anyhow::anyhow!(crate::raised!(
                "step-no-value-yet",
                step = self.step.id.as_str(),
                name = format!("{name:?}")
            ))
        })?;
        let address: crate::inventory::Address = text.trim().parse().map_err(|why: Msg| {
            let said = msg!(
                "step-bad-address",
                step = self.step.id.as_str(),
                address = text.as_str(),
                why = why
            )
            .said();
            Exit::Usage(crate::i18n::raise(said))
        })?;
        Ok(address.to_string())
    }

    pub fn command(&self, command: &Command) -> Result<Cmd> {
        render(command, &self.facts()).map_err(|name| {
            anyhow::anyhow!(crate::raised!(
                "step-no-value-yet",
                step = self.step.id.as_str(),
                name = format!("{name:?}")
            ))
        })
    }
}

/// Where a command runs: a node of the inventory, or the machine tvdr runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Node(&'static str),
    Local,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Node(name) => name,
            Target::Local => "local",
        }
    }
}

/// Renders a step command: argv words quoted one by one, a script with quoted values.
pub fn render(command: &Command, facts: &Facts) -> Result<Cmd, crate::runbook::facts::Name> {
    match command {
        Command::Argv(words) => {
            let mut filled = Vec::new();
            for word in words {
                filled.push(word.fill(facts, false)?);
            }
            let program = filled.first().cloned().unwrap_or_default();
            let mut cmd = Cmd::new(program.as_str());
            if crate::transport::quote::is_root_program(&program) {
                cmd = cmd.as_root();
            }
            for word in filled.iter().skip(1) {
                cmd = cmd.arg(word.as_str());
            }
            Ok(cmd)
        }
        Command::Script(script) => Ok(Cmd::operator_script(script.fill(facts, true)?)),
    }
}
