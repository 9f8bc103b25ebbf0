//! Timestamps in journals and reports: RFC 3339 UTC with milliseconds, readable by people
//! and by `jq`.

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::rfc3339;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub SystemTime);

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp(SystemTime::now())
    }

    /// Time from `earlier` to this one (zero if the clock went backwards).
    pub fn since(self, earlier: Timestamp) -> Duration {
        self.0.duration_since(earlier.0).unwrap_or(Duration::ZERO)
    }

    /// Seconds since the epoch (a node's `date +%s.%N`); a negative or absurd value is
    /// the epoch itself.
    pub fn from_epoch(seconds: f64) -> Timestamp {
        let at = jiff::SignedDuration::try_from_secs_f64(seconds)
            .ok()
            .and_then(|d| jiff::Timestamp::from_duration(d).ok())
            .and_then(|t| SystemTime::try_from(t).ok())
            .filter(|t| *t >= SystemTime::UNIX_EPOCH);
        Timestamp(at.unwrap_or(SystemTime::UNIX_EPOCH))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rfc3339::format_millis(self.0))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        rfc3339::parse(&text)
            .map(Timestamp)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_goes_to_text_and_back() {
        let at = Timestamp::from_epoch(1_700_000_000.5);
        assert_eq!(at.to_string(), "2023-11-14T22:13:20.500Z");
        let json = serde_json::to_string(&at).unwrap();
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), at);
    }

    #[test]
    fn an_absurd_epoch_is_the_epoch() {
        for seconds in [-5.0, f64::NAN, f64::INFINITY, 1e30] {
            assert_eq!(
                Timestamp::from_epoch(seconds),
                Timestamp(SystemTime::UNIX_EPOCH)
            );
        }
    }
}
