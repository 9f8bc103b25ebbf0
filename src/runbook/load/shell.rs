//! Where a `{{ reference }}` may stand in shell text. A value filled into a `script:` is
//! quoted to be one word, so it is data only where the shell reads a word: inside the
//! author's own quotes the two quotings cancel out (`echo "{{ v }}"` with `$(reboot)`
//! runs it), and in a here-document body quotes are plain characters and `$(…)` runs. A
//! reference in the script word of `sh -c` is not quoted at all.

/// Why the first reference in `script` would not be data, or `None` when every one
/// stands where a word does.
pub fn misplaced(script: &str) -> Option<&'static str> {
    let bytes = script.as_bytes();
    let mut state = State::Word;
    // A `<<` seen on this line: its delimiter, read when the line ends.
    let mut here: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"{{") {
            match state {
                State::Word => {}
                State::Single => return Some("inside single quotes"),
                State::Double => return Some("inside double quotes"),
                State::Body(_) => return Some("in a here-document"),
            }
        }
        match (&state, bytes[i]) {
            (State::Word | State::Double, b'\\') => i += 1,
            (State::Word, b'\'') => state = State::Single,
            (State::Single, b'\'') => state = State::Word,
            (State::Word, b'"') => state = State::Double,
            (State::Double, b'"') => state = State::Word,
            (State::Word, b'<') if rest.starts_with(b"<<") && !rest.starts_with(b"<<<") => {
                let (delimiter, used) = delimiter(&script[i + 2..]);
                here = Some(delimiter);
                i += 1 + used;
            }
            (State::Word, b'\n') => {
                if let Some(delimiter) = here.take() {
                    state = State::Body(delimiter);
                }
            }
            (State::Body(delimiter), _) if i == 0 || bytes[i - 1] == b'\n' => {
                let line = script[i..].lines().next().unwrap_or("");
                if line.trim_start_matches('\t') == delimiter {
                    state = State::Word;
                    i += line.len();
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

enum State {
    Word,
    Single,
    Double,
    /// A here-document's body, until its delimiter line.
    Body(String),
}

/// The delimiter after `<<` (or `<<-`), without its quotes, and the bytes it took.
fn delimiter(after: &str) -> (String, usize) {
    let skipped = after.len() - after.trim_start_matches(['-', ' ', '\t']).len();
    let word: String = after[skipped..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !";|&<>()".contains(*c))
        .collect();
    let used = skipped + word.len();
    (word.replace(['\'', '"', '\\'], ""), used)
}

/// Whether `words` (a `command:` list, as written) runs a shell on a script: `sh -c`,
/// `bash -ec`… Returns the index of the script word.
pub fn shell_script_word(words: &[String]) -> Option<usize> {
    let program = words.first()?.rsplit('/').next()?;
    if !matches!(program, "sh" | "bash" | "dash" | "ksh" | "zsh" | "ash") {
        return None;
    }
    let c = words.iter().position(|w| {
        w.len() > 1 && w.starts_with('-') && !w.starts_with("--") && w.contains('c')
    })?;
    (c + 1 < words.len()).then_some(c + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_reference_is_a_word() {
        for script in [
            "printf %s {{ v }} > out",
            "ls -l {{ p }} && test -x {{ p }}",
            "echo 'a' {{ v }} \"b\" {{ w }}",
            "echo \"it's\" {{ v }}",
            "echo \\\" {{ v }}",
            "x=$(cat {{ p }})",
            "cat <<'EOF'\nplain\nEOF\necho {{ v }}",
            "cat <<-END >f\n\tbody\n\tEND\nrm {{ v }}",
            "grep x <<< {{ v }}",
        ] {
            assert_eq!(misplaced(script), None, "{script}");
        }
    }

    #[test]
    fn a_reference_inside_quotes_or_a_here_document_is_not() {
        for (script, why) in [
            ("echo \"{{ v }}\"", "inside double quotes"),
            ("echo \"a \\\" {{ v }}\"", "inside double quotes"),
            ("echo '{{ v }}'", "inside single quotes"),
            ("echo 'it''{{ v }}'", "inside single quotes"),
            ("cat <<EOF\n{{ v }}\nEOF", "in a here-document"),
            ("cat <<'EOF' > f\nx {{ v }}\nEOF", "in a here-document"),
        ] {
            assert_eq!(misplaced(script), Some(why), "{script}");
        }
    }

    #[test]
    fn the_script_word_of_a_shell() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            shell_script_word(&words(&["sh", "-c", "x", "sh", "y"])),
            Some(2)
        );
        assert_eq!(
            shell_script_word(&words(&["/bin/bash", "-ec", "x"])),
            Some(2)
        );
        assert_eq!(shell_script_word(&words(&["sh", "script.sh", "-c"])), None);
        assert_eq!(shell_script_word(&words(&["printf", "-c", "x"])), None);
        assert_eq!(shell_script_word(&words(&["sh", "--norc", "x"])), None);
    }
}
