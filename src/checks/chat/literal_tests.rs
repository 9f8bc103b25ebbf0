//! The literal reader on each shell's notation, on malformed input, and on random input.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::parse;

#[test]
fn plain_json() {
    let v = parse(r#"{"a": [1, -2.5, "x\n\u00e9"], "b": {"c": null, "d": true}}"#).unwrap();
    assert_eq!(
        v,
        json!({"a": [1, -2.5, "x\né"], "b": {"c": null, "d": true}})
    );
}

#[test]
fn legacy_shell_constructors() {
    let v = parse(
        r#"{ "date" : ISODate("2026-03-02T10:15:42.117Z"), "ts" : Timestamp(1591264735, 1),
             "term" : NumberLong(7), "big" : NumberLong("9007199254740993"), "n" : NumberInt(3),
             "hash" : BinData(0,"AAAA"), "id" : ObjectId("5ed8c1d6e4b0a1b2c3d4e5f6"),
             "dec" : NumberDecimal("1.5") }"#,
    )
    .unwrap();
    assert_eq!(
        v,
        json!({
            "date": {"$date": "2026-03-02T10:15:42.117Z"},
            "ts": {"$timestamp": {"t": 1_591_264_735, "i": 1}},
            "term": 7,
            "big": 9_007_199_254_740_993_i64,
            "n": 3,
            "hash": {"$binary": {"base64": "AAAA", "subType": 0}},
            "id": {"$oid": "5ed8c1d6e4b0a1b2c3d4e5f6"},
            "dec": {"$numberDecimal": "1.5"},
        })
    );
}

#[test]
fn mongosh_notation() {
    let v = parse(
        "{\n  set: 'rs0',\n  term: Long('8'),\n  t2: Long(\"-1\"),\n  ts: Timestamp({ t: 1, i: 2 }),\n  \
         '$clusterTime': { hash: Binary.createFromBase64('AAAA', 0), keyId: Long('0'), },\n  \
         when: ISODate('1970-01-01T00:00:00.000Z'),\n  deep: [Object],\n}",
    )
    .unwrap();
    assert_eq!(v["set"], "rs0");
    assert_eq!(v["term"], 8);
    assert_eq!(v["t2"], -1);
    assert_eq!(v["ts"], json!({"$timestamp": {"t": 1, "i": 2}}));
    assert_eq!(v["$clusterTime"]["keyId"], 0);
    assert_eq!(
        v["$clusterTime"]["hash"]["$call"]["name"],
        "Binary.createFromBase64"
    );
    assert_eq!(v["when"], json!({"$date": "1970-01-01T00:00:00.000Z"}));
    assert_eq!(v["deep"], json!(["Object"]));
}

#[test]
fn odd_but_valid_javascript() {
    let v = parse("{ a: new Date('2026-03-02T10:15:40Z'), b: undefined, c: -Infinity, d: NaN, e: .5, f: +3, g: 1e3, h: 'it\\'s', /* c */ i: 1 // end\n }")
        .unwrap();
    assert_eq!(v["a"], json!({"$date": "2026-03-02T10:15:40Z"}));
    assert_eq!(
        [&v["b"], &v["c"], &v["d"]],
        [&Value::Null, &Value::Null, &Value::Null]
    );
    assert_eq!(v["e"], 0.5);
    assert_eq!(v["f"], 3);
    assert_eq!(v["g"], 1000.0);
    assert_eq!(v["h"], "it's");
    assert_eq!(v["i"], 1);
}

#[test]
fn text_after_the_document_is_ignored() {
    assert_eq!(parse("{a: 1}\nrs0:PRIMARY> ").unwrap(), json!({"a": 1}));
}

#[test]
fn cut_short_is_truncated_with_a_position() {
    let err = parse("{\n  set: 'rs0',\n  members: [\n    {").unwrap_err();
    assert!(err.truncated);
    assert_eq!((err.line, err.column), (4, 6));
    assert!(parse("{ a: 'unterminated").unwrap_err().truncated);
    assert!(parse("{ a: ISODate(").unwrap_err().truncated);
}

#[test]
fn garbage_is_an_error_not_truncation() {
    let err = parse("{ a: 1 b: 2 }").unwrap_err();
    assert!(!err.truncated);
    assert_eq!(err.to_string(), "unexpected `b` at line 1, column 8");
    assert!(parse("{ a: 0x1F }").is_err());
    assert!(parse("}").is_err());
    assert!(parse("{ a: '\\u12' }").is_err());
}

#[test]
fn runaway_nesting_is_refused() {
    let deep = "[".repeat(10_000);
    assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e12..1.0e12f64).prop_map(Value::from),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".*", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn never_panics_on_random_text(text in ".*") {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_shell_like_text(text in r#"[{}\[\]()'",:a-zA-Z0-9 .\\$\-+\n/*]{0,80}"#) {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_truncated_fixtures(cut in 0usize..4000, which in 0usize..3) {
        let fixture = [
            include_str!("fixtures/legacy-4.0-primary-secondary.txt"),
            include_str!("fixtures/mongosh-one-unreachable.txt"),
            include_str!("fixtures/mongosh-ejson-canonical-secondary-lagging-25s.txt"),
        ][which];
        let end = fixture.char_indices().map(|(i, _)| i).find(|&i| i >= cut).unwrap_or(fixture.len());
        if let Err(e) = parse(&fixture[..end]) {
            prop_assert!(e.truncated, "{e}");
        }
    }

    #[test]
    fn reads_back_any_json(value in json_value()) {
        let text = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(parse(&text).unwrap(), value);
    }
}

#[test]
fn a_parse_error_reads_in_italian_and_stays_english_for_machines() {
    let err = parse("{ ok: 1,\n  members: [ ").unwrap_err();
    assert!(err.truncated);
    assert_eq!(
        err.to_string(),
        "output ends in the middle of a value at line 2, column 14"
    );
    assert_eq!(
        err.msg().in_lang(crate::i18n::Lang::It),
        "l'output finisce a metà di un valore alla riga 2, colonna 14"
    );
}
