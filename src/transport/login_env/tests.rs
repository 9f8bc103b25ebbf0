//! Reading what a node's login adds, whatever its login scripts print.

use super::*;

/// What [`LEARN`] prints: the plain environment, the marker, whatever the login scripts
/// print, then the login environment between its markers.
fn output(plain: &[&str], noise: &str, login: &[&str], after: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for var in plain {
        out.extend(var.as_bytes());
        out.push(0);
    }
    out.extend(b"\0TVDR-LOGIN-ENV\0");
    out.extend(noise.as_bytes());
    out.extend(b"\0TVDR-BEGIN\0");
    for var in login {
        out.extend(var.as_bytes());
        out.push(0);
    }
    out.extend(b"TVDR-END\0");
    out.extend(after.as_bytes());
    out
}

#[test]
fn keeps_what_the_login_adds_or_changes_and_path_always() {
    let learned = parse(&output(
        &["PATH=/usr/bin:/bin", "HOME=/root", "LANG=C"],
        "Welcome to TVox!\nLast login: yesterday\n",
        &[
            "PATH=/usr/bin:/bin:/usr/sbin:/opt/tvox/bin",
            "HOME=/root",
            "LANG=it_IT.UTF-8",
            "JAVA_HOME=/usr/lib/jvm/jre",
            "MOTD=line one\nline two",
        ],
        "bye from .bash_logout\n",
    ))
    .unwrap();
    assert_eq!(
        learned,
        BTreeMap::from([
            ("JAVA_HOME".into(), "/usr/lib/jvm/jre".into()),
            ("LANG".into(), "it_IT.UTF-8".into()),
            ("MOTD".into(), "line one\nline two".into()),
            (
                "PATH".into(),
                "/usr/bin:/bin:/usr/sbin:/opt/tvox/bin".into()
            ),
        ])
    );
}

#[test]
fn drops_what_describes_one_shell_and_names_that_are_not_variables() {
    let learned = parse(&output(
        &["PATH=/bin"],
        "",
        &[
            "PATH=/bin",
            "SHLVL=2",
            "PWD=/root",
            "_=/usr/bin/env",
            "LS_COLORS=rs=0:di=38;5;33",
            "BASH_FUNC_module%%=() {  eval x",
        ],
        "",
    ))
    .unwrap();
    assert_eq!(learned, BTreeMap::from([("PATH".into(), "/bin".into())]));
}

#[test]
fn no_markers_nothing_learned() {
    assert_eq!(parse(b"PATH=/bin\0"), None);
    // A login shell that died before printing its environment.
    assert_eq!(parse(b"PATH=/bin\0\0TVDR-LOGIN-ENV\0-bash: oops\n"), None);
}

#[test]
fn the_inventory_wins_and_extra_dirs_go_first() {
    let learned = BTreeMap::from([
        ("PATH".to_string(), "/usr/bin:/usr/sbin".to_string()),
        ("PGHOST".to_string(), "/tmp".to_string()),
    ]);
    let inventory = BTreeMap::from([("PGHOST".to_string(), "/run/pg".to_string())]);
    let env = merge(learned, &inventory, &["/usr/pgsql-9.2/bin".to_string()]);
    assert_eq!(env["PGHOST"], "/run/pg");
    assert_eq!(env["PATH"], "/usr/pgsql-9.2/bin:/usr/bin:/usr/sbin");
    let env = merge(BTreeMap::new(), &BTreeMap::new(), &["/opt/x".to_string()]);
    assert_eq!(env["PATH"], format!("/opt/x:{FALLBACK_PATH}"));
}
