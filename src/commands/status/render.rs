//! The status screen for a person: a header line, the nodes, the node IP and sync states
//! with coloured status words, snapshot reminders, open runs, then what went wrong.

use std::fmt::Write as _;

use super::Screen;
use crate::checks::Status;
use crate::t;

/// Longest figure shown on a state line.
const FIGURE_WIDTH: usize = 80;

pub fn human(screen: &Screen, color: bool, watching: bool) -> String {
    let mut out = String::new();
    let mode = match &screen.node_ip {
        Some(ip) => t!("status-ft-cluster", ip = ip.to_string()),
        None => t!("status-stand-alone"),
    };
    let _ = write!(
        out,
        "{} · TVox {} · {mode}",
        screen.site, screen.tvox_version
    );
    if watching {
        let _ = write!(out, " · {}", screen.generated_at);
    }
    let _ = writeln!(out, " · {}", paint(screen.status, color));
    out.push('\n');

    let mut rows = vec![cells(&[
        &t!("status-col-node"),
        &t!("status-col-address"),
        &t!("status-col-reachable"),
        &t!("status-col-uptime"),
        &t!("status-col-role"),
    ])];
    for n in &screen.nodes {
        rows.push(vec![
            plain(&n.name),
            plain(&n.address),
            match n.reachable {
                true => plain(&t!("status-reachable-yes")),
                false => (t!("status-reachable-no"), Some(Status::Crit)),
            },
            plain(&n.uptime_seconds.map_or("-".to_string(), uptime)),
            plain(n.role.unwrap_or("?")),
        ]);
    }
    out.push_str(&columns(&rows, color));
    out.push('\n');

    let holder = &screen.node_ip_holder;
    let mut rows = vec![state_row(
        &t!("status-node-ip"),
        holder.status,
        holder.figure.shown(),
    )];
    if screen.sync.is_empty() {
        rows.push(vec![
            plain(&t!("status-sync")),
            plain("-"),
            plain(&t!("status-nothing-replicates")),
        ]);
    }
    for line in &screen.sync {
        rows.push(state_row(&line.name, line.status, line.figure.shown()));
    }
    // Reminders in the same column of state words: the eye reads down one column.
    if screen.snapshots.is_empty() {
        rows.push(state_row(
            &t!("status-snapshots"),
            Status::Ok,
            &t!("status-no-snapshots"),
        ));
    }
    for s in &screen.snapshots {
        let (status, when) = match s.overdue {
            true => (
                Status::Warn,
                t!("status-snapshot-old", days = s.age_seconds / 86_400),
            ),
            false => (
                Status::Ok,
                t!("status-snapshot-delete-by", date = s.delete_by.to_string()),
            ),
        };
        let text = format!("{} `{}` {when}", s.node, s.name);
        rows.push(state_row(&t!("status-snapshot"), status, &text));
    }
    if screen.runs.is_empty() {
        rows.push(vec![
            plain(&t!("status-runs")),
            plain("-"),
            plain(&t!("status-no-runs")),
        ]);
    }
    for run in &screen.runs {
        let next = run.next_step.as_deref().unwrap_or("-");
        let text = t!(
            "status-run-next",
            runbook = run.runbook.as_str(),
            run = run.run_id.as_str(),
            next = next
        );
        rows.push(vec![
            plain(&t!("status-run")),
            plain(&t!("status-run-open")),
            plain(&text),
        ]);
    }
    out.push_str(&columns(&rows, color));

    let errors: Vec<_> = screen
        .nodes
        .iter()
        .filter_map(|n| Some((&n.name, n.error.as_ref()?)))
        .collect();
    if !errors.is_empty() {
        out.push('\n');
        for (node, why) in errors {
            let mut lines = why.shown().lines();
            let _ = writeln!(out, "{node}: {}", clean(lines.next().unwrap_or("")));
            for more in lines {
                let _ = writeln!(out, "  {}", clean(more));
            }
        }
    }
    out
}

type Cell = (String, Option<Status>);

fn plain(text: &str) -> Cell {
    (clean(text), None)
}

fn cells(texts: &[&str]) -> Vec<Cell> {
    texts.iter().map(|t| plain(t)).collect()
}

fn state_row(name: &str, status: Status, figure: &str) -> Vec<Cell> {
    vec![
        plain(name),
        (status.as_str().to_string(), Some(status)),
        plain(&short(figure)),
    ]
}

/// Left-aligned columns two spaces apart; a status cell is coloured after padding is
/// computed, so colour codes do not count as width.
fn columns(rows: &[Vec<Cell>], color: bool) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|(t, _)| t.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, (text, status)) in row.iter().enumerate() {
            let pad = widths[i].saturating_sub(text.chars().count());
            match status {
                Some(s) => line.push_str(&colored(text, *s, color)),
                None => line.push_str(text),
            }
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The status word, coloured like `tvdr check`'s tables when `color`.
fn paint(status: Status, color: bool) -> String {
    colored(status.as_str(), status, color)
}

/// `text` in the colour of `status` when `color`.
fn colored(text: &str, status: Status, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = match status {
        Status::Ok => 32,
        Status::Warn => 33,
        Status::Crit => 31,
        Status::Unknown => 35,
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// The first line of `text`, cut to `FIGURE_WIDTH` characters: one screen, one line each
/// (the whole text is in `tvdr check` and in `--format json`).
fn short(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    if first.chars().count() <= FIGURE_WIDTH {
        return first.to_string();
    }
    let cut: String = first.chars().take(FIGURE_WIDTH - 1).collect();
    format!("{}…", cut.trim_end())
}

/// `3d 4h`, `2h 5m`, `7m 3s`, `42s`: the two largest units.
fn uptime(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h"),
    }
}

/// Remote text must not move the cursor or repaint the terminal.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{short, uptime};

    #[test]
    fn figures_are_one_short_line() {
        assert_eq!(short("a\nhint: b"), "a");
        let long = "x".repeat(100);
        assert_eq!(short(&long).chars().count(), 80);
        assert!(short(&long).ends_with('…'));
    }

    #[test]
    fn uptime_in_two_units() {
        assert_eq!(uptime(42), "42s");
        assert_eq!(uptime(423), "7m 3s");
        assert_eq!(uptime(7_500), "2h 5m");
        assert_eq!(uptime(273_600), "3d 4h");
    }
}
