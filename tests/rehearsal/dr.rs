//! The DR runbooks rehearsed in their order: `dr-setup` on a healthy cluster, `dr-activate`
//! once the main site is off and the customer's DNS points at the DR client, `dr-rollback`
//! once the main site is back and the DNS points at the node IP again.

use super::tvox::Tvox;

const SETUP: &str = "gates: { rpo-rto-agreed: yes, licences: yes, network-no-nat: yes, dr-trunk: yes, sync-green: yes }
answers:
  objectives_agreed_with: the customer's IT manager
  dr_trunk: SIP trunk 2 at the DR site
  dr_master_ip: {node_ip}
  dr_client_ip: {dr}
  monitoring_where: the customer's Icinga
  dr_alarm_recipients: noc@example.test
";

const ACTIVATE: &str = "gates: { disaster-declared: yes, main-off: yes, dr-serving: yes }
answers:
  declared_by: the customer's IT manager
  incident_ref: INC-42
  outage_began: '2026-12-06 09:10'
  main_off_how: both VMs powered off from the hypervisor
  carrier_ticket: CARRIER-7
  dns_ttl: '300'
  other_services_note: none
uat: { on-dr: { '*': pass } }
";

const ROLLBACK: &str = "gates: { window-agreed: yes, data-written-on-dr: yes, main-repaired: yes, main-serving: yes, dr-replication-green: yes }
answers:
  return_agreed_with: the customer's IT manager
  data_back_ticket: TEL-99
  carrier_back_ticket: CARRIER-8
  other_services_back_note: none
uat: { after-dr-rollback: { '*': pass } }
";

fn setup_answers(site: &Tvox) -> String {
    SETUP
        .replace("{node_ip}", &site.lab.node_ip())
        .replace("{dr}", &site.lab.address("dr_client"))
}

/// The site is lost (both main nodes off), the DR client is activated and the customer's
/// DNS flipped to it: what the technician does by hand around `dr-activate`.
fn disaster(site: &Tvox) {
    site.lab.cut("tvox1");
    site.lab.cut("tvox2");
    site.lab_cmd(&["dr", "activate"]);
    site.lab.dns(&["a", &site.lab.address("dr_client")]);
}

/// The main site repaired and back, the DR client deactivated, the DNS back on the node IP.
fn repaired(site: &Tvox) {
    site.lab_cmd(&["dr", "deactivate"]);
    site.lab.restore("tvox1");
    site.lab.restore("tvox2");
    site.lab.dns(&["a", &site.lab.node_ip()]);
}

pub fn assert_every_step_done_or_skipped(site: &Tvox, runbook: &str) {
    let outcomes = site.outcomes(runbook);
    assert!(!outcomes.is_empty(), "{runbook}: nothing journalled");
    for (step, outcome) in &outcomes {
        assert!(
            outcome == "done" || outcome == "skipped",
            "{runbook}: step `{step}` ended `{outcome}`"
        );
    }
    assert!(
        site.journal(runbook).contains(r#""event":"run_finished""#),
        "{runbook} did not finish"
    );
}

#[test]
fn dr_setup_then_activation_then_rollback() {
    setup_activate_rollback(&Tvox::cluster());
}

/// `dr-setup` on a healthy cluster, the disaster, `dr-activate`, the repair, `dr-rollback`.
pub fn setup_activate_rollback(site: &Tvox) {
    let out = site.rehearse("dr-setup", &setup_answers(site), &[]);
    assert!(out.status.success(), "dr-setup: {:?}", out.status.code());
    assert_every_step_done_or_skipped(site, "dr-setup");

    disaster(site);
    let out = site.rehearse("dr-activate", ACTIVATE, &[]);
    assert!(out.status.success(), "dr-activate: {:?}", out.status.code());
    assert_every_step_done_or_skipped(site, "dr-activate");

    repaired(site);
    let out = site.rehearse("dr-rollback", ROLLBACK, &[]);
    assert!(out.status.success(), "dr-rollback: {:?}", out.status.code());
    assert_every_step_done_or_skipped(site, "dr-rollback");
    assert_eq!(site.master().len(), 1);
}

/// The customer's DNS still sends clients to the main site: `dr-activate` stops at its DNS
/// check (exit 1), even though every hosts file maps the domain somewhere, and goes on once
/// the record is flipped.
#[test]
fn dr_activate_stops_while_dns_points_at_the_main_site() {
    let site = Tvox::cluster();
    site.lab.cut("tvox1");
    site.lab.cut("tvox2");
    site.lab_cmd(&["dr", "activate"]);
    let out = site.rehearse("dr-activate", ACTIVATE, &[]);
    assert_eq!(out.status.code(), Some(1));
    let failed: Vec<_> = site
        .outcomes("dr-activate")
        .into_iter()
        .filter(|(_, o)| o != "done" && o != "skipped")
        .collect();
    assert_eq!(failed, [("dns-check".to_string(), "failed".to_string())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&site.lab.node_ip()), "{stderr}");
    // Flipped: the same run resumes at the check and finishes.
    site.lab.dns(&["a", &site.lab.address("dr_client")]);
    let out = site.rehearse("dr-activate", ACTIVATE, &[]);
    assert!(out.status.success());
    assert_every_step_done_or_skipped(&site, "dr-activate");
}

/// Back from DR with the DNS still on the DR client: `dr-rollback` does not pass its DNS
/// check.
#[test]
fn dr_rollback_stops_while_dns_still_points_at_the_dr_client() {
    let site = Tvox::cluster();
    site.lab.dns(&["a", &site.lab.address("dr_client")]);
    let out = site.rehearse("dr-rollback", ROLLBACK, &[]);
    assert_eq!(out.status.code(), Some(1));
    let last = site.outcomes("dr-rollback").pop().unwrap();
    assert_eq!(last, ("dns-check".to_string(), "failed".to_string()));
}
