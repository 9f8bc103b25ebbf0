//! Validated scalar values of the inventory: addresses, durations, percentages, names.
//!
//! Each type checks itself while it is deserialized, so a bad value is reported by the
//! YAML loader at its own line and column.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;
use std::time::Duration;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Msg;
use crate::msg;

/// Implements `Deserialize` through `FromStr` (so the error lands on the value's position)
/// and `Serialize` through `Display`.
macro_rules! string_value {
    ($ty:ty, $expecting:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = ScalarText::deserialize(deserializer)?;
                raw.0.parse().map_err(|err: Msg| {
                    de::Error::custom(format!("{err} (expected {})", $expecting))
                })
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    };
}

/// A scalar read as text whatever YAML typed it as (`22`, `1h`, `1.5`).
struct ScalarText(String);

impl<'de> Deserialize<'de> for ScalarText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = ScalarText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Where a node answers: an IP address or a DNS host name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Address {
    Ip(IpAddr),
    Name(String),
}

impl FromStr for Address {
    type Err = Msg;

    fn from_str(s: &str) -> Result<Self, Msg> {
        let s = s.trim();
        if let Ok(ip) = s.parse::<IpAddr>() {
            return Ok(Address::Ip(ip));
        }
        // Something made only of digits and dots was meant as an IPv4 address: do not
        // let `172.16.95.700` through as a host name.
        if s.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(msg!("value-not-ipv4", value = s));
        }
        if s.contains(':') {
            return Err(msg!("value-not-ipv6", value = s));
        }
        if is_host_name(s) {
            Ok(Address::Name(s.to_string()))
        } else {
            Err(msg!("value-not-address", value = s))
        }
    }
}

/// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
fn is_host_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.trim_end_matches('.').split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Address::Ip(ip) => write!(f, "{ip}"),
            Address::Name(name) => f.write_str(name),
        }
    }
}

string_value!(Address, "an IP address or host name");

/// A bastion to jump through (`ssh -J`): `[user@]host[:port]`, hops separated by commas.
/// ssh pastes it into a shell command, so it is checked as strictly as an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyJump(pub String);

impl FromStr for ProxyJump {
    type Err = Msg;

    fn from_str(s: &str) -> Result<Self, Msg> {
        let s = s.trim();
        crate::transport::check_proxy_jump(s)
            .map(|()| ProxyJump(s.to_owned()))
            .map_err(|_| msg!("value-not-jump-host", value = s))
    }
}

impl fmt::Display for ProxyJump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(
    ProxyJump,
    "`user@host` or `user@host:port`, hops separated by commas, no spaces or shell characters"
);

/// An IP address (the cluster node IP must be one: it is held on an interface).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ip(pub IpAddr);

impl FromStr for Ip {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Msg> {
        s.trim()
            .parse()
            .map(Ip)
            .map_err(|_| msg!("value-not-ip", value = s))
    }
}

impl fmt::Display for Ip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

string_value!(Ip, "an IP address such as 172.16.95.71");

/// A duration written the way people write them: `10s`, `5m`, `1h 30m`, `2h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span(pub Duration);

impl FromStr for Span {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Msg> {
        let s = s.trim();
        if s.chars().all(|c| c.is_ascii_digit()) {
            return Err(msg!("value-no-unit", value = s));
        }
        crate::time::duration::parse(s)
            .map(Span)
            .map_err(|err| msg!("value-not-duration", value = s, error = err.to_string()))
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::time::duration::format(self.0))
    }
}

string_value!(Span, "a duration such as 10s, 5m or 1h");

/// A percentage written with its sign: `1%`, `0.5%`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Percent(pub f64);

impl FromStr for Percent {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Msg> {
        let s = s.trim();
        let number = s
            .strip_suffix('%')
            .ok_or_else(|| msg!("value-needs-percent", value = s))?;
        match number.trim().parse::<f64>() {
            Ok(v) if (0.0..=100.0).contains(&v) => Ok(Percent(v)),
            _ => Err(msg!("value-not-percentage", value = s)),
        }
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

string_value!(Percent, "a percentage such as 1%");

/// The name of an environment variable exported on a node.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnvName(pub String);

impl FromStr for EnvName {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Msg> {
        let mut chars = s.chars();
        let valid = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        if valid {
            Ok(EnvName(s.to_string()))
        } else {
            Err(msg!("value-not-env-name", value = s))
        }
    }
}

impl fmt::Display for EnvName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(EnvName, "a name like PGHOST");

/// The site name: it becomes a directory name under the state directory.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SiteName(pub String);

impl FromStr for SiteName {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Msg> {
        let valid = !s.is_empty()
            && s.len() <= 64
            && !s.starts_with('.')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        if valid {
            Ok(SiteName(s.to_string()))
        } else {
            Err(msg!("value-not-site-name", value = s))
        }
    }
}

impl fmt::Display for SiteName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(SiteName, "a short name such as acme-milano");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            "172.16.95.70".parse::<Address>().unwrap().to_string(),
            "172.16.95.70"
        );
        assert_eq!("fe80::1".parse::<Address>().unwrap().to_string(), "fe80::1");
        assert!(matches!("tvox1.example.com".parse(), Ok(Address::Name(_))));
        assert!("172.16.95.700"
            .parse::<Address>()
            .unwrap_err()
            .contains("IPv4"));
        assert!("fe80::zz".parse::<Address>().unwrap_err().contains("IPv6"));
        assert!("bad host".parse::<Address>().is_err());
        assert!("-x.example".parse::<Address>().is_err());
        assert!("$(reboot)".parse::<Address>().is_err());
    }

    /// A value typed on the command line or in `tvdr init` is refused in the chosen
    /// language; the inventory loader (serde) gets the English.
    #[test]
    fn a_refused_value_reads_in_italian_and_serde_gets_english() {
        let why = "10".parse::<Span>().unwrap_err();
        assert_eq!(
            why.in_lang(crate::i18n::Lang::It),
            "`10` non ha unità: scrivi `10s`, `10m` o `10h`"
        );
        let yaml: Result<Span, _> = serde_json::from_str("\"10\"");
        assert!(yaml.unwrap_err().to_string().contains("`10` has no unit"));
    }

    #[test]
    fn durations_need_a_unit() {
        assert_eq!("10s".parse::<Span>().unwrap().0, Duration::from_secs(10));
        assert_eq!(
            "1h 30m".parse::<Span>().unwrap().0,
            Duration::from_secs(5400)
        );
        assert!("10".parse::<Span>().unwrap_err().contains("no unit"));
        assert!("soon".parse::<Span>().is_err());
    }

    #[test]
    fn percentages() {
        assert_eq!("1%".parse::<Percent>().unwrap().0, 1.0);
        assert_eq!("0.5 %".parse::<Percent>().unwrap().0, 0.5);
        assert!("1".parse::<Percent>().is_err());
        assert!("150%".parse::<Percent>().is_err());
    }

    #[test]
    fn site_names_are_safe_directory_names() {
        assert!("acme-milano".parse::<SiteName>().is_ok());
        assert!("../etc".parse::<SiteName>().is_err());
        assert!(".hidden".parse::<SiteName>().is_err());
        assert!("a b".parse::<SiteName>().is_err());
    }

    #[test]
    fn env_names() {
        assert!("PGHOST".parse::<EnvName>().is_ok());
        assert!("_X1".parse::<EnvName>().is_ok());
        assert!("1X".parse::<EnvName>().is_err());
        assert!("A-B".parse::<EnvName>().is_err());
    }
}
