//! The `tvdr` binary: parse the command line, run it, turn the outcome into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    tvdr::trace::start();
    let code = match tvdr::run(std::env::args_os()) {
        Ok(code) => code,
        // Its reader gone, nobody is left to read why: end as `cat` would.
        Err(err) if tvdr::output::closed::is_stdout_closed(&err) => tvdr::exit_code::STDOUT_CLOSED,
        Err(err) => {
            let code = tvdr::exit_code::for_error(&err);
            let message = if code == tvdr::exit_code::INTERRUPTED {
                tvdr::t!("error-interrupted")
            } else {
                tvdr::error_text::shown(&err)
            };
            if !message.is_empty() {
                eprintln!("{}", tvdr::t!("error-line", message = message));
            }
            code
        }
    };
    tvdr::trace::mark(|| format!("exit {code}"));
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
