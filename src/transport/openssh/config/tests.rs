//! The ssh_config text and the command lines: options, quoting, and never an insecure
//! option; then `ssh -G` (which connects nowhere) shows ssh reads them as meant.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::*;
use crate::transport::child::{self, Group};
use crate::transport::openssh::private_dir::PrivateDir;
use crate::transport::testing::local;
use std::fs;

fn target(jump: Option<&str>, config: Option<&str>) -> Target {
    let mut t = local("tvox2");
    t.address = "10.0.0.2".into();
    t.port = 2222;
    t.user = "admin".into();
    t.identity = Some("/keys/id %d".into());
    t.known_hosts = vec!["/site/known hosts".into(), "/root/.ssh/known_hosts".into()];
    t.connect_timeout = Duration::from_millis(2500);
    t.kind = TransportKind::OpenSsh {
        proxy_jump: jump.map(str::to_owned),
        config: config.map(PathBuf::from),
    };
    t
}

fn strings(args: &[OsString]) -> Vec<String> {
    args.iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// What would weaken host key checking, in any spelling ssh accepts.
fn insecure(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase().replace(['=', '"'], " ");
    [
        "stricthostkeychecking no",
        "stricthostkeychecking off",
        "stricthostkeychecking accept-new",
        "stricthostkeychecking ask",
        "userknownhostsfile /dev/null",
        "updatehostkeys yes",
        "verifyhostkeydns yes",
        "knownhostscommand",
    ]
    .into_iter()
    .find(|bad| {
        lower
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(bad)
    })
}

#[test]
fn the_config_enforces_host_key_checking_first() {
    let text = ssh_config(&target(None, None), true).unwrap();
    let options: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        options,
        [
            "BatchMode yes",
            "StrictHostKeyChecking yes",
            "UserKnownHostsFile \"/site/known hosts\" \"/root/.ssh/known_hosts\"",
            "GlobalKnownHostsFile /dev/null",
            "UpdateHostKeys no",
            "VerifyHostKeyDNS no",
            "CheckHostIP no",
            "ConnectTimeout 3",
            "ServerAliveInterval 3",
            "ServerAliveCountMax 3",
            "LogLevel ERROR",
            "IdentityFile \"/keys/id %%d\"",
            "IdentitiesOnly yes",
            "Include ~/.ssh/config /etc/ssh/ssh_config",
        ]
    );
    assert_eq!(insecure(&text), None);
}

#[test]
fn a_terminal_lets_ssh_ask_and_an_ssh_config_replaces_the_defaults() {
    let text = ssh_config(&target(None, Some("/site/ssh config")), false).unwrap();
    assert!(text.contains("BatchMode no\n"), "{text}");
    assert!(text.ends_with("Include \"/site/ssh config\"\n"), "{text}");
    assert!(!text.contains("~/.ssh/config"), "{text}");
}

#[test]
fn no_known_hosts_means_nothing_is_trusted() {
    let mut t = target(None, None);
    t.known_hosts.clear();
    t.identity = None;
    let text = ssh_config(&t, true).unwrap();
    assert!(text.contains("UserKnownHostsFile /dev/null\n"), "{text}");
    assert!(text.contains("StrictHostKeyChecking yes\n"), "{text}");
    assert!(!text.contains("IdentityFile"), "{text}");
}

#[test]
fn paths_ssh_cannot_quote_are_refused() {
    for bad in [
        "/a\"b",
        "/a\\b",
        "/a\nStrictHostKeyChecking no",
        "/${HOME}/kh",
    ] {
        let mut t = target(None, None);
        t.known_hosts = vec![bad.into()];
        let err = ssh_config(&t, true).unwrap_err();
        assert!(err.contains("cannot be written"), "{err}");
    }
    let err = ssh_config(&target(None, Some("/etc/ssh/*.conf")), true).unwrap_err();
    assert!(err.contains("wildcard"), "{err}");
}

