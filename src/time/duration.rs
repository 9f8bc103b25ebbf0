//! Durations as people write them: `10s`, `5m`, `1h 30m`, `30d` (a day is 24 hours here:
//! timeouts and retention periods, not calendar days).

use std::time::Duration;

use jiff::{Span, SpanRelativeTo, SpanRound, Unit};

/// `1h 30m`, `2d 3h`, `500ms`, `0s`: largest unit days, nothing left out.
pub fn format(d: Duration) -> String {
    let Ok(span) = Span::try_from(d) else {
        // Beyond jiff's span (tens of thousands of years): the seconds say it all.
        return format!("{}s", d.as_secs());
    };
    let rounding = SpanRound::new().largest(Unit::Day).days_are_24_hours();
    let span = span.round(rounding).unwrap_or(span);
    format!("{span:#}")
}

/// Reads `10s`, `5m`, `1h 30m`, `2 hours`, `30d` (or ISO 8601's `PT1H30M`).
pub fn parse(text: &str) -> Result<Duration, String> {
    let span: Span = text
        .trim()
        .parse()
        .map_err(|e: jiff::Error| e.to_string())?;
    let signed = span
        .to_duration(SpanRelativeTo::days_are_24_hours())
        .map_err(|e| e.to_string())?;
    Duration::try_from(signed).map_err(|_| "a duration cannot be negative".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_with_the_largest_units_first() {
        let cases = [
            (0, "0s"),
            (5, "5s"),
            (90, "1m 30s"),
            (5400, "1h 30m"),
            (30 * 86_400, "30d"),
            (86_400 + 3661, "1d 1h 1m 1s"),
        ];
        for (secs, text) in cases {
            assert_eq!(format(Duration::from_secs(secs)), text);
        }
        assert_eq!(format(Duration::from_millis(1500)), "1s 500ms");
    }

    #[test]
    fn read_as_people_write_them() {
        let cases = [
            ("10s", 10),
            ("5m", 300),
            ("1h 30m", 5400),
            ("1h30m", 5400),
            ("2 hours", 7200),
            ("30d", 30 * 86_400),
            ("PT1H", 3600),
            // humantime's spellings, which inventories written before jiff may use.
            ("1day", 86_400),
            ("30min", 1800),
            ("2hours 5mins", 7500),
            ("3sec", 3),
        ];
        for (text, secs) in cases {
            assert_eq!(parse(text), Ok(Duration::from_secs(secs)), "{text}");
        }
        assert_eq!(parse("250ms"), Ok(Duration::from_millis(250)));
        for bad in ["", "soon", "5 parsecs", "-5s", "1y"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn what_is_written_reads_back() {
        for secs in [1, 59, 61, 3599, 86_399, 90_061, 7 * 86_400] {
            let d = Duration::from_secs(secs);
            assert_eq!(parse(&format(d)), Ok(d));
        }
    }
}
