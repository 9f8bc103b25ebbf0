//! Byte sizes: parsing what `du` prints (`4096`, `4.0K`, `1.2G`) and printing sizes for
//! people (`1.2 GiB`).

/// How `du` printed sizes without a suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuUnit {
    /// `du -b` / `--apparent-size --block-size=1`: exact bytes. What tvdr gathers.
    Bytes,
    /// Plain `du`: 1024-byte blocks of disk usage.
    Kibibytes,
    /// `du -h`: `4.0K`, `12M`, `1.2G` (powers of 1024, rounded *up*); below 1 KiB a plain
    /// byte count.
    Human,
}

/// A size as read from `du`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuSize {
    pub bytes: u64,
    /// False for `-h` sizes with a suffix: `du` rounded up, the true size is at most
    /// `bytes` and may be up to one unit of the last printed digit less.
    pub exact: bool,
}

/// Parses one size column. Suffixed values are accepted whatever `unit` says, since
/// technicians paste `du -h` output.
pub fn parse_du_size(token: &str, unit: DuUnit) -> Option<DuSize> {
    let token = token.trim();
    let (number, suffix) = match token.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&token[..i], Some(c)),
        _ => (token, None),
    };
    let Some(suffix) = suffix else {
        let n: u64 = number.parse().ok()?;
        let bytes = match unit {
            DuUnit::Kibibytes => n.checked_mul(1024)?,
            DuUnit::Bytes | DuUnit::Human => n,
        };
        return Some(DuSize { bytes, exact: true });
    };
    let power = "KMGTPE".find(suffix.to_ascii_uppercase())? as i32 + 1;
    // An Italian locale prints `1,2G`.
    let value: f64 = number.replace(',', ".").parse().ok()?;
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let bytes = (value * 1024f64.powi(power)).round();
    (bytes < u64::MAX as f64).then_some(DuSize {
        bytes: bytes as u64,
        exact: false,
    })
}

/// `1.2 GiB`, `512 B`: one decimal, binary units.
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn human(token: &str) -> Option<u64> {
        parse_du_size(token, DuUnit::Human).map(|s| s.bytes)
    }

    #[test]
    fn du_h_sizes_from_the_procedure() {
        assert_eq!(human("4.0K"), Some(4096));
        assert_eq!(human("288K"), Some(288 * 1024));
        assert_eq!(human("12M"), Some(12 * 1024 * 1024));
        assert_eq!(human("1.2G"), Some(1_288_490_189));
        assert_eq!(human("1.3T"), Some(1_429_365_116_109));
        assert_eq!(human("0"), Some(0));
        assert_eq!(human("512"), Some(512));
        assert_eq!(human("1,2G"), human("1.2G"));
        assert!(!parse_du_size("1.2G", DuUnit::Human).unwrap().exact);
    }

    #[test]
    fn plain_numbers_follow_the_unit() {
        assert_eq!(parse_du_size("8", DuUnit::Kibibytes).unwrap().bytes, 8192);
        let exact = parse_du_size("1288490189", DuUnit::Bytes).unwrap();
        assert_eq!(
            exact,
            DuSize {
                bytes: 1_288_490_189,
                exact: true
            }
        );
    }

    #[test]
    fn garbage_is_not_a_size() {
        for bad in ["", "K", "1.2X", "-4K", "abc", "1,2", "99999999999999999999"] {
            assert_eq!(parse_du_size(bad, DuUnit::Bytes), None, "{bad:?}");
        }
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(1023), "1023 B");
        assert_eq!(format_bytes(4096), "4.0 KiB");
        assert_eq!(format_bytes(1_288_490_189), "1.2 GiB");
        assert_eq!(format_bytes(u64::MAX), "16.0 EiB");
    }
}
