//! Parsing `date +%s.%N`: a node's clock as seconds and nanoseconds since the epoch.

use crate::i18n::Msg;
use crate::msg;

/// A node's clock reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Nanoseconds since the Unix epoch.
    pub nanos: i128,
    /// `false` when the node's `date` has no `%N` (it prints `%N` or nothing after the
    /// dot): the reading is then the whole second, up to one second behind the truth.
    pub precise: bool,
}

pub fn parse(output: &str) -> Result<Reading, Msg> {
    let text = output.trim();
    let (seconds, fraction) = text.split_once('.').unwrap_or((text, ""));
    // An `i64` of seconds, as `time_t` is: anything wider is not a clock, and in
    // nanoseconds it would overflow even an `i128` (found by fuzzing).
    let seconds: i64 = seconds
        .parse()
        .map_err(|_| msg!("clock-not-a-time", text = text))?;
    let nanos = i128::from(seconds) * 1_000_000_000;
    let digits = !fraction.is_empty() && fraction.chars().all(|c| c.is_ascii_digit());
    if !digits {
        return Ok(Reading {
            nanos,
            precise: false,
        });
    }
    // Nine digits from GNU date; pad or cut anything else to nanoseconds.
    let padded: String = fraction
        .chars()
        .chain(std::iter::repeat('0'))
        .take(9)
        .collect();
    let fraction: i128 = padded
        .parse()
        .map_err(|_| msg!("clock-bad-fraction", text = text))?;
    Ok(Reading {
        nanos: nanos + fraction,
        precise: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gnu_date_has_nanoseconds() {
        let r = parse(include_str!("fixtures/gnu-date.txt")).unwrap();
        assert_eq!(r.nanos, 1_732_230_153_412_087_315);
        assert!(r.precise);
    }

    #[test]
    fn a_date_without_percent_n_gives_whole_seconds() {
        for text in [
            include_str!("fixtures/percent-n-unsupported.txt"),
            include_str!("fixtures/seconds-only-crlf.txt"),
        ] {
            let r = parse(text).unwrap();
            assert_eq!(r.nanos, 1_732_230_153_000_000_000);
            assert!(!r.precise);
        }
    }

    #[test]
    fn seconds_past_an_i64_are_not_a_time_and_do_not_overflow() {
        let err = parse(include_str!("fixtures/seconds-past-i64.txt")).unwrap_err();
        assert!(err.contains("not a time"), "{err}");
        let r = parse("-9223372036854775808.999999999").unwrap();
        assert_eq!(
            r.nanos,
            -9_223_372_036_854_775_808_000_000_000 + 999_999_999
        );
    }

    #[test]
    fn short_fraction_and_garbage() {
        assert_eq!(parse("5.25").unwrap().nanos, 5_250_000_000);
        assert!(parse("").is_err());
        assert!(parse("date: invalid format").is_err());
    }
}