#[test]
fn command_lines_put_the_destination_and_the_command_after_the_options() {
    let dir = PrivateDir::create().unwrap();
    let t = target(Some("jump@bastion.example.com:2200"), None);
    let config = dir.config().display().to_string();
    let socket = dir.socket().display().to_string();
    let line = "printf %s 'a b'; rm -rf / #";
    let exec = strings(&args(&t, &dir, Mode::Exec(line)).unwrap());
    assert_eq!(
        exec,
        [
            "-F",
            &config,
            "-o",
            &format!("ControlPath=\"{socket}\""),
            "-o",
            "ControlMaster=auto",
            "-o",
            "ControlPersist=60",
            "-o",
            "BatchMode=yes",
            "-T",
            "-p",
            "2222",
            "-l",
            "admin",
            "-J",
            "jump@bastion.example.com:2200",
            "--",
            "10.0.0.2",
            line,
        ]
    );
    let master = strings(&args(&t, &dir, Mode::Master).unwrap());
    assert!(
        master.windows(2).any(|w| w == ["-o", "ControlMaster=yes"]),
        "{master:?}"
    );
    assert!(master.contains(&"-N".into()) && master.contains(&"-f".into()));
    assert_eq!(master.last().unwrap(), "10.0.0.2");
    let terminal = strings(&args(&t, &dir, Mode::Terminal("top")).unwrap());
    assert!(terminal.contains(&"-tt".into()), "{terminal:?}");
    let exit = strings(&args(&t, &dir, Mode::Control("exit")).unwrap());
    assert!(exit.windows(2).any(|w| w == ["-O", "exit"]), "{exit:?}");
    for args in [exec, master, terminal, exit] {
        assert_eq!(insecure(&args.join(" ")), None);
    }
}

#[test]
fn a_user_that_looks_like_an_option_stays_a_user() {
    let dir = PrivateDir::create().unwrap();
    let mut t = target(None, None);
    t.user = "-oProxyCommand=touch /tmp/pwned".into();
    let args = strings(&args(&t, &dir, Mode::Exec("id")).unwrap());
    let at = args.iter().position(|a| a == "-l").unwrap();
    assert_eq!(args[at + 1], t.user, "the value of -l, not an option");
}

#[test]
fn the_probe_asks_the_last_bastion_for_the_node_on_its_own() {
    let dir = PrivateDir::create().unwrap();
    let t = target(Some("a@first:2201,b@[fe80::1]:2202"), None);
    let probe = strings(&args(&t, &dir, Mode::Probe).unwrap());
    let config = dir.config().display().to_string();
    assert_eq!(
        probe,
        [
            "-F",
            &config,
            "-o",
            "ControlMaster=no",
            "-o",
            "ControlPath=none",
            "-o",
            "BatchMode=yes",
            "-J",
            "a@first:2201",
            "-l",
            "b",
            "-p",
            "2202",
            "-W",
            "10.0.0.2:2222",
            "--",
            "fe80::1",
        ]
    );
    assert!(args(&target(None, None), &dir, Mode::Probe).is_err());
}

/// `ssh -G`: the configuration ssh would use, without connecting anywhere.
fn ssh_reads(t: &Target, dir: &PrivateDir) -> Option<String> {
    if which::which("ssh").is_err() {
        eprintln!("skipped: no `ssh` on this machine");
        return None;
    }
    let mut args = args(t, dir, Mode::Exec("true")).unwrap();
    args.insert(0, "-G".into());
    let mut ssh = child::command("ssh");
    ssh.args(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = child::run(&mut ssh, &mut out, &mut err, deadline, Group::Own).unwrap();
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
    Some(String::from_utf8(out).unwrap())
}

#[test]
fn ssh_reads_the_rules_before_an_operator_config_that_would_weaken_them() {
    let dir = PrivateDir::create().unwrap();
    let weak = dir.config().with_file_name("weak_config");
    fs::write(
        &weak,
        "Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  BatchMode no\n  \
         UpdateHostKeys yes\n  LogLevel DEBUG3\n  ControlMaster no\n  Port 22\n",
    )
    .unwrap();
    let t = target(Some("jump@bastion:2200"), Some(weak.to_str().unwrap()));
    dir.write_config(&ssh_config(&t, true).unwrap()).unwrap();
    let Some(read) = ssh_reads(&t, &dir) else {
        return;
    };
    for expected in [
        "stricthostkeychecking true",
        "userknownhostsfile /site/known hosts /root/.ssh/known_hosts",
        "globalknownhostsfile /dev/null",
        "batchmode yes",
        "updatehostkeys false",
        "loglevel ERROR",
        "controlmaster auto",
        &format!("controlpath {}", dir.socket().display()),
        "controlpersist 60",
        "port 2222",
        "user admin",
        "identitiesonly yes",
        "proxyjump jump@bastion:2200",
        "connecttimeout 3",
    ] {
        assert!(
            read.lines().any(|l| l == expected),
            "{expected} not in:\n{read}"
        );
    }
}
