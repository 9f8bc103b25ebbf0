//! `tvdr check dns` and the runbooks' `dns-check` steps against the lab's real DNS server
//! (dnsmasq, `scripts/lab dns`): the verdict follows what the DNS answers, whatever the
//! nodes' hosts files say (they keep mapping the domain to the node IP throughout).

use std::path::Path;

use serde_json::Value;

use crate::common::tvdr;
use crate::lab::Lab;

const DOMAIN: &str = "tvox.lab.test";

/// `tvdr check dns --format json` with `extra` arguments: the exit code and the report.
fn check_dns(lab: &Lab, inventory: &Path, extra: &[&str]) -> (i32, Value) {
    crate::checks_node::check(lab, inventory, "dns", extra)
}

fn status(code: i32, report: &Value) -> (i32, &str) {
    (code, report["status"].as_str().unwrap())
}

fn summary(report: &Value) -> &str {
    report["summary"].as_str().unwrap()
}

/// The hosts file `node` reads: the lab's, mapping the domain to the node IP.
fn assert_hosts_say_node_ip(lab: &Lab, node: &str) {
    let hosts = std::fs::read_to_string(lab.node_dir(node).join("hosts")).unwrap();
    assert!(
        hosts.contains(&format!("{} {DOMAIN}", lab.node_ip())),
        "{node}'s hosts file: {hosts}"
    );
}

/// Main site cut off, the DR client's hosts file still naming the node IP: only the DNS
/// record decides, asked from the DR client of the server its resolv.conf names.
#[test]
fn expect_dr_follows_the_dns_record_not_the_dr_clients_hosts_file() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    let inv = lab.inventory();
    lab.cut("tvox1");
    lab.cut("tvox2");
    assert_hosts_say_node_ip(&lab, "dr_client");
    let (dr, server) = (lab.address("dr_client"), lab.dns_server());

    // DNS still at the main site: the activation must not go on.
    let (code, r) = check_dns(&lab, &inv, &["--expect", "dr"]);
    assert_eq!(status(code, &r), (1, "CRIT"), "{r:#}");
    assert_eq!(
        summary(&r),
        format!(
            "{server} (asked from dr_client) answers {} (the node IP), TTL 60s, expected \
             {dr} (the DR client)",
            lab.node_ip()
        )
    );

    // The customer flipped the record: OK, although the hosts file says otherwise.
    lab.dns(&["a", &dr]);
    let (code, r) = check_dns(&lab, &inv, &["--expect", "dr"]);
    assert_eq!(status(code, &r), (0, "OK"), "{r:#}");
    let seen = &r["nodes"]["dr_client"];
    assert_eq!(seen["servers_from"], "resolv.conf", "{r:#}");
    assert_eq!(
        seen["answers"][&server]["addresses"],
        serde_json::json!([dr])
    );
    assert!(
        r["nodes"].get("tvox1").is_none(),
        "main site not asked: {r:#}"
    );

    // Through a CNAME, as some customers publish it.
    lab.dns(&["cname", &dr]);
    let (code, r) = check_dns(&lab, &inv, &["--expect", "dr"]);
    assert_eq!(status(code, &r), (0, "OK"), "{r:#}");
    assert_eq!(
        r["nodes"]["dr_client"]["answers"][&server]["cname"],
        serde_json::json!(["alias.lab.test"])
    );

    // Both addresses published: some clients would still go to the dead main site.
    lab.dns(&["a", &dr, &lab.node_ip()]);
    let (code, r) = check_dns(&lab, &inv, &["--expect", "dr"]);
    assert_eq!(status(code, &r), (1, "CRIT"), "{r:#}");
    assert!(summary(&r).contains("clients may pick either"), "{r:#}");
}

/// Normal operation and roll-back: the nodes' hosts files say the node IP, but clients
/// ask the DNS, and a record left on the DR client fails.
#[test]
fn node_ip_expected_fails_while_the_dns_points_at_the_dr_client() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    let inv = lab.inventory();
    let (code, r) = check_dns(&lab, &inv, &[]);
    assert_eq!(status(code, &r), (0, "OK"), "{r:#}");
    assert!(
        summary(&r).ends_with(&format!("{} (asked from tvox1, tvox2)", lab.dns_server())),
        "{r:#}"
    );

    lab.dns(&["a", &lab.address("dr_client")]);
    assert_hosts_say_node_ip(&lab, "tvox1");
    assert_hosts_say_node_ip(&lab, "tvox2");
    let (code, r) = check_dns(&lab, &inv, &[]);
    assert_eq!(status(code, &r), (1, "CRIT"), "{r:#}");
    assert!(
        summary(&r).contains(&format!(
            "answers {} (the DR client), TTL 60s, expected {} (the node IP)",
            lab.address("dr_client"),
            lab.node_ip()
        )),
        "{r:#}"
    );

    lab.dns(&["none"]);
    let (code, r) = check_dns(&lab, &inv, &[]);
    assert_eq!(status(code, &r), (1, "CRIT"), "{r:#}");
    assert!(
        summary(&r).contains("answers no such name (NXDOMAIN)"),
        "{r:#}"
    );
}

/// The inventory's `dns.servers` are asked instead of resolv.conf's; a server that does not
/// answer is UNKNOWN (exit 1, as every UNKNOWN of `tvdr check`), never OK.
#[test]
fn inventory_servers_are_asked_and_a_stopped_server_is_unknown() {
    let lab = Lab::start_with(&["tvox1", "tvox2"]);
    let text = std::fs::read_to_string(lab.inventory()).unwrap();
    let inv = lab.dir().join("with-dns.yaml");
    std::fs::write(
        &inv,
        format!("{text}dns: {{ servers: [{}] }}\n", lab.dns_server()),
    )
    .unwrap();
    let (code, r) = check_dns(&lab, &inv, &[]);
    assert_eq!(status(code, &r), (0, "OK"), "{r:#}");
    assert_eq!(r["nodes"]["tvox1"]["servers_from"], "inventory", "{r:#}");

    lab.dns(&["stop"]);
    for inventory in [&inv, &lab.inventory()] {
        let (code, r) = check_dns(&lab, inventory, &[]);
        assert_eq!(status(code, &r), (1, "UNKNOWN"), "{r:#}");
        assert!(
            summary(&r).contains("nothing answers on port 53 (connection refused)"),
            "{r:#}"
        );
    }
    lab.dns(&["start"]);
    let (code, r) = check_dns(&lab, &inv, &[]);
    assert_eq!(status(code, &r), (0, "OK"), "{r:#}");
}

/// The shipped `dr-activate` runbook's `dns-check` step, on its own under `--yes`: DNS
/// still at the main site stops the run (exit 1); flipped, the step passes.
#[test]
fn dr_activate_dns_check_step_stops_while_the_dns_names_the_main_site() {
    let lab = Lab::start_with(&["tvox1", "tvox2", "dr_client"]);
    lab.cut("tvox1");
    lab.cut("tvox2");
    let home = lab.dir().join("home-tvdr");
    std::fs::create_dir_all(&home).unwrap();
    let step = || {
        tvdr(&home)
            .arg("-i")
            .arg(lab.inventory())
            .arg("--state-dir")
            .arg(home.join("state"))
            .args(["runbook", "dr-activate", "--only", "dns-check", "--yes"])
            .output()
            .unwrap()
    };
    let out = step();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("(the node IP)"), "{said}");

    lab.dns(&["a", &lab.address("dr_client")]);
    let out = step();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{said}");
}
