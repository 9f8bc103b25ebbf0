//! The commented inventory `tvdr init` writes; `examples/tvdr.yaml` is this template
//! filled with the example answers (a test keeps the two identical).

/// What the technician answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub site: String,
    pub version: u32,
    pub domain: String,
    /// `None` for a stand-alone TVox.
    pub node_ip: Option<String>,
    pub tvox1: String,
    pub tvox2: Option<String>,
    pub dr_client: Option<String>,
    pub user: String,
    pub port: u16,
    pub identity: Option<String>,
}

impl Answers {
    /// The answers that produce `examples/tvdr.yaml`.
    pub fn example() -> Answers {
        Answers {
            site: "acme-milano".into(),
            version: 21,
            domain: "tam.example.com".into(),
            node_ip: Some("172.16.95.71".into()),
            tvox1: "172.16.95.70".into(),
            tvox2: Some("172.16.95.72".into()),
            dr_client: Some("10.20.0.5".into()),
            user: "root".into(),
            port: 22,
            identity: Some("~/.ssh/id_ed25519".into()),
        }
    }
}

/// A YAML scalar for text the technician typed: plain when YAML would read it back as the
/// same string (addresses, names, paths), double-quoted otherwise.
fn q(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._/~-".contains(c))
        && !s.starts_with(['-', '.'])
        && s != "~"
        && s.parse::<f64>().is_err()
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

/// Pads `line` so that its `# comment` starts at a fixed column, like a hand-written file.
fn commented(line: String, comment: &str) -> String {
    format!("{line:<38} # {comment}")
}

/// `key: value` when present, else the same line commented out with a placeholder.
fn optional(indent: &str, key: &str, value: Option<&str>, placeholder: &str) -> String {
    match value {
        Some(v) => format!("{indent}{key}: {}", q(v)),
        None => format!("{indent}# {key}: {placeholder}"),
    }
}

pub fn render(a: &Answers) -> String {
    let cluster = match &a.node_ip {
        Some(ip) => format!("cluster:\n  node_ip: {}", q(ip)),
        None => format!(
            "{}\n#   node_ip: 172.16.95.71",
            commented("# cluster:".into(), "absent: a stand-alone TVox")
        ),
    };
    let tvox2 = match &a.tvox2 {
        Some(addr) => format!("  tvox2:\n    address: {}", q(addr)),
        None => "  # tvox2:\n  #   address: 172.16.95.72".into(),
    };
    let dr = match &a.dr_client {
        Some(addr) => format!(
            "{}\n    address: {}",
            commented("  dr_client:".into(), "the Disaster Recovery client"),
            q(addr)
        ),
        None => format!(
            "{}\n  #   address: 10.20.0.5",
            commented("  # dr_client:".into(), "the Disaster Recovery client")
        ),
    };
    let identity = optional("  ", "identity", a.identity.as_deref(), "~/.ssh/id_ed25519");
    format!(
        r#"# tvdr inventory: one TVox site. Validate with `tvdr inventory`.
# Every value that reaches a remote shell is quoted by tvdr; addresses and durations are
# checked when the file is loaded. Durations: 10s, 5m, 1h 30m. Unknown keys are errors.

{site}

tvox:
{version}
{domain}

# The cluster address clients use, held by whichever node is master.
{cluster}

nodes:
  tvox1:
{tvox1}
    # Any node may override ssh (user, port, identity, known_hosts, timeouts) and paths,
    # and set environment variables exported for every command run there:
    # ssh: {{ user: admin, port: 2222 }}
    # env: {{ PGHOST: /var/run/postgresql }}
    # transport: local                 # tvdr runs on this node itself: no SSH
    # transport: openssh               # the system ssh, e.g. through ssh.proxy_jump
{tvox2}
{dr}

ssh:
  user: {user}
  port: {port}
  # Authentication: ssh-agent first, then this key, then a hidden password prompt.
{identity}
  # Host keys are checked against this file (relative to this inventory), then
  # ~/.ssh/known_hosts. Add a node's key with `tvdr trust NODE`.
  known_hosts: known_hosts
  # Key types: ed25519 needs OpenSSH 6.5 on the node (CentOS 7 has 7.4: any key type
  # works); CentOS 6-era nodes (OpenSSH 5.3) take RSA (`ssh-keygen -t rsa -b 4096`) or
  # ECDSA keys only, never ed25519.
  # connect_timeout bounds the TCP connection and the node's SSH banner: how long a dead
  # node takes to be called unreachable. login_timeout bounds the key exchange and the
  # login after that: a stock sshd (`UseDNS yes`) on a LAN whose DNS does not answer
  # takes seconds to log anyone in (tvdr says so once: `UseDNS no` on the node fixes it).
  connect_timeout: 10s
  login_timeout: 60s
  command_timeout: 5m
  # Keep each node's session open this long after a `check`, `status` or `exec`, for the
  # next ones (like OpenSSH's ControlPersist): a background tvdr per node holds it, logged
  # in exactly as tvdr logs in, reachable only by you; `tvdr disconnect` closes them now.
  # For monitoring that runs every minute, and for a technician checking again and again.
  # persist: 2m
  # A non-root login, for sites that forbid root over SSH: `user: admin` with
  # `become: sudo` (here or per node) runs what needs root through sudo: without a
  # password when the login has NOPASSWD for those programs, else with the login's
  # password, asked once per node at the terminal (README, "SSH and security"). A node
  # may say `become: none`.
  # become: sudo
  # Nodes with `transport: openssh` only (one ControlMaster connection per node): a
  # bastion to jump through, whose host key must be in a known_hosts file above, and an
  # ssh_config file read instead of ~/.ssh/config and /etc/ssh/ssh_config.
  # proxy_jump: admin@bastion.example.com:22
  # config: ~/.ssh/tvdr_config

paths:
  sync_dir: /opt/telenia_data/sync     # replicated between master and slave
  hosts_file: /etc/hosts
  # Commands run with the node's login environment (its PATH from /etc/profile and the
  # login user's profile, learned once per connection). Directories put before it:
  # extra_path: [/usr/pgsql-9.2/bin]

calendars:                             # the DAViCal database compared by `tvdr check calendars`
  database: davical_administrators
  user: davical_dba

# db:                                  # MySQL/MariaDB replication (`tvdr check db`)
#   defaults_file: /root/.my.cnf       # option file with the credentials; default: the
#                                      # SSH user's own ~/.my.cnf. Never on a command line.

thresholds:
  chat_lag: 60s                        # MongoDB secondary lag
  db_lag: 60s                          # MySQL/MariaDB Seconds_Behind_Master
  fs_tolerance: 1%                     # sync dir size difference master/slave
  clock_skew: 2s                       # clock difference between nodes (5× is CRIT)

objectives:                            # agreed with the customer, reported by DR runbooks
  rpo: 1h
  rto: 4h

retention:                             # what tvdr leaves on the nodes
  receipts: 30d                        # what each step's command did, kept this long after
                                       # its run (never pruned while the run is open)

# The vendor's licence mechanism is not public: say how to ask a node. `command` is shell
# text run on each cluster node, `expect` a regular expression its output must match
# (and the command must succeed). Unset, `tvdr check license` says UNKNOWN, never OK.
# license:
#   command: "<prints this node's licence, e.g. its FT and DR options>"
#   expect: "<regular expression, e.g. Fault Tolerance>"

# The customer's DNS servers, which `tvdr check dns` asks for `tvox.domain` from the nodes
# (never a hosts file). Unset: the nameservers of each node's /etc/resolv.conf (those
# systemd-resolved forwards to, behind its 127.0.0.53); a resolver on the node itself
# (127.0.0.1) may answer from its hosts file, so its answer is UNKNOWN: name them here.
# dns:
#   servers: [172.16.95.10, 172.16.95.11]
"#,
        site = commented(
            format!("site: {}", q(&a.site)),
            "a short name: letters, digits, . _ -"
        ),
        version = commented(
            format!("  version: {}", a.version),
            "major release running now (21+: licence from OCC)"
        ),
        domain = commented(
            format!("  domain: {}", q(&a.domain)),
            "the name clients use"
        ),
        tvox1 = commented(format!("    address: {}", q(&a.tvox1)), "physical address"),
        user = q(&a.user),
        port = a.port,
    )
}
