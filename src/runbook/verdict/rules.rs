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
    // The same in Italian, as glibc and bash print them when the node's locale is Italian
    // (CentOS's /etc/bashrc sets LANG for non-login shells too): a child killed by the
    // OOM killer reads `update.sh: riga 212: 30117 Ucciso   php …`. "Errore di
    // segmentazione" and "Impossibile allocare memoria" meet the rules above.
    r"(?i)\b(ucciso|core dump creato|spazio esaurito sul device|permesso negato|comando non trovato|file o directory non esistente|connessione rifiutata|connessione scaduta)\b",
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
    /// The regex as written, for plans and journals.
    source: String,
    /// A shipped rule ignores the benign parts of a line; a rule someone wrote says
    /// exactly what it means.
    shipped: bool,
}

/// Compiles a shipped regex with ASCII word boundaries. A Unicode `\b` keeps the regex
/// engine off its fast path on any line holding a non-ASCII character (an Italian
/// accent, the `�` of a Latin-1 byte): judging a 1.5 MB line of them took a minute
/// (found by fuzzing). The shipped words are ASCII, so their boundaries are the same;
/// only `\b` is rewritten, which the shipped sources never use escaped (`\\b`).
fn compile_shipped(source: &str) -> Regex {
    Regex::new(&source.replace(r"\b", r"(?-u:\b)")).expect("shipped rule")
}

/// `line` without its benign parts (see [`BENIGN`]).
fn without_benign(line: &str) -> std::borrow::Cow<'_, str> {
    static BENIGN_RE: OnceLock<Regex> = OnceLock::new();
    BENIGN_RE
        .get_or_init(|| compile_shipped(BENIGN))
        .replace_all(line, " ")
}

impl Rule {
    pub fn new(re: Regex) -> Rule {
        let source = re.as_str().to_string();
        Rule {
            re,
            source,
            shipped: false,
        }
    }

    fn shipped(source: &str) -> Rule {
        Rule {
            re: compile_shipped(source),
            source: source.to_string(),
            shipped: true,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn matches(&self, line: &str) -> bool {
        if self.shipped {
            self.re.is_match(&without_benign(line))
        } else {
            self.re.is_match(line)
        }
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
            // Shipped, yet matched as written: no benign parts are removed from a line
            // before looking for success.
            vec![Rule {
                shipped: false,
                ..Rule::shipped(DEFAULT_SUCCESS)
            }]
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

    /// The first failure rule matching `line`. The benign parts are removed once for
    /// all the shipped rules, not once per rule: on a long line that is most of the work.
    pub fn failure_in(&self, line: &str) -> Option<&Rule> {
        let mut benign_free = None;
        self.failure.iter().find(|r| {
            if r.shipped {
                r.re.is_match(benign_free.get_or_insert_with(|| without_benign(line)))
            } else {
                r.re.is_match(line)
            }
        })
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
