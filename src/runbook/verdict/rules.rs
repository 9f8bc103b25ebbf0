//! The rules a patch's output is judged by: success rules (one must match a line of the
//! final output) and failure rules (none may). The shipped defaults know the usual
//! Italian and English ways an updater says it failed, since Telenia's exact output is
//! not public; a runbook step or `tvdr patch` adds its own.

use std::sync::OnceLock;

use regex::Regex;

/// The success rule when none is given: the update/upgrade/aggiornamento line saying it
/// completed. A negated form ("Aggiornamento NON completato") matches it too: the
/// failure rules are what tell them apart.
pub const DEFAULT_SUCCESS: &str = r"(?i)\b(update|upgrade|aggiornamento|installazione|installation)\b[^\n]*(complet|success|terminat|riuscit|eseguit|concluso|a buon fine)";

/// The shipped failure rules. Matched line by line, case-insensitive unless said.
const DEFAULT_FAILURE: &[&str] = &[
    // A negation before a success word, in the same clause: "update NOT completed", "did
    // not complete", "was not successful", "non è stato completato", "non riuscito",
    // "could not be applied", "impossibile completare".
    r"(?i)(\b(not|non|never|mai|cannot|can't|couldn't|didn't|wasn't|hasn't|isn't|impossibile)\b|\bno\s+(success|complet))[^.,;:!?\n]{0,40}?(complet|success|succeed|riusc|terminat|eseguit|buon fine|aggiornat|install|appl|finish|finit|conclus|done)",
    // "completed with errors", "completato con errori", "con 3 errori", "with failures".
    r"(?i)\b(with|con)\s+([1-9][0-9]*\s+|some\s+|several\s+|alcuni\s+|degli\s+)?(errors?|errori|failures?|problems|problemi)\b",
    // Failure and incompleteness words (a service's `[FAILED]` too).
    r"(?i)\b(fail|fails|failed|failing|failure|failures|fallit[oaie]|fallimento|abort|aborted|aborting|interrott[oaie]|incomplete|incomplet[oaie]|unsuccessful|rollback|roll-back|roll(ing|ed)?\s+back|annullat[oaie]|impossibile)\b",
    // Error words and error lines: `ERROR`, `Error:` (yum), `error:` (rpm), `ERRORE`,
    // `FATAL`, an exception.
    r"(?i)\b(errors?|errore|errori|fatal|exception|eccezione|traceback)\b",
    // An exception's class name (Python, Java): `OperationalError:`, `SQLException`.
    r"[a-z](Error|Exception)\b",
    // Log levels worse than an error, in capitals only ("critical" is also a plain word).
    r"\b(CRITICAL|CRIT|PANIC|EMERG)\b",
    // What the system says when a program dies or cannot go on.
    r"(?i)\b(segmentation fault|core dumped|killed|no space left on device|permission denied|command not found|no such file or directory|out of memory|timed out|connection refused)\b",
];

/// Parts of a line that look like failure words but are not a failure, removed before the
/// default failure rules look at it: paths and URLs (`/var/log/tvox/update-error.log`),
/// "0 errors", "no errors", "without errors", "senza errori", "nessun errore",
/// "failed: 0", "errors=0".
const BENIGN: &str = r"(?i)[\w.-]*(/[\w.-]*)+|\b(0|no|zero|without|senza|nessun[oa]?|non ci sono)\s+([a-z]+\s+)?(errors?|errori|errore|fail[a-z]*|fallit[a-z]*|problem[a-z]*)\b|\b(errors?|errori|fail[a-z]*|fallit[a-z]*|warnings?)\s*[:=]\s*0\b";

/// One rule: a regex over one line.
#[derive(Debug, Clone)]
pub struct Rule {
    re: Regex,
    /// A shipped rule ignores the benign parts of a line; a rule someone wrote says
    /// exactly what it means.
    shipped: bool,
}

impl Rule {
    pub fn new(re: Regex) -> Rule {
        Rule { re, shipped: false }
    }

    fn shipped(source: &str) -> Rule {
        Rule {
            re: Regex::new(source).expect("shipped rule"),
            shipped: true,
        }
    }

    pub fn as_str(&self) -> &str {
        self.re.as_str()
    }

    pub fn matches(&self, line: &str) -> bool {
        if !self.shipped {
            return self.re.is_match(line);
        }
        static BENIGN_RE: OnceLock<Regex> = OnceLock::new();
        let benign = BENIGN_RE.get_or_init(|| Regex::new(BENIGN).expect("constant regex"));
        self.re.is_match(&benign.replace_all(line, " "))
    }
}

/// The success and failure rules of one patch.
#[derive(Debug, Clone)]
pub struct Rules {
    pub success: Vec<Rule>,
    pub failure: Vec<Rule>,
}

impl Rules {
    /// `success` replaces the default success rule (the vendor's words are what prove
    /// success); `failure` adds to the shipped failure rules and never replaces them: an
    /// author adding the one failure form they know must not lose the negations.
    pub fn new(success: Vec<Regex>, failure: Vec<Regex>) -> Rules {
        let success = if success.is_empty() {
            vec![Rule::new(
                Regex::new(DEFAULT_SUCCESS).expect("shipped rule"),
            )]
        } else {
            success.into_iter().map(Rule::new).collect()
        };
        let failure = DEFAULT_FAILURE
            .iter()
            .map(|s| Rule::shipped(s))
            .chain(failure.into_iter().map(Rule::new))
            .collect();
        Rules { success, failure }
    }

    /// Every regex, for a journal or a plan: `{"success": [...], "failure": [...]}`.
    pub fn to_json(&self) -> serde_json::Value {
        let sources = |rules: &[Rule]| rules.iter().map(|r| r.as_str().to_string()).collect();
        let (success, failure): (Vec<String>, Vec<String>) =
            (sources(&self.success), sources(&self.failure));
        serde_json::json!({ "success": success, "failure": failure })
    }

    /// For a dry run: the success regexes, and the failure ones as
    /// `{"shipped": [...], "own": [...]}` (the step's own said apart from the defaults).
    pub fn to_plan(&self) -> (serde_json::Value, serde_json::Value) {
        let sources = |shipped: bool| -> Vec<String> {
            self.failure
                .iter()
                .filter(|r| r.shipped == shipped)
                .map(|r| r.as_str().to_string())
                .collect()
        };
        let success: Vec<&str> = self.success.iter().map(Rule::as_str).collect();
        (
            serde_json::json!(success),
            serde_json::json!({ "shipped": sources(true), "own": sources(false) }),
        )
    }

    /// The first success rule matching `line`.
    pub fn success_in(&self, line: &str) -> Option<&Rule> {
        self.success.iter().find(|r| r.matches(line))
    }

    /// The first failure rule matching `line`.
    pub fn failure_in(&self, line: &str) -> Option<&Rule> {
        self.failure.iter().find(|r| r.matches(line))
    }
}

impl Default for Rules {
    /// The shipped rules, compiled once.
    fn default() -> Rules {
        static SHIPPED: OnceLock<Rules> = OnceLock::new();
        SHIPPED
            .get_or_init(|| Rules::new(Vec::new(), Vec::new()))
            .clone()
    }
}
