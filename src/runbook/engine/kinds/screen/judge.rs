//! Following one attempt to its end and judging it by [`verdict`]: exit status 0, a
//! success line in the final output, no failure line there. The evidence says what
//! decided; the message says exactly why a patch failed, and the way its session ended.

use std::time::Duration;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::follow::{self, Followed};
use super::{handover, remote};
use crate::i18n::Msg;
use crate::msg;
use crate::runbook::engine::kinds::memo::{Attempt, Ended};
use crate::runbook::engine::kinds::progress::Progress;
use crate::runbook::engine::kinds::run::{exec, tail};
use crate::runbook::engine::step::{StepCx, Target};
use crate::runbook::verdict::{self, Rules};
use crate::time::Timestamp;
use crate::transport::Cmd;

pub(super) struct Watched {
    pub(super) evidence: Map<String, Value>,
    pub(super) failure: Option<Msg>,
    pub(super) ended: Option<Ended>,
    /// The session ended without its command (`remote::NO_COMMAND_MARKER`): nothing ran.
    pub(super) never_started: bool,
}

pub(super) fn watch(
    cx: &StepCx,
    target: Target,
    cmd: &Cmd,
    rules: &Rules,
    timeout: Duration,
    attempt: &Attempt,
    reattached: bool,
) -> Result<Watched> {
    if reattached {
        eprintln!(
            "  {}",
            crate::t!(
                "screen-reattaching",
                session = attempt.session.as_str(),
                node = target.name(),
                started = attempt.started_at.to_string()
            )
        );
    }
    let already = Timestamp::now().since(attempt.started_at);
    let mut progress = Progress::new(Some(timeout), already).masking(cx.secrets());
    let followed = follow::follow(
        cx,
        target,
        &attempt.session,
        &attempt.log,
        timeout,
        &mut progress,
        reattached,
    );
    progress.finish();
    let seconds = Timestamp::now().since(attempt.started_at).as_secs_f64();
    let (log, ended) = match followed? {
        Followed::Ended { log, dead, logged } => (log, Some((dead, logged))),
        Followed::TimedOut { log } => (log, None),
    };
    let text = remote::clean(&log);
    let exit = remote::exit_status(&log);
    let mut evidence = Map::new();
    evidence.insert("node".into(), json!(target.name()));
    evidence.insert("command".into(), json!(cmd.render()));
    evidence.insert("screen".into(), json!(attempt.session));
    evidence.insert("log".into(), json!(attempt.log));
    evidence.insert("log_tail".into(), json!(tail(text.as_bytes())));
    evidence.insert("exit".into(), json!(exit));
    evidence.insert("rules".into(), rules.to_json());
    evidence.insert("seconds".into(), json!(seconds));
    evidence.insert("started_at".into(), json!(attempt.started_at));
    let Some((dead, logged)) = ended else {
        evidence.insert("result".into(), json!("timeout"));
        let why = msg!(
            "reason-screen-still-running",
            command = cmd.render(),
            node = target.name(),
            after = crate::time::duration::format(Duration::from_secs(seconds as u64)).to_string(),
            session = attempt.session.as_str()
        );
        return Ok(Watched {
            evidence,
            failure: Some(why),
            ended: None,
            never_started: false,
        });
    };
    let _ = exec(
        cx,
        target,
        &remote::tidy(
            &attempt.session,
            &rc_of(&attempt.log),
            &handover::fifo_of(&attempt.log),
        ),
        Some(Duration::from_secs(10)),
    );
    if remote::never_started(&log) {
        evidence.insert("result".into(), json!("never_started"));
        return Ok(Watched {
            evidence,
            failure: None,
            ended: None,
            never_started: true,
        });
    }
    let verdict = verdict::judge(&text, exit, rules);
    evidence.extend(verdict.evidence());
    if verdict.success() {
        for hit in &verdict.earlier_failures {
            eprintln!(
                "  {}",
                crate::t!(
                    "screen-earlier-failure",
                    line = cx.shown(&verdict::quoted(&hit.line))
                )
            );
        }
    }
    let failure = (!verdict.success()).then(|| {
        let how = match (dead, logged) {
            (_, false) => msg!("reason-screen-no-log", session = attempt.session.as_str()),
            (true, _) => msg!("reason-screen-died"),
            (false, true) => Msg::default(),
        };
        msg!(
            "reason-screen-failed",
            node = target.name(),
            why = verdict.why(),
            how = how,
            log = attempt.log.as_str()
        )
    });
    let ended = Ended {
        success: verdict.success(),
        exit,
        at: Timestamp::now(),
    };
    Ok(Watched {
        evidence,
        failure,
        ended: Some(ended),
        never_started: false,
    })
}

fn rc_of(log: &str) -> String {
    format!("{}.screenrc", log.trim_end_matches(".log"))
}
