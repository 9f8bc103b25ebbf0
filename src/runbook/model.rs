//! A validated runbook: stages of steps, each step one kind with exactly the fields that
//! kind needs. Built by [`load`](super::load) from the raw file.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use regex::Regex;
use serde::Serialize;

use super::condition::Condition;
use super::raw::{RawAskKind, RawLevel, RawService};
use super::template::Template;
use super::text::Text;
use super::verdict::Rules;

#[derive(Debug, Clone)]
pub struct Runbook {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    /// The UAT checklist `uat` steps walk.
    pub uat: Option<String>,
    pub stages: Vec<Stage>,
    pub source: Source,
}

/// Where a runbook came from and what it said, to detect a changed runbook on resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// A path, or `embedded:<file>` for the shipped runbooks.
    pub name: String,
    pub text: String,
    /// SHA-256 of the text, hex.
    pub hash: String,
}

#[derive(Debug, Clone)]
pub struct Stage {
    pub id: String,
    pub title: Text,
    pub instructions: Option<Text>,
    pub when: Option<Condition>,
    pub steps: Vec<Step>,
    pub rollback: Vec<Step>,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub title: Text,
    pub instructions: Option<Text>,
    pub when: Option<Condition>,
    /// Marks the start (`down`) or end (`up`) of the customer's service outage, or a step
    /// whose own duration is one (`outage`).
    pub service: Option<RawService>,
    pub kind: Kind,
    /// A hash of what the step does (English text, commands…; never its place in the file
    /// nor its translations), to say which steps changed since a run began.
    pub fingerprint: String,
}

impl Step {
    /// The questions a manual or gate step asks.
    pub fn kind_asks(&self) -> &[Ask] {
        match &self.kind {
            Kind::Manual { ask } | Kind::Gate { ask, .. } => ask,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone)]
pub enum Kind {
    Note {
        level: RawLevel,
    },
    Manual {
        ask: Vec<Ask>,
    },
    Gate {
        ask: Vec<Ask>,
        evidence: Option<String>,
        /// The node a snapshot gate is about (`evidence: snapshot`).
        on: Option<Role>,
    },
    Check {
        checks: Vec<String>,
        options: CheckOptions,
    },
    Run {
        on: Role,
        command: Command,
        expect: Expect,
        timeout: Option<Duration>,
        idempotent: bool,
    },
    Interactive {
        on: Role,
        command: Command,
        checks: Vec<String>,
        options: CheckOptions,
        /// The address the node answers at before the program, when the program moves it to
        /// its inventory address (`network_reset`): the step connects there, and afterwards
        /// waits for the same host key at the inventory address.
        from_address: Option<Template>,
        /// How long the node may take to answer at its new address.
        timeout: Duration,
    },
    Screen {
        on: Role,
        command: Command,
        /// What proves the patch worked and what says it did not.
        rules: Rules,
        timeout: Duration,
    },
    Reboot {
        on: Role,
        timeout: Duration,
    },
    Wait {
        until: Until,
        /// Options of the check waited for (`until: { check: … }`).
        options: CheckOptions,
        interval: Duration,
        timeout: Duration,
    },
    Uat {
        phase: String,
    },
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Note { .. } => "note",
            Kind::Manual { .. } => "manual",
            Kind::Gate { .. } => "gate",
            Kind::Check { .. } => "check",
            Kind::Run { .. } => "run",
            Kind::Interactive { .. } => "interactive",
            Kind::Screen { .. } => "screen",
            Kind::Reboot { .. } => "reboot",
            Kind::Wait { .. } => "wait",
            Kind::Uat { .. } => "uat",
        }
    }

    /// Does this step need a person (an answer, a terminal)?
    pub fn needs_human(&self) -> bool {
        matches!(
            self,
            Kind::Manual { .. } | Kind::Gate { .. } | Kind::Interactive { .. } | Kind::Uat { .. }
        )
    }
}

/// Options passed to the checks of a step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// dns: expect the DR client's address instead of the node IP.
    pub expect_dr: bool,
    /// fs-sync: compare every file.
    pub exact: bool,
    /// vip: the node that must hold the node IP.
    pub master: Option<super::master::Master>,
    /// hosts: the line a stand-alone node or an FT node needs (default: as the inventory
    /// describes the site).
    pub hosts_form: Option<crate::checks::hosts::Form>,
    /// Only this cluster node is looked at (`on:` of a check step): TVOX 2 may not exist yet.
    pub on: Option<Role>,
}

/// Where a command runs. `master`/`slave` are resolved when the step runs, from who holds
/// the node IP at that moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Tvox1,
    Tvox2,
    Master,
    Slave,
    Both,
    DrClient,
    Local,
}

impl Role {
    pub const NAMES: &'static str = "tvox1, tvox2, master, slave, both, dr_client, local";

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Tvox1 => "tvox1",
            Role::Tvox2 => "tvox2",
            Role::Master => "master",
            Role::Slave => "slave",
            Role::Both => "both",
            Role::DrClient => "dr_client",
            Role::Local => "local",
        }
    }

    /// One machine (not `both`).
    pub fn is_single(self) -> bool {
        self != Role::Both
    }
}

impl FromStr for Role {
    type Err = crate::i18n::Msg;
    fn from_str(s: &str) -> Result<Role, crate::i18n::Msg> {
        [
            Role::Tvox1,
            Role::Tvox2,
            Role::Master,
            Role::Slave,
            Role::Both,
            Role::DrClient,
            Role::Local,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
        .ok_or_else(|| crate::msg!("role-unknown", host = s, roles = Role::NAMES))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A command of a step: a program with arguments (each quoted), or an author's script.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Argv(Vec<Template>),
    Script(Template),
}

impl Command {
    pub fn templates(&self) -> Vec<&Template> {
        match self {
            Command::Argv(words) => words.iter().collect(),
            Command::Script(script) => vec![script],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Expect {
    pub exit: i32,
    pub output: Option<Regex>,
}

#[derive(Debug, Clone)]
pub enum Until {
    /// Until this check is OK.
    Check(String),
    /// Until this host answers over SSH (`true`) or stops answering (`false`).
    Host { on: Role, up: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub name: String,
    pub kind: RawAskKind,
    pub prompt: Text,
    pub choices: Vec<String>,
    pub default: Option<String>,
}
