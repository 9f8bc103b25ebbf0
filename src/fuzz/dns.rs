//! `check dns`: the relay's output on a node (servers, hex of each raw answer, errors),
//! each answer decoded as a DNS message, and judged; plus raw DNS messages on their own.

use std::sync::OnceLock;

use proptest::prelude::*;

use super::corpus::corpus;
use super::guard;
use super::mutate::{self, text};
use super::props::properties;
use crate::checks::dns::message::{self, TYPE_A};
use crate::checks::dns::{evaluate, relay, Asking, Expected, ServerReply};
use crate::checks::Report;

corpus!(seeds, "src/checks/dns/fixtures");

const DOMAIN: &str = "tvox.lab.test";

/// An answer read as the check reads it, for the query id the answer itself carries (a
/// wrong id is rejected before anything else would be read).
fn read(raw: &[u8]) -> Result<message::Reply, crate::i18n::Msg> {
    let id = raw.get(..2).map_or(0, |b| u16::from_be_bytes([b[0], b[1]]));
    message::parse(raw, id, DOMAIN, TYPE_A)
}

fn report(input: &[u8]) -> Report {
    let answers = relay::parse(&text(input)).map(|r| {
        r.servers
            .into_iter()
            .map(|a| ServerReply {
                server: a.server,
                reply: a.result.and_then(|raw| read(&raw.bytes)),
            })
            .collect()
    });
    let asking = Asking {
        from: "tvox1".into(),
        servers_from: "resolv.conf".into(),
        answers,
    };
    let expected = Expected {
        address: "10.213.103.11".parse().unwrap(),
        what: "the node IP".into(),
        known: vec![("10.213.103.20".parse().unwrap(), "the DR client".into())],
    };
    evaluate(DOMAIN, &expected, &[asking], None)
}

properties!(128, seeds, report: report);

/// The raw answers inside the fixtures: seeds for byte-level mutations of DNS messages
/// (names, compression pointers, counts, lengths).
fn messages() -> &'static [Vec<u8>] {
    static MESSAGES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    MESSAGES.get_or_init(|| {
        let all: Vec<Vec<u8>> = seeds()
            .iter()
            .filter_map(|f| relay::parse(&text(f)).ok())
            .flat_map(|r| r.servers)
            .filter_map(|a| a.result.ok())
            .map(|raw| raw.bytes)
            .collect();
        assert!(!all.is_empty(), "no DNS answer in the fixtures");
        all
    })
}

proptest! {
    #![proptest_config(guard::config(256))]

    #[test]
    fn mutated_messages(raw in mutate::mutated(messages())) {
        let _ = guard::case(|| read(&raw));
    }
}
