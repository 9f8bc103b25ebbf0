//! Instants as RFC 3339 text: written in UTC (`2024-05-06T07:30:00Z`), read with the zone
//! people type (`…+02:00`, `…+0200`, a space for the `T`).

use std::time::SystemTime;

use jiff::civil::DateTime;
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;

/// `2024-05-06T07:30:00Z`: UTC, whole seconds.
pub fn format_seconds(time: SystemTime) -> String {
    format!("{:.0}", instant(time))
}

/// `2024-05-06T07:30:00.250Z`: UTC, always three decimals, so journal lines line up.
pub fn format_millis(time: SystemTime) -> String {
    format!("{:.3}", instant(time))
}

/// `2024-05-06T07:30:00Z` for seconds since the epoch (a file's mtime); `None` past the
/// years RFC 3339 can write (0000-9999).
pub fn format_epoch(seconds: i64) -> Option<String> {
    jiff::Timestamp::from_second(seconds)
        .ok()
        .map(|at| format!("{at:.0}"))
}

/// `time` formatted in UTC with a `strftime` pattern (`%H:%M`).
pub fn format_utc(time: SystemTime, pattern: &str) -> String {
    instant(time).strftime(pattern).to_string()
}

/// Reads an RFC 3339 time with its zone (`Z` or `±HH:MM`); a time without one is refused
/// rather than guessed.
pub fn parse(text: &str) -> Result<SystemTime, String> {
    let text = text.trim();
    let bad = |why: &str| {
        format!("`{text}` is not an RFC 3339 time ({why}), e.g. 2024-05-06T09:30:00+02:00")
    };
    let (local, offset) = pieces(text).map_err(|e| bad(&e))?;
    let offset = offset.ok_or_else(|| bad("no time zone: add Z or +HH:MM"))?;
    offset
        .to_timestamp(local)
        .ok()
        .and_then(|at| SystemTime::try_from(at).ok())
        .ok_or_else(|| bad("out of range"))
}

/// Reads an RFC 3339 time whose zone may be left out, meaning UTC (as mongod prints it).
pub fn parse_or_utc(text: &str) -> Option<jiff::Timestamp> {
    let (local, offset) = pieces(text.trim()).ok()?;
    offset.unwrap_or(Offset::UTC).to_timestamp(local).ok()
}

/// The date and time of day, and the zone's offset if one is written.
fn pieces(text: &str) -> Result<(DateTime, Option<Offset>), String> {
    let pieces = Pieces::parse(text).map_err(|e| e.to_string())?;
    let time = pieces.time().ok_or("no time of day")?;
    Ok((pieces.date().to_datetime(time), pieces.to_numeric_offset()))
}

/// The jiff instant of `time`; times beyond jiff's range (years past 9999) are clamped.
fn instant(time: SystemTime) -> jiff::Timestamp {
    jiff::Timestamp::try_from(time).unwrap_or(if time > SystemTime::UNIX_EPOCH {
        jiff::Timestamp::MAX
    } else {
        jiff::Timestamp::MIN
    })
}

/// `#[serde(with = "crate::time::rfc3339::serde")]` for `SystemTime` fields.
pub mod serde {
    use std::time::SystemTime;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &SystemTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format_seconds(*time))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SystemTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn utc(text: &str) -> SystemTime {
        parse(text).unwrap()
    }

    #[test]
    fn zones_are_applied() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_714_980_600);
        assert_eq!(parse("2024-05-06T07:30:00Z").unwrap(), t);
        assert_eq!(parse("2024-05-06T09:30:00+02:00").unwrap(), t);
        assert_eq!(parse("2024-05-06 09:30:00+0200").unwrap(), t);
        assert_eq!(parse("2024-05-06T02:30:00-05:00").unwrap(), t);
        assert_eq!(
            parse("2024-05-06T07:30:00.250z").unwrap(),
            t + Duration::from_millis(250)
        );
        assert_eq!(format_seconds(t), "2024-05-06T07:30:00Z");
    }

    #[test]
    fn a_time_without_a_zone_is_refused_not_guessed() {
        let err = parse("2024-05-06T09:30:00").unwrap_err();
        assert!(err.contains("no time zone"), "{err}");
        assert!(parse("2024-05-06").is_err());
        assert!(parse("yesterday").is_err());
        // jiff takes offsets up to ±25:59 as Temporal does; beyond is nonsense.
        assert!(parse("2024-05-06T09:30:00+26:00").is_err());
    }

    #[test]
    fn written_in_utc_to_the_second_or_the_millisecond() {
        let t = utc("2024-05-06T09:30:00.25+02:00");
        assert_eq!(format_seconds(t), "2024-05-06T07:30:00Z");
        assert_eq!(format_millis(t), "2024-05-06T07:30:00.250Z");
        assert_eq!(
            format_millis(utc("2024-05-06T07:30:00Z")),
            "2024-05-06T07:30:00.000Z"
        );
        assert_eq!(format_utc(t, "%m-%d %H:%M"), "05-06 07:30");
        assert_eq!(format_epoch(1_714_980_600).unwrap(), "2024-05-06T07:30:00Z");
        assert_eq!(format_epoch(i64::MAX), None);
    }

    #[test]
    fn the_last_instant_jiff_holds_reads_and_writes_and_later_is_refused_or_clamped() {
        // jiff keeps a day's margin below 10000-01-01 so every offset can write it.
        let last = utc("9999-12-30T22:00:00Z");
        assert_eq!(format_seconds(last), "9999-12-30T22:00:00Z");
        assert!(parse("9999-12-31T23:30:00-01:00").is_err());
        let later = last + Duration::from_secs(7200);
        assert_eq!(format_seconds(later), "9999-12-30T22:00:00Z");
    }

    #[test]
    fn a_zone_left_out_is_utc_where_that_is_the_convention() {
        let t = parse_or_utc("2026-03-02 10:15:40").unwrap();
        assert_eq!(Some(t), parse_or_utc("2026-03-02T11:15:40+01:00"));
        assert_eq!(t.as_second(), 1_772_446_540);
        assert!(parse_or_utc("2026-13-02 10:15:40").is_none());
    }
}
