//! From the file as written to the model tvdr uses: defaults, overrides, absolute paths,
//! and the rules that involve more than one key.

use crate::i18n::Msg;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_saphyr::{Location, Spanned};

use super::node::{Node, NodeName};
use super::raw::{
    RawDns, RawInventory, RawLicense, RawNode, RawPaths, RawSsh, TransportKind as RawTransport,
};
use super::values::{Address, Ip};
use super::{Calendars, Db, Dns, Inventory, License, Objectives, Thresholds, Tvox};
use crate::transport::{Target, TransportKind};
use crate::yaml::YamlError;

pub const DEFAULT_SYNC_DIR: &str = "/opt/telenia_data/sync";
pub const DEFAULT_HOSTS_FILE: &str = "/etc/hosts";

pub fn resolve(path: &Path, text: &str, raw: RawInventory) -> Result<Inventory, YamlError> {
    let error_at =
        |at: &Location, message: Msg| YamlError::at(path, text, at.line(), at.column(), message);
    let base = path.parent().unwrap_or(Path::new("."));

    let named: Vec<(NodeName, &RawNode)> = [
        (NodeName::Tvox1, Some(&raw.nodes.tvox1)),
        (NodeName::Tvox2, raw.nodes.tvox2.as_ref()),
        (NodeName::DrClient, raw.nodes.dr_client.as_ref()),
    ]
    .into_iter()
    .filter_map(|(name, node)| node.map(|node| (name, node)))
    .collect();

    for (i, (name, node)) in named.iter().enumerate() {
        if let Some((other, _)) = named[..i]
            .iter()
            .find(|(_, earlier)| earlier.address.value == node.address.value)
        {
            return Err(error_at(
                &node.address.referenced,
                msg!(
                    "inv-same-address",
                    node = name.as_str(),
                    other = other.as_str()
                ),
            ));
        }
    }

    let node_ip = match &raw.cluster {
        Some(cluster) => Some(check_node_ip(&cluster.node_ip, &named, &error_at)?),
        None => None,
    };

    let license = match &raw.license {
        Some(license) => Some(check_license(license, &error_at)?),
        None => None,
    };

    let dns = match &raw.dns {
        Some(dns) => check_dns(dns, &error_at)?,
        None => Dns::default(),
    };

    let nodes = named
        .iter()
        .map(|(name, node)| {
            let kind = transport_kind(*name, node, &raw.ssh, base, &error_at)?;
            Ok(resolve_node(*name, node, &raw.ssh, &raw.paths, base, kind))
        })
        .collect::<Result<_, YamlError>>()?;

    Ok(Inventory {
        path: path.to_path_buf(),
        site: raw.site.0,
        tvox: Tvox {
            version: raw.tvox.version,
            domain: raw.tvox.domain.as_ref().map(ToString::to_string),
        },
        node_ip,
        nodes,
        calendars: Calendars {
            database: raw
                .calendars
                .database
                .unwrap_or_else(|| "davical_administrators".into()),
            user: raw.calendars.user.unwrap_or_else(|| "davical_dba".into()),
        },
        db: Db {
            defaults_file: raw.db.defaults_file,
        },
        thresholds: Thresholds {
            chat_lag: raw.thresholds.chat_lag.map_or(minutes(1), |s| s.0),
            db_lag: raw.thresholds.db_lag.map_or(minutes(1), |s| s.0),
            fs_tolerance: raw.thresholds.fs_tolerance.map_or(1.0, |p| p.0),
            clock_skew: raw
                .thresholds
                .clock_skew
                .map_or(Duration::from_secs(2), |s| s.0),
        },
        objectives: Objectives {
            rpo: raw.objectives.rpo.map_or(minutes(60), |s| s.0),
            rto: raw.objectives.rto.map_or(minutes(240), |s| s.0),
        },
        receipts_kept: raw
            .retention
            .receipts
            .map_or(Duration::from_secs(30 * 24 * 3600), |s| s.0),
        persist: raw.ssh.persist.map(|s| s.0).filter(|d| !d.is_zero()),
        license,
        dns,
    })
}

/// The servers are asked from every node: a loopback address would be each node's own
/// resolver, which may answer from its hosts file, and that is what this key avoids.
fn check_dns(
    dns: &RawDns,
    error_at: &dyn Fn(&Location, Msg) -> YamlError,
) -> Result<Dns, YamlError> {
    if dns.servers.value.is_empty() {
        return Err(error_at(&dns.servers.referenced, msg!("inv-dns-empty")));
    }
    let mut servers = Vec::new();
    for server in &dns.servers.value {
        let ip = server.value.0;
        if ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() {
            return Err(error_at(
                &server.referenced,
                msg!("inv-dns-loopback", ip = ip.to_string()),
            ));
        }
        if servers.contains(&ip) {
            return Err(error_at(
                &server.referenced,
                msg!("inv-dns-twice", ip = ip.to_string()),
            ));
        }
        servers.push(ip);
    }
    Ok(Dns { servers })
}

/// The node IP is held by whichever node is master: a cluster needs two nodes, and the
/// address must be neither node's own.
fn check_node_ip(
    node_ip: &Spanned<Ip>,
    nodes: &[(NodeName, &RawNode)],
    error_at: &dyn Fn(&Location, Msg) -> YamlError,
) -> Result<std::net::IpAddr, YamlError> {
    if !nodes.iter().any(|(name, _)| *name == NodeName::Tvox2) {
        return Err(error_at(&node_ip.referenced, msg!("inv-cluster-needs-two")));
    }
    let ip = node_ip.value.0;
    if let Some((name, _)) = nodes
        .iter()
        .find(|(_, node)| node.address.value == Address::Ip(ip))
    {
        return Err(error_at(
            &node_ip.referenced,
            msg!(
                "inv-node-ip-is-physical",
                ip = ip.to_string(),
                node = name.as_str()
            ),
        ));
    }
    Ok(ip)
}

