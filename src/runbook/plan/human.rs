//! The dry run for people: each step with its host, what the technician reads, the exact
//! commands (scripts keep their lines and indentation), the commands behind checks, and
//! how long steps wait.

use serde_json::Value;

use super::Plan;

/// The plan for people.
pub fn render_human(plan: &Plan) -> String {
    let mut out = format!(
        "dry run of `{}`{} — {} (site {}); nothing is contacted\n",
        plan.runbook,
        if plan.rollback { " --rollback" } else { "" },
        plan.title,
        plan.site
    );
    let mut n = 0;
    for stage in &plan.stages {
        out.push_str(&format!("\n▸ {}{}\n", stage.title, runs_note(stage.runs)));
        if let Some(text) = &stage.instructions {
            block(&mut out, "  │ ", "  │ ", text);
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
                out.push_str(&format!("       on: {}\n", host_text(host)));
            }
            if let Some(text) = &step.instructions {
                block(&mut out, "       │ ", "       │ ", text);
            }
            if let Some(command) = &step.command {
                // A script keeps its lines and their indentation.
                block(&mut out, "       $ ", "         ", command);
            }
            if !step.checks.is_empty() {
                out.push_str(&format!("       checks: {}\n", step.checks.join(", ")));
            }
            if let Some(master) = step.details.get("expected_master").and_then(Value::as_str) {
                out.push_str(&format!("       expected master: {master}\n"));
            }
            for check in &step.check_commands {
                for planned in &check.commands {
                    block(
                        &mut out,
                        &format!("         {} on {}: $ ", check.check, planned.on),
                        "             ",
                        &planned.command,
                    );
                }
                if let Some(later) = &check.at_run_time {
                    out.push_str(&format!("         {} at run time: {later}\n", check.check));
                }
            }
            for (key, value) in &step.details {
                if let Some(line) = detail(key, value) {
                    out.push_str(&format!("       {line}\n"));
                }
            }
            for q in &step.questions {
                out.push_str(&format!(
                    "       asks: {} ({})\n",
                    q["prompt"].as_str().unwrap_or_default(),
                    q["type"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    if !plan.runtime_unknowns.is_empty() {
        out.push_str("\nknown only at run time:\n");
        for unknown in &plan.runtime_unknowns {
            out.push_str(&format!("  - {unknown}\n"));
        }
    }
    out
}

fn runs_note(runs: Option<bool>) -> &'static str {
    match runs {
        Some(true) => "",
        Some(false) => "  — skipped here (condition false)",
        None => "  — decided at run time",
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
                            n["address"].as_str().unwrap_or("missing from inventory")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    match host["role"].as_str() {
        Some("local") => "this machine".into(),
        Some(role @ ("master" | "slave")) => format!(
            "{role}: {} — one of {}",
            host["decided_at_run_time"].as_str().unwrap_or_default(),
            nodes("candidates")
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
                .join("  or  ")
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
        "timeout_s" => format!("timeout: {}", seconds(value)?),
        "interval_s" => format!("looks every {}", seconds(value)?),
        "until" => format!("until: {text}"),
        "back_when" => format!("back when: {text}"),
        "success" => format!(
            "success when it exits 0 and one of its last {} non-empty lines matches: {}",
            crate::runbook::verdict::FINAL_LINES,
            regexes(value)
        ),
        "success_unless" => {
            let own = regexes(&value["own"]);
            format!(
                "unless one of those lines matches a failure rule: the shipped ones (negations \
                 such as `NON completato`, `with errors`, failure and error words){}",
                if own.is_empty() {
                    String::new()
                } else {
                    format!(", or: {own}")
                }
            )
        }
        "runs" => text,
        "expect_exit" => format!("expects exit status {text}"),
        "expect_output" => format!("expects output matching: {text}"),
        "service" => match text.as_str() {
            "down" => "service: the customer's outage starts when this step ends".into(),
            "up" => "service: the customer's outage ends when this step ends".into(),
            "outage" => "service: the customer is out of service while this step runs".into(),
            _ => format!("service: {text}"),
        },
        "phase" => format!("UAT phase: {text}"),
        // Shown by the step's kind and questions already.
        _ => return None,
    })
}
