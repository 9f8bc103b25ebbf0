//! The dry run for people: each step with its host, what the technician reads, the exact
//! commands (scripts keep their lines and indentation), the commands behind checks, and
//! how long steps wait.

use serde_json::Value;

use super::Plan;
use crate::i18n::Lang;
use crate::t;

/// The plan for people.
pub fn render_human(plan: &Plan) -> String {
    let mut out = t!(
        "plan-header",
        runbook = &plan.runbook,
        rollback = if plan.rollback { " --rollback" } else { "" },
        title = plan.title.local(),
        site = &plan.site
    );
    out.push('\n');
    let mut n = 0;
    for stage in &plan.stages {
        out.push_str(&format!("\n▸ {}{}\n", stage.title, runs_note(stage.runs)));
        if let Some(text) = &stage.instructions {
            block(&mut out, "  │ ", "  │ ", text.local());
        }
        for step in &stage.steps {
            n += 1;
            out.push_str(&format!(
                "  {n:>3}. [{}] {}{}  ({})\n",
                step.kind,
                step.title,
                runs_note(step.runs),
                step.id
            ));
            if let Some(host) = &step.host {
                out.push_str(&format!(
                    "       {}\n",
                    t!("plan-on", host = host_text(host))
                ));
            }
            if let Some(text) = &step.instructions {
                block(&mut out, "       │ ", "       │ ", text.local());
            }
            if let Some(command) = &step.command {
                // A script keeps its lines and their indentation.
                block(&mut out, "       $ ", "         ", command);
            }
            if !step.checks.is_empty() {
                let checks = step.checks.join(", ");
                out.push_str(&format!("       {}\n", t!("plan-checks", checks = checks)));
            }
            if let Some(master) = step.details.get("expected_master").and_then(Value::as_str) {
                out.push_str(&format!(
                    "       {}\n",
                    t!("plan-expected-master", master = master)
                ));
            }
            for check in &step.check_commands {
                for planned in &check.commands {
                    block(
                        &mut out,
                        &format!(
                            "         {}: $ ",
                            t!(
                                "plan-check-on",
                                check = &check.check,
                                node = planned.on.to_string()
                            )
                        ),
                        "             ",
                        &planned.command,
                    );
                }
                if let Some(later) = &check.at_run_time {
                    out.push_str(&format!(
                        "         {}\n",
                        t!(
                            "plan-check-at-run-time",
                            check = &check.check,
                            later = later.shown()
                        )
                    ));
                }
            }
            for (key, value) in &step.details {
                if let Some(line) = detail(key, value) {
                    out.push_str(&format!("       {line}\n"));
                }
            }
            for q in &step.questions {
                // The plan keeps the English prompt and the Italian beside it.
                let prompt = match crate::i18n::lang() {
                    Lang::It => q["prompt_it"].as_str().or(q["prompt"].as_str()),
                    Lang::En => q["prompt"].as_str(),
                };
                let asks = t!(
                    "plan-asks",
                    prompt = prompt.unwrap_or_default(),
                    kind = q["type"].as_str().unwrap_or_default()
                );
                out.push_str(&format!("       {asks}\n"));
            }
        }
    }
    if !plan.runtime_unknowns.is_empty() {
        out.push_str(&format!("\n{}\n", t!("plan-known-at-run-time")));
        for unknown in &plan.runtime_unknowns {
            out.push_str(&format!("  - {unknown}\n"));
        }
    }
    out
}

fn runs_note(runs: Option<bool>) -> String {
    match runs {
        Some(true) => String::new(),
        Some(false) => format!("  — {}", t!("plan-skipped-here")),
        None => format!("  — {}", t!("plan-decided-at-run-time")),
    }
}

fn host_text(host: &Value) -> String {
    let nodes = |key: &str| {
        host[key]
            .as_array()
            .map(|nodes| {
                nodes
                    .iter()
                    .map(|n| {
                        format!(
                            "{} ({})",
                            n["node"].as_str().unwrap_or_default(),
                            n["address"]
                                .as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| t!("plan-missing-from-inventory"))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    match host["role"].as_str() {
        Some("local") => t!("plan-this-machine"),
        Some(role @ ("master" | "slave")) => t!(
            "plan-master-or-slave",
            role = role,
            decided = host["decided_at_run_time"].as_str().unwrap_or_default(),
            candidates = nodes("candidates")
        ),
        _ => nodes("nodes"),
    }
}

/// `text` line by line: the first line after `first`, the others after `rest`, each kept
/// as written (indentation included); no trailing blank line.
fn block(out: &mut String, first: &str, rest: &str, text: &str) {
    for (i, line) in text.trim_end().lines().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        out.push_str(prefix.trim_end_matches(' '));
        if !line.is_empty() {
            out.push_str(&prefix[prefix.trim_end_matches(' ').len()..]);
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// A list of regexes for people: one per alternative.
fn regexes(value: &Value) -> String {
    value
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(&format!("  {}  ", t!("plan-or")))
        })
        .unwrap_or_default()
}

/// A detail of a step for people, or `None` for those shown elsewhere.
fn detail(key: &str, value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let seconds = |v: &Value| {
        v.as_u64()
            .map(|s| crate::time::duration::format(std::time::Duration::from_secs(s)).to_string())
    };
    Some(match key {
        "timeout_s" => t!("plan-timeout", timeout = seconds(value)?),
        "interval_s" => t!("plan-interval", interval = seconds(value)?),
        "until" => t!("plan-until", what = text),
        "back_when" => t!("plan-back-when", what = text),
        "success" => t!(
            "plan-success",
            lines = crate::runbook::verdict::FINAL_LINES,
            regexes = regexes(value)
        ),
        "success_unless" => {
            let own = regexes(&value["own"]);
            if own.is_empty() {
                t!("plan-success-unless")
            } else {
                t!("plan-success-unless-own", own = own)
            }
        }
        "runs" => text,
        "expect_exit" => t!("plan-expect-exit", exit = text),
        "expect_output" => t!("plan-expect-output", regex = text),
        "service" => match text.as_str() {
            "down" => t!("plan-service-down"),
            "up" => t!("plan-service-up"),
            "outage" => t!("plan-service-outage"),
            _ => t!("plan-service-other", service = text),
        },
        "phase" => t!("plan-phase", phase = text),
        // Shown by the step's kind and questions already.
        _ => return None,
    })
}
