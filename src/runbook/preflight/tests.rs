//! What a runbook needs where, read from its steps and checks.

use std::path::Path;

use super::*;
use crate::runbook::library;

fn cluster() -> Inventory {
    Inventory::parse(
        Path::new("t.yaml"),
        "site: s\ntvox: { version: 21, domain: d.example }\ncluster: { node_ip: 10.0.0.3 }\n\
         nodes:\n  tvox1: { address: 10.0.0.1 }\n  tvox2: { address: 10.0.0.2 }\n",
    )
    .unwrap()
}

fn names(needs: &BTreeSet<Need>) -> Vec<String> {
    needs.iter().map(|n| n.names.join("|")).collect()
}

#[test]
fn the_upgrade_needs_screen_the_updater_and_the_checks_programs_on_both_nodes() {
    let runbook = library::find("upgrade", None).unwrap();
    let needs = needs(&runbook, &cluster());
    assert_eq!(needs.keys().collect::<Vec<_>>(), ["tvox1", "tvox2"]);
    let tvox2 = names(&needs["tvox2"]);
    for wanted in ["screen", "reboot", "pg_dump", "mysql", "mongo|mongosh"] {
        assert!(tvox2.iter().any(|n| n == wanted), "{wanted}: {tvox2:?}");
    }
}

#[test]
fn a_missing_program_is_said_with_what_needs_it() {
    let missing = BTreeMap::from([(
        "tvox2".to_string(),
        vec![
            Need {
                names: vec!["mongo".into(), "mongosh".into()],
                by: "check `chat`".into(),
            },
            Need {
                names: vec!["network_reset".into()],
                by: "step `net-reset`".into(),
            },
        ],
    )]);
    let text = render(&missing);
    assert!(text.starts_with("preflight: "), "{text}");
    assert!(
        text.contains(
            "  tvox2: `mongo` or `mongosh` (check `chat`), `network_reset` (step `net-reset`)\n"
        ),
        "{text}"
    );
}

#[test]
fn only_plain_program_words_are_looked_for() {
    let script = |s: &str| Command::Script(crate::runbook::template::Template::parse(s).unwrap());
    assert_eq!(
        program(&script("write_config.php network")),
        Some("write_config.php".into())
    );
    assert_eq!(program(&script("cd /opt && ./x")), None);
    assert_eq!(program(&script("FOO=1 bar")), None);
    assert_eq!(program(&script("{{ updater }} --go")), None);
}
