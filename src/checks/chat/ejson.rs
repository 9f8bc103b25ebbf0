//! Reading numbers and dates out of every shape the mongo shells give them.
//!
//! The same `optimeDate` arrives as `"2026-03-02T10:15:40.000Z"` (legacy
//! `JSON.stringify`), `{"$date": "2026-03-02T10:15:40Z"}` (relaxed Extended JSON, and the
//! literal reader's `ISODate(…)`), or `{"$date": {"$numberLong": "1772446540000"}}`
//! (canonical). A 64-bit integer arrives as a number, `{"$numberLong": "8"}`, or the legacy
//! shell's `{"floatApprox": 8}`. These accessors accept them all.

use serde_json::Value;

/// An integer, from a number or any integer wrapper (floats with no fraction included).
pub fn int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| whole(n.as_f64()?)),
        Value::String(s) => s
            .trim()
            .parse()
            .ok()
            .or_else(|| whole(s.trim().parse().ok()?)),
        Value::Object(map) => ["$numberInt", "$numberLong", "$numberDouble", "floatApprox"]
            .iter()
            .find_map(|key| map.get(*key))
            .and_then(int),
        _ => None,
    }
}

/// `f` as an integer when it has no fraction and is exact in a double.
fn whole(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
}

/// A float, from a number or any numeric wrapper.
pub fn float(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Object(map) => ["$numberDouble", "$numberInt", "$numberLong", "floatApprox"]
            .iter()
            .find_map(|key| map.get(*key))
            .and_then(float),
        _ => None,
    }
}

/// Milliseconds since the Unix epoch, from a date in any of its shapes.
pub fn date_millis(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => iso_millis(s),
        Value::Object(map) => match map.get("$date")? {
            Value::String(s) => iso_millis(s),
            other => int(other),
        },
        _ => None,
    }
}

/// Milliseconds since the epoch of an ISO 8601 / RFC 3339 time such as
/// `2026-03-02T10:15:40.117Z`, `2026-03-02T11:15:40+01:00` or `2026-03-02 10:15:40`
/// (no zone means UTC, which is what mongod prints).
pub fn iso_millis(text: &str) -> Option<i64> {
    crate::time::rfc3339::parse_or_utc(text).map(|at| at.as_millisecond())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_in_every_wrapper() {
        for v in [
            json!(8),
            json!(8.0),
            json!("8"),
            json!({"$numberLong": "8"}),
            json!({"$numberInt": "8"}),
            json!({"$numberDouble": "8.0"}),
            json!({"floatApprox": 8}),
        ] {
            assert_eq!(int(&v), Some(8), "{v}");
        }
        assert_eq!(int(&json!(1.5)), None);
        assert_eq!(int(&json!({"$date": 1})), None);
    }

    #[test]
    fn floats_in_every_wrapper() {
        assert_eq!(float(&json!({"$numberDouble": "1.0"})), Some(1.0));
        assert_eq!(float(&json!(0)), Some(0.0));
        assert_eq!(float(&json!(true)), Some(1.0));
    }

    #[test]
    fn dates_in_every_shape() {
        let want = Some(1_772_446_540_000);
        assert_eq!(date_millis(&json!("2026-03-02T10:15:40.000Z")), want);
        assert_eq!(date_millis(&json!({"$date": "2026-03-02T10:15:40Z"})), want);
        assert_eq!(
            date_millis(&json!({"$date": {"$numberLong": "1772446540000"}})),
            want
        );
        assert_eq!(date_millis(&json!({"$date": 1_772_446_540_000_i64})), want);
        assert_eq!(
            date_millis(&json!({"$date": "1970-01-01T00:00:00.000Z"})),
            Some(0)
        );
    }

    #[test]
    fn iso_fractions_and_offsets() {
        assert_eq!(
            iso_millis("2026-03-02T10:15:42.117Z"),
            Some(1_772_446_542_117)
        );
        assert_eq!(
            iso_millis("2026-03-02T10:15:42.1Z"),
            Some(1_772_446_542_100)
        );
        assert_eq!(
            iso_millis("2026-03-02T10:15:42.117999Z"),
            Some(1_772_446_542_117)
        );
        assert_eq!(
            iso_millis("2026-03-02T11:15:40+01:00"),
            Some(1_772_446_540_000)
        );
        assert_eq!(
            iso_millis("2026-03-02T11:15:40+0100"),
            Some(1_772_446_540_000)
        );
        assert_eq!(iso_millis("2026-03-02 10:15:40"), Some(1_772_446_540_000));
        assert_eq!(iso_millis("2000-02-29T00:00:00Z"), Some(951_782_400_000));
    }

    #[test]
    fn iso_rejects_what_is_not_a_time() {
        for bad in [
            "",
            "2026-03-02",
            "2026/03/02T10:15:40Z",
            "2026-13-02T10:15:40Z",
            "2026-03-02T10:15:40 CET",
            "２026-03-02T10:15:40Z",
        ] {
            assert_eq!(iso_millis(bad), None, "{bad}");
        }
    }
}
