//! The inventory file exactly as written: every key optional where a default exists,
//! unknown keys refused (so a misspelt key is an error, not a silent default).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use serde_saphyr::Spanned;

use super::values::{Address, EnvName, Ip, Percent, ProxyJump, SiteName, Span};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawInventory {
    pub site: SiteName,
    pub tvox: RawTvox,
    pub cluster: Option<RawCluster>,
    pub nodes: RawNodes,
    #[serde(default)]
    pub ssh: RawSsh,
    #[serde(default)]
    pub paths: RawPaths,
    #[serde(default)]
    pub calendars: RawCalendars,
    #[serde(default)]
    pub db: RawDb,
    #[serde(default)]
    pub thresholds: RawThresholds,
    #[serde(default)]
    pub objectives: RawObjectives,
    #[serde(default)]
    pub retention: RawRetention,
    /// The vendor's licence mechanism is not public: the operator says how to ask.
    pub license: Option<RawLicense>,
    pub dns: Option<RawDns>,
}

/// The customer's DNS servers, asked by `tvdr check dns` (else the nodes' resolv.conf).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDns {
    pub servers: Spanned<Vec<Spanned<Ip>>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTvox {
    pub version: u32,
    /// The name clients use; optional, as in the procedure ("if you set a domain name").
    #[serde(default)]
    pub domain: Option<Address>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCluster {
    pub node_ip: Spanned<Ip>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNodes {
    pub tvox1: RawNode,
    pub tvox2: Option<RawNode>,
    pub dr_client: Option<RawNode>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub address: Spanned<Address>,
    /// `ssh` (default, libssh2), `openssh` (the system `ssh`, e.g. through a bastion) or
    /// `local` when tvdr runs on this node itself.
    #[serde(default)]
    pub transport: TransportKind,
    #[serde(default)]
    pub ssh: RawSsh,
    #[serde(default)]
    pub paths: RawPaths,
    #[serde(default)]
    pub env: BTreeMap<EnvName, String>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    #[default]
    Ssh,
    Local,
    #[serde(rename = "openssh")]
    OpenSsh,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSsh {
    pub user: Option<String>,
    pub port: Option<u16>,
    pub identity: Option<String>,
    pub known_hosts: Option<String>,
    pub connect_timeout: Option<Span>,
    /// Key exchange and authentication, once the node answered (default 60 s).
    pub login_timeout: Option<Span>,
    pub command_timeout: Option<Span>,
    /// Keep each node's session open this long after a `check`, `status` or `exec`, for
    /// the next ones (a keeper process per node; off when absent).
    pub persist: Option<Span>,
    /// `user@bastion[:port]` to jump through (`transport: openssh` only).
    pub proxy_jump: Option<Spanned<ProxyJump>>,
    /// An ssh_config file for the system `ssh` (`transport: openssh` only).
    pub config: Option<Spanned<String>>,
    /// `sudo`: a non-root login runs what needs root through `sudo -n`.
    #[serde(rename = "become")]
    pub become_: Option<Become>,
}

/// How a non-root login gets root for the commands that need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Become {
    /// `sudo -n` (never asking: the site gives NOPASSWD for those commands).
    Sudo,
    /// Nothing: the login is root, or goes without (a node overriding the site's `sudo`).
    None,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaths {
    pub sync_dir: Option<String>,
    pub hosts_file: Option<String>,
    /// Directories put before the node's login PATH (e.g. `/usr/pgsql-9.2/bin`).
    pub extra_path: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendars {
    pub database: Option<String>,
    pub user: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDb {
    /// MySQL option file on the nodes holding the credentials (never on a command line).
    pub defaults_file: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawThresholds {
    pub chat_lag: Option<Span>,
    pub db_lag: Option<Span>,
    pub fs_tolerance: Option<Percent>,
    pub clock_skew: Option<Span>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjectives {
    pub rpo: Option<Span>,
    pub rto: Option<Span>,
}

/// How long what tvdr leaves on the nodes is kept.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRetention {
    /// Receipts of finished runs (the evidence of what each command did).
    pub receipts: Option<Span>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLicense {
    /// Shell text run on each cluster node (the operator's own, pasted as written).
    pub command: Spanned<String>,
    /// A regular expression its output must match, the command succeeding, for the licence
    /// to count as present.
    pub expect: Spanned<String>,
}
