//! `tvdr status`: one screen a technician reads in five seconds — site, nodes (reachable,
//! uptime, role), who holds the node IP, each sync state as a coloured word with its
//! figure, snapshot reminders and open runbook runs. `--watch` refreshes it.
//!
//! The screen is built from the same checks as `tvdr check` (through one [`Context`], so
//! each node gets one SSH session for the whole screen, and across `--watch` refreshes).

mod figure;
mod gather;
mod render;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

pub use figure::figure;
pub use gather::{gather, open_runs, NodeLine, OpenRun, Screen, SyncLine};

use crate::checks::context::{Context, Options};
use crate::cli::{Format, StatusArgs};
use crate::inventory::{self, Inventory};
use crate::output::report::{self, Format as ReportFormat};
use crate::output::term;
use crate::transport::{Fleet, TtySecrets};

/// Clears a terminal and puts the cursor home, so each refresh replaces the last.
const CLEAR: &str = "\x1b[2J\x1b[H";

pub fn execute(
    inventory: Option<&Path>,
    state_dir: Option<&Path>,
    runbooks: Option<&Path>,
    args: &StatusArgs,
) -> Result<i32> {
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let fleet = Fleet::new(
        inv.nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(TtySecrets),
    )
    .keeping(crate::commands::keep::keep_for(&inv, state_dir));
    let dir = crate::state::site_dir(state_dir, &inv.site);
    // A terminal that can clear its screen (`TERM=dumb` cannot: it would print the codes).
    let tty = std::io::stdout().is_terminal() && term::can_redraw();
    let color = term::color_stdout();
    let mut shown = 0u64;
    loop {
        let options = Options {
            state_dir: Some(dir.clone()),
            ..Options::default()
        };
        // A new context per screen: fresh reports, the same sessions.
        let cx = Context::new(&inv, &fleet, options);
        let screen = gather(&cx, &dir, runbooks);
        let unreachable = cx.unreachable();
        let code = report::exit_code(
            ReportFormat::Human,
            &screen.reports,
            !unreachable.is_empty(),
        );
        let text = match args.format {
            Format::Human => render::human(&screen, color, args.watch.is_some()),
            Format::Json => format!("{}\n", serde_json::to_string_pretty(&screen)?),
        };
        let mut out = std::io::stdout().lock();
        if args.watch.is_some() && tty && args.format == Format::Human {
            out.write_all(CLEAR.as_bytes())?;
        } else if shown > 0 {
            // Successive screens in a log or a pipe, told apart by a blank line.
            out.write_all(b"\n")?;
        }
        out.write_all(text.as_bytes())?;
        out.flush()?;
        drop(out);
        shown += 1;
        let Some(every) = args.watch else {
            return Ok(code);
        };
        if args.count.is_some_and(|n| shown >= n) {
            return Ok(code);
        }
        // A node that was down gets another chance at the next refresh.
        for node in unreachable.keys() {
            fleet.reset(node);
        }
        std::thread::sleep(Duration::from_secs(every));
    }
}
