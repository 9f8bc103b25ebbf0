//! RFC 3339 times as people type them: `2024-05-06T09:30:00Z`, `…+02:00`, a space for
//! the `T`. humantime reads only the UTC form, so an offset is split off and applied here.

use std::time::{Duration, SystemTime};

/// `2024-05-06T07:30:00Z`: UTC, whole seconds.
pub fn format_rfc3339(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

/// Reads an RFC 3339 time with its zone (`Z` or `±HH:MM`); a time without one is refused
/// rather than guessed.
pub fn parse_rfc3339(text: &str) -> Result<SystemTime, String> {
    let text = text.trim();
    let bad = |why: &str| {
        format!("`{text}` is not an RFC 3339 time ({why}), e.g. 2024-05-06T09:30:00+02:00")
    };
    let (local, offset) = split_zone(text).ok_or_else(|| bad("no time zone: add Z or +HH:MM"))?;
    let local = humantime::parse_rfc3339_weak(local).map_err(|e| bad(&e.to_string()))?;
    let shifted = if offset >= 0 {
        local.checked_sub(Duration::from_secs(offset.unsigned_abs()))
    } else {
        local.checked_add(Duration::from_secs(offset.unsigned_abs()))
    };
    // humantime reads years up to 9999 and cannot write a later one (its `Display`
    // fails, a panic in `to_string`): `9999-12-31T23:30:00-01:00` is such a time.
    let last = SystemTime::UNIX_EPOCH + Duration::from_secs(253_402_300_799);
    shifted
        .filter(|t| *t <= last)
        .ok_or_else(|| bad("out of range"))
}

/// The local part and the zone's offset east of UTC in seconds.
fn split_zone(text: &str) -> Option<(&str, i64)> {
    if let Some(local) = text.strip_suffix(['Z', 'z']) {
        return Some((local, 0));
    }
    // `+HH:MM` or `+HHMM` after the seconds (the date's own `-` are further left).
    let at = text.rfind(['+', '-'])?;
    let (local, zone) = text.split_at(at);
    if !local.contains(['T', 't', ' ']) {
        return None;
    }
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some((local, sign * (hours * 3600 + minutes * 60)))
}

/// `#[serde(with = "rfc3339::serde")]` for `SystemTime` fields.
pub mod serde {
    use std::time::SystemTime;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &SystemTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format_rfc3339(*time))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SystemTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> SystemTime {
        humantime::parse_rfc3339(text).unwrap()
    }

    #[test]
    fn zones_are_applied() {
        let t = utc("2024-05-06T07:30:00Z");
        assert_eq!(parse_rfc3339("2024-05-06T07:30:00Z").unwrap(), t);
        assert_eq!(parse_rfc3339("2024-05-06T09:30:00+02:00").unwrap(), t);
        assert_eq!(parse_rfc3339("2024-05-06 09:30:00+0200").unwrap(), t);
        assert_eq!(parse_rfc3339("2024-05-06T02:30:00-05:00").unwrap(), t);
        assert_eq!(
            parse_rfc3339("2024-05-06T07:30:00.250z").unwrap(),
            t + Duration::from_millis(250)
        );
        assert_eq!(format_rfc3339(t), "2024-05-06T07:30:00Z");
    }

    #[test]
    fn a_time_without_a_zone_is_refused_not_guessed() {
        let err = parse_rfc3339("2024-05-06T09:30:00").unwrap_err();
        assert!(err.contains("no time zone"), "{err}");
        assert!(parse_rfc3339("2024-05-06").is_err());
        assert!(parse_rfc3339("yesterday").is_err());
        assert!(parse_rfc3339("2024-05-06T09:30:00+25:00").is_err());
    }
}
