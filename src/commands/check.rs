//! `tvdr check NAME…`: run checks on the nodes and report in the chosen format.

use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use crate::checks::context::{Context, Options};
use crate::checks::registry::{self, CheckDef, CHECKS};
use crate::checks::{vip, Report};
use crate::cli::{CheckArgs, ReportFormat};
use crate::exit_code::Exit;
use crate::inventory::{self, Inventory};
use crate::output::{report, table, term};
use crate::transport::{Fleet, TtySecrets};

pub fn execute(
    inventory: Option<&Path>,
    state_dir: Option<&Path>,
    args: &CheckArgs,
) -> Result<i32> {
    if args.list {
        let mut t = table::new(&["check", "what it looks at"]);
        for check in CHECKS {
            t.add_row(vec![check.name, check.about]);
        }
        println!("{t}");
        return Ok(0);
    }
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let selected = select(&inv, &args.names)?;
    if args.master.is_some() && !selected.iter().any(|c| c.name == "vip") {
        return Err(Exit::Usage(
            "`--master` is an option of the `vip` check: name `vip` or `all`".into(),
        )
        .into());
    }
    let fleet = Fleet::new(
        inv.nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(TtySecrets),
    );
    let options = Options {
        exact: args.exact,
        state_dir: Some(crate::state::site_dir(state_dir, &inv.site)),
        expect: args.expect,
        resolve_here: args.resolve_here,
        master: args.master.clone().map(vip::Expected::Node),
        hosts_form: args.form,
        only: None,
    };
    let mut round = 0;
    loop {
        round += 1;
        // A fresh context each round: who is master, and every figure, asked again; the
        // SSH sessions of the fleet are kept.
        let cx = Context::new(&inv, &fleet, options.clone());
        let code = run_round(&cx, &inv, &selected, args);
        let Some(every) = args.watch else {
            return Ok(code);
        };
        if args.count.is_some_and(|count| round >= count) {
            return Ok(code);
        }
        std::thread::sleep(Duration::from_secs(every.max(1)));
        if term::color_stdout() {
            // Clear the screen and go home, like watch(1).
            print!("\x1b[2J\x1b[H");
        } else {
            println!();
        }
    }
}

fn run_round(
    cx: &Context,
    inv: &Inventory,
    selected: &[&'static CheckDef],
    args: &CheckArgs,
) -> i32 {
    let shown = args.format == ReportFormat::Human;
    // Every check at once, each in its own thread, their commands side by side on each
    // node's one session (a channel each): the node's slowest command (pg_dump) then
    // bounds the run, not the sum of them all. Rather than one batched script per node,
    // which would also run them one after the other and need to know master from slave
    // before it starts (measured in the commit that made sessions shared). Checks that
    // read another's result (the master from `vip`, `rpo` from `db`) wait for it through
    // the context's caches. The table keeps the registry's order.
    let reports: Vec<Report> = std::thread::scope(|scope| {
        let running: Vec<_> = selected
            .iter()
            .map(|check| scope.spawn(move || run_one(cx, check, shown)))
            .collect();
        running
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let unreachable = cx.unreachable();
    let color = term::color_stdout();
    let generated = Some(SystemTime::now());
    print!(
        "{}",
        report::render(args.format, &inv.site, &reports, generated, color)
    );
    if args.format == ReportFormat::Human {
        for (node, why) in &unreachable {
            eprintln!("error: `{node}`: {why}");
        }
    }
    report::exit_code(args.format, &reports, !unreachable.is_empty())
}

/// The checks named on the command line, in registry order; `all` is every check that
/// applies to this site (the others are named on stderr).
fn select(inv: &Inventory, names: &[String]) -> Result<Vec<&'static CheckDef>> {
    if names.iter().any(|n| n == "all") {
        let mut chosen = Vec::new();
        for check in CHECKS {
            match (check.applies)(inv) {
                Ok(()) => match registry::on_demand(check.name) {
                    None => chosen.push(check),
                    Some(why) => eprintln!("skipped {}: {why}", check.name),
                },
                Err(why) => eprintln!("skipped {}: {why}", check.name),
            }
        }
        return Ok(chosen);
    }
    let mut chosen = Vec::new();
    for check in CHECKS {
        if !names.iter().any(|n| n == check.name) {
            continue;
        }
        if let Err(why) = (check.applies)(inv) {
            return Err(Exit::Usage(format!("`{}` does not apply here: {why}", check.name)).into());
        }
        chosen.push(check);
    }
    if chosen.is_empty() {
        let known = registry::names().join(", ");
        return Err(Exit::Usage(format!("no check named; known: {known}, all")).into());
    }
    Ok(chosen)
}

/// Runs one check with a spinner naming it (shown only on a terminal); with `shown`, the
/// spinner is left as a line with the verdict the moment the check ends, before the table.
fn run_one(cx: &Context, check: &CheckDef, shown: bool) -> Report {
    let spinner = cx.progress.add(ProgressBar::new_spinner());
    spinner.set_style(
        ProgressStyle::with_template("{spinner} checking {msg}…")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    spinner.set_message(check.name);
    spinner.enable_steady_tick(Duration::from_millis(120));
    // Through the run's cache: a check read by another (`rpo` reads `db`) runs once.
    let report = cx.report(check.name, || (check.run)(cx));
    if shown {
        spinner.set_style(
            ProgressStyle::with_template("{msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        spinner.finish_with_message(format!(
            "{:<8} {}: {}",
            report.status.to_string(),
            check.name,
            report.summary
        ));
    } else {
        spinner.finish_and_clear();
    }
    report
}
