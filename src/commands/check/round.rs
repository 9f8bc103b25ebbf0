//! One round of checks on one site: which checks apply, and running them all at once.
//! Shared by the single-site command and `--sites`; prints nothing but spinners.

use std::time::Duration;

use std::path::Path;

use indicatif::ProgressBar;

use crate::checks::context::{Context, Options};
use crate::checks::registry::{self, CheckDef, CHECKS};
use crate::checks::{vip, Report};
use crate::cli::CheckArgs;
use crate::exit_code::Exit;
use crate::i18n::Msg;
use crate::inventory::Inventory;

/// The checks chosen for a site, and those left out with the reason.
pub struct Selection {
    pub checks: Vec<&'static CheckDef>,
    pub skipped: Vec<(&'static str, Msg)>,
}

/// The checks named on the command line, in registry order. `all` is every check that
/// applies to this site, the others skipped with their reason. A check named explicitly
/// that does not apply is a usage error for one site (`strict`), and skipped with its
/// reason among many sites, where it may apply to some and not to others.
pub fn select(inv: &Inventory, names: &[String], strict: bool) -> Result<Selection, Exit> {
    let all = names.iter().any(|n| n == "all");
    let mut selection = Selection {
        checks: Vec::new(),
        skipped: Vec::new(),
    };
    for check in CHECKS {
        if !all && !names.iter().any(|n| n == check.name) {
            continue;
        }
        match (check.applies)(inv) {
            Ok(()) => match registry::on_demand(check.name).filter(|_| all) {
                None => selection.checks.push(check),
                Some(why) => selection.skipped.push((check.name, why)),
            },
            Err(why) if all || !strict => selection.skipped.push((check.name, why)),
            Err(why) => {
                // Raised: a site's JSON line carries it back in English.
                return Err(Exit::Usage(crate::i18n::raise(crate::said!(
                    "check-does-not-apply",
                    check = check.name,
                    why = why.shown()
                ))));
            }
        }
    }
    if selection.checks.is_empty() && selection.skipped.is_empty() {
        let known = registry::names().join(", ");
        return Err(Exit::Usage(crate::i18n::raise(crate::said!(
            "check-none-named",
            known = known
        ))));
    }
    Ok(selection)
}

/// The check options of one site, from the command line.
pub fn options(inv: &Inventory, state_dir: Option<&Path>, args: &CheckArgs) -> Options {
    Options {
        exact: args.exact,
        state_dir: Some(crate::state::site_dir(state_dir, &inv.site)),
        expect: args.expect,
        resolve_here: args.resolve_here,
        master: args.master.clone().map(vip::Expected::Node),
        hosts_form: args.form,
        only: None,
    }
}

/// Every check at once, each in its own thread, their commands side by side on each
/// node's one session (a channel each): the node's slowest command (pg_dump) then bounds
/// the run, not the sum of them all. Rather than one batched script per node, which would
/// also run them one after the other and need to know master from slave before it starts
/// (measured in the commit that made sessions shared). Checks that read another's result
/// (the master from `vip`, `rpo` from `db`) wait for it through the context's caches. The
/// reports keep the registry's order; with `shown`, each check's verdict is left on the
/// terminal the moment it ends.
pub fn run(cx: &Context, checks: &[&'static CheckDef], shown: bool) -> Vec<Report> {
    std::thread::scope(|scope| {
        let running: Vec<_> = checks
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
    })
}

/// Runs one check with a spinner naming it (shown only on a terminal); with `shown`, the
/// spinner is left as a line with the verdict the moment the check ends, before the table.
fn run_one(cx: &Context, check: &CheckDef, shown: bool) -> Report {
    let spinner = cx.progress.add(ProgressBar::new_spinner());
    spinner.set_style(crate::output::progress::style(&format!(
        "{{spinner}} {} {{msg}}…",
        crate::t!("check-spinner-checking")
    )));
    spinner.set_message(check.name);
    spinner.enable_steady_tick(Duration::from_millis(120));
    // Through the run's cache: a check read by another (`rpo` reads `db`) runs once.
    let report = cx.report(check.name, || (check.run)(cx));
    if shown {
        spinner.set_style(crate::output::progress::style("{msg}"));
        spinner.finish_with_message(format!(
            "{:<8} {}: {}",
            report.status.to_string(),
            check.name,
            report.summary.shown()
        ));
    } else {
        spinner.finish_and_clear();
    }
    report
}
