//! DNS answers captured from dnsmasq in the lab (see `fixtures/`), read as tvdr reads them.

use super::*;
use crate::checks::dns::relay;

const DOMAIN: &str = "tvox.lab.test";

/// The first server's raw answer in a relay fixture.
fn raw(fixture: &str) -> Vec<u8> {
    let relayed = relay::parse(fixture).unwrap();
    relayed.servers[0].result.clone().unwrap().bytes
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn ips(list: &[&str]) -> Vec<IpAddr> {
    list.iter().map(|s| s.parse().unwrap()).collect()
}

#[test]
fn the_query_is_what_a_stub_resolver_sends() {
    // The same bytes as the query the fixtures answer (id a001, A, recursion desired).
    let q = query(0xa001, "tvox.lab.test.", TYPE_A).unwrap();
    assert_eq!(
        relay::hex(&q),
        "a001010000010000000000000474766f78036c616204746573740000010001"
    );
    assert!(query(1, "a..b", TYPE_A).is_err());
    assert!(query(1, &"x".repeat(64), TYPE_A).is_err());
}

#[test]
fn one_a_record() {
    let reply = parse(
        &raw(include_str!("fixtures/a-node-ip.txt")),
        0xa001,
        DOMAIN,
        TYPE_A,
    );
    assert_eq!(
        reply,
        Ok(Reply::Addresses {
            chain: vec![],
            addresses: ips(&["10.213.103.11"]),
            ttl: 60
        })
    );
}

#[test]
fn names_compare_without_case() {
    let reply = parse(
        &raw(include_str!("fixtures/a-node-ip.txt")),
        0xa001,
        "TVOX.Lab.Test",
        TYPE_A,
    );
    assert!(matches!(reply, Ok(Reply::Addresses { .. })), "{reply:?}");
}

#[test]
fn two_a_records_in_the_servers_order() {
    let reply = parse(
        &raw(include_str!("fixtures/a-two-records.txt")),
        0xa003,
        DOMAIN,
        TYPE_A,
    );
    let Ok(Reply::Addresses { addresses, .. }) = reply else {
        panic!("{reply:?}")
    };
    assert_eq!(addresses, ips(&["10.213.103.20", "10.213.103.11"]));
}

#[test]
fn a_cname_chain_is_followed_to_its_addresses() {
    let text = include_str!("fixtures/cname-to-dr-client.txt");
    let reply = parse(&raw(text), 0xa004, DOMAIN, TYPE_A);
    assert_eq!(
        reply,
        Ok(Reply::Addresses {
            chain: vec!["alias.lab.test".into()],
            addresses: ips(&["10.213.103.20"]),
            ttl: 60
        })
    );
}

#[test]
fn nxdomain_no_data_and_server_errors() {
    let nx = parse(
        &raw(include_str!("fixtures/nxdomain.txt")),
        0xa005,
        DOMAIN,
        TYPE_A,
    );
    assert_eq!(nx, Ok(Reply::NoSuchName { chain: vec![] }));
    let aaaa = raw(include_str!("fixtures/aaaa-no-data.txt"));
    assert_eq!(
        parse(&aaaa, 0xa006, DOMAIN, TYPE_AAAA),
        Ok(Reply::NoAddress { chain: vec![] })
    );
    let refused = raw(include_str!("fixtures/refused.txt"));
    assert_eq!(
        parse(&refused, 0xa00a, DOMAIN, TYPE_A),
        Ok(Reply::Failed("REFUSED".into()))
    );
    // dnsmasq here never says SERVFAIL: the REFUSED answer with its rcode set to 2.
    let servfail = raw(include_str!("fixtures/servfail.txt"));
    assert_eq!(
        parse(&servfail, 0xa00c, DOMAIN, TYPE_A),
        Ok(Reply::Failed("SERVFAIL".into()))
    );
}

/// A server with recursion disabled asked for a zone it does not hold answers NOERROR,
/// AA and RA clear, nothing but NS records of the root (RFC 1035 layout; Windows DNS gives
/// root hints this way): no statement about the name, so not "no address".
#[test]
fn a_referral_is_no_answer() {
    let referral = raw(include_str!("fixtures/referral-recursion-disabled.txt"));
    let Ok(Reply::Failed(why)) = parse(&referral, 0xa00d, DOMAIN, TYPE_A) else {
        panic!("{:?}", parse(&referral, 0xa00d, DOMAIN, TYPE_A))
    };
    assert!(why.contains("referral"), "{why}");
    // An authoritative or recursive server saying "no address" still says it.
    let aaaa = raw(include_str!("fixtures/aaaa-no-data.txt"));
    assert_eq!(
        parse(&aaaa, 0xa006, DOMAIN, TYPE_AAAA),
        Ok(Reply::NoAddress { chain: vec![] })
    );
}

#[test]
fn forty_one_records_fetched_over_tcp_after_truncation() {
    let reply = parse(
        &raw(include_str!("fixtures/truncated-many-records-over-tcp.txt")),
        0xa007,
        DOMAIN,
        TYPE_A,
    );
    let Ok(Reply::Addresses { addresses, .. }) = reply else {
        panic!("{reply:?}")
    };
    assert_eq!(addresses.len(), 41);
    for i in 100..=140 {
        assert!(addresses.contains(&ip(&format!("10.213.103.{i}"))), "{i}");
    }
}

#[test]
fn answers_to_other_queries_are_refused() {
    let bytes = raw(include_str!("fixtures/a-node-ip.txt"));
    assert!(parse(&bytes, 0xa002, DOMAIN, TYPE_A)
        .unwrap_err()
        .contains("id differs"));
    assert!(parse(&bytes, 0xa001, "other.lab.test", TYPE_A)
        .unwrap_err()
        .contains("about `tvox.lab.test`"));
    assert!(parse(&bytes, 0xa001, DOMAIN, TYPE_AAAA).is_err());
    let query = query(0xa001, DOMAIN, TYPE_A).unwrap();
    assert!(parse(&query, 0xa001, DOMAIN, TYPE_A)
        .unwrap_err()
        .contains("not an answer"));
}

#[test]
fn cut_short_and_looping_answers_are_errors_not_panics() {
    let bytes = raw(include_str!("fixtures/a-two-records.txt"));
    for n in 0..bytes.len() {
        assert!(
            parse(&bytes[..n], 0xa003, DOMAIN, TYPE_A).is_err(),
            "cut at {n}"
        );
    }
    // The question's name is a pointer to itself.
    let mut looping = bytes[..12].to_vec();
    looping.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1]);
    assert!(parse(&looping, 0xa003, DOMAIN, TYPE_A).is_err());
}

#[test]
fn a_cname_loop_is_a_failure() {
    // tvox → alias → tvox, built from the captured CNAME answer's pieces.
    let mut m = raw(include_str!("fixtures/cname-to-dr-client.txt"));
    m.truncate(12 + 19);
    m[7] = 2; // two answers
    let cname = |owner: &[u8], target: &[u8]| {
        let mut r = owner.to_vec();
        r.extend_from_slice(&[0, 5, 0, 1, 0, 0, 0, 60, 0, target.len() as u8]);
        r.extend_from_slice(target);
        r
    };
    let alias = b"\x05alias\xc0\x11"; // alias + ".lab.test" of the question
    m.extend(cname(&[0xc0, 0x0c], alias));
    m.extend(cname(alias, &[0xc0, 0x0c]));
    let reply = parse(&m, 0xa004, DOMAIN, TYPE_A);
    assert!(
        matches!(&reply, Ok(Reply::Failed(why)) if why.contains("loop")),
        "{reply:?}"
    );
}
