//! `wait`: looks every `interval` until a check is OK or a host is up (or down), with a
//! spinner showing the elapsed time; the timeout fails the step with what the last look
//! found. A check that cannot tell for a lasting reason (not configured, a credential or a
//! program missing: [`Report::lasting`]) fails the step at once: looking again until the
//! timeout would only hide the reason. One that cannot tell for now (a node not answering
//! yet during a reboot) is looked at again, its reason shown.

use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::{json, Map};

use super::host::{self, Probe};
use super::progress::Progress;
use crate::checks::{registry, words, Report, Status};
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::output::term;
use crate::runbook::engine::step::{Next, StepCx, StepResult, Target};
use crate::runbook::model::{CheckOptions, Until};

/// What one look found.
struct Look {
    met: bool,
    summary: Msg,
    report: Option<Report>,
    /// Why looking again will not change what this look found.
    lasting: Option<Msg>,
}

pub fn run(
    cx: &StepCx,
    until: &Until,
    options: &CheckOptions,
    interval: Duration,
    timeout: Duration,
) -> Result<StepResult> {
    let what = match until {
        Until::Check(check) => match &options.master {
            Some(master) => msg!(
                "wait-until-check-master",
                check = check.as_str(),
                master = master.describe()
            ),
            None => msg!("wait-until-check", check = check.as_str()),
        },
        Until::Host { on, up: true } => msg!("wait-until-up", node = on.to_string()),
        Until::Host { on, up: false } => msg!("wait-until-down", node = on.to_string()),
    };
    loop {
        let started = Instant::now();
        let mut progress = Progress::new(Some(timeout), Duration::ZERO);
        let mut attempts = 0u32;
        let last = loop {
            attempts += 1;
            progress.status(&crate::t!("wait-waiting", what = what.shown()));
            let look = look(cx, until, options)?;
            progress.status(&crate::t!(
                "wait-waiting-seen",
                what = what.shown(),
                seen = look.summary.shown()
            ));
            if look.met || look.lasting.is_some() || started.elapsed() >= timeout {
                break look;
            }
            // Short sleeps, so the spinner's clock moves and the timeout is kept.
            let next = Instant::now() + interval;
            while Instant::now() < next && started.elapsed() < timeout {
                std::thread::sleep(Duration::from_millis(200).min(interval));
                progress.tick();
            }
        };
        progress.finish();
        let mut evidence = Map::new();
        record(&mut evidence, "until", &what);
        evidence.insert("attempts".into(), json!(attempts));
        evidence.insert("seconds".into(), json!(started.elapsed().as_secs_f64()));
        record(&mut evidence, "last", &last.summary);
        if let Some(report) = &last.report {
            words::record(&mut evidence, std::slice::from_ref(report));
        }
        if last.met {
            eprintln!(
                "  {} {} ({})",
                term::plain("✓"),
                what.shown(),
                last.summary.shown()
            );
            return Ok(StepResult::done(evidence));
        }
        let why = match &last.lasting {
            Some(lasting) => {
                record(&mut evidence, "lasting", lasting);
                msg!(
                    "wait-lasting",
                    seen = &last.summary,
                    what = &what,
                    lasting = lasting
                )
            }
            None => msg!(
                "wait-timeout",
                what = &what,
                timeout = crate::time::duration::format(timeout),
                seen = &last.summary
            ),
        };
        match cx.after_failure(why, evidence)? {
            Next::Retry => continue,
            Next::Finish(result) => return Ok(result),
        }
    }
}

/// `name` in English, and beside it in each other language where the words differ
/// (`until_it`): the report reads its language, an old journal its English.
fn record(evidence: &mut Map<String, serde_json::Value>, name: &str, words: &Msg) {
    evidence.insert(name.into(), json!(words));
    for lang in Lang::ALL {
        if lang != Lang::En && words.in_lang(lang) != words.en() {
            evidence.insert(
                format!("{name}_{}", lang.code()),
                json!(words.in_lang(lang)),
            );
        }
    }
}

fn look(cx: &StepCx, until: &Until, options: &CheckOptions) -> Result<Look> {
    match until {
        Until::Check(name) => {
            let context = cx.checks_with(options);
            let report = match registry::find(name) {
                Some(check) => (check.run)(&context),
                None => Report::new(name, Status::Unknown, msg!("check-not-known"))
                    .lasting(msg!("check-not-known")),
            };
            // A node that did not answer is asked again next time, not remembered as gone.
            for node in context.unreachable().keys() {
                cx.fleet.reset(node);
            }
            let met = report.status == Status::Ok;
            Ok(Look {
                met,
                summary: report
                    .summary
                    .map(|s| format!("{} {}: {s}", report.name, report.status)),
                lasting: report.lasting.clone().filter(|_| !met),
                report: Some(report),
            })
        }
        Until::Host { on, up } => {
            let node = match cx.resolve(*on)?.as_slice() {
                [Target::Node(node)] => *node,
                [Target::Local] => {
                    return Ok(Look {
                        met: *up,
                        summary: msg!("wait-this-machine"),
                        report: None,
                        lasting: None,
                    })
                }
                _ => {
                    let said = crate::said!("step-waits-one-host", step = cx.step.id.as_str());
                    anyhow::bail!(crate::i18n::raise(said))
                }
            };
            let (answered, summary) = match host::probe(cx.fleet, node)? {
                Probe::Up(_) => (true, msg!("wait-host-answers", node = node)),
                Probe::Down(why) => (false, msg!("wait-host-silent", node = node, why = why)),
            };
            Ok(Look {
                met: answered == *up,
                summary,
                report: None,
                lasting: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_evidence_keeps_english_and_the_italian_beside_only_where_it_differs() {
        let mut evidence = Map::new();
        record(
            &mut evidence,
            "until",
            &msg!("wait-until-up", node = "tvox1"),
        );
        record(&mut evidence, "last", &Msg::text("tvox1: 42"));
        assert_eq!(evidence["until"], "tvox1 up");
        assert_eq!(evidence["until_it"], "tvox1 attivo");
        assert_eq!(evidence["last"], "tvox1: 42");
        assert!(!evidence.contains_key("last_it"));
    }
}
