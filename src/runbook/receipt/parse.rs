//! Reading what the receipt tool printed: `key=value` lines, then, for a finished
//! attempt, `--` and the output's last bytes (standard output, then standard error, their
//! lengths given in the header). Anything else is an unreadable receipt, never a guess.

use super::{Receipt, State};

/// Parses the tool's output. An unknown key is ignored (a newer tool); `unreadable` (the
/// tool's reason), a missing or unknown `state`, a bad number, or output shorter than
/// announced is an error.
pub fn parse(bytes: &[u8]) -> Result<Receipt, String> {
    let mut receipt = Receipt::default();
    let mut state = None;
    let mut rest: &[u8] = bytes;
    let mut sizes = (None, None);
    while !rest.is_empty() {
        let (line, after) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = after;
        if line == b"--" {
            break;
        }
        let line = std::str::from_utf8(line).map_err(|_| "a header line is not text")?;
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("unexpected line `{}`", shorten(line)));
        };
        match key {
            // The tool found a receipt it cannot read, and says why.
            "unreadable" => return Err(value.to_string()),
            "state" => state = Some(State::parse(value)?),
            "attempt" => receipt.attempt = number(key, value)?,
            "pid" => receipt.pid = Some(number(key, value)?),
            "exit" => receipt.exit = Some(number(key, value)?),
            "started" => receipt.started = seconds(value),
            "ended" => receipt.ended = seconds(value),
            "boot" => receipt.boot = non_empty(value),
            "boot_now" => receipt.boot_now = non_empty(value),
            "fresh" => receipt.fresh = value == "1",
            "raced" => receipt.raced = value == "1",
            "out_bytes" => sizes.0 = Some(number::<usize>(key, value)?),
            "err_bytes" => sizes.1 = Some(number::<usize>(key, value)?),
            _ => {}
        }
    }
    receipt.state = state.ok_or("no state")?;
    if let (Some(out), Some(err)) = sizes {
        let total = out.checked_add(err).ok_or("absurd output sizes")?;
        if rest.len() < total {
            return Err(format!(
                "the output is cut short ({} bytes of {total})",
                rest.len()
            ));
        }
        receipt.stdout = rest[..out].to_vec();
        receipt.stderr = rest[out..out + err].to_vec();
    }
    if receipt.state == State::Finished && receipt.exit.is_none() {
        return Err("a finished attempt without its exit status".into());
    }
    Ok(receipt)
}

fn number<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, String> {
    value
        .trim()
        .parse()
        .map_err(|_| format!("`{key}` is not a number: `{}`", shorten(value)))
}

/// `date +%s.%N` seconds; a `date` without `%N` prints a literal `N`: the whole seconds
/// are still good.
fn seconds(value: &str) -> Option<f64> {
    let value = value.trim();
    value.parse().ok().or_else(|| {
        let whole: String = value.chars().take_while(char::is_ascii_digit).collect();
        whole.parse().ok()
    })
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn shorten(text: &str) -> String {
    text.chars().take(60).collect()
}
