//! The time axis of the picture: where an instant falls on the page, and ticks at round
//! times (every minute … every day) that a reader can count on, in UTC like the tables.

use std::time::{Duration, UNIX_EPOCH};

use crate::time::Timestamp;

/// Tick intervals tried in order; the first giving at most `MAX_TICKS` ticks is used.
const STEPS: &[u64] = &[
    60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
];
const MAX_TICKS: u64 = 8;

/// A linear scale from `[from, to]` onto `[left, right]` pixels.
pub struct Axis {
    pub from: Timestamp,
    pub to: Timestamp,
    pub left: f64,
    pub right: f64,
}

impl Axis {
    /// An axis over `from..to`; a run shorter than a minute is drawn over a minute, so
    /// one quick step does not fill the page.
    pub fn new(from: Timestamp, to: Timestamp, left: f64, right: f64) -> Axis {
        let to = if to.since(from) < Duration::from_secs(60) {
            Timestamp(from.0 + Duration::from_secs(60))
        } else {
            to
        };
        Axis {
            from,
            to,
            left,
            right,
        }
    }

    fn span(&self) -> f64 {
        self.to.since(self.from).as_secs_f64()
    }

    /// The x of an instant (instants outside the axis are clamped to its ends).
    pub fn x(&self, at: Timestamp) -> f64 {
        let offset = if at.0 < self.from.0 {
            0.0
        } else {
            at.since(self.from).as_secs_f64()
        };
        let ratio = (offset / self.span()).min(1.0);
        self.left + ratio * (self.right - self.left)
    }

    /// Round instants inside the axis, each with its label (`08:30`, or `03-14 08:30`
    /// when the run spans more than a day).
    pub fn ticks(&self) -> Vec<(Timestamp, String)> {
        let span = self.span();
        let step = STEPS
            .iter()
            .copied()
            .find(|s| span / *s as f64 <= MAX_TICKS as f64)
            .unwrap_or_else(|| (span as u64 / MAX_TICKS).max(1));
        let from = secs(self.from);
        let to = secs(self.to);
        let mut t = from.div_ceil(step) * step;
        let long = span > 86_400.0;
        let mut ticks = Vec::new();
        while t <= to {
            let at = Timestamp(UNIX_EPOCH + Duration::from_secs(t));
            ticks.push((at, label(at, long)));
            t += step;
        }
        ticks
    }
}

fn secs(at: Timestamp) -> u64 {
    at.0.duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

/// `HH:MM`, with the day (`MM-DD HH:MM`) when asked; UTC.
fn label(at: Timestamp, with_day: bool) -> String {
    let pattern = if with_day { "%m-%d %H:%M" } else { "%H:%M" };
    crate::time::rfc3339::format_utc(at.0, pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp(crate::time::rfc3339::parse(text).unwrap())
    }

    #[test]
    fn instants_fall_in_proportion_and_outside_ones_at_the_ends() {
        let axis = Axis::new(
            at("2026-03-14T08:00:00Z"),
            at("2026-03-14T09:00:00Z"),
            100.0,
            700.0,
        );
        assert_eq!(axis.x(at("2026-03-14T08:30:00Z")), 400.0);
        assert_eq!(axis.x(at("2026-03-14T07:00:00Z")), 100.0);
        assert_eq!(axis.x(at("2026-03-14T10:00:00Z")), 700.0);
    }

    #[test]
    fn ticks_are_round_and_few() {
        let axis = Axis::new(
            at("2026-03-14T08:03:10Z"),
            at("2026-03-14T09:20:00Z"),
            0.0,
            1.0,
        );
        let labels: Vec<String> = axis.ticks().into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            labels,
            ["08:10", "08:20", "08:30", "08:40", "08:50", "09:00", "09:10", "09:20"]
        );
    }

    #[test]
    fn a_run_over_days_names_the_day_and_a_short_one_gets_a_minute() {
        let axis = Axis::new(
            at("2026-03-14T22:00:00Z"),
            at("2026-03-16T02:00:00Z"),
            0.0,
            1.0,
        );
        let labels: Vec<String> = axis.ticks().into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            labels,
            [
                "03-15 00:00",
                "03-15 06:00",
                "03-15 12:00",
                "03-15 18:00",
                "03-16 00:00"
            ]
        );
        let short = Axis::new(
            at("2026-03-14T08:00:00Z"),
            at("2026-03-14T08:00:05Z"),
            0.0,
            60.0,
        );
        assert_eq!(short.x(at("2026-03-14T08:00:30Z")), 30.0);
    }
}
