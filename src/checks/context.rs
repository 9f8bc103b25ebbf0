//! What a check's gather side works with: the inventory, one transport per node for the
//! whole run, who is master, and a record of the nodes that could not be reached.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use indicatif::MultiProgress;

use super::{vip, Report, Status};
use crate::i18n::Msg;
use crate::inventory::{Address, Inventory, NodeName};
use crate::msg;
use crate::transport::{Cmd, Fleet, Output, TransportError};

/// Options of `tvdr check` that some checks read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// fs-sync: compare full file manifests instead of directory sizes.
    pub exact: bool,
    /// Where checks keep samples between runs (fs-sync growth, ETA).
    pub state_dir: Option<PathBuf>,
    /// dns: the address the domain must resolve to.
    pub expect: super::dns::Expect,
    /// dns: also ask the DNS servers from this machine.
    pub resolve_here: bool,
    /// vip: the node that must hold the node IP (`--master`, or a runbook's `master:`).
    pub master: Option<vip::Expected>,
    /// hosts: the stand-alone or the FT line (default: as the inventory describes the site).
    pub hosts_form: Option<super::hosts::Form>,
    /// Look at this cluster node only (a runbook step before TVOX 2 exists).
    pub only: Option<NodeName>,
}

/// Master and slave, resolved from who holds the node IP (stand-alone: tvox1, no slave).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roles {
    pub master: String,
    pub slave: Option<String>,
}

pub struct Context<'a> {
    pub inventory: &'a Inventory,
    pub fleet: &'a Fleet,
    pub options: Options,
    /// Progress bars and spinners; hidden when stderr is not a terminal.
    pub progress: MultiProgress,
    unreachable: Mutex<BTreeMap<String, Msg>>,
    vip: OnceLock<Report>,
    /// Reports of this run by check name, so a check another one reads (`rpo` reads `db`)
    /// is gathered once.
    reports: Mutex<BTreeMap<String, Arc<OnceLock<Report>>>>,
}

impl<'a> Context<'a> {
    pub fn new(inventory: &'a Inventory, fleet: &'a Fleet, options: Options) -> Context<'a> {
        Context {
            inventory,
            fleet,
            options,
            progress: MultiProgress::new(),
            unreachable: Mutex::new(BTreeMap::new()),
            vip: OnceLock::new(),
            reports: Mutex::new(BTreeMap::new()),
        }
    }

    /// The report of check `name`, computed by `run` the first time it is asked for in this
    /// run and shared after (by `check all`, `rpo` and `status`). Callers asking for the same
    /// name at once wait for one computation; other names are not held up.
    pub fn report(&self, name: &str, run: impl FnOnce() -> Report) -> Report {
        let cell = self
            .reports
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(name.to_string())
            .or_default()
            .clone();
        cell.get_or_init(run).clone()
    }

    /// A state file of this site (`None` when no state directory is configured).
    pub fn state_file(&self, name: &str) -> Option<PathBuf> {
        self.options.state_dir.as_ref().map(|dir| dir.join(name))
    }

    /// Nodes that could not be reached (or whose key or login was refused), with why.
    pub fn unreachable(&self) -> BTreeMap<String, Msg> {
        self.unreachable
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Turns a transport error into the text a report shows, remembering unreachable nodes.
    pub fn note(&self, err: &TransportError) -> Msg {
        let said = err.msg();
        if err.is_unreachable() {
            self.unreachable
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(err.node().to_string(), said.clone());
        }
        said
    }

    /// Runs `cmd` on each node in parallel and collects the output.
    pub fn run_each(&self, nodes: &[&str], cmd: &Cmd) -> Vec<(String, Result<Output, Msg>)> {
        self.fleet
            .run_each(nodes, |t| t.output(cmd))
            .into_iter()
            .map(|(node, result)| {
                let result = result.map_err(|e| self.note(&e));
                (node, result)
            })
            .collect()
    }

    /// Runs `cmd` on one node, streaming stdout into `sink`; returns the status and stderr.
    pub fn stream(
        &self,
        node: &str,
        cmd: &Cmd,
        sink: &mut dyn Write,
    ) -> Result<(i32, Vec<u8>), Msg> {
        self.fleet
            .with(node, |t| {
                let mut stderr = Vec::new();
                let status = t.exec(cmd, sink, &mut stderr, None)?;
                Ok((status, stderr))
            })
            .map_err(|e| self.note(&e))
    }

    /// The cluster nodes present in the inventory (tvox1, and tvox2 if any).
    pub fn cluster_nodes(&self) -> Vec<&'static str> {
        [NodeName::Tvox1, NodeName::Tvox2]
            .into_iter()
            .filter(|n| self.options.only.is_none_or(|only| only == *n))
            .filter(|n| self.inventory.node(*n).is_some())
            .map(NodeName::as_str)
            .collect()
    }

    /// The `vip` report, gathered once per run.
    pub fn vip(&self) -> &Report {
        self.vip.get_or_init(|| match self.inventory.node_ip {
            None => {
                let tvox1 = NodeName::Tvox1.as_str();
                let address = match self.inventory.node(NodeName::Tvox1).map(|n| &n.address) {
                    Some(Address::Ip(ip)) => Some(*ip),
                    _ => None,
                };
                let answers = self.addresses(&[tvox1]);
                match answers.first() {
                    Some(answer) => vip::evaluate_standalone(address, answer),
                    None => Report::new("vip", Status::Unknown, msg!("vip-no-address")),
                }
            }
            Some(node_ip) => vip::evaluate(node_ip, &self.addresses(&self.cluster_nodes())),
        })
    }

    /// Every address of each of `nodes` (`ip -o addr show`), or why it could not be asked.
    fn addresses(&self, nodes: &[&str]) -> Vec<vip::NodeAddrs> {
        let cmd = Cmd::new(vip::COMMAND[0]).args(&vip::COMMAND[1..]);
        self.run_each(nodes, &cmd)
            .into_iter()
            .map(|(node, out)| vip::NodeAddrs {
                node,
                output: out.and_then(|o| {
                    if o.success() {
                        Ok(o.stdout_lossy())
                    } else {
                        Err(msg!(
                            "vip-ip-failed",
                            error = String::from_utf8_lossy(&o.stderr).trim()
                        ))
                    }
                }),
            })
            .collect()
    }

    /// Whether this run already knows who holds the node IP (or is asking right now).
    pub fn vip_known(&self) -> bool {
        self.vip.get().is_some()
    }

    /// The `vip` report judged from addresses another check asked for along with its own
    /// command (`calendars`), unless this run has one already: then that one stands, so
    /// every check of the run names the same master.
    pub fn vip_from(&self, answers: &[vip::NodeAddrs]) -> &Report {
        match self.inventory.node_ip {
            // Not asked along with a cluster check: tvox1 is asked on its own.
            None => self.vip(),
            Some(node_ip) => self.vip.get_or_init(|| vip::evaluate(node_ip, answers)),
        }
    }

    /// Who is master and who is slave right now, or why that cannot be told (no node
    /// holds the node IP, both do, a node is unreachable).
    pub fn roles(&self) -> Result<Roles, Msg> {
        if self.inventory.node_ip.is_none() {
            return Ok(Roles {
                master: NodeName::Tvox1.to_string(),
                slave: None,
            });
        }
        let report = self.vip();
        let master =
            vip::master_of(report).ok_or_else(|| msg!("roles-unknown", why = &report.summary))?;
        let slave = self
            .cluster_nodes()
            .into_iter()
            .find(|n| *n != master)
            .map(str::to_string);
        Ok(Roles { master, slave })
    }
}
