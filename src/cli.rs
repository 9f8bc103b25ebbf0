//! The command line as clap sees it: raw arguments only, no behaviour.
//!
//! Doc comments here are the `--help` text, the man pages and the completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The examples under `tvdr --help` (a macro so `concat!` can add the exit codes).
macro_rules! top_examples {
    () => {
        "Examples:
  tvdr init                                  write ./tvdr.yaml by answering questions
  tvdr inventory                             validate the inventory and show what tvdr will use
  tvdr trust tvox1                           show tvox1's host key fingerprint and trust it
  tvdr exec both -- uptime                   run a command on both cluster nodes
  tvdr runbook standalone-to-ft              start or resume the conversion to FT
  tvdr check calendars                       compare the calendar databases of master and slave"
    };
}

pub use crate::checks::dns::Expect as DnsExpect;
pub use crate::checks::hosts::Form as HostsForm;
pub use crate::output::report::Format as ReportFormat;

#[derive(Debug, Parser)]
#[command(
    name = "tvdr",
    version,
    about = "Checkable, resumable runbooks and cross-node health checks for TVox PBX clusters",
    long_about = "tvdr walks a technician through the TVox cluster procedures (stand-alone to \
Fault Tolerance, rolling upgrade, Disaster Recovery setup, activation and roll-back), checks \
every claim on the real machines over SSH, remembers where the job stands, and leaves a \
report.",
    after_help = top_examples!(),
    after_long_help = concat!(top_examples!(), "\n\n", crate::exit_codes_help!()),
)]
pub struct Cli {
    /// The site inventory [default: ./tvdr.yaml]
    #[arg(
        long,
        short = 'i',
        global = true,
        env = "TVDR_INVENTORY",
        value_name = "FILE"
    )]
    pub inventory: Option<PathBuf>,

    /// Site copies of runbooks (`<id>.yaml`) that replace the shipped ones
    #[arg(long, global = true, env = "TVDR_RUNBOOKS", value_name = "DIR")]
    pub runbooks: Option<PathBuf>,

    /// Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]
    #[arg(long, global = true, env = "TVDR_STATE_DIR", value_name = "DIR")]
    pub state_dir: Option<PathBuf>,

    /// Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start or resume a procedure (standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback)
    #[command(
        after_help = "A run is journalled step by step under the state directory: run \
the same command again after any interruption (laptop asleep, link down, Ctrl-C, crash) and \
it resumes where it stopped. Only one run per site and runbook at a time. The journal \
and the report say where every answer and decision came from: the operator at the \
terminal, the answers file, or --yes.

Examples:
  tvdr runbook --list
  tvdr runbook standalone-to-ft
  tvdr runbook upgrade --dry-run --format json
  tvdr runbook upgrade --status
  tvdr runbook dr-activate --report --output dr-activate-report.md
  tvdr runbook dr-activate --report --format html --output dr-activate-report.html
  tvdr runbook dr-setup --answers rehearsal.yaml --yes
  tvdr runbook standalone-to-ft --rollback
  tvdr runbook upgrade --abandon \"wrong release agreed\" --new"
    )]
    Runbook(RunbookArgs),

    /// Run health checks across the nodes (vip, db, chat, calendars, fs-sync, or all)
    #[command(
        after_help = "Every node is asked in parallel over one SSH session for the \
whole run. Exit status: 0 all OK, 1 a check is WARN, CRIT or UNKNOWN, 3 a node could not be \
reached (with --format nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).

With --sites DIR every inventory in DIR is a site, checked --jobs at a time; a site that \
is down or slow holds back only itself. The exit status is the worst site's; --format \
nagios prints one passive check result per site (Nagios external command syntax), \
prometheus one exposition with a `site` label.

Examples:
  tvdr check calendars
  tvdr check fs-sync --exact
  tvdr check fs-sync --exact --watch 60      (progress and time left while the first sync runs)
  tvdr check all --format nagios
  tvdr check db chat --format json
  tvdr check vip --master tvox2             (after rebooting TVOX 1: did TVOX 2 take over?)
  tvdr check all --sites /etc/tvdr/sites --jobs 16
  tvdr check all --sites /etc/tvdr/sites --format prometheus > tvdr.prom.tmp && mv tvdr.prom.tmp tvdr.prom"
    )]
    Check(CheckArgs),

    /// One screen: nodes, master, sync states, DR client, open runs
    #[command(
        after_help = "Every node is asked once, in parallel, over one SSH session. Exit \
status as for `tvdr check`: 0 all OK, 1 something is not, 3 a node could not be reached.

