//! Timestamps in journals and reports: RFC 3339 UTC with milliseconds, readable by people
//! and by `jq`.

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
        let offset = Duration::try_from_secs_f64(seconds).unwrap_or(Duration::ZERO);
        Timestamp(
            SystemTime::UNIX_EPOCH
                .checked_add(offset)
                .unwrap_or(SystemTime::UNIX_EPOCH),
        )
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", humantime::format_rfc3339_millis(self.0))
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
        humantime::parse_rfc3339_weak(&text)
            .map(Timestamp)
            .map_err(serde::de::Error::custom)
    }
}
