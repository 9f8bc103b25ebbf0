//! `tvdr check … --sites DIR`: every inventory in a directory is a site, checked `--jobs` at
//! a time, each on its own sessions. A site that is down or slow holds back only its own
//! slot: past `--site-timeout` it is reported UNKNOWN and the others go on.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressDrawTarget};

use super::round;
use crate::checks::context::Context;
use crate::cli::{CheckArgs, ReportFormat};
use crate::exit_code::Exit;
use crate::i18n::Msg;
use crate::inventory::Inventory;
use crate::output::report::{sites, SiteOutcome};
use crate::output::term;
use crate::t;
use crate::transport::{Fleet, NoSecrets};

pub fn execute(dir: &Path, state_dir: Option<&Path>, args: &CheckArgs) -> Result<i32> {
    let files = inventories(dir)?;
    let mut queue = VecDeque::new();
    let mut outcomes: Vec<Option<SiteOutcome>> = Vec::new();
    let mut names: HashMap<String, PathBuf> = HashMap::new();
    for (index, file) in files.iter().enumerate() {
        outcomes.push(None);
        match Inventory::load(file) {
            Ok(inv) => {
                if let Some(other) = names.insert(inv.site.clone(), file.clone()) {
                    return Err(Exit::Usage(t!(
                        "sites-same-site",
                        first = other.display().to_string(),
                        second = file.display().to_string(),
                        site = inv.site.as_str()
                    ))
                    .into());
                }
                queue.push_back((index, inv));
            }
            // A broken inventory is that site's problem, said in its line; the others go on.
            Err(e) => outcomes[index] = Some(unchecked(file, stem(file), said(&e.into()))),
        }
    }
    let progress = progress_bar(files.len(), args.format == ReportFormat::Human);
    for done in outcomes.iter().flatten() {
        progress.inc(1);
        progress.set_message(done.site.clone());
    }

    let jobs = usize::from(args.jobs);
    let (tx, rx) = mpsc::channel::<(usize, SiteOutcome)>();
    let mut active: HashMap<usize, (Instant, String, PathBuf)> = HashMap::new();
    loop {
        while active.len() < jobs {
            let Some((index, inv)) = queue.pop_front() else {
                break;
            };
            let deadline = Instant::now() + args.site_timeout;
            active.insert(index, (deadline, inv.site.clone(), files[index].clone()));
            let (tx, args) = (tx.clone(), args.clone());
            let (file, state_dir) = (files[index].clone(), state_dir.map(Path::to_path_buf));
            // Not scoped: a site past its timeout is left to finish (or hang) on its own
            // thread while the others go on; the process ends without waiting for it.
            std::thread::spawn(move || {
                let outcome = check_site(inv, file, state_dir.as_deref(), &args);
                let _ = tx.send((index, outcome));
            });
        }
        let Some(nearest) = active.values().map(|(deadline, ..)| *deadline).min() else {
            break;
        };
        match rx.recv_timeout(nearest.saturating_duration_since(Instant::now())) {
            Ok((index, outcome)) => {
                // A site already reported as timed out stays so: its late answer is dropped.
                if active.remove(&index).is_some() {
                    progress.inc(1);
                    progress.set_message(outcome.site.clone());
                    outcomes[index] = Some(outcome);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                let late: Vec<usize> = active
                    .iter()
                    .filter(|(_, (deadline, ..))| *deadline <= now)
                    .map(|(index, _)| *index)
                    .collect();
                for index in late {
                    let Some((_, site, file)) = active.remove(&index) else {
                        continue;
                    };
                    let limit = crate::time::duration::format(args.site_timeout);
                    let why = crate::msg!("sites-timed-out", limit = limit);
                    let mut outcome = unchecked(&file, site, why);
                    outcome.timed_out = true;
                    outcome.elapsed = args.site_timeout;
                    progress.inc(1);
                    outcomes[index] = Some(outcome);
                }
            }
            // Cannot happen while this loop holds a sender; nothing more would come.
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    progress.finish_and_clear();
    let outcomes: Vec<SiteOutcome> = outcomes.into_iter().flatten().collect();
    let color = term::color_stdout();
    print!(
        "{}",
        sites::render(args.format, &outcomes, Some(SystemTime::now()), color)
    );
    Ok(sites::exit_code(args.format, &outcomes))
}

/// The inventories in `dir`: `*.yaml` and `*.yml` files, hidden ones left out, by name.
fn inventories(dir: &Path) -> Result<Vec<PathBuf>> {
    let unreadable = || t!("sites-unreadable-dir", dir = dir.display().to_string());
    let entries = std::fs::read_dir(dir).with_context(unreadable)?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.with_context(unreadable)?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else { continue };
        let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if yaml && !name.starts_with('.') && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Exit::Usage(t!("sites-none-in-dir", dir = dir.display().to_string())).into());
    }
    Ok(files)
}

/// Checks one site on its own sessions, quietly: its verdicts, or why it has none.
fn check_site(
    inv: Inventory,
    file: PathBuf,
    state_dir: Option<&Path>,
    args: &CheckArgs,
) -> SiteOutcome {
    let began = Instant::now();
    let site = inv.site.clone();
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let selection = round::select(&inv, &args.names, false)?;
        // No passphrase prompts from many sites at once: keys come from the agent or
        // need none.
        let fleet = Fleet::new(
            inv.nodes.iter().map(|n| n.target.clone()).collect(),
            Box::new(NoSecrets),
        )
        .keeping(crate::commands::keep::keep_for(&inv, state_dir));
        let cx = Context::new(&inv, &fleet, round::options(&inv, state_dir, args));
        cx.progress.set_draw_target(ProgressDrawTarget::hidden());
        let reports = round::run(&cx, &selection.checks, false);
        Ok::<_, Exit>((reports, selection.skipped, cx.unreachable()))
    }));
    let mut outcome = match checked {
        Ok(Ok((reports, skipped, unreachable))) => SiteOutcome {
            reports,
            skipped: skipped
                .into_iter()
                .map(|(name, why)| (name.to_string(), why))
                .collect(),
            unreachable,
            ..blank(&file, site)
        },
        Ok(Err(e)) => unchecked(&file, site, said(&e.into())),
        Err(_) => unchecked(&file, site, crate::msg!("sites-bug")),
    };
    outcome.elapsed = began.elapsed();
    outcome
}

