//! Check verdicts read in Italian at the terminal, and the same bytes in every machine
//! format whatever the language.

use std::net::IpAddr;

use super::super::{human, json, junit, nagios};
use crate::checks::calendars::{self, DumpDigest, NodeDump};
use crate::checks::fs_sync::{evaluate_sizes, parse_du, DuUnit, NodeDu};
use crate::checks::vip::{self, NodeAddrs};
use crate::checks::{Report, Status};
use crate::i18n::Lang;

const HOLDER: &str = include_str!("../../../checks/vip/fixtures/addr-holder.txt");
const DU_MASTER: &str = include_str!("../../../checks/fs_sync/fixtures/du-b-master.txt");
const DU_BEHIND: &str =
    include_str!("../../../checks/fs_sync/fixtures/du-b-slave-behind-voicemail-empty.txt");
const PG15: &str = include_str!("../../../checks/calendars/fixtures/pg15-davical.sql");
const PG15_SLAVE: &str =
    include_str!("../../../checks/calendars/fixtures/pg15-davical-slave-missing-caldav-rows.sql");

fn split_brain() -> Report {
    let ip: IpAddr = "172.16.95.71".parse().unwrap();
    let node = |name: &str| NodeAddrs {
        node: name.into(),
        output: Ok(HOLDER.into()),
    };
    vip::evaluate(ip, &[node("tvox1"), node("tvox2")])
}

fn fs_behind() -> Report {
    let du = |name: &str, text: &str| NodeDu {
        node: name.into(),
        listing: Ok(parse_du(text, "", DuUnit::Bytes)),
    };
    evaluate_sizes(&du("tvox1", DU_MASTER), &du("tvox2", DU_BEHIND), 5.0, None)
}

fn calendars_differ() -> Report {
    let dump = |name: &str, text: &str| {
        let mut digest = DumpDigest::new();
        digest.feed(text.as_bytes());
        NodeDump::new(name, Ok(digest.finish()))
    };
    calendars::evaluate(&dump("tvox1", PG15), &dump("tvox2", PG15_SLAVE))
}

fn bad_day() -> Vec<Report> {
    vec![split_brain(), fs_behind(), calendars_differ()]
}

#[test]
fn vip_split_brain_reads_in_italian() {
    let r = split_brain();
    assert_eq!(r.status, Status::Crit);
    let table = human::render(&[r], false, Lang::It);
    assert!(
        table.contains("split brain: tvox1 e tvox2 hanno entrambi l'IP del nodo 172.16.95.71"),
        "{table}"
    );
    assert!(table.contains("riepilogo"), "Italian headings: {table}");
    assert!(!table.contains("both hold"), "{table}");
    insta::assert_snapshot!(table);
}

#[test]
fn fs_sync_differences_read_in_italian() {
    let table = human::render(&[fs_behind()], false, Lang::It);
    assert!(
        table.contains("lo slave `tvox2` differisce dal master `tvox1`"),
        "{table}"
    );
    assert!(table.contains("lo slave è indietro di"), "{table}");
    assert!(
        table.contains("suggerimento: ricontrolla tra qualche minuto"),
        "{table}"
    );
    insta::assert_snapshot!(table);
}

#[test]
fn calendars_mismatch_reads_in_italian() {
    let r = calendars_differ();
    assert_eq!(r.status, Status::Crit);
    let table = human::render(&[r], false, Lang::It);
    assert!(
        table.contains("i calendari differiscono nella tabella `public.caldav_data`"),
        "{table}"
    );
    assert!(
        table.contains("i calendari del master (`tvox1`) sono la copia valida"),
        "{table}"
    );
    insta::assert_snapshot!(table);
}

#[test]
fn english_is_unchanged_and_machine_formats_are_english_only() {
    let reports = bad_day();
    let table = human::render(&reports, false, Lang::En);
    assert!(
        table.contains("split brain: tvox1 and tvox2 both hold"),
        "{table}"
    );
    let machine = [
        json::render("site", &reports, None),
        junit::render("site", &reports, None),
        nagios::render(&reports),
    ];
    for text in machine {
        for italian in ["hanno entrambi", "differisce", "suggerimento", "calendari"] {
            assert!(!text.contains(italian), "{italian} in:\n{text}");
        }
    }
}
