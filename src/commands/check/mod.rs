//! `tvdr check NAME…`: run checks on the nodes and report in the chosen format; with
//! `--sites`, on every site of a directory ([`sites`]).

mod about;
mod round;
mod sites;

use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::Result;

use crate::checks::context::Context;
use crate::checks::registry::{CheckDef, CHECKS};
use crate::cli::{CheckArgs, ReportFormat};
use crate::exit_code::Exit;
use crate::inventory::{self, Inventory};
use crate::output::{report, table, term};
use crate::t;
use crate::transport::{Fleet, TtySecrets};

pub fn execute(
    inventory: Option<&Path>,
    state_dir: Option<&Path>,
    args: &CheckArgs,
) -> Result<i32> {
    if args.list {
        let headings = [t!("checks-col-check"), t!("check-col-about")];
        let mut t = table::new(&[&headings[0], &headings[1]]);
        for check in CHECKS {
            t.add_row(vec![
                check.name.to_string(),
                about::about(check, crate::i18n::lang()),
            ]);
        }
        println!("{t}");
        return Ok(0);
    }
    if let Some(dir) = &args.sites {
        if inventory.is_some() {
            eprintln!("{}", t!("sites-inventory-ignored"));
        }
        return sites::execute(dir, state_dir, args);
    }
    crate::trace::mark(|| "arguments parsed".to_owned());
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    crate::trace::mark(|| "inventory loaded".to_owned());
    let selection = round::select(&inv, &args.names, true)?;
    for (name, why) in &selection.skipped {
        eprintln!(
            "{}",
            crate::t!("check-skipped", name = name.to_string(), why = why.shown())
        );
    }
    let selected = selection.checks;
    if args.master.is_some() && !selected.iter().any(|c| c.name == "vip") {
        return Err(Exit::Usage(t!("check-master-needs-vip")).into());
    }
    let fleet = Fleet::new(
        inv.nodes.iter().map(|n| n.target.clone()).collect(),
        Box::new(TtySecrets),
    )
    .keeping(crate::commands::keep::keep_for(&inv, state_dir));
    let options = round::options(&inv, state_dir, args);
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

fn run_round(cx: &Context, inv: &Inventory, checks: &[&'static CheckDef], args: &CheckArgs) -> i32 {
    let reports = round::run(cx, checks, args.format == ReportFormat::Human);
    crate::trace::mark(|| "checks judged".to_owned());
    let unreachable = cx.unreachable();
    let color = term::color_stdout();
    let generated = Some(SystemTime::now());
    print!(
        "{}",
        report::render(args.format, &inv.site, &reports, generated, color)
    );
    crate::trace::mark(|| "report written".to_owned());
    if args.format == ReportFormat::Human {
        for (node, why) in &unreachable {
            eprintln!(
                "{}",
                crate::t!("error-line", message = format!("`{node}`: {}", why.shown()))
            );
        }
    }
    report::exit_code(args.format, &reports, !unreachable.is_empty())
}
