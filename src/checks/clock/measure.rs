//! One clock sample, NTP-style: the node's reading against this machine's clock read just
//! before (`t0`) and just after (`t1`) the command.
//!
//! The node read its clock somewhere between `t0` and `t1`; assuming the middle gives
//! `offset = remote − (t0 + t1) / 2`, wrong by at most `(t1 − t0) / 2` — plus a whole
//! second when the node's `date` has no nanoseconds.

use super::parse::Reading;

const NANOS: f64 = 1e9;

/// A node's clock relative to this machine's, in seconds, with its error bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Offset {
    /// Positive: the node is ahead of this machine.
    pub seconds: f64,
    /// The true offset is within `seconds ± uncertainty`.
    pub uncertainty: f64,
}

/// `t0` and `t1` in nanoseconds since the epoch, on this machine.
pub fn offset(t0: i128, remote: Reading, t1: i128) -> Offset {
    let middle = (t0 + t1) / 2;
    let mut uncertainty = (t1 - t0).max(0) as f64 / 2.0 / NANOS;
    let mut remote_nanos = remote.nanos;
    if !remote.precise {
        // A whole-second reading is up to 1 s behind: centre it and widen the bound.
        remote_nanos += 500_000_000;
        uncertainty += 0.5;
    }
    Offset {
        seconds: (remote_nanos - middle) as f64 / NANOS,
        uncertainty,
    }
}

/// The sample with the tightest bound: the first one pays for the SSH connection.
pub fn best(samples: impl IntoIterator<Item = Offset>) -> Option<Offset> {
    samples
        .into_iter()
        .min_by(|a, b| a.uncertainty.total_cmp(&b.uncertainty))
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i128 = 1_000_000_000;

    #[test]
    fn remote_in_the_middle_of_the_round_trip_is_in_sync() {
        let o = offset(
            100 * S,
            Reading {
                nanos: 100 * S + S / 10,
                precise: true,
            },
            100 * S + S / 5,
        );
        assert!(o.seconds.abs() < 1e-9, "{o:?}");
        assert!((o.uncertainty - 0.1).abs() < 1e-9);
    }

    #[test]
    fn ahead_node_has_a_positive_offset() {
        let o = offset(
            100 * S,
            Reading {
                nanos: 130 * S,
                precise: true,
            },
            100 * S,
        );
        assert!((o.seconds - 30.0).abs() < 1e-9);
        assert_eq!(o.uncertainty, 0.0);
    }

    #[test]
    fn whole_seconds_widen_the_bound() {
        let o = offset(
            100 * S,
            Reading {
                nanos: 100 * S,
                precise: false,
            },
            100 * S,
        );
        assert!((o.seconds - 0.5).abs() < 1e-9);
        assert!((o.uncertainty - 0.5).abs() < 1e-9);
    }

    #[test]
    fn best_is_the_tightest() {
        let a = Offset {
            seconds: 3.0,
            uncertainty: 1.5,
        };
        let b = Offset {
            seconds: 0.1,
            uncertainty: 0.002,
        };
        assert_eq!(best([a, b]), Some(b));
        assert_eq!(best([]), None);
    }
}
