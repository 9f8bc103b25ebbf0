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
    let s = text.trim();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let separators_ok = s.get(4..5) == Some("-")
        && s.get(7..8) == Some("-")
        && matches!(s.get(10..11), Some("T" | "t" | " "))
        && s.get(13..14) == Some(":")
        && s.get(16..17) == Some(":");
    if !separators_ok || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut rest = &s[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        let padded = format!("{:0<3}", &fraction[..digits.min(3)]);
        millis = padded.parse().ok()?;
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            sign * (digits[..2].parse::<i64>().ok()? * 60 + digits[2..].parse::<i64>().ok()?)
        }
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
