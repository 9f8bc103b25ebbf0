//! Parsing `screen -ls`: the sessions of the SSH user, with their state.
//!
//! The header and footer end in CRLF (screen prints them as messages), session lines in
//! LF; Debian and newer releases add a `(date time)` column before the state; the exit
//! status differs between versions (1 for "No Sockets found", and on old releases 1 with
//! sessions too), so the text decides.

/// A session's state, as the last parenthesised column says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Attached,
    Detached,
    MultiAttached,
    MultiDetached,
    /// `Dead ???`: the socket is left but the process is gone (`screen -wipe`).
    Dead,
    /// `Removed`, `Remote or dead`, `Private` and anything newer, as written.
    Other(String),
}

impl State {
    fn from_text(text: &str) -> State {
        match text {
            "Attached" => State::Attached,
            "Detached" => State::Detached,
            "Multi, attached" => State::MultiAttached,
            "Multi, detached" => State::MultiDetached,
            t if t.starts_with("Dead") => State::Dead,
            other => State::Other(other.to_string()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            State::Attached => "Attached",
            State::Detached => "Detached",
            State::MultiAttached => "Multi, attached",
            State::MultiDetached => "Multi, detached",
            State::Dead => "Dead",
            State::Other(text) => text,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// `pid.name`, what `screen -r` takes.
    pub id: String,
    pub pid: Option<u32>,
    /// The name after the pid: `-S NAME`, or `tty.host` by default.
    pub name: String,
    /// When it started, as screen printed it (no year-first format to rely on).
    pub started: Option<String>,
    pub state: State,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub sessions: Vec<Session>,
    /// The socket directory screen looked in.
    pub socket_dir: Option<String>,
    /// Whether the output had a form screen prints (a header or "No Sockets found").
    pub recognized: bool,
    /// Lines that are neither: screen's own complaints (socket directory modes…).
    pub other: Vec<String>,
    /// Indented lines where a session should be that could not be read as one: the
    /// listing may miss a session, so "no session" cannot be said.
    pub unread: Vec<String>,
    /// How many sessions screen said it lists: at least one after "There is a screen
    /// on:", two after "There are screens on:", exactly N after "N Sockets in …" (dead
    /// ones included, so a listing cut short after its header does not read as "none").
    pub announced: usize,
}

impl Listing {
    /// Whether every session screen listed was read: a form screen prints, no line left,
    /// as many sessions as it announced.
    pub fn complete(&self) -> bool {
        self.recognized && self.unread.is_empty() && self.sessions.len() >= self.announced
    }
}

pub fn parse(output: &str) -> Listing {
    let mut listing = Listing::default();
    for raw in output.lines() {
        let line = raw.trim_end_matches('\r');
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(dir) = text.strip_prefix("No Sockets found in ") {
            listing.recognized = true;
            listing.socket_dir = Some(dir.trim_end_matches('.').to_string());
        } else if text.starts_with("There is") || text.starts_with("There are") {
            listing.recognized = true;
            let at_least = if text.starts_with("There are") { 2 } else { 1 };
            listing.announced = listing.announced.max(at_least);
        } else if let Some((count, dir)) = footer(text) {
            listing.socket_dir = Some(dir);
            listing.announced = listing.announced.max(count);
        } else if line.starts_with(['\t', ' ']) {
            match session(text) {
                Some(s) => listing.sessions.push(s),
                None => listing.unread.push(text.to_string()),
            }
        } else if !text.starts_with("Remove dead screens") && !text.contains("wiped out") {
            listing.other.push(text.to_string());
        }
    }
    listing
}

/// The columns as screen prints them, separated by tabs.
fn tab_columns(text: &str) -> Option<(&str, Vec<&str>)> {
    let mut fields = text.split('\t').map(str::trim).filter(|f| !f.is_empty());
    let id = fields.next()?;
    let columns = fields
        .map(|f| f.strip_prefix('(').and_then(|f| f.strip_suffix(')')))
        .collect::<Option<Vec<_>>>()?;
    (!columns.is_empty()).then_some((id, columns))
}

/// The same line with its tabs turned into blanks (copied from a terminal, or a name
/// with a blank in it: `4242.tvox patch  (Detached)`): the parenthesised columns are read
/// from the end, at most two, and what is left is the session.
fn blank_columns(text: &str) -> Option<(&str, Vec<&str>)> {
    let mut rest = text.trim_end();
    let mut columns = Vec::new();
    while columns.len() < 2 {
        let Some(inner) = rest.strip_suffix(')') else {
            break;
        };
        let open = inner.rfind('(')?;
        let before = &inner[..open];
        if !before.ends_with([' ', '\t']) {
            break;
        }
        columns.insert(0, &inner[open + 1..]);
        rest = before.trim_end();
    }
    (!columns.is_empty() && !rest.is_empty() && !rest.contains(['(', ')']))
        .then_some((rest, columns))
}

/// `1 Socket in /run/screen/S-root.` / `2 Sockets in …`: the count and the directory.
fn footer(text: &str) -> Option<(usize, String)> {
    let (count, rest) = text.split_once(' ')?;
    let count = count.parse::<usize>().ok()?;
    let dir = rest
        .strip_prefix("Sockets in ")
        .or_else(|| rest.strip_prefix("Socket in "))?;
    Some((count, dir.trim_end_matches('.').to_string()))
}

/// `30335.tvdr-patch\t(11/21/26 23:42:33)\t(Detached)`, the date column optional.
fn session(text: &str) -> Option<Session> {
    let (id, columns) = tab_columns(text).or_else(|| blank_columns(text))?;
    let id = id.to_string();
    let (state, started) = match columns.as_slice() {
        [state] => (*state, None),
        [started, state] => (*state, Some(started.to_string())),
        _ => return None,
    };
    let (pid, name) = match id.split_once('.') {
        Some((pid, name)) => (pid.parse().ok(), name.to_string()),
        None => (None, id.clone()),
    };
    Some(Session {
        id,
        pid,
        name,
        started,
        state: State::from_text(state),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(listing: &Listing) -> Vec<(&str, &str)> {
        listing
            .sessions
            .iter()
            .map(|s| (s.id.as_str(), s.state.as_str()))
            .collect()
    }

    #[test]
    fn none_with_its_odd_line_endings() {
        for text in [
            include_str!("fixtures/ls-none.txt"),
            include_str!("fixtures/ls-none-centos7.txt"),
        ] {
            let l = parse(text);
            assert!(l.recognized);
            assert!(l.sessions.is_empty());
            assert!(l.other.is_empty(), "{:?}", l.other);
        }
        let l = parse(include_str!("fixtures/ls-none.txt"));
        assert_eq!(l.socket_dir.as_deref(), Some("/run/screen/S-root"));
    }

    #[test]
    fn one_detached_with_the_date_column() {
        let l = parse(include_str!("fixtures/ls-one-detached-debian.txt"));
        assert!(l.recognized);
        assert_eq!(
            l.sessions,
            [Session {
                id: "30335.tvdr-patch".into(),
                pid: Some(30335),
                name: "tvdr-patch".into(),
                started: Some("11/21/26 23:42:33".into()),
                state: State::Detached,
            }]
        );
        assert_eq!(l.socket_dir.as_deref(), Some("/run/screen/S-root"));
    }

    #[test]
    fn without_the_date_column() {
        let l = parse(include_str!("fixtures/ls-attached-detached-no-date.txt"));
        assert_eq!(
            states(&l),
            [
                ("2211.pts-0.tvox1", "Attached"),
                ("2305.tvox-patch-22", "Detached")
            ]
        );
        assert_eq!(l.sessions[0].started, None);
        assert_eq!(l.sessions[0].name, "pts-0.tvox1");
    }

    #[test]
    fn dead_and_multiuser_states() {
        let l = parse(include_str!("fixtures/ls-detached-and-dead-debian.txt"));
        assert_eq!(
            states(&l),
            [("25850.other", "Detached"), ("25847.tvdr-patch", "Dead")]
        );
        assert!(
            l.other.is_empty(),
            "the wipe advice is not noise: {:?}",
            l.other
        );
        let l = parse(include_str!("fixtures/ls-multiuser.txt"));
        assert_eq!(
            states(&l),
            [
                ("777.shared", "Multi, attached"),
                ("778.tvox-patch", "Multi, detached"),
                ("779.old", "Private")
            ]
        );
    }

    #[test]
    fn names_with_a_blank_or_unicode() {
        // screen 4.9 on Debian 12: `screen -dmS "tvox patch"`, `screen -dmS città-…`.
        let l = parse(include_str!(
            "fixtures/ls-names-with-space-and-unicode-debian.txt"
        ));
        assert!(l.complete());
        assert_eq!(
            states(&l),
            [
                ("15463.città-aggiornamento", "Detached"),
                ("15460.tvox patch", "Detached")
            ]
        );
        assert_eq!(l.sessions[1].name, "tvox patch");
    }

    #[test]
    fn sessions_copied_with_blanks_for_tabs() {
        // As screen 4.0.3 on Arch and 4.x on Debian print it, tabs turned into blanks
        // by the terminal it was copied from.
        let l = parse(include_str!("fixtures/ls-copied-blanks-dead.txt"));
        assert_eq!(states(&l), [("8069.pts-0.NAS", "Dead")]);
        assert!(l.complete());
        let l = parse(include_str!("fixtures/ls-copied-blanks-remote-or-dead.txt"));
        assert_eq!(
            states(&l),
            [
                (
                    "150.pts-0.terminal-multiplexing~launching-screen",
                    "Remote or dead"
                ),
                ("144.session_d2f6fdc79a9d21f7", "Detached")
            ]
        );
        let l = parse(include_str!("fixtures/ls-copied-blanks-date-de.txt"));
        assert_eq!(
            l.sessions[0].started.as_deref(),
            Some("22.09.2025 08:31:45")
        );
        assert_eq!(l.sessions[0].state, State::Detached);
    }

    #[test]
    fn a_session_line_not_read_leaves_the_listing_incomplete() {
        let text = "There is a screen on:\r\n\t4242.tvdr-patch\t(11/22/26 01:12:05)\t(Detached)\t(new)\n1 Socket in /run/screen/S-root.\r\n";
        let l = parse(text);
        assert!(l.recognized && !l.complete());
        assert!(l.sessions.is_empty());
        assert_eq!(
            l.unread,
            ["4242.tvdr-patch\t(11/22/26 01:12:05)\t(Detached)\t(new)"]
        );
        for odd in ["\t4242.tvdr (Detached", "\t(Detached)", "\t42 (a) (b) (c)"] {
            assert!(parse(odd).sessions.is_empty(), "{odd:?}");
        }
    }

    #[test]
    fn a_listing_cut_short_is_not_complete() {
        let whole = include_str!("fixtures/ls-detached-and-dead-debian.txt");
        assert!(parse(whole).complete());
        // Cut after the header, after the first session, before the footer.
        let lines: Vec<&str> = whole.split_inclusive('\n').collect();
        assert!(!parse(lines[0]).complete(), "header only");
        assert!(!parse(&lines[..2].concat()).complete(), "one of two");
        assert!(parse(&lines[..3].concat()).complete(), "both, footer cut");
        // The footer counts what the header did not say.
        let three = "There are screens on:\r\n\t1.a\t(Detached)\n\t2.b\t(Detached)\n3 Sockets in /run/screen/S-root.\r\n";
        assert!(!parse(three).complete());
        for whole in [
            include_str!("fixtures/ls-multiuser.txt"),
            include_str!("fixtures/ls-one-detached-debian.txt"),
            include_str!("fixtures/ls-none.txt"),
            include_str!("fixtures/ls-names-with-space-and-unicode-debian.txt"),
        ] {
            assert!(parse(whole).complete(), "{whole:?}");
        }
    }

    #[test]
    fn complaints_are_not_a_listing() {
        let l = parse(include_str!("fixtures/ls-bad-socket-dir.txt"));
        assert!(!l.recognized);
        assert_eq!(l.other, ["Directory '/run/screen' must have mode 777."]);
        assert!(!parse("").recognized);
        let l = parse(include_str!("fixtures/ls-error-accessing.txt"));
        assert!(!l.recognized);
        assert_eq!(l.other, ["Error accessing /run/screen/S-root"]);
    }
}
