//! A TCP connect probe run on a node itself: can *this node* open HOST:PORT?
//!
//! One command per node probes every target in parallel, each with its own timeout, with
//! whatever the node has, detected in the same command: bash's `/dev/tcp` under coreutils
//! `timeout` (CentOS 7 and every Debian), else `nc -z` (OpenBSD netcat or ncat 7), else
//! Perl's `IO::Socket::INET`. Values travel as positional parameters of a constant script,
//! so nothing from the inventory is ever pasted into shell text.
//!
//! Output: `method M`, then one line per target, in any order:
//! `HOST PORT open|refused|timeout|unreachable|error [first line of the tool's message]`.

use crate::i18n::Msg;
use crate::msg;
use std::time::Duration;

use serde::Serialize;

use crate::transport::Cmd;

/// `$1` is the timeout in whole seconds, then HOST PORT pairs. `LC_ALL=C`: the messages
/// are classified by their English text ("Connection refused", "No route to host").
const SCRIPT: &str = r#"t=$1; shift
if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then m=bash
elif command -v nc >/dev/null 2>&1; then m=nc
elif command -v perl >/dev/null 2>&1; then m=perl
else echo 'method none'; exit 0
fi
echo "method $m"
probe() {
  case $m in
    bash) e=$(LC_ALL=C timeout "$t" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>&1); r=$? ;;
    nc) e=$(LC_ALL=C nc -z -v -w "$t" "$1" "$2" </dev/null 2>&1); r=$? ;;
    *) e=$(LC_ALL=C perl -MIO::Socket::INET -e 'IO::Socket::INET->new(PeerAddr=>$ARGV[0],PeerPort=>$ARGV[1],Proto=>"tcp",Timeout=>$ARGV[2]) or die "$!\n"' "$1" "$2" "$t" 2>&1); r=$? ;;
  esac
  if [ "$r" -eq 0 ]; then s=open
  elif [ "$r" -eq 124 ]; then s=timeout
  else
    case $e in
      *refused*) s=refused ;;
      *"timed out"*|*TIMEOUT*|*"in progress"*) s=timeout ;;
      *"No route"*|*nreachable*) s=unreachable ;;
      *) s=error ;;
    esac
  fi
  e=${e%%"
"*}
  echo "$1 $2 $s${e:+ $e}"
}
while [ $# -ge 2 ]; do
  probe "$1" "$2" &
  shift 2
done
wait
"#;

/// What one connection attempt met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Connected: something listens and the path is open.
    Open,
    /// A reset came back: the host is up but nothing listens (or a firewall rejects).
    Refused,
    /// No answer within the timeout: a firewall drops, or the host is off.
    Timeout,
    /// An ICMP "no route"/"unreachable": a router says the host is not there.
    Unreachable,
    /// The probe itself failed (unknown host name, a tool that does not take `-z`).
    Error,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Refused => "refused",
            Outcome::Timeout => "timeout",
            Outcome::Unreachable => "unreachable",
            Outcome::Error => "error",
        }
    }

    fn parse(word: &str) -> Option<Outcome> {
        [
            Outcome::Open,
            Outcome::Refused,
            Outcome::Timeout,
            Outcome::Unreachable,
            Outcome::Error,
        ]
        .into_iter()
        .find(|o| o.as_str() == word)
    }
}

/// One target's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub host: String,
    pub port: u16,
    pub outcome: Outcome,
    /// The first line the tool printed (empty when it said nothing).
    pub message: String,
}

/// What the probe command printed on one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probed {
    /// `bash`, `nc` or `perl`: the tool the node had.
    pub method: String,
    pub results: Vec<Probe>,
}

impl Probed {
    /// The result for HOST:PORT, if the probe printed one.
    pub fn get(&self, host: &str, port: u16) -> Option<&Probe> {
        self.results
            .iter()
            .find(|p| p.port == port && p.host == host)
    }
}

/// The command probing every `(host, port)` from the node it runs on, each attempt
/// stopped after `timeout` (rounded up to whole seconds: what `timeout` and `nc -w` take).
pub fn command(timeout: Duration, targets: &[(String, u16)]) -> Cmd {
    let mut cmd = Cmd::new("sh")
        .args(["-c", SCRIPT, "tvdr-probe"])
        .arg(whole_seconds(timeout).to_string());
    for (host, port) in targets {
        cmd = cmd.arg(host).arg(port.to_string());
    }
    cmd
}

/// `timeout` rounded up to whole seconds, at least one.
pub fn whole_seconds(timeout: Duration) -> u64 {
    let secs = timeout.as_secs() + u64::from(timeout.subsec_nanos() > 0);
    secs.max(1)
}

/// Reads the probe's output; `Err` says why it tells nothing (no tool, no output).
pub fn parse(text: &str) -> Result<Probed, Msg> {
    let mut method = None;
    let mut results = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(m) = line.strip_prefix("method ") {
            method = Some(m.trim().to_string());
            continue;
        }
        let mut words = line.splitn(4, ' ');
        let (Some(host), Some(port), Some(outcome)) = (words.next(), words.next(), words.next())
        else {
            continue;
        };
        let (Ok(port), Some(outcome)) = (port.parse(), Outcome::parse(outcome)) else {
            continue;
        };
        results.push(Probe {
            host: host.to_string(),
            port,
            outcome,
            message: words.next().unwrap_or("").trim().to_string(),
        });
    }
    match method.as_deref() {
        None => Err(msg!("ports-probe-silent")),
        Some("none") => Err(msg!("ports-probe-no-tool")),
        Some(m) => Ok(Probed {
            method: m.to_string(),
            results,
        }),
    }
}

#[cfg(test)]
mod tests;
