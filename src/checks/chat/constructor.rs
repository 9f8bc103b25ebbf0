//! The JSON a shell value stands for: numbers written the JavaScript way, and constructor
//! calls such as `ISODate("…")`, `Timestamp(1, 2)`, `Long('8')`, in their Extended JSON shape.
//!
//! 64-bit and 32-bit integer wrappers become plain numbers (what a verdict compares);
//! dates, timestamps, ids and binaries keep their `$`-keyed shape for [`super::ejson`]. An
//! unknown constructor is kept as `{"$call": {"name", "args"}}` rather than refused: the
//! fields around it may still be all a verdict needs.

use serde_json::{json, Number, Value};

/// A JSON number from a JavaScript numeric token; `-Infinity` and the like become null.
pub fn number(token: &str) -> Option<Value> {
    let unsigned = token.trim_start_matches(['+', '-']);
    if unsigned == "Infinity" || unsigned == "NaN" {
        return Some(Value::Null);
    }
    let token = token.strip_prefix('+').unwrap_or(token);
    if let Ok(int) = token.parse::<i64>() {
        return Some(Value::from(int));
    }
    let float: f64 = token.parse().ok()?;
    Some(Number::from_f64(float).map_or(Value::Null, Value::Number))
}

/// The Extended JSON shape of a shell constructor call.
pub fn call(name: &str, mut args: Vec<Value>) -> Value {
    let first = args.first().cloned().unwrap_or(Value::Null);
    match name {
        "ISODate" | "Date" => json!({ "$date": first }),
        "Timestamp" => match (args.len(), first) {
            (1, Value::Object(ts)) => json!({ "$timestamp": ts }),
            _ => json!({ "$timestamp": { "t": args.first(), "i": args.get(1) } }),
        },
        "NumberLong" | "Long" | "NumberInt" | "Int32" | "Double" | "Number" => match &first {
            Value::String(s) => number(s.trim()).unwrap_or(first),
            _ => first,
        },
        "NumberDecimal" | "Decimal128" => json!({ "$numberDecimal": first }),
        "ObjectId" => json!({ "$oid": first }),
        "BinData" if args.len() == 2 => {
            let data = args.pop();
            json!({ "$binary": { "base64": data, "subType": args.pop() } })
        }
        _ => json!({ "$call": { "name": name, "args": args } }),
    }
}