/// An error that left a site without verdicts: as the terminal shows it, and in English
/// for the machine formats (tvdr's own messages raised in another language turned back).
fn said(e: &anyhow::Error) -> Msg {
    let shown = crate::error_text::shown(e);
    let english = crate::i18n::for_journal(&format!("{e:#}"));
    Msg::from_fn(|lang| {
        if lang == crate::i18n::Lang::En {
            english.clone()
        } else {
            shown.clone()
        }
    })
}

/// A site without verdicts, saying why.
fn unchecked(file: &Path, site: String, why: Msg) -> SiteOutcome {
    SiteOutcome {
        error: Some(why),
        ..blank(file, site)
    }
}

/// A site with nothing yet.
fn blank(file: &Path, site: String) -> SiteOutcome {
    SiteOutcome {
        site,
        inventory: file.to_path_buf(),
        reports: Vec::new(),
        skipped: Vec::new(),
        unreachable: Default::default(),
        error: None,
        timed_out: false,
        elapsed: Duration::ZERO,
    }
}

/// The name a site goes by when its inventory cannot be read: the file's, in the
/// characters a site name allows.
fn stem(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Sites done out of all, on a terminal only (indicatif draws nothing elsewhere).
fn progress_bar(len: usize, human: bool) -> ProgressBar {
    if !human {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(crate::output::progress::style(&format!(
        "{{spinner}} {{bar:30}} {{pos}}/{{len}} {} · {{elapsed}} · {{msg}}",
        t!("sites-progress-word")
    )));
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