Examples:
  tvdr status
  tvdr status --watch            refresh every 2 s until Ctrl-C
  tvdr status --watch 10 --count 3 > status.log
  tvdr status --format json"
    )]
    Status(StatusArgs),

    /// Run a long command on a node inside GNU screen (re-attachable)
    #[command(
        after_help = "The command runs inside `screen -dmS` on the node and tvdr \
follows its log: if the SSH link or tvdr dies, the command goes on, and running the same \
`tvdr patch` again re-attaches to it instead of starting it again. The patch succeeds only \
when the command exited 0, a --success regex matches one of the last 10 non-empty lines of \
its output, and no failure rule matches one of them (the shipped rules catch the usual \
Italian and English failure forms: \"NON completato\", \"completed with errors\", \"failed\", \
ERROR lines…; --failure adds more). If it does not succeed, stop and contact Telenia \
support before any other action. Exit status 0 success, 1 the patch failed.

Examples:
  tvdr patch slave -- /root/tvox-update-22.sh
  tvdr patch tvox1 --success 'Update completed' --timeout 3h -- /root/update.sh --release 22
  tvdr patch tvox2 --failure 'ATTENZIONE: licenza' -- /root/update.sh"
    )]
    Patch(PatchArgs),

    /// Open the node's network_reset menu in an interactive terminal
    #[command(
        after_help = "Needs a terminal: the menu is yours until it exits (then tvdr \
shows its exit status). Keep the hypervisor console of the node open: if the new address \
is wrong, only the console reaches it.

With --from-address (TVOX 1 before the FT conversion, at what becomes the node IP): the \
session freezes or drops when the address changes, which is expected; success is the node \
answering at its inventory address with the host key it had at ADDRESS (recorded in \
known_hosts). A different key there is refused. Record the key at ADDRESS first with \
`tvdr trust NODE --address ADDRESS`.

Examples:
  tvdr network-reset tvox1
  tvdr trust tvox1 --address 172.16.95.71 && tvdr network-reset tvox1 --from-address 172.16.95.71"
    )]
    NetworkReset(NetworkResetArgs),

    /// Reboot a node and wait until it is back
    #[command(
        after_help = "Waits until the node stops answering and answers again over SSH \
with a different boot id (/proc/sys/kernel/random/boot_id). Asks first unless --yes.

Examples:
  tvdr reboot tvox2
  tvdr reboot slave --timeout 30m --yes"
    )]
    Reboot(RebootArgs),

    /// Record, list and forget VM snapshots, so tvdr reminds you to delete them after a week
    #[command(after_help = "Records live in the state directory of the site \
(<state>/<site>/snapshots.jsonl); runbook steps add to the same list. `tvdr check snapshot` \
and `tvdr status` warn about snapshots kept more than 7 days.

Examples:
  tvdr snapshot record tvox1 pre-upgrade --note \"memory excluded\"
  tvdr snapshot record both pre-ft --at 2024-05-06T09:30:00+02:00
  tvdr snapshot list
  tvdr snapshot forget pre-upgrade --node tvox1")]
    Snapshot(SnapshotArgs),

    /// Walk the UAT checklist for a phase
    #[command(
        after_help = "Each case is answered pass, fail or skip with a note. Walks are \
kept in the site's state directory (uat.jsonl): a case that passed in an earlier phase and \
fails now is called out.

Examples:
  tvdr uat baseline
  tvdr uat after-upgrade-first --checklist site-uat.yaml
  tvdr uat rehearsal --answers answers.yaml"
    )]
    Uat(UatArgs),

    /// Validate runbook files: ids, kinds, hosts, checks, conditions, references (for CI)
    #[command(
        after_help = "Without FILES, lints every shipped runbook and the site copies in \
--runbooks DIR. Every problem is reported as file:line:column with the line.

Examples:
  tvdr lint
  tvdr lint site-runbooks/upgrade.yaml"
    )]
    Lint(LintArgs),

    /// Write a commented tvdr.yaml by answering questions
    #[command(after_help = "Examples:
  tvdr init
  tvdr init --output /etc/tvdr/acme.yaml --force")]
    Init(InitArgs),

    /// Validate the inventory and show the nodes, addresses and settings tvdr will use
    #[command(after_help = "Examples:
  tvdr inventory
  tvdr --inventory examples/tvdr.yaml inventory --format json")]
    Inventory(InventoryArgs),

    /// Run a command on one or more nodes over SSH
    #[command(
        after_help = "Each word after `--` is passed as one argument (quoted for the remote \
shell); for pipes and redirections run a shell: tvdr exec tvox1 -- sh -c 'a | b'.