/// Both halves of the licence probe must be usable: an empty command would "pass" on any
/// node, and a bad regex is better reported here, at its line, than on every check run.
fn check_license(
    license: &RawLicense,
    error_at: &dyn Fn(&Location, Msg) -> YamlError,
) -> Result<License, YamlError> {
    if license.command.value.trim().is_empty() {
        return Err(error_at(
            &license.command.referenced,
            msg!("inv-license-empty"),
        ));
    }
    if let Err(err) = regex::Regex::new(&license.expect.value) {
        return Err(error_at(
            &license.expect.referenced,
            msg!("license-bad-regex", error = err.to_string()),
        ));
    }
    Ok(License {
        command: license.command.value.clone(),
        expect: license.expect.value.clone(),
    })
}

/// How the node is reached. `proxy_jump` and `config` are OpenSSH's: on a libssh2 node
/// they are an error rather than silently ignored (a jump host ignored is a direct
/// connection nobody asked for).
fn transport_kind(
    name: NodeName,
    node: &RawNode,
    ssh: &RawSsh,
    base: &Path,
    error_at: &dyn Fn(&Location, Msg) -> YamlError,
) -> Result<TransportKind, YamlError> {
    let jump = node.ssh.proxy_jump.as_ref().or(ssh.proxy_jump.as_ref());
    let config = node.ssh.config.as_ref().or(ssh.config.as_ref());
    Ok(match node.transport {
        RawTransport::Local => TransportKind::Local,
        RawTransport::OpenSsh => TransportKind::OpenSsh {
            proxy_jump: jump.map(|j| j.value.to_string()),
            config: config.map(|c| expand(&c.value, base)),
        },
        RawTransport::Ssh => {
            let needs_openssh = jump
                .map(|j| (&j.referenced, "proxy_jump"))
                .or(config.map(|c| (&c.referenced, "config")));
            if let Some((at, key)) = needs_openssh {
                return Err(error_at(
                    at,
                    msg!("inv-ssh-openssh-only", key = key, node = name.as_str()),
                ));
            }
            TransportKind::Ssh
        }
    })
}

fn resolve_node(
    name: NodeName,
    node: &RawNode,
    ssh: &RawSsh,
    paths: &RawPaths,
    base: &Path,
    kind: TransportKind,
) -> Node {
    let pick = |own: &Option<String>, site: &Option<String>| own.clone().or_else(|| site.clone());
    let known_hosts =
        pick(&node.ssh.known_hosts, &ssh.known_hosts).unwrap_or_else(|| "known_hosts".into());
    let mut known_hosts = vec![expand(&known_hosts, base)];
    if let Some(home) = home() {
        known_hosts.push(home.join(".ssh/known_hosts"));
    }
    let target = Target {
        name: name.to_string(),
        address: node.address.value.to_string(),
        port: node.ssh.port.or(ssh.port).unwrap_or(22),
        user: pick(&node.ssh.user, &ssh.user).unwrap_or_else(|| "root".into()),
        sudo: node.ssh.become_.or(ssh.become_) == Some(super::raw::Become::Sudo),
        identity: pick(&node.ssh.identity, &ssh.identity).map(|p| expand(&p, base)),
        known_hosts,
        connect_timeout: node
            .ssh
            .connect_timeout
            .or(ssh.connect_timeout)
            .map_or(Duration::from_secs(10), |s| s.0),
        login_timeout: node
            .ssh
            .login_timeout
            .or(ssh.login_timeout)
            .map_or(DEFAULT_LOGIN_TIMEOUT, |s| s.0),
        command_timeout: node
            .ssh
            .command_timeout
            .or(ssh.command_timeout)
            .map_or(minutes(5), |s| s.0),
        env: node
            .env
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect::<BTreeMap<_, _>>(),
        extra_path: node
            .paths
            .extra_path
            .clone()
            .or_else(|| paths.extra_path.clone())
            .unwrap_or_default(),
        kind,
    };
    Node {
        name,
        address: node.address.value.clone(),
        target,
        sync_dir: pick(&node.paths.sync_dir, &paths.sync_dir)
            .unwrap_or_else(|| DEFAULT_SYNC_DIR.into()),
        hosts_file: pick(&node.paths.hosts_file, &paths.hosts_file)
            .unwrap_or_else(|| DEFAULT_HOSTS_FILE.into()),
    }
}

/// Half of sshd's own `LoginGraceTime` (120 s): room for a reverse lookup that times out
/// on every server of a resolv.conf (3 × 2 × 5 s), and still an answer within a minute
/// from a node whose sshd answers but never logs anyone in.
const DEFAULT_LOGIN_TIMEOUT: Duration = Duration::from_secs(60);

fn minutes(n: u64) -> Duration {
    Duration::from_secs(60 * n)
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// `~/x` → `$HOME/x`; a relative path is taken relative to the inventory's directory so
/// the inventory and its known_hosts travel together.
fn expand(path: &str, base: &Path) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = home() {
            return home.join(rest);
        }
    }
    let path = PathBuf::from(path);
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}
