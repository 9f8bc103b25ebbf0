//! The customer's report of each rehearsed run, snapshot-tested: what changes from one run
//! to the next (times, durations, run ids, the lab's addresses and directories, measured
//! sizes and lags) is replaced by a placeholder, everything else must stay as it is.

use super::tvox::Tvox;

/// `tvdr runbook ID --report` of the site's last run, normalised.
pub fn report(site: &Tvox, runbook: &str) -> String {
    let out = site
        .tvdr()
        .args(["runbook", runbook, "--report"])
        .assert()
        .success();
    normalise(site, &String::from_utf8_lossy(&out.get_output().stdout))
}

fn normalise(site: &Tvox, text: &str) -> String {
    let mut text = text
        .replace(&site.lab.dir().display().to_string(), "<lab>")
        .replace(&site.home.path().display().to_string(), "<home>")
        .replace(&format!("lab-{}", site.lab.id()), "lab-<id>")
        .replace(&format!("10.213.{}.", site.lab.id()), "<net>.");
    if let Ok(host) = std::fs::read_to_string("/proc/sys/kernel/hostname") {
        text = text.replace(host.trim(), "<host>");
    }
    for (pattern, with) in [
        // Run ids, then timestamps (ISO and as shown), then durations and measured figures.
        (r"\d{8}T\d{6}Z-\d+", "<run>"),
        // Screen session names end in a digest of site, step and run.
        (r"(tvdr-lab-<id>-[a-z0-9_-]+?)-[0-9a-f]{8}\b", "$1-<run>"),
        (r"\b[0-9a-f]{64}\b", "<sha>"),
        (
            r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d| UTC)?",
            "<time>",
        ),
        (r"\b\d\d:\d\d:\d\d\b", "<clock>"),
        (
            // "<1s" too (`\<1s` in Markdown): under a second in one run, 1s in the next.
            r"(\\?<)?\b\d+(\.\d+)?\s?(ms|µs|s|m|h|min|KiB|MiB|B|bytes)\b(\s\d+(\.\d+)?\s?(ms|s|m))*",
            "<n>",
        ),
        (r"\b\d+(\.\d+)?%", "<n>%"),
        // Which replication is furthest behind, when all are about nothing, is chance.
        (r"worst delay <n> \([a-z-]+\)", "worst delay <n> (<source>)"),
        (r"less than a minute|a minute|\d+ minutes?", "<age>"),
        // How many looks a wait took depends on how fast the lab settled.
        (r"\b\d+ looks? in\b", "<looks> in"),
        (r"\b\d{3,}\b", "<n>"),
    ] {
        text = regex::Regex::new(pattern)
            .unwrap()
            .replace_all(&text, with)
            .into_owned();
    }
    text
}