Examples:
  tvdr exec tvox1 -- uptime
  tvdr exec both -- du -sb /opt/telenia_data/sync
  tvdr exec all --format json -- cat /etc/hosts"
    )]
    Exec(ExecArgs),

    /// Close the SSH sessions kept open for later commands (`ssh.persist`)
    #[command(
        after_help = "With `ssh.persist` in the inventory, `check`, `status` and `exec` \
leave each node's session open that long after their last command, for the next ones. \
This closes the site's kept sessions now (each also closes by itself once idle).

Examples:
  tvdr disconnect"
    )]
    Disconnect,

    /// Show a node's host key fingerprint and add it to the inventory's known_hosts
    #[command(after_help = "Compare the fingerprint with the one the node shows \
(`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on its console) before answering yes.

With --address: the key the node presents at ADDRESS is recorded for ADDRESS (TVOX 1 at \
its current address, before network_reset moves it to the inventory's).

Examples:
  tvdr trust tvox1
  tvdr trust tvox1 --address 172.16.95.71
  tvdr trust all --yes        (only where the network path is trusted)")]
    Trust(TrustArgs),

    /// Write shell completions and man pages (for packagers and the repository)
    #[command(hide = true)]
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct PatchArgs {
    /// tvox1, tvox2, dr_client, master or slave
    #[arg(value_name = "NODE")]
    pub node: String,

    /// A regex one line of the final output must match to prove success; repeat for
    /// alternatives [default: a generic "update completed" / "aggiornamento completato" rule]
    #[arg(long, value_name = "REGEX")]
    pub success: Vec<String>,

    /// A regex that makes a line of the final output a failure; repeat for more. Added to
    /// the shipped failure rules, never replacing them
    #[arg(long, value_name = "REGEX")]
    pub failure: Vec<String>,

    /// Give up following after this long (the command keeps running) [default: 3h]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// Confirm every confirmation (never a new start after a failed one)
    #[arg(long, short)]
    pub yes: bool,

    /// Who is running it [default: $USER]
    #[arg(long, env = "TVDR_OPERATOR", value_name = "NAME")]
    pub operator: Option<String>,

    /// The command and its arguments
    #[arg(last = true, required = true, value_name = "CMD")]
    pub command: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NetworkResetArgs {
    /// tvox1, tvox2, dr_client, master or slave
    #[arg(value_name = "NODE")]
    pub node: String,

    /// The address the node answers at now, when network_reset moves it to its inventory
    /// address: tvdr connects there (the inventory's port, identity, known_hosts), then
    /// waits for the same host key at the inventory address and records it
    #[arg(long, value_name = "ADDRESS")]
    pub from_address: Option<String>,

    /// With --from-address: how long the node may take to answer at its new address
    /// [default: 5m]
    #[arg(long, value_name = "DURATION", requires = "from_address")]
    pub timeout: Option<String>,
}

#[derive(Debug, Args)]
pub struct RebootArgs {
    /// tvox1, tvox2, dr_client, master or slave
    #[arg(value_name = "NODE")]
    pub node: String,

    /// How long the node may take to come back [default: 15m]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// Reboot without asking
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct UatArgs {
    /// The phase: baseline, after-ft, pre-upgrade, after-upgrade-first…
    #[arg(value_name = "PHASE")]
    pub phase: String,

    /// The checklist [default: the shipped uat-standard.yaml]
    #[arg(long, value_name = "FILE")]
    pub checklist: Option<PathBuf>,

    /// Results given in advance (`uat: { PHASE: { CASE: pass, '*': skip } }`)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Cases without an answer are skipped, noted as not walked
    #[arg(long, short)]
    pub yes: bool,

    /// Who walked it [default: $USER]
    #[arg(long, env = "TVDR_OPERATOR", value_name = "NAME")]
    pub operator: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The checks to run, or `all` for every check that applies to the site
    #[arg(value_name = "CHECK", required_unless_present = "list", value_parser = check_names())]
    pub names: Vec<String>,

    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// fs-sync: compare every file (path, size, mtime) instead of directory sizes
    #[arg(long)]
    pub exact: bool,

    /// Run again every SECS seconds (fs-sync shows progress and an estimate of time left)
    #[arg(long, value_name = "SECS")]
    pub watch: Option<u64>,

    /// With --watch: stop after N rounds
    #[arg(long, value_name = "N", requires = "watch")]
    pub count: Option<u32>,

    /// dns: the address the domain must resolve to
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = DnsExpect::NodeIp)]
    pub expect: DnsExpect,

    /// dns: also ask the DNS servers from this machine (the inventory's, else those the
    /// nodes use); at worst a WARN, as this machine may not be one of the site's clients
    #[arg(long)]
    pub resolve_here: bool,

    /// vip: the node that must be master after a node switch: CRIT unless exactly NODE
    /// holds the node IP
    #[arg(long, value_name = "NODE", value_parser = ["tvox1", "tvox2"])]
    pub master: Option<String>,
    /// hosts: the line a stand-alone node needs (its physical address) or an FT node's
    /// (the node IP) [default: stand-alone without `cluster.node_ip`, else FT]
    #[arg(long, value_enum, value_name = "FORM")]
    pub form: Option<HostsForm>,

    /// List the checks and exit
    #[arg(long)]
    pub list: bool,

    /// Check every site in DIR (one inventory per site, `*.yaml`/`*.yml`) instead of one:
    /// one line per site, worst first (replaces -i)
    #[arg(long, value_name = "DIR", conflicts_with = "watch")]
    pub sites: Option<PathBuf>,

    /// With --sites: how many sites are checked at once
    #[arg(long, value_name = "N", default_value_t = 8, requires = "sites",
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: u16,

    /// With --sites: a site without every verdict by then is reported UNKNOWN and the
    /// others go on
    #[arg(long, value_name = "DURATION", default_value = "10m", requires = "sites",
          value_parser = crate::time::duration::parse)]
    pub site_timeout: std::time::Duration,
}

fn check_names() -> clap::builder::PossibleValuesParser {
    let mut names = crate::checks::registry::names();
    names.push("all");
    clap::builder::PossibleValuesParser::new(names)
}

#[derive(Debug, Args)]
pub struct RunbookArgs {
    /// The runbook: standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback
    #[arg(value_name = "RUNBOOK", required_unless_present = "list")]
    pub id: Option<String>,

    /// List the runbooks and exit
    #[arg(long)]
    pub list: bool,

    /// Print the resolved plan without connecting to anything
    #[arg(long)]
    pub dry_run: bool,

    /// Show where the current (or last) run stands
    #[arg(long, conflicts_with = "dry_run")]
    pub status: bool,

    /// Output of --dry-run and --status (human, json), or of --report (markdown; html: one
    /// self-contained page with the run drawn on a time axis; human: Markdown, or HTML when
    /// --output ends in .html)
    #[arg(long, value_enum, default_value_t = RunbookFormat::Human)]
    pub format: RunbookFormat,

    /// Start at this step: the earlier unfinished steps are named and, once confirmed
    /// (--yes confirms), recorded as skipped
    #[arg(long, value_name = "STEP")]
    pub from: Option<String>,

    /// Run only this step, then stop
    #[arg(long, value_name = "STEP", conflicts_with = "from")]
    pub only: Option<String>,

    /// Confirm every confirmation ("done?", "run it again?"); never an evidence gate
    /// (snapshot taken, machine off), which needs a person or `gates:` in --answers. A
    /// failed step stops the run instead of asking
    #[arg(long, short)]
    pub yes: bool,

    /// Pre-answered questions, gates, overrides and UAT results (YAML), for rehearsals:
    /// `answers: {NAME: VALUE}`, `gates: {STEP: yes}`, `overrides: {STEP: REASON}`,
    /// `uat: {PHASE: {CASE: pass}}`
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Who is running it, for the journal and the report [default: $USER]
    #[arg(long, env = "TVDR_OPERATOR", value_name = "NAME")]
    pub operator: Option<String>,

    /// Run the rollback steps of the stages in which a step of the last run actually ran
    /// (not merely skipped), newest first
    #[arg(long)]
    pub rollback: bool,

    /// Remove a lock left by a dead run, with the reason (recorded in the journal)
    #[arg(long, value_name = "REASON")]
    pub break_lock: Option<String>,

    /// Take over the open run another technician left on the cluster (its journal is
    /// mirrored on the nodes); without it, tvdr asks at a terminal and refuses elsewhere
    #[arg(long)]
    pub take_over: bool,
    /// Give up the open run with a reason instead of resuming it: the reason is journalled,
    /// the run is closed (never resumed; its report stays) and its locks are released.
    /// Alone it only abandons; with --new a new run starts at once
    #[arg(long, value_name = "REASON", conflicts_with_all = ["dry_run", "status", "list", "report", "only"])]
    pub abandon: Option<String>,

    /// Start a new run instead of resuming. Refused while a run is open, so none is left
    /// behind unsaid: pass --abandon REASON too to close the open run first
    #[arg(long, conflicts_with_all = ["dry_run", "status", "list", "report", "only"])]
    pub new: bool,

    /// Write a report of a run for the customer's DR plan, Markdown or HTML (--format)
    /// [default RUN: the open run, else the last one]
    #[arg(
        long,
        value_name = "RUN",
        num_args = 0..=1,
        conflicts_with_all = ["dry_run", "status", "list"]
    )]
    pub report: Option<Option<String>>,

    /// Where --report writes [default: standard output]
    #[arg(long, value_name = "FILE", requires = "report")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Runbook files to check
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,

    /// Every title, instruction and question must be in English and Italian (`{ en: …, it: … }`), as in the shipped runbooks
    #[arg(long)]
    pub bilingual: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Refresh every SECS seconds [default: 2] until interrupted
    #[arg(
        long,
        value_name = "SECS",
        num_args = 0..=1,
        default_missing_value = "2",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub watch: Option<u64>,

    /// With --watch: stop after N screens
    #[arg(long, value_name = "N", requires = "watch", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,
}

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    #[command(subcommand)]
    pub command: SnapshotCommand,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Record a VM snapshot just taken of NODE
    Record(SnapshotRecordArgs),
    /// List the snapshots still kept, oldest first, with their age
    List(SnapshotListArgs),
    /// Forget a snapshot once it is deleted in the hypervisor
    Forget(SnapshotForgetArgs),
}

#[derive(Debug, Args)]
pub struct SnapshotRecordArgs {
    /// tvox1, tvox2, dr_client, both (tvox1 and tvox2) or all
    #[arg(value_name = "NODE")]
    pub node: String,

    /// The snapshot's name in the hypervisor
    #[arg(value_name = "NAME")]
    pub name: String,

    /// What it is for (memory excluded, before which stage…)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// When it was taken, RFC 3339 with a zone (2024-05-06T09:30:00+02:00) [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// Who took it [default: $USER]
    #[arg(long, env = "TVDR_OPERATOR", value_name = "NAME")]
    pub operator: Option<String>,
}

#[derive(Debug, Args)]
pub struct SnapshotListArgs {
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SnapshotForgetArgs {
    /// The snapshot's name, as recorded
    #[arg(value_name = "NAME")]
    pub name: String,

    /// Only the snapshot of this node (tvox1, tvox2 or dr_client) [default: every node]
    #[arg(long, value_name = "NODE")]
    pub node: Option<String>,

    /// Who deleted it [default: $USER]
    #[arg(long, env = "TVDR_OPERATOR", value_name = "NAME")]
    pub operator: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the inventory
    #[arg(long, short, default_value = "tvdr.yaml", value_name = "FILE")]
    pub output: PathBuf,

    /// Overwrite an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct InventoryArgs {
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExecArgs {
    /// tvox1, tvox2, dr_client, both (tvox1 and tvox2) or all
    #[arg(value_name = "NODE")]
    pub node: String,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Stop the command after this long (e.g. 30s, 10m) [default: inventory command_timeout]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// The command and its arguments
    #[arg(last = true, required = true, value_name = "CMD")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct TrustArgs {
    /// tvox1, tvox2, dr_client, both or all
    #[arg(value_name = "NODE")]
    pub node: String,

    /// Connect at this address instead of the inventory's (one node only)
    #[arg(long, value_name = "ADDRESS")]
    pub address: Option<String>,

    /// Trust without asking (the fingerprint is still shown)
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Directory that receives completions/ and man/
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// What `tvdr runbook` writes: the plan and the status for a person or a program, the
/// report as Markdown or as a self-contained HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RunbookFormat {
    /// Text for a person (the report: Markdown, or HTML to a .html file)
    Human,
    /// JSON (--dry-run, --status)
    Json,
    /// Markdown (--report)
    Markdown,
    /// One HTML file, timeline drawn, printable on A4 (--report)
    Html,
}
