//! A runbook file exactly as written. Every field that validation may complain about is
//! `Spanned`, so the complaint can point at its line and column.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::text::Text;
use crate::inventory::values::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRunbook {
    pub id: Spanned<String>,
    pub title: Spanned<Text>,
    #[serde(default)]
    pub description: Option<Spanned<Text>>,
    /// The UAT checklist file `uat` steps walk (default: the shipped `uat-standard.yaml`).
    #[serde(default)]
    pub uat: Option<String>,
    pub stages: Vec<RawStage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    pub id: Spanned<String>,
    pub title: Spanned<Text>,
    #[serde(default)]
    pub instructions: Option<Spanned<Text>>,
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    pub steps: Vec<RawStep>,
    /// Steps that undo this stage, run by `--rollback` (newest stage first).
    #[serde(default)]
    pub rollback: Vec<RawStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawKind {
    Note,
    Manual,
    Gate,
    Check,
    Run,
    Interactive,
    Screen,
    Reboot,
    Wait,
    Uat,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: Spanned<String>,
    pub kind: Spanned<RawKind>,
    pub title: Spanned<Text>,
    #[serde(default)]
    pub instructions: Option<Spanned<Text>>,
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    /// Where a command runs: tvox1, tvox2, master, slave, both, dr_client, local.
    #[serde(default)]
    pub on: Option<Spanned<String>>,
    /// Questions of a manual or gate step.
    #[serde(default)]
    pub ask: Vec<RawAsk>,
    /// Checks of a check step, or run after an interactive step.
    #[serde(default)]
    pub checks: Vec<Spanned<String>>,
    /// Options for those checks, as on `tvdr check`.
    #[serde(default)]
    pub options: Option<RawCheckOptions>,
    /// A program and its arguments, each quoted (`{{ name }}` references allowed).
    #[serde(default)]
    pub command: Option<Spanned<Vec<String>>>,
    /// A shell script written by the runbook's author (references are quoted).
    #[serde(default)]
    pub script: Option<Spanned<String>>,
    #[serde(default)]
    pub expect: Option<RawExpect>,
    /// screen: the regex (or regexes) one line of the final output must match to prove
    /// success [default: the shipped rule].
    #[serde(default)]
    pub success: Option<Spanned<RawPatterns>>,
    /// screen: regexes that make a line of the final output a failure (added to the
    /// shipped ones).
    #[serde(default)]
    pub failure: Option<Spanned<RawPatterns>>,
    #[serde(default)]
    pub timeout: Option<Span>,
    /// wait: how often to look.
    #[serde(default)]
    pub interval: Option<Span>,
    /// wait: the condition waited for.
    #[serde(default)]
    pub until: Option<RawUntil>,
    /// uat: the phase name (baseline, after-conversion, on-tvox2…).
    #[serde(default)]
    pub phase: Option<Spanned<String>>,
    /// run: safe to run again when a resumed run finds it interrupted.
    #[serde(default)]
    pub idempotent: bool,
    /// `down`/`up`: the service stops/starts being available here; `outage`: it is out
    /// for this step's own duration (measured downtime).
    #[serde(default)]
    pub service: Option<Spanned<RawService>>,
    /// note: how loud the box is.
    #[serde(default)]
    pub level: Option<RawLevel>,
    /// gate: what this answer is evidence of (`snapshot` records a snapshot reminder).
    #[serde(default)]
    pub evidence: Option<Spanned<String>>,
    /// interactive: the address the node answers at before the program moves it to its
    /// inventory address (`network_reset`), e.g. `{{ cluster.node_ip }}`.
    #[serde(default)]
    pub from_address: Option<Spanned<String>>,
}

/// One regex, or a list of them, each keeping its place in the file (an untagged enum
/// would lose the places: serde buffers it).
#[derive(Debug)]
pub enum RawPatterns {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for RawPatterns {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawPatterns;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a regex or a list of regexes")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawPatterns, E> {
                Ok(RawPatterns::One(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawPatterns, A::Error> {
                let mut all = Vec::new();
                while let Some(one) = seq.next_element()? {
                    all.push(one);
                }
                Ok(RawPatterns::Many(all))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAsk {
    pub name: Spanned<String>,
    #[serde(rename = "type", default)]
    pub kind: RawAskKind,
    #[serde(default)]
    pub prompt: Option<Spanned<Text>>,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default)]
    pub default: Option<String>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawAskKind {
    #[default]
    Text,
    Ip,
    Choice,
    #[serde(alias = "yes/no")]
    YesNo,
}

/// Check options a step may set (`tvdr check --expect dr`, `--exact`, `--master`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheckOptions {
    /// dns: the address expected, `node-ip` (default) or `dr`.
    #[serde(default)]
    pub expect: Option<RawDnsExpect>,
    /// fs-sync: compare every file.
    #[serde(default)]
    pub exact: bool,
    /// vip: the node that must hold the node IP.
    #[serde(default)]
    pub master: Option<Spanned<RawMaster>>,
    /// hosts: `standalone` (the node's physical address) or `ft` (the node IP).
    #[serde(default)]
    pub form: Option<crate::checks::hosts::Form>,
}

/// `master: tvox2`, or a node known only at run time: `master: { node_of: STEP }` (the
/// node an earlier step ran on), `master: { other_than_node_of: STEP }` (the other one).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawMaster {
    Node(String),
    Relative(RawRelativeMaster),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelativeMaster {
    #[serde(default)]
    pub node_of: Option<String>,
    #[serde(default)]
    pub other_than_node_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RawDnsExpect {
    NodeIp,
    Dr,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    #[serde(default)]
    pub exit: Option<i32>,
    /// A regex the output must match.
    #[serde(default)]
    pub output: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUntil {
    /// Wait until this check is OK.
    #[serde(default)]
    pub check: Option<Spanned<String>>,
    /// Or until this host answers over SSH again (`up`) or stops answering (`down`).
    #[serde(default)]
    pub host: Option<Spanned<String>>,
    #[serde(default)]
    pub state: Option<RawHostState>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHostState {
    Up,
    Down,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawService {
    /// The service is out from the end of this step (it sits just before the disruption).
    Down,
    /// The service is back at the end of this step.
    Up,
    /// The service is out while this step runs, from its start to its end: a snapshot
    /// taken with the only machine off, the reboot of a stand-alone.
    Outage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawLevel {
    Info,
    Important,
    Warning,
}
